import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Adds a Content-Security-Policy <meta> to the single-file build. Scripts are allowed only by
 * the SHA-256 of the inlined bundle, so the page can run nothing it did not ship with, and
 * `default-src 'none'` (with no connect-src) forbids every fetch, XHR, WebSocket and beacon.
 * Runs on the written file, after vite-plugin-singlefile has inlined the bundle, so the hash is of
 * exactly the bytes the browser will see.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'certbench-csp',
    enforce: 'post',
    writeBundle(options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
        const file = join(options.dir ?? 'dist', asset.fileName);
        const html = readFileSync(file, 'utf8');
        const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map(
          (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
        );
        const policy = [
          "default-src 'none'",
          `script-src ${hashes.join(' ')}`,
          // Inline Vite workers are created from Blob URLs.
          'worker-src blob:',
          // Svelte sets style attributes; the stylesheet itself is inlined.
          "style-src 'unsafe-inline'",
          'img-src data: blob:',
          "connect-src 'none'",
          "base-uri 'none'",
          "form-action 'none'",
        ].join('; ');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
        writeFileSync(file, html.replace(/<head>/, `<head>\n    ${meta}`));
      }
    },
  };
}
