import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';

const COUNT = 5000;

export const title = `Inspect, ${COUNT.toLocaleString('en')} certificates in headless Chromium from file://: as a file (file input) and as a paste (real Ctrl+V from the clipboard)`;

// Both inputs go through what a person's does: the file is set on the "Open files…" input (its change
// event), the paste is a trusted Ctrl+V of the clipboard's text (the same paste handler and the same
// browser work as a user's). Reference, same run: the same Ctrl+V into a bare textarea on a blank page
// (what the browser alone costs when the text does go into a textarea).
const CERTS = 'tests/fixtures/corpus/certs';
/** A row of the overview table when there is one; the cards otherwise. */
const ROW = '[data-testid="overview-row"], [data-testid="object-card"]';
const DONE = /^(\d+) objects? found/;
const TIMEOUT = 300_000;

function bundle() {
  const files = readdirSync(CERTS).filter((f) => f.endsWith('.pem'));
  return Array.from({ length: COUNT }, (_, i) => readFileSync(join(CERTS, files[i % files.length]), 'utf8').trim()).join('\n');
}

/** Long tasks, the first row and the end, timed in the page from the moment the input was given (the keydown or the change). */
function watch({ row, done }) {
  const w = { start: undefined, pasteAt: undefined, textAt: undefined, first: undefined, end: undefined, found: undefined, long: [] };
  globalThis.__watch = w;
  // Where the paste handler reads the clipboard asynchronously, when the text arrived (its task is the browser's handing it over).
  const clipboard = navigator.clipboard;
  const readText = clipboard?.readText?.bind(clipboard);
  if (readText) clipboard.readText = () => readText().then((text) => ((w.textAt ??= performance.now()), text));
  new PerformanceObserver((l) => l.getEntries().forEach((e) => w.long.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
  const begin = () => (w.start ??= performance.now());
  document.addEventListener('keydown', begin, true);
  document.addEventListener('change', begin, true);
  document.addEventListener('paste', () => (w.pasteAt ??= performance.now()), true);
  const doneRe = new RegExp(done);
  new MutationObserver(() => {
    if (w.start === undefined) return;
    if (w.first === undefined && document.querySelector(row)) w.first = performance.now();
    const m = doneRe.exec(document.querySelector('[data-testid="inspect-status"]')?.textContent ?? '');
    if (w.end === undefined && m) {
      w.end = performance.now();
      w.found = Number(m[1]);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

async function newPage(browser) {
  const context = await browser.newContext();
  // No permission granted (granting some denies the others): the page writes the clipboard as any
  // focused page may, and reads a paste with clipboard-read at 'prompt', as a person's browser has it.
  return context.newPage();
}

async function copy(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

/** The longest main-thread task that ran (in part) after the input was given. */
const longest = (w) => Math.max(0, ...w.long.filter(([start, d]) => start + d > w.start).map(([, d]) => d));
/** The longest task that began once the first row showed (while the rest stream in, and after). */
const longestAfterFirstRow = (w) => Math.max(0, ...w.long.filter(([start]) => start >= w.first).map(([, d]) => d));

/**
 * A paste's own event task, the task the clipboard's text arrived in when it was read asynchronously
 * (readText: the browser's handing it over), and the longest task after both (the app's).
 */
function pasteSplit(w) {
  if (w.pasteAt === undefined) return undefined;
  const around = (t) => (t === undefined ? undefined : w.long.find(([start, d]) => start <= t && t <= start + d));
  const own = around(w.pasteAt);
  const text = around(w.textAt);
  const end = Math.max(own ? own[0] + own[1] : w.pasteAt, text ? text[0] + text[1] : (w.textAt ?? 0));
  return {
    own: own ? own[1] : 0,
    text: w.textAt === undefined ? undefined : text ? text[1] : 0,
    textAfter: w.textAt === undefined ? undefined : w.textAt - w.pasteAt,
    after: Math.max(0, ...w.long.filter(([start]) => start >= end).map(([, d]) => d)),
  };
}

async function measureApp(browser, give) {
  const page = await newPage(browser);
  await page.goto(pathToFileURL(resolve('dist/index.html')).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.evaluate(watch, { row: ROW, done: DONE.source });
  // Wall-clock tasks stretch with the machine's load (2 cores shared): said beside the figures.
  const loadBefore = loadavg()[0];
  await give(page);
  await page.waitForFunction(() => globalThis.__watch.end !== undefined, null, { timeout: TIMEOUT, polling: 500 });
  // Rows still being revealed after the status line, and the tasks that follow, belong to the measure.
  await page.waitForTimeout(1000);
  const w = await page.evaluate(() => globalThis.__watch);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const given = (await page.getByTestId('inspect-given').textContent({ timeout: 1000 }).catch(() => '')) ?? '';
  await page.context().close();
  const load = [loadBefore, loadavg()[0]];
  return { first: w.first - w.start, all: w.end - w.start, found: w.found, longest: longest(w), afterFirst: longestAfterFirstRow(w), split: pasteSplit(w), nodes, heapMb: usedSize / 1e6, given, load };
}

async function pasteIntoBlankTextarea(browser, text, dir) {
  const page = await newPage(browser);
  // From file:// as the app is (about:blank is no secure context: no clipboard there).
  const blank = join(dir, 'blank.html');
  writeFileSync(blank, '<!doctype html><textarea></textarea>');
  await page.goto(pathToFileURL(blank).href);
  await copy(page, text);
  await page.evaluate(() => {
    globalThis.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => globalThis.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  await page.focus('textarea');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => document.querySelector('textarea').value.length > 0, null, { timeout: TIMEOUT });
  await page.waitForTimeout(300);
  const longestTask = await page.evaluate(() => Math.max(0, ...globalThis.__long));
  // What any page pays to read the pasted text at all (the app's paste handler must): clipboardData.getData alone.
  await page.evaluate(() => {
    document.querySelector('textarea').value = '';
    document.addEventListener('paste', (e) => {
      const t0 = performance.now();
      globalThis.__read = [e.clipboardData.getData('text/plain').length, performance.now() - t0];
      e.preventDefault();
    });
  });
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => globalThis.__read !== undefined, null, { timeout: TIMEOUT });
  const [, getData] = await page.evaluate(() => globalThis.__read);
  // The same text read as the app reads it in Chromium: readText started in the paste event, the text
  // arriving in a later task (its long task, if it is one: 0 when under 50 ms).
  await page.evaluate(() => {
    globalThis.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => globalThis.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
    document.addEventListener('paste', (e) => {
      e.stopImmediatePropagation();
      e.preventDefault();
      navigator.clipboard.readText().then((t) => (globalThis.__arrived = [t.length, performance.now()]));
    }, true);
  });
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => globalThis.__arrived !== undefined, null, { timeout: TIMEOUT });
  await page.waitForTimeout(300);
  const readText = await page.evaluate(() => {
    const at = globalThis.__arrived[1];
    return globalThis.__tasks.find(([start, d]) => start <= at && at <= start + d)?.[1] ?? 0;
  });
  await page.context().close();
  return { longestTask, getData, readText };
}

const ms = (x) => `${x.toFixed(0)} ms`;
const s = (x) => `${(x / 1000).toFixed(1)} s`;

function rows(how, r) {
  return [
    { label: `${how}: objects found (status line)`, value: String(r.found) },
    ...(r.given ? [{ label: `${how}: what the box says`, value: r.given.slice(0, 60) + (r.given.length > 60 ? '…' : '') }] : []),
    { label: `${how}: time to first row`, value: s(r.first) },
    { label: `${how}: time to all rows (all decoded and listed)`, value: s(r.all) },
    { label: `${how}: longest main-thread task (longtask observer)`, value: ms(r.longest), bar: '≤ 100 ms', ok: r.longest <= 100 },
    { label: `${how}: longest task from the first row on (rows streaming in)`, value: ms(r.afterFirst) },
    ...(r.split
      ? [
          { label: `${how}: the paste event's own task`, value: ms(r.split.own) },
          ...(r.split.text !== undefined
            ? [{ label: `${how}: the task the clipboard's text arrived in (readText, ${ms(r.split.textAfter)} after the paste)`, value: ms(r.split.text) }]
            : []),
          { label: `${how}: longest task after those (the app's)`, value: ms(r.split.after) },
        ]
      : []),
    { label: `${how}: DOM nodes after`, value: r.nodes.toLocaleString('en') },
    { label: `${how}: main-thread JS heap after (after a GC)`, value: `${r.heapMb.toFixed(0)} MB` },
    { label: `${how}: load average (1 min) before / after`, value: r.load.map((x) => x.toFixed(1)).join(' / ') },
  ];
}

export async function run() {
  const text = bundle();
  const dir = mkdtempSync(join(tmpdir(), 'certbench-bench-paste-'));
  const file = join(dir, `${COUNT}-certificates.pem`);
  writeFileSync(file, text);
  const browser = await launchChromium();
  try {
    const asFile = await measureApp(browser, (page) => page.getByTestId('file-input').setInputFiles(file));
    const asPaste = await measureApp(browser, async (page) => {
      await copy(page, text);
      await page.locator('#inspect-input').focus();
      await page.keyboard.press('Control+V');
    });
    const blank = await pasteIntoBlankTextarea(browser, text, dir);
    const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
    return [
      { label: `the input: ${COUNT} PEM certificates (corpus, cycled)`, value: `${mb} MB` },
      ...rows('file', asFile),
      ...rows('paste', asPaste),
      { label: 'reference: the same Ctrl+V into a bare textarea, longest task', value: ms(blank.longestTask) },
      { label: 'reference: reading that paste (clipboardData.getData), blank page', value: ms(blank.getData) },
      { label: 'reference: reading it with readText from the paste event, blank page: the task the text arrived in', value: ms(blank.readText) },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
