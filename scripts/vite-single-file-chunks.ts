import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflate as zopfliDeflate } from '@gfx/zopfli';
import type { Plugin } from 'vite';
import { languageOfChunk } from './vite-locale-chunks.ts';

/**
 * Writes the whole app as one HTML file that is opened from disk (file://), as small as the HTML
 * allows and without making the browser read and compile all of it before the first paint.
 *
 * The build is split into CommonJS-style chunks (the start-up code, one per area, the PKI core,
 * the decode worker's entry). Each chunk is wrapped as `__certbench.define(name, factory)`. The
 * stylesheet and every chunk, start-up code first, are deflated as ONE stream (later chunks reuse
 * earlier ones' strings) and stored in one `<script type="application/x-certbench-chunk">` block,
 * which the browser neither runs nor parses, byte for byte (see packBytes: the page is declared
 * windows-1252, where each of the 256 byte values is its own character, so the block costs ~1.6%
 * over the compressed bytes where base64 cost 33%). scripts/single-file-boot.js, the one script
 * the parser runs, inflates the stream (native DecompressionStream) only as far as it is needed: the
 * stylesheet and the start-up chunks, which come first, before the first screen; the rest while the
 * page is idle or when asked for. It runs a chunk, with the chunks it requires, as an inline script
 * when it is first needed.
 *
 * The Content-Security-Policy allows scripts by SHA-256 only: the loader's and each wrapped
 * chunk's (inline scripts inserted by the loader are checked against those hashes too), so the
 * page can run nothing it did not ship with; no 'unsafe-inline', no blob: scripts. The decode
 * worker is a classic worker from a Blob URL (`worker-src blob:`), the only kind Chromium starts
 * from file://; its script is made of the same chunk texts. `default-src 'none'` with no
 * connect-src forbids every fetch, XHR, WebSocket and beacon.
 */
export function singleFileChunks(root: string): Plugin {
  return {
    name: 'certbench-single-file-chunks',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const css: string[] = [];
      const chunks: { name: string; source: string; imports: string[]; dynamic: string[]; language?: string }[] = [];
      for (const [fileName, out] of Object.entries(bundle)) {
        if (out.type === 'asset') {
          if (fileName.endsWith('.css')) css.push(String(out.source));
          else this.error(`unexpected asset ${fileName}: the single-file build inlines only JavaScript and CSS`);
        } else {
          const language = languageOfChunk(out.moduleIds);
          chunks.push({ name: fileName, source: wrapChunk(fileName, out.code, (m) => this.error(m)), imports: out.imports, dynamic: out.dynamicImports, ...(language ? { language } : {}) });
        }
        delete bundle[fileName];
      }
      for (const c of chunks) {
        for (const d of [...c.imports, ...c.dynamic]) if (!chunks.some((o) => o.name === d)) this.error(`${c.name} needs ${d}, which is not a chunk of this build`);
      }
      if (!chunks.some((c) => c.name === 'main.js') || !chunks.some((c) => c.name === 'worker.js')) this.error('the build needs the entries main.js and worker.js');
      // Start-up chunks first, then by name (code unit): the file's order is this plugin's, not the bundler's iteration order.
      const startup = new Set<string>();
      const reach = (n: string) => {
        if (startup.has(n)) return;
        startup.add(n);
        for (const d of chunks.find((c) => c.name === n)!.imports) reach(d);
      };
      reach('main.js');
      const rank = (n: string) => (n === 'main.js' ? 0 : startup.has(n) ? 1 : n === 'worker.js' ? 2 : 3);
      chunks.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

      // One text: the manifest (JSON, one line), then the stylesheet and each chunk, whose [start, end)
      // in UTF-8 bytes after the manifest's line the manifest names.
      const encoder = new TextEncoder();
      const parts = [encoder.encode(css.join('\n')), ...chunks.map((c) => encoder.encode(c.source))];
      const ends: number[] = [];
      parts.reduce((at, p) => (ends.push(at + p.length), at + p.length), 0);
      const all = new Uint8Array(ends[ends.length - 1]!);
      parts.forEach((p, i) => all.set(p, i ? ends[i - 1]! : 0));
      const manifest = {
        css: [0, ends[0]],
        // `language`: the loader leaves a language's texts to be compiled when that language is chosen.
        chunks: Object.fromEntries(chunks.map((c, i) => [c.name, { imports: c.imports, dynamic: c.dynamic, ...(c.language ? { language: c.language } : {}), at: [ends[i]!, ends[i + 1]!] }])),
      };
      const head = encoder.encode(`${JSON.stringify(manifest)}\n`);
      const stream = new Uint8Array(head.length + all.length);
      stream.set(head);
      stream.set(all, head.length);

      // Its comments and indentation are for the reader of the repository, not of the page (whole-line
      // // comments only; the loader has no string or template that spans lines).
      const boot = readFileSync(join(root, 'scripts/single-file-boot.js'), 'utf8').replace(/^\s*\/\/.*\n/gm, '').replace(/^[ \t]+/gm, '');
      if (/[^\x00-\x7f]/.test(boot)) this.error('scripts/single-file-boot.js must be ASCII: the page is read as windows-1252');
      const policy = [
        "default-src 'none'",
        `script-src ${[boot, ...chunks.map((c) => c.source)].map(sha256Source).join(' ')}`,
        'worker-src blob:',
        // Svelte sets style attributes; the stylesheet is inserted by the loader.
        "style-src 'unsafe-inline'",
        'img-src data: blob:',
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; ');

      const template = readFileSync(join(root, 'index.html'), 'utf8');
      const devScript = /\s*<script type="module" src="\/src\/main\.ts"><\/script>/;
      if (!devScript.test(template)) this.error('index.html: the dev <script type="module" src="/src/main.ts"> tag was not found');
      if (!template.includes('<meta charset="utf-8">')) this.error('index.html: <meta charset="utf-8"> was not found');
      const packed = packBytes(await deflateRaw(stream));
      const html = asciiHtml(template)
        .replace(devScript, '')
        // The charset first: browsers look for it in the first 1024 bytes only, and the policy's hashes are longer.
        .replace('<meta charset="utf-8">', () => `<meta charset="windows-1252">\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`)
        // Replaced by functions: a replacement string would read `$&`, `$'`… in the packed bytes as patterns.
        .replace(
          '</body>',
          () => `  <script type="application/x-certbench-chunk" id="certbench-pack">${packed}</script>\n    <script>${boot}</script>\n  </body>`,
        );
      // The file is bytes; Vite would write a string as UTF-8, which would turn each byte ≥ 0x80 into two.
      this.emitFile({ type: 'asset', fileName: 'index.html', source: Buffer.from(html, 'latin1') });
    },
  };
}

/** The template's own text as ASCII (non-ASCII as character references), so that windows-1252 reads it right. */
function asciiHtml(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
}

/**
 * Bytes as the text of a <script> block in a windows-1252 page, one character per byte (a string of
 * code points 0–255, written as latin1). The HTML parser keeps every byte of such a block but three:
 * NUL (replaced), CR (turned into LF) and '<' (which could end the block); those and the escape byte
 * itself are written as ESCAPE + a letter. The loader (unpackBytes in single-file-boot.js) undoes it.
 */
export const PACK_ESCAPES = { 0x00: 'A', 0x0d: 'B', 0x3c: 'C', 0x3d: 'D' } as const;
const ESCAPE = '=';
export function packBytes(bytes: Uint8Array): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const letter = PACK_ESCAPES[bytes[i] as keyof typeof PACK_ESCAPES];
    if (letter === undefined) continue;
    out += latin1(bytes.subarray(run, i)) + ESCAPE + letter;
    run = i + 1;
  }
  return out + latin1(bytes.subarray(run));
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Raw DEFLATE by zopfli (Google's exhaustive deflate encoder, compiled to WebAssembly by @gfx/zopfli,
 * its version fixed by package-lock.json): standard deflate the browser's DecompressionStream reads,
 * 5 % smaller than zlib's level 9 on this stream (607 against 639 KB: the file's size bar), for ~4 s
 * of build time. Not node:zlib, whose compressed bytes have changed between Node releases
 * (nodejs/node#50138) and differ on zlib builds with hardware deflate (s390x): the release file must
 * come out the same on any machine that builds the commit, and zopfli's output depends only on its input.
 */
function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  // 10 iterations: 15 gained 0.07 % more for 30 % more time.
  return new Promise((resolve, reject) => zopfliDeflate(bytes, { numiterations: 10 }, (e, out) => (e ? reject(e) : resolve(out))));
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A chunk as the loader runs it. import() of another chunk (rendered by the bundler as
 * `Promise.resolve().then(()=>require("./x.js"))`) becomes `__certbench.load("x.js")`, which
 * decompresses and defines that chunk and the chunks it requires first.
 */
export function wrapChunk(name: string, code: string, fail: (message: string) => never): string {
  const lazy = code.replace(/Promise\.resolve\(\)\.then\(\(\)\s*=>\s*require\((["'`])\.\/([^"'`]+)\1\)\)/g, (_, _q, target: string) => `__certbench.load(${JSON.stringify(target)})`);
  if (/Promise\.resolve\(\)\.then\(\(\)\s*=>\s*require\(/.test(lazy)) fail(`${name}: an import() the loader cannot rewrite`);
  return `__certbench.define(${JSON.stringify(name)},function(require,module,exports){"use strict";\n${lazy}\n});`;
}
