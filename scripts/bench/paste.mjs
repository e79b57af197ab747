import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';

export const title = 'Paste 1,000 certificates into Inspect: longest main-thread task after the paste, headless Chromium';

// Reference: the browser's own task of putting the same text into a bare textarea on a blank page
// (what every paste costs before certbench does anything), measured in the same run.
const CERTS = 'tests/fixtures/corpus/certs';

function bundle() {
  const files = readdirSync(CERTS).filter((f) => f.endsWith('.pem'));
  return Array.from({ length: 1000 }, (_, i) => readFileSync(join(CERTS, files[i % files.length]), 'utf8').trim()).join('\n');
}

async function longestAfter(page, text, waitDone) {
  const pastedAt = await page.evaluate((t) => {
    globalThis.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => globalThis.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
    const ta = document.querySelector('textarea');
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    return performance.now();
  }, text);
  await waitDone();
  await page.waitForTimeout(300);
  const long = await page.evaluate(() => globalThis.__long);
  return Math.max(0, ...long.filter(([start]) => start > pastedAt).map(([, d]) => d));
}

export async function run() {
  const text = bundle();
  const browser = await launchChromium();
  try {
    const ref = await browser.newPage();
    await ref.setContent('<textarea></textarea>');
    const blank = await longestAfter(ref, text, async () => {});
    const page = await browser.newPage();
    await page.goto(pathToFileURL(resolve('dist/index.html')).href);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const app = await longestAfter(page, text, () => page.getByTestId('inspect-status').filter({ hasText: '1000 objects found' }).waitFor({ timeout: 120_000 }));
    return [
      { label: 'reference: the same text into a bare textarea (longest task after)', value: `${blank.toFixed(0)} ms` },
      { label: 'certbench Inspect: longest task after the paste until all decoded', value: `${app.toFixed(0)} ms`, bar: '≤ 100 ms', ok: app <= 100 },
    ];
  } finally {
    await browser.close();
  }
}
