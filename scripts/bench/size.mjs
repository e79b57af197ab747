import { readFileSync } from 'node:fs';
import { gzipSync, inflateRawSync } from 'node:zlib';

export const title = 'Size of dist/index.html (the whole app, one file)';
const BUDGET = 250 * 1024;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** The chunks the page carries (deflate-raw, base64) and the loader's manifest; see scripts/vite-single-file-chunks.ts. */
function chunksOf(html) {
  const manifest = JSON.parse(/<script type="application\/json" id="certbench-chunks">([^<]*)<\/script>/.exec(html)[1]);
  const chunks = new Map();
  for (const m of html.matchAll(/<script type="application\/x-certbench-chunk" data-chunk="([^"]+)">([^<]*)<\/script>/g)) {
    const compressed = Buffer.from(m[2], 'base64');
    chunks.set(m[1], { compressed: compressed.length, code: inflateRawSync(compressed).length });
  }
  const closure = (name, out = new Set()) => {
    if (!out.has(name)) {
      out.add(name);
      for (const d of manifest[name].imports) closure(d, out);
    }
    return out;
  };
  return { chunks, startup: [...closure('main.js')] };
}

export async function run() {
  const html = readFileSync('dist/index.html');
  const gz = gzipSync(html, { level: 9 }).length;
  const { chunks, startup } = chunksOf(html.toString('utf8'));
  const all = [...chunks.values()];
  const sum = (xs, k) => xs.reduce((s, c) => s + c[k], 0);
  const start = startup.map((n) => chunks.get(n));
  return [
    { label: 'raw (what is copied and opened)', value: kib(html.length) },
    { label: 'gzip -9', value: `${kib(gz)} = ${(gz / BUDGET).toFixed(2)} × budget of 250 KiB`, bar: '≤ 1.00 × budget', ok: gz <= BUDGET },
    { label: `JavaScript: ${chunks.size} chunks, deflated / as code`, value: `${kib(sum(all, 'compressed'))} / ${kib(sum(all, 'code'))}` },
    { label: `compiled before interactive (${startup.length} chunks)`, value: `${kib(sum(start, 'code'))} of ${kib(sum(all, 'code'))}` },
  ];
}
