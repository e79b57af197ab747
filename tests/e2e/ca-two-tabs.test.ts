/**
 * Two tabs of the same file:// page share one IndexedDB. Each tab's writes are whole transactions, so
 * a CA created in one tab shows in the other after a reload, and CAs created from both tabs in turn
 * all survive: nothing one tab wrote is lost or damaged by the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

/** Opens the CA area, reloading the page if it is already there (a same-URL goto would not reload). */
async function openCa(page: Page): Promise<void> {
  if (page.url().startsWith('file:')) await page.reload();
  else await page.goto(`${appUrl()}#ca`);
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: 'CA' }).waitFor();
  await page.getByText('Reading the CA store…').waitFor({ state: 'detached' });
}

async function createCa(page: Page, cn: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Create a CA' });
  await form.getByLabel('Subject').fill(`CN=${cn}`);
  await form.getByRole('radio', { name: 'Browser-held key (no passphrase)' }).check();
  await form.getByRole('button', { name: 'Create root CA' }).click();
  await expect.poll(() => page.getByTestId('ca-message').textContent(), { timeout: 20_000 }).toContain('Created root CA');
}

const caNames = async (page: Page) =>
  (await page.getByRole('article', { name: /^CA / }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).sort();

describe('the CA store across two tabs in Chromium from file://', () => {
  let s: ChromiumSession;
  let a: Page;
  let b: Page;
  const watches: PageWatch[] = [];

  beforeAll(async () => {
    s = await openChromium();
    a = s.page;
    b = await s.context.newPage();
    watches.push(watchPage(a), watchPage(b));
    await openCa(a);
    await openCa(b);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a CA made in tab A shows in tab B after a reload', async () => {
    await createCa(a, 'Tab A Root');
    await openCa(b);
    await b.getByRole('article', { name: 'CA CN = Tab A Root' }).waitFor();
  });

  it('CAs made in turn from both tabs all survive, seen from either tab', async () => {
    await createCa(b, 'Tab B Root');
    await createCa(a, 'Tab A Second');
    await openCa(a);
    await openCa(b);
    const names = await caNames(a);
    expect(names.filter((n) => /Tab (A|B)/.test(n))).toHaveLength(3);
    expect(await caNames(b)).toEqual(names);
  });

  it('logged no error in either tab', () => {
    for (const w of watches) {
      expect(w.consoleErrors).toEqual([]);
      expect(w.pageErrors).toEqual([]);
    }
  });
});
