import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { appUrl, nonLocalRequests, openFirefoxApp, waitInFirefox } from './browsers.ts';

describe('Firefox ESR opens dist/index.html from file://', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    ({ browser, page, requests, errors } = await openFirefoxApp());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the shell with the offline notice', async () => {
    const links = await page.$$eval('nav[aria-label="Workbench areas"] a', (as) => as.map((a) => a.textContent?.trim()));
    expect(links).toEqual(['Inspect', 'Create', 'CA', 'Kubernetes', 'Verify', 'Workshop']);
    const note = await page.$eval('[role="note"]', (n) => n.textContent ?? '');
    expect(note).toContain('Nothing leaves this page');
  });

  it('is a secure context with WebCrypto ECDSA P-256', async () => {
    const r = await page.evaluate(async () => {
      const kp = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const spki = new Uint8Array(await crypto.subtle.exportKey('spki', kp.publicKey));
      return { secure: window.isSecureContext, spkiLength: spki.length };
    });
    expect(r).toEqual({ secure: true, spkiLength: 91 });
  });

  it('keeps the last area in IndexedDB across a reload', async () => {
    await page.click('nav a[href="#ca"]');
    await waitInFirefox(page, () => document.querySelector('h1')?.textContent === 'CA');
    await waitInFirefox(
      page,
      () =>
        new Promise<boolean>((done) => {
          const req = indexedDB.open('certbench-prefs');
          req.onsuccess = () => {
            const get = req.result.transaction('prefs', 'readonly').objectStore('prefs').get('area');
            get.onsuccess = () => done(get.result === 'ca');
            get.onerror = () => done(false);
          };
          req.onerror = () => done(false);
        }),
    );
    await page.goto(appUrl());
    await waitInFirefox(page, () => document.querySelector('h1')?.textContent === 'CA', undefined, 5_000);
  });

  it('made no network request and logged no error', async () => {
    // Firefox's BiDi network events leave out file: loads, so also ask the page what it loaded.
    const loaded = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
    expect(loaded[0]).toMatch(/^file:/);
    expect(nonLocalRequests(loaded)).toEqual([]);
    expect(nonLocalRequests(requests)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
