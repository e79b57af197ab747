import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_HTML, appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

describe('Chromium opens dist/index.html from file://', () => {
  let s: ChromiumSession;
  let watch: PageWatch;

  beforeAll(async () => {
    s = await openChromium();
    watch = watchPage(s.page);
    await s.page.goto(appUrl());
    await waitForApp(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the shell: header, the four areas, the offline notice', async () => {
    const nav = s.page.getByRole('navigation', { name: 'Workbench areas' });
    for (const area of ['Inspect', 'Create', 'CA', 'Kubernetes', 'Verify', 'Workshop']) {
      await expect(nav.getByRole('link', { name: area }).count()).resolves.toBe(1);
    }
    await expect(s.page.getByRole('note').textContent()).resolves.toContain('Nothing leaves this page');
  });

  it('is a secure context with WebCrypto that makes an ECDSA P-256 key', async () => {
    const r = await s.page.evaluate(async () => {
      const kp = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const spki = new Uint8Array(await crypto.subtle.exportKey('spki', kp.publicKey));
      return { secure: window.isSecureContext, origin: location.origin, spkiLength: spki.length };
    });
    expect(r.secure).toBe(true);
    expect(r.spkiLength).toBe(91); // SEQUENCE { AlgorithmIdentifier(ecPublicKey, prime256v1), BIT STRING(65-byte point) }
  });

  it('keeps the last area in IndexedDB (idb-keyval) across a reload', async () => {
    await s.page.getByRole('link', { name: 'Kubernetes' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Kubernetes' }).waitFor();
    // Give the IndexedDB transaction time to commit, then reopen the file without the hash.
    await s.page.waitForFunction(
      () =>
        new Promise<boolean>((done) => {
          const req = indexedDB.open('certbench-prefs');
          req.onsuccess = () => {
            const tx = req.result.transaction('prefs', 'readonly');
            const get = tx.objectStore('prefs').get('area');
            get.onsuccess = () => done(get.result === 'kubernetes');
            get.onerror = () => done(false);
          };
          req.onerror = () => done(false);
        }),
    );
    await s.page.goto(appUrl());
    await waitForApp(s.page);
    await s.page.getByRole('heading', { level: 1, name: 'Kubernetes' }).waitFor({ timeout: 5_000 });
  });

  it('works as a lone copy in an empty folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certbench-copy-'));
    const copy = join(dir, 'certbench.html');
    copyFileSync(DIST_HTML, copy);
    await s.page.goto(appUrl(copy));
    await waitForApp(s.page);
    await expect(s.page.getByRole('navigation', { name: 'Workbench areas' }).isVisible()).resolves.toBe(true);
  });

  it('has a Content-Security-Policy that refuses any connection (in a page of its own)', async () => {
    const page = await s.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(appUrl());
    await waitForApp(page);
    const r = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const outcome = await fetch('http://127.0.0.1:9/probe').then(
        () => 'fetched',
        () => 'refused',
      );
      await new Promise((ok) => setTimeout(ok, 50));
      return { outcome, violations };
    });
    expect(r.outcome).toBe('refused');
    expect(r.violations).toContain('connect-src');
    expect(nonLocalRequests(requests)).toEqual([]);
    await page.close();
  });

  it('runs only the scripts it shipped: script-src lists SHA-256 hashes and nothing else, and the app code is not parsed as script', async () => {
    const r = await s.page.evaluate(() => ({
      policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      parserScripts: [...document.querySelectorAll('script')].filter((e) => !e.type || e.type === 'module' || e.type === 'text/javascript').length,
      chunks: document.querySelectorAll('script[type="application/x-certbench-chunk"]').length,
    }));
    const scriptSrc = /script-src ([^;]*)/.exec(r.policy)![1]!.split(' ');
    expect(scriptSrc.length).toBeGreaterThan(1);
    expect(scriptSrc.every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
    expect(r.policy).toContain("default-src 'none'");
    // The loader is the one script left in the page; the chunks it has not needed yet are still data.
    expect(r.parserScripts).toBe(1);
    expect(r.chunks).toBeGreaterThan(0);
  });

  it('refuses a script that is not one of its own (CSP by hash; in a page of its own)', async () => {
    const page = await s.context.newPage();
    await page.goto(appUrl());
    await waitForApp(page);
    const r = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const el = document.createElement('script');
      el.textContent = 'window.__injected = true';
      document.head.appendChild(el);
      await new Promise((ok) => setTimeout(ok, 50));
      return { ran: (window as { __injected?: boolean }).__injected === true, violations };
    });
    await page.close();
    expect(r.ran).toBe(false);
    expect(r.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });

  it('made no request but file:, data: or blob:, and logged no error', () => {
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
