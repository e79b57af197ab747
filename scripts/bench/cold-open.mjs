import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, median } from './chromium.mjs';
import { tracedOpen } from './main-thread-cpu.mjs';

export const title = 'Cold open from file:// to interactive, headless Chromium (fresh context each load)';
const LOADS = 9;
const TRACED = 5;

// Time from navigation start to the app's 'certbench:interactive' mark (set right after mount).
// Reference: a minimal page that marks itself interactive from an inline script, opened the same way.
async function timeLoads(browser, url) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    times.push(await page.evaluate(() => performance.getEntriesByName('certbench:interactive')[0].startTime));
    await context.close();
  }
  return median(times);
}

// Thread time is what a busy machine stretches least: the figures to compare across runs when the load is high.
async function cpuOf(browser, url) {
  const runs = [];
  for (let i = 0; i < TRACED; i++) runs.push(await tracedOpen(browser, url));
  return { beforeScript: median(runs.map((r) => r.beforeScript)), scriptToInteractive: median(runs.map((r) => r.scriptToInteractive)) };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-bench-'));
  const blank = join(dir, 'reference.html');
  writeFileSync(blank, `<!doctype html><meta charset="utf-8"><title>ref</title><script>performance.mark('certbench:interactive');document.documentElement.dataset.ready='true'</script>`);
  const browser = await launchChromium();
  try {
    const before = loadavg()[0];
    const ref = await timeLoads(browser, pathToFileURL(blank).href);
    const app = await timeLoads(browser, pathToFileURL(resolve('dist/index.html')).href);
    const refCpu = await cpuOf(browser, pathToFileURL(blank).href);
    const appCpu = await cpuOf(browser, pathToFileURL(resolve('dist/index.html')).href);
    // Wall-clock times on a shared machine: the bar is meant for an idle one (load average below the core count).
    return [
      { label: 'load average (1 min) before / after', value: `${before.toFixed(1)} / ${loadavg()[0].toFixed(1)}` },
      { label: `reference blank page, median of ${LOADS}`, value: `${ref.toFixed(1)} ms` },
      { label: `certbench, median of ${LOADS}`, value: `${app.toFixed(1)} ms = ${(app / ref).toFixed(2)} × reference`, bar: '≤ 150 ms', ok: app <= 150 },
      { label: `main-thread CPU: the HTML, up to its first script`, value: `${appCpu.beforeScript.toFixed(1)} ms (reference ${refCpu.beforeScript.toFixed(1)} ms; traced, median of ${TRACED})` },
      { label: `main-thread CPU: first script to interactive`, value: `${appCpu.scriptToInteractive.toFixed(1)} ms (reference ${refCpu.scriptToInteractive.toFixed(1)} ms)` },
    ];
  } finally {
    await browser.close();
  }
}
