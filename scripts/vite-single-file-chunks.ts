import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRaw as pakoDeflateRaw } from 'pako';
import type { Plugin } from 'vite';

/**
 * Writes the whole app as one HTML file that is opened from disk (file://), without making the
 * browser read and compile all of it before the first paint.
 *
 * The build is split into CommonJS-style chunks (the start-up code, one per area, the PKI core,
 * the decode worker's entry). Each chunk is wrapped as `__certbench.define(name, factory)`,
 * deflated and stored base64 in a `<script type="application/x-certbench-chunk">` block, which
 * the browser neither runs nor parses. scripts/single-file-boot.js, the one script the parser
 * runs, decompresses a chunk and the chunks it requires when it is needed and runs it as an
 * inline script. Measured on the finished app: the HTML parser reads about a third of the bytes
 * (base64 of deflate instead of the JavaScript), and only the start-up chunks are compiled before
 * the app is interactive.
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
    generateBundle(_options, bundle) {
      const css: string[] = [];
      const chunks: { name: string; source: string; imports: string[]; dynamic: string[] }[] = [];
      for (const [fileName, out] of Object.entries(bundle)) {
        if (out.type === 'asset') {
          if (fileName.endsWith('.css')) css.push(String(out.source));
          else this.error(`unexpected asset ${fileName}: the single-file build inlines only JavaScript and CSS`);
        } else {
          chunks.push({ name: fileName, source: wrapChunk(fileName, out.code, (m) => this.error(m)), imports: out.imports, dynamic: out.dynamicImports });
        }
        delete bundle[fileName];
      }
      // The entries first, then by name (code unit): the file's order is this plugin's, not the bundler's iteration order.
      const rank = (n: string) => (n === 'main.js' ? 0 : n === 'worker.js' ? 1 : 2);
      chunks.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const c of chunks) {
        for (const d of [...c.imports, ...c.dynamic]) if (!chunks.some((o) => o.name === d)) this.error(`${c.name} needs ${d}, which is not a chunk of this build`);
      }
      if (!chunks.some((c) => c.name === 'main.js') || !chunks.some((c) => c.name === 'worker.js')) this.error('the build needs the entries main.js and worker.js');

      const boot = readFileSync(join(root, 'scripts/single-file-boot.js'), 'utf8');
      const manifest = Object.fromEntries(chunks.map((c) => [c.name, { imports: c.imports, dynamic: c.dynamic }]));
      const blocks = chunks
        .map((c) => `<script type="application/x-certbench-chunk" data-chunk="${c.name}">${deflateRaw(c.source)}</script>`)
        .join('\n    ');
      const policy = [
        "default-src 'none'",
        `script-src ${[boot, ...chunks.map((c) => c.source)].map(sha256Source).join(' ')}`,
        'worker-src blob:',
        // Svelte sets style attributes; the stylesheet itself is inlined.
        "style-src 'unsafe-inline'",
        'img-src data: blob:',
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; ');

      const template = readFileSync(join(root, 'index.html'), 'utf8');
      const devScript = /\s*<script type="module" src="\/src\/main\.ts"><\/script>/;
      if (!devScript.test(template)) this.error('index.html: the dev <script type="module" src="/src/main.ts"> tag was not found');
      const html = template
        .replace(devScript, '')
        .replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`)
        .replace('</head>', `  <style>${css.join('\n')}</style>\n  </head>`)
        .replace(
          '</body>',
          `  ${blocks}\n    <script type="application/json" id="certbench-chunks">${JSON.stringify(manifest)}</script>\n    <script>${boot}</script>\n  </body>`,
        );
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
    },
  };
}

/**
 * Raw DEFLATE, base64, by pako (zlib's deflate ported to JavaScript, its version fixed by
 * package-lock.json) rather than node:zlib, whose compressed bytes have changed between Node releases
 * (nodejs/node#50138: a patch release of Node 18) and are not deterministic at all on zlib builds with
 * hardware deflate (s390x): the release file must come out the same on any machine that builds the
 * commit. pako gives zlib's compression (fflate's was 3.5% larger).
 */
function deflateRaw(text: string): string {
  return Buffer.from(pakoDeflateRaw(new TextEncoder().encode(text), { level: 9 })).toString('base64');
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
