/**
 * Starts a worker that runs this very page's bundle: the script text of the inlined
 * <script type="module"> is wrapped into a classic script and handed to `new Worker` as a Blob URL.
 *
 * Why not Vite's `?worker&inline`: that bundles the whole PKI core a second time into the page
 * (about 190 KB gzip of a 250 KB budget). Why classic: Chromium starts neither module workers from
 * Blob URLs nor workers from other files when the page is opened from file://.
 * The bundle must therefore stay parseable as a classic script: no dynamic import(), no import.meta
 * (tests/e2e check that the worker starts). src/main.ts branches on `typeof document` to serve.
 */
export function startSameBundleWorker(): Worker | undefined {
  if (typeof Worker !== 'function' || typeof document === 'undefined') return undefined;
  const script = document.querySelector<HTMLScriptElement>('script[type="module"]:not([src])');
  const source = script?.textContent;
  if (!source) return undefined; // dev server: the bundle is not inline
  // The function wrapper keeps the bundle's top-level names off the worker's global scope.
  const wrapped = `(function () {\n"use strict";\n${source}\n}).call(self);`;
  const url = URL.createObjectURL(new Blob([wrapped], { type: 'text/javascript' }));
  try {
    return new Worker(url, { name: 'certbench-decode' });
  } finally {
    // The worker has fetched its script by the time it runs; revoke on the next task.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
