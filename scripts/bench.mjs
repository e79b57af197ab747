// `npm run bench`: certbench's speed and size figures, each printed beside a reference measured in
// the same run (a ratio, so the numbers mean the same on a slower machine). Not a test.
// Sections live in scripts/bench/*.mjs; each exports `run()` returning rows to print.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
if (!existsSync('dist/index.html') || !existsSync('dist/cli.mjs')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

const only = process.argv.slice(2);
const sections = ['size', 'cold-open', 'paste', 'dump', 'create', 'create-long-task', 'cluster-pki', 'cluster-renew'].filter((s) => !only.length || only.includes(s));
let failed = false;
for (const name of sections) {
  const mod = await import(`./bench/${name}.mjs`);
  console.log(`\n== ${mod.title} ==`);
  try {
    for (const row of await mod.run()) {
      const bar = row.bar === undefined ? '' : `  (bar ${row.bar}: ${row.ok ? 'met' : 'MISSED'})`;
      console.log(`${row.label.padEnd(58)} ${row.value}${bar}`);
      if (row.ok === false) failed = true;
    }
  } catch (e) {
    console.log(`failed: ${e instanceof Error ? e.message : e}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
