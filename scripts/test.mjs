// `npm test`: every test — unit and component (vitest), then real-browser e2e on dist/index.html.
// Builds first when dist/ is missing or older than the sources, installs the browsers when missing
// (scripts/ensure-browsers.mjs), and ends with one line "tests: N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

const outputs = ['dist/index.html', 'dist/cli.mjs'];
const inputs = ['src', 'index.html', 'vite.config.ts', 'vite.cli.config.ts', 'scripts', 'package-lock.json'];
const built = outputs.every(existsSync) ? Math.min(...outputs.map((o) => statSync(o).mtimeMs)) : 0;
// The build writes in the commit it was made from (About, --version): a build of another commit is stale too.
function commitMismatch() {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    const says = execFileSync(process.execPath, ['dist/cli.mjs', '--version'], { encoding: 'utf8' });
    return !says.includes(`(commit ${head.slice(0, 12)}${dirty ? '-dirty' : ''},`);
  } catch {
    return false;
  }
}
if (built < Math.max(...inputs.filter(existsSync).map(newestMtime)) || (built && commitMismatch())) {
  console.log('dist/ is missing, older than the sources or built from another commit: npm run build');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

execFileSync('node', ['scripts/ensure-browsers.mjs'], { stdio: 'inherit' });

mkdirSync('.tmp', { recursive: true });
const runs = [
  { name: 'unit + component', args: ['vitest', 'run'], report: '.tmp/vitest-unit.json' },
  { name: 'e2e (Chromium, Firefox ESR)', args: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], report: '.tmp/vitest-e2e.json' },
];
let passed = 0;
let failed = 0;
let skipped = 0;
/** Files that failed where no test did (a hook): their tests are counted as skipped, so say so beside the count. */
let hookFailures = 0;
let broken = false;
/** Failed tests, named at the end: CI shows only the tail of a long log, and a count alone does not say what to fix. */
const failures = [];
for (const run of runs) {
  console.log(`\n== ${run.name} ==`);
  const r = spawnSync('npx', [...run.args, '--reporter=default', '--reporter=json', `--outputFile.json=${run.report}`], {
    stdio: 'inherit',
  });
  if (!existsSync(run.report)) {
    console.error(`${run.name}: vitest wrote no report (exit ${r.status})`);
    broken = true;
    continue;
  }
  const report = JSON.parse(readFileSync(run.report, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      const why = String(t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
      failures.push(`${file.name.replace(root, '')} > ${t.fullName}\n    ${why}`);
    }
    // A file that failed to load has no test results of its own, only its message.
    if (file.status === 'failed' && !(file.assertionResults ?? []).length) failures.push(`${file.name.replace(root, '')}: ${String(file.message).split('\n')[0]}`);
    // A failed beforeAll/afterAll leaves its tests skipped and no message in the report: name the suites not run.
    else if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')) {
      const notRun = [...new Set(file.assertionResults.filter((t) => t.status !== 'passed').map((t) => t.ancestorTitles?.[0] ?? t.fullName))];
      hookFailures++;
      failures.push(`${file.name.replace(root, '')}: failed outside its tests (a beforeAll or afterAll hook, see above)${notRun.length ? `; not run: ${notRun.join('; ')}` : ''}`);
    }
  }
  if (r.status !== 0 || report.numTotalTests === 0) broken = true;
}
if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${hookFailures ? ` (${hookFailures} files failed in a beforeAll or afterAll)` : ''}`);
process.exit(broken || failed ? 1 : 0);
