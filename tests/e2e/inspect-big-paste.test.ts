/**
 * A real Ctrl+V of a big bundle in Chromium from file:// (the clipboard, a trusted paste event): the text
 * never goes into Inspect's textarea, the box says what was pasted, every object is decoded; after a reload
 * the box says the paste was not kept (and the tab's storage never held it). A small paste still goes
 * into the textarea. How long this holds the main thread is measured by `npm run bench` (paste), not here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appUrl, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const certDir = join(import.meta.dirname, '../fixtures/corpus/certs');
const pems = readdirSync(certDir)
  .filter((f) => f.endsWith('.pem'))
  .map((f) => readFileSync(join(certDir, f), 'utf8').trim());
const COUNT = 1000;
const bundle = Array.from({ length: COUNT }, (_, i) => pems[i % pems.length]!).join('\n');
const mb = (Math.round(Buffer.byteLength(bundle) / 1e5) / 10).toLocaleString('en');

describe('Inspect: a big paste in Chromium skips the textarea', () => {
  let s: ChromiumSession;
  let watch: PageWatch;

  beforeAll(async () => {
    s = await openChromium();
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    watch = watchPage(s.page);
    await s.page.goto(appUrl() + '#inspect');
    await waitForApp(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  async function ctrlV(text: string): Promise<void> {
    await s.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await s.page.locator('#inspect-input').focus();
    await s.page.keyboard.press('Control+V');
  }

  it('decodes a pasted bundle of over 1 MB without putting it in the textarea, and says what was pasted', async () => {
    expect(bundle.length).toBeGreaterThan(1_000_000);
    await ctrlV(bundle);
    await expect(s.page.getByTestId('inspect-given').textContent()).resolves.toBe(
      `Pasted ${mb} MB of text (1,000 PEM blocks), decoded without putting it in the box (a text this big would freeze the page) — Clear to start again.`,
    );
    await s.page.getByTestId('inspect-status').filter({ hasText: `${COUNT} objects found` }).waitFor({ timeout: 120_000 });
    await expect(s.page.getByTestId('overview-counts').textContent()).resolves.toMatch(/^1,000 objects\b/);
    await expect(s.page.locator('#inspect-input').inputValue()).resolves.toBe('');
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
    await ctrlV(pems[0]!);
    await s.page.getByTestId('inspect-status').filter({ hasText: '1 object found' }).waitFor();
    await expect(s.page.locator('#inspect-input').inputValue()).resolves.toBe(pems[0]);
    await expect(s.page.getByTestId('inspect-given').count()).resolves.toBe(0);
  });

  it('logged no error', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
