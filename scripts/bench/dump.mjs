import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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

const GNU_TIME = '/usr/bin/time';

/**
 * Wall time, the CPU time (user + sys) of all the processes a shell command ran (bash `times`), and
 * the peak resident memory of each process GNU time wraps (%M, KB): `{rss}` in the command is
 * replaced by a wrapper writing to its own file.
 */
function measure(command) {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-rss-'));
  let n = 0;
  const wrapped = command.replace(/\{rss\}/g, () => `${GNU_TIME} -f %M -o '${join(dir, `rss${n++}`)}'`);
  const t0 = performance.now();
  const out = execFileSync('bash', ['-c', `${wrapped} > /dev/null; times`], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = (performance.now() - t0) / 1000;
  const [user, sys] = out.trim().split('\n').at(-1).split(' ').map(seconds);
  const rss = Array.from({ length: n }, (_, i) => Number(readFileSync(join(dir, `rss${i}`), 'utf8').trim().split('\n').at(-1)) / 1024);
  rmSync(dir, { recursive: true });
  return { wall, cpu: user + sys, rss };
}

const mb = (xs) => xs.map((x) => `${x.toFixed(0)} MB`).join(' + ');

export async function run() {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time, for peak memory) is missing: apt-get install time`);
  const bundle = buildBundle();
  // Both pipeline stages of openssl run at once: their peak memories add up.
  const commands = {
    openssl: `{rss} openssl crl2pkcs7 -nocrl -certfile '${bundle}' | {rss} openssl pkcs7 -print_certs -text -noout`,
    certbench: `{rss} node dist/cli.mjs dump '${bundle}'`,
  };
  // Alternate the two, so a change in the machine's load falls on both alike.
  const runs = { openssl: [], certbench: [] };
  for (let i = 0; i < RUNS; i++) for (const k of ['openssl', 'certbench']) runs[k].push(measure(commands[k]));
  const m = (k, f) => median(runs[k].map((r) => r[f]));
  const list = (k, f) => runs[k].map((r) => r[f].toFixed(2)).join(', ');
  const peak = (k) => runs[k].map((r) => r.rss).reduce((a, b) => (a.reduce((x, y) => x + y) >= b.reduce((x, y) => x + y) ? a : b));
  const wallRatio = m('certbench', 'wall') / m('openssl', 'wall');
  const cpuRatio = m('certbench', 'cpu') / m('openssl', 'cpu');
  const [load] = loadavg();
  return [
    { label: `openssl crl2pkcs7 | pkcs7 -print_certs -text (median of ${RUNS})`, value: `${m('openssl', 'wall').toFixed(2)} s wall (${list('openssl', 'wall')}), ${m('openssl', 'cpu').toFixed(2)} s CPU (${list('openssl', 'cpu')})` },
    { label: `certbench dump (node dist/cli.mjs) (median of ${RUNS})`, value: `${m('certbench', 'wall').toFixed(2)} s wall (${list('certbench', 'wall')}), ${m('certbench', 'cpu').toFixed(2)} s CPU (${list('certbench', 'cpu')})` },
    { label: 'ratio, wall time', value: `${wallRatio.toFixed(2)} × openssl (CPU: ${cpuRatio.toFixed(2)} ×; ${availableParallelism()} cores, load ${load.toFixed(1)})`, bar: '≤ 0.70 × openssl', ok: wallRatio <= 0.7 },
    { label: 'peak memory (RSS, largest run)', value: `certbench ${mb(peak('certbench'))}, openssl ${mb(peak('openssl'))}` },
  ];
}
