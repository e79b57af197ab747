import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const title = 'Size of dist/index.html (the whole app, one file)';
const BUDGET = 250 * 1024;

export async function run() {
  const html = readFileSync('dist/index.html');
  const gz = gzipSync(html, { level: 9 }).length;
  return [
    { label: 'raw', value: `${(html.length / 1024).toFixed(1)} KiB` },
    { label: 'gzip -9', value: `${(gz / 1024).toFixed(1)} KiB = ${(gz / BUDGET).toFixed(2)} × budget of 250 KiB`, bar: '≤ 1.00 × budget', ok: gz <= BUDGET },
  ];
}
