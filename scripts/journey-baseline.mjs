// Measures the five walkthroughs of issue 11 (tests/e2e/journey-baseline.ts) on a build of the app
// before the bench, in real Chromium from file://, and prints `journey NAME: N actions, M values typed twice`
// for each. The baseline build lives in its own clone:
//   git clone /work/main /tmp/baseline && cd /tmp/baseline && git checkout 4edceed && npm ci && npm run build
// Usage: node scripts/journey-baseline.mjs [--html /tmp/baseline/dist/index.html] [--only NAME] [--steps] [--write]
// --write puts the numbers into tests/e2e/journey-baseline.json (measuredOn: the commit of that build).
import { writeFileSync } from 'node:fs';
import { runnerImport } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const html = option('--html', '/tmp/baseline/dist/index.html');
const only = option('--only');
const measuredOn = option('--commit', '4edceed');

// The walkthroughs are TypeScript: Vite's module runner loads them (Node 20 does not strip types).
const { module } = await runnerImport(`${root}tests/e2e/journey-baseline.ts`, { configFile: false, logLevel: 'error', root });
const names = only ? [only] : Object.keys(module.WALKTHROUGHS);
const results = {};
for (const name of names) {
  const r = await module.runWalkthrough(name, html);
  if (args.includes('--steps')) for (const [i, s] of r.steps.entries()) console.log(`  ${i + 1}. ${s.kind} ${s.target}${s.value === undefined ? '' : ` = ${s.value}`}`);
  if (r.retyped.length) console.log(`  typed twice: ${r.retyped.join(' | ')}`);
  results[name] = { actions: r.actions, valuesTypedTwice: r.valuesTypedTwice, measuredOn };
}
if (args.includes('--write')) {
  const path = `${root}tests/e2e/journey-baseline.json`;
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
