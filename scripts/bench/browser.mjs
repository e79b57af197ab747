// Builds scripts/bench/browser-entry.ts into one classic script, puts it in a file:// page, and
// returns a Chromium page where `certbenchBench` is ready.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { launchChromium } from './chromium.mjs';

export async function benchPage() {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-bench-page-'));
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'es2022',
      lib: { entry: resolve('scripts/bench/browser-entry.ts'), formats: ['iife'], name: 'certbenchBenchEntry', fileName: () => 'bench.js' },
    },
  });
  const script = readFileSync(join(dir, 'bench.js'), 'utf8').replace(/<\/script/g, '<\\/script');
  const html = join(dir, 'bench.html');
  writeFileSync(html, `<!doctype html><meta charset="utf-8"><title>bench</title><script>${script}</script>`);
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href);
  await page.waitForFunction(() => typeof globalThis.certbenchBench === 'object');
  return { browser, page };
}
