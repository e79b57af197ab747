import { readFileSync } from 'node:fs';
import { gzipSync, inflateRawSync } from 'node:zlib';

export const title = 'Size of dist/index.html (the whole app, one file)';
const BUDGET = 640 * 1024;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// The block holds one character per byte (read here as latin1, byte for byte); '=' + A-D stands for NUL, CR, '<', '='.
const UNESCAPE = { A: 0x00, B: 0x0d, C: 0x3c, D: 0x3d };

/** The page's packed block: its text, its compressed bytes and the stream they inflate to (manifest line, stylesheet, chunks). */
export function packedStream(html) {
  const text = /<script type="application\/x-certbench-chunk" id="certbench-pack">([^<]*)<\/script>/.exec(html.toString('latin1'))[1];
  const bytes = [];
  for (let i = 0; i < text.length; i++) bytes.push(text[i] === '=' ? UNESCAPE[text[++i]] : text.charCodeAt(i));
  const compressed = Buffer.from(bytes);
  return { text, compressed, stream: inflateRawSync(compressed) };
}

/** The stylesheet and chunks the page carries (one deflate-raw stream) and the loader's manifest; see scripts/vite-single-file-chunks.ts. */
function packOf(html) {
  const { text, compressed, stream } = packedStream(html);
  const line = stream.indexOf(0x0a);
  const manifest = JSON.parse(stream.subarray(0, line).toString('utf8'));
  const all = stream.subarray(line + 1);
  const closure = (name, out = new Set()) => {
    if (!out.has(name)) {
      out.add(name);
      for (const d of manifest.chunks[name].imports) closure(d, out);
    }
    return out;
  };
  const code = (names) => names.reduce((s, n) => s + manifest.chunks[n].at[1] - manifest.chunks[n].at[0], 0);
  const names = Object.keys(manifest.chunks);
  const startup = [...closure('main.js')];
  return { block: text.length, compressed: compressed.length, all: all.length, chunks: names.length, code: code(names), startup: startup.length, startupCode: code(startup) };
}

export async function run() {
  const html = readFileSync('dist/index.html');
  const gz = gzipSync(html, { level: 9 }).length;
  const p = packOf(html);
  return [
    { label: 'raw (what is copied and opened)', value: `${kib(html.length)} (${html.length} bytes)`, bar: `≤ ${kib(BUDGET)}`, ok: html.length <= BUDGET },
    { label: 'gzip -9 (for reference: the file is already compressed)', value: kib(gz) },
    { label: `stylesheet + ${p.chunks} chunks: one deflate stream / in the page / as text`, value: `${kib(p.compressed)} / ${kib(p.block)} / ${kib(p.all)}` },
    { label: `compiled before interactive (${p.startup} chunks)`, value: `${kib(p.startupCode)} of ${kib(p.code)}` },
  ];
}
