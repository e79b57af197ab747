/**
 * A real Ctrl+V of a big bundle from file:// (the clipboard, a trusted paste event): the text never goes
 * into Inspect's textarea, the box says what was pasted, every object is decoded; after a reload the box
 * says the paste was not kept (and the tab's storage never held it). A small paste still goes into the
 * textarea. Chromium with clipboard-read at 'prompt' (as a person's browser has it) reads the paste with
 * navigator.clipboard.readText after the event; with the read blocked for the site, and in Firefox ESR,
 * the paste event's own clipboardData.getData. How long this holds the main thread is measured by
 * `npm run bench` (paste), not here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { appUrl, openChromium, openFirefoxApp, waitForApp, waitInFirefox, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const certDir = join(import.meta.dirname, '../fixtures/corpus/certs');
const pems = readdirSync(certDir)
  .filter((f) => f.endsWith('.pem'))
  .map((f) => readFileSync(join(certDir, f), 'utf8').trim());
const COUNT = 1000;
const bundle = Array.from({ length: COUNT }, (_, i) => pems[i % pems.length]!).join('\n');
const mb = (Math.round(Buffer.byteLength(bundle) / 1e5) / 10).toLocaleString('en');
const pastedLine = `Pasted ${mb} MB of text (1,000 PEM blocks), decoded without putting it in the box (a text this big would freeze the page) — Clear to start again.`;

/** How the page read the clipboard, counted in the page: the paste event's getData, or readText after it. */
interface Reads {
  getData: number;
  readText: number;
}
function countReads(): void {
  const w = globalThis as unknown as { __reads: Reads };
  w.__reads = { getData: 0, readText: 0 };
  const getData = DataTransfer.prototype.getData;
  DataTransfer.prototype.getData = function (this: DataTransfer, type: string) {
    w.__reads.getData++;
    return getData.call(this, type);
  };
  const clipboard = navigator.clipboard;
  const readText = clipboard.readText.bind(clipboard);
  clipboard.readText = () => (w.__reads.readText++, readText());
}
const readsSoFar = (): Reads => (globalThis as unknown as { __reads: Reads }).__reads;

/**
 * Chromium on Inspect, its clipboard reads counted. `grant` as given to the context: nothing leaves
 * clipboard-read at 'prompt'; granting some permissions denies the others.
 */
async function openInspect(grant: string[] = []): Promise<{ s: ChromiumSession; watch: PageWatch }> {
  const s = await openChromium();
  if (grant.length) await s.context.grantPermissions(grant);
  const watch = watchPage(s.page);
  await s.page.goto(appUrl() + '#inspect');
  await waitForApp(s.page);
  await s.page.evaluate(countReads);
  return { s, watch };
}

/** A real Ctrl+V into Inspect's box, of `text` put on the clipboard first. */
async function ctrlV(s: ChromiumSession, text: string): Promise<void> {
  await s.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await s.page.locator('#inspect-input').focus();
  await s.page.keyboard.press('Control+V');
}

describe('Inspect: a big paste in Chromium skips the textarea', () => {
  let s: ChromiumSession;
  let watch: PageWatch;

  beforeAll(async () => {
    // Nothing granted: clipboard-read stays at 'prompt', as a person's browser has it.
    ({ s, watch } = await openInspect());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('decodes a pasted bundle of over 1 MB without putting it in the textarea, and says what was pasted', async () => {
    expect(bundle.length).toBeGreaterThan(1_000_000);
    await ctrlV(s, bundle);
    await expect(s.page.getByTestId('inspect-given').textContent()).resolves.toBe(pastedLine);
    await s.page.getByTestId('inspect-status').filter({ hasText: `${COUNT} objects found` }).waitFor({ timeout: 120_000 });
    await expect(s.page.getByTestId('overview-counts').textContent()).resolves.toMatch(/^1,000 objects\b/);
    await expect(s.page.locator('#inspect-input').inputValue()).resolves.toBe('');
    // Read after the paste event, without a prompt: the event's own getData (one long task) was not used.
    await expect(s.page.evaluate(readsSoFar)).resolves.toEqual({ getData: 0, readText: 1 });
  });

  it('keeps the paste and its objects across a switch to another area and back', async () => {
    await s.page.click('nav a[href="#create"]');
    await s.page.getByTestId('create-view').waitFor();
    await s.page.click('nav a[href="#inspect"]');
    await expect(s.page.getByTestId('inspect-given').textContent()).resolves.toMatch(/^Pasted /);
    await s.page.getByTestId('inspect-status').filter({ hasText: `${COUNT} objects found` }).waitFor();
    await expect(s.page.locator('#inspect-input').inputValue()).resolves.toBe('');
  });

  it('keeps only the description across a reload, and says the paste was not kept', async () => {
    const stored = await s.page.evaluate(() => Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k) ?? '').join(''));
    expect(stored).not.toContain('BEGIN');
    expect(stored.length).toBeLessThan(10_000);
    await s.page.reload();
    await waitForApp(s.page);
    await expect(s.page.getByTestId('inspect-given').textContent()).resolves.toBe(
      `The ${mb} MB of text (1,000 PEM blocks) pasted before the page was reloaded was not kept (too big for the tab’s memory): paste it again to see it.`,
    );
    await expect(s.page.locator('#inspect-input').inputValue()).resolves.toBe('');
  });

  it('still puts a small paste in the textarea, and Clear starts again', async () => {
    await s.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect(s.page.getByTestId('inspect-given').count()).resolves.toBe(0);
    await s.page.evaluate(countReads);
    await ctrlV(s, pems[0]!);
    await s.page.getByTestId('inspect-status').filter({ hasText: '1 object found' }).waitFor();
    await expect(s.page.locator('#inspect-input').inputValue()).resolves.toBe(pems[0]);
    await expect(s.page.getByTestId('inspect-given').count()).resolves.toBe(0);
    await expect(s.page.evaluate(readsSoFar)).resolves.toEqual({ getData: 0, readText: 1 });
  });

  it('puts a small paste where the caret is, replacing the selection, and Ctrl+Z takes it back', async () => {
    const box = s.page.locator('#inspect-input');
    await box.fill('before after');
    await box.evaluate((e: HTMLTextAreaElement) => e.setSelectionRange(7, 12)); // "after"
    await ctrlV(s, 'pasted');
    await expect.poll(() => box.inputValue()).toBe('before pasted');
    await s.page.keyboard.press('Control+Z');
    await expect(box.inputValue()).resolves.toBe('before after');
  });

  it('logged no error', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('Inspect: a big paste in Chromium with reading the clipboard blocked for the site', () => {
  let s: ChromiumSession;
  let watch: PageWatch;

  beforeAll(async () => {
    // Write only: clipboard-read is denied, as when a person has blocked it for the site.
    ({ s, watch } = await openInspect(['clipboard-write']));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads the paste in its event instead, and still keeps it out of the textarea', async () => {
    await ctrlV(s, bundle);
    await expect(s.page.getByTestId('inspect-given').textContent()).resolves.toBe(pastedLine);
    await s.page.getByTestId('inspect-status').filter({ hasText: `${COUNT} objects found` }).waitFor({ timeout: 120_000 });
    await expect(s.page.locator('#inspect-input').inputValue()).resolves.toBe('');
    await expect(s.page.evaluate(readsSoFar)).resolves.toEqual({ getData: 1, readText: 0 });
  });

  it('leaves a small paste to the textarea', async () => {
    await s.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await ctrlV(s, pems[0]!);
    await s.page.getByTestId('inspect-status').filter({ hasText: '1 object found' }).waitFor();
    await expect(s.page.locator('#inspect-input').inputValue()).resolves.toBe(pems[0]);
  });

  it('logged no error', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('Inspect: a big paste in Firefox ESR skips the textarea', () => {
  let browser: Browser;
  let page: FirefoxPage;
  let errors: string[] = [];
  const text = (sel: string) => page.$eval(sel, (e) => e.textContent ?? '');

  beforeAll(async () => {
    ({ browser, page, errors } = await openFirefoxApp('#inspect'));
    await page.evaluate(countReads);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Copies the text with a real Ctrl+C from a textarea of its own (Firefox's clipboard, a trusted copy), then Ctrl+V in Inspect's box. */
  async function ctrlCThenCtrlV(t: string): Promise<void> {
    await page.evaluate((t) => {
      const source = document.createElement('textarea');
      source.id = 'copy-source';
      source.value = t;
      document.body.append(source);
      source.focus();
      source.select();
    }, t);
    await page.keyboard.down('Control');
    await page.keyboard.press('c');
    await page.keyboard.up('Control');
    await page.evaluate(() => document.getElementById('copy-source')!.remove());
    await page.focus('#inspect-input');
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
  }
  const status = (want: string) =>
    waitInFirefox(page, (want) => document.querySelector('[data-testid="inspect-status"]')?.textContent === want, want, 120_000);
  const boxValue = () => page.$eval('#inspect-input', (e) => (e as HTMLTextAreaElement).value);

  it('decodes a pasted bundle of over 1 MB without putting it in the textarea, read in the paste event', async () => {
    await ctrlCThenCtrlV(bundle);
    await page.waitForSelector('[data-testid="inspect-given"]');
    expect(await text('[data-testid="inspect-given"]')).toBe(pastedLine);
    await status(`${COUNT} objects found`);
    expect(await boxValue()).toBe('');
    expect(await page.evaluate(readsSoFar)).toEqual({ getData: 1, readText: 0 });
  });

  it('still puts a small paste in the textarea', async () => {
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Clear')!.click());
    await ctrlCThenCtrlV(pems[0]!);
    await status('1 object found');
    expect(await boxValue()).toBe(pems[0]);
  });

  it('logged no error', () => {
    expect(errors).toEqual([]);
  });
});
