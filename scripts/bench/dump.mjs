import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './chromium.mjs';

export const title = 'Dump a PEM bundle of 10,000 certificates (certbench dump vs openssl, same bundle, same run)';
const COUNT = 10_000;
const RUNS = 3;

// The bundle cycles through the corpus certificates, so it has every key type and extension in it.
export function buildBundle() {
  const dir = 'tests/fixtures/corpus/certs';
  const pems = readdirSync(dir).filter((f) => f.endsWith('.pem')).map((f) => readFileSync(join(dir, f), 'utf8').trim());
  const out = [];
  for (let i = 0; i < COUNT; i++) out.push(pems[i % pems.length]);
  const file = join(mkdtempSync(join(tmpdir(), 'certbench-dump-')), 'bundle.pem');
  writeFileSync(file, out.join('\n') + '\n');
  return file;
}

function seconds(s) {
  const m = /(\d+)m([\d.]+)s/.exec(s);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Wall time and the CPU time (user + sys) of all the processes a shell command ran (bash `times`). */
function measure(command) {
  const t0 = performance.now();
  const out = execFileSync('bash', ['-c', `${command} > /dev/null; times`], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = (performance.now() - t0) / 1000;
  const [user, sys] = out.trim().split('\n').at(-1).split(' ').map(seconds);
  return { wall, cpu: user + sys };
}

export async function run() {
  const bundle = buildBundle();
  const commands = {
    openssl: `openssl crl2pkcs7 -nocrl -certfile '${bundle}' | openssl pkcs7 -print_certs -text -noout`,
    certbench: `node dist/cli.mjs dump '${bundle}'`,
  };
  // Alternate the two, so a change in the machine's load falls on both alike.
  const runs = { openssl: [], certbench: [] };
  for (let i = 0; i < RUNS; i++) for (const k of ['openssl', 'certbench']) runs[k].push(measure(commands[k]));
  const m = (k, f) => median(runs[k].map((r) => r[f]));
  const wallRatio = m('certbench', 'wall') / m('openssl', 'wall');
  const cpuRatio = m('certbench', 'cpu') / m('openssl', 'cpu');
  return [
    { label: `openssl crl2pkcs7 | pkcs7 -print_certs -text (median of ${RUNS})`, value: `${m('openssl', 'wall').toFixed(2)} s wall, ${m('openssl', 'cpu').toFixed(2)} s CPU` },
    { label: `certbench dump (node dist/cli.mjs) (median of ${RUNS})`, value: `${m('certbench', 'wall').toFixed(2)} s wall, ${m('certbench', 'cpu').toFixed(2)} s CPU` },
    { label: 'ratio, wall time', value: `${wallRatio.toFixed(2)} × openssl`, bar: '≤ 2.00 × openssl', ok: wallRatio <= 2 },
    { label: 'ratio, CPU time', value: `${cpuRatio.toFixed(2)} × openssl` },
  ];
}
