/**
 * "Download .p12…" on the bench in real Chromium from file://: a certificate and its key opened in
 * Inspect (made by openssl here, with a CA) leave as a PKCS#12 file that `openssl pkcs12 -info` opens
 * with the passphrase given, the friendly name, the chain and the same key; the legacy option writes 3DES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-p12-export-'));
const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const PASS = 'bench p12 passphrase';

async function paste(page: Page, text: string): Promise<void> {
  await page.locator('#inspect-input').fill(text);
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await page.getByTestId('inspect-status').filter({ hasText: /found/ }).waitFor();
}

describe('Download .p12 from the bench (Chromium, file://)', () => {
  let s: ChromiumSession;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=P12 Export CA', '-days', '2']);
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=p12.example']);
    openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-out', 'leaf.pem', '-days', '2']);
    s = await openChromium();
    page = s.page;
    await page.setViewportSize({ width: 1600, height: 1000 });
    watch = watchPage(page);
    await page.goto(`${appUrl()}#inspect`);
    await waitForApp(page);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const legacy of [false, true]) {
    it(`${legacy ? 'legacy (3DES, SHA-1 MAC)' : 'default (AES-256-CBC, SHA-256 MAC)'}: openssl opens the download with the cert, chain, alias and key`, async () => {
      if (!legacy) {
        await paste(page, readFileSync(join(dir, 'ca.pem'), 'utf8'));
        await paste(page, readFileSync(join(dir, 'leaf.pem'), 'utf8') + readFileSync(join(dir, 'leaf.key'), 'utf8'));
      }
      const entry = page.getByTestId('bench').getByRole('group', { name: 'Certificate p12.example' });
      const form = page.getByRole('form', { name: 'PKCS#12 file for p12.example' });
      if (!(await form.isVisible())) await entry.getByRole('button', { name: /Download \.p12…/ }).click();
      const submit = form.getByRole('button', { name: 'Download .p12', exact: true });
      await form.getByLabel('Passphrase').fill('short');
      await expect(submit.isDisabled()).resolves.toBe(true);
      await form.getByLabel('Passphrase').fill(PASS);
      await form.getByLabel('Friendly name (alias)').fill(legacy ? 'old java' : 'web server');
      await form.getByRole('checkbox').setChecked(legacy);
      const [dl] = await Promise.all([page.waitForEvent('download'), submit.click()]);
      const path = join(dir, `${legacy ? 'legacy' : 'default'}-${dl.suggestedFilename()}`);
      await dl.saveAs(path);
      expect(dl.suggestedFilename()).toMatch(/\.p12$/);

      const info = spawnSync('openssl', ['pkcs12', '-in', path, '-passin', `pass:${PASS}`, '-info', '-nodes'], { encoding: 'utf8' });
      expect(info.status, info.stderr).toBe(0);
      expect(info.stderr).toContain(legacy ? 'PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048' : 'PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256');
      expect(info.stderr).toContain(legacy ? 'MAC: sha1' : 'MAC: sha256');
      expect(info.stdout.match(new RegExp(`friendlyName: ${legacy ? 'old java' : 'web server'}`, 'g'))).toHaveLength(2);
      const certs = [...info.stdout.matchAll(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g)].map((m) => m[0]);
      expect(certs).toEqual([readFileSync(join(dir, 'leaf.pem'), 'utf8'), readFileSync(join(dir, 'ca.pem'), 'utf8')]);
      const key = /-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----\n/.exec(info.stdout)![0];
      expect(openssl(['pkey', '-pubout'], key)).toBe(openssl(['pkey', '-in', 'leaf.key', '-pubout']));
      const wrong = spawnSync('openssl', ['pkcs12', '-in', path, '-passin', 'pass:not it', '-info', '-nodes'], { encoding: 'utf8' });
      expect(wrong.status).not.toBe(0);
      await expect(form.getByRole('status').textContent()).resolves.toContain('.p12');
    });
  }

  it('the open form has no serious or critical axe-core violation', async () => {
    // axe is injected through the test driver (evaluate), which the page's CSP does not govern.
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
      const axe = (globalThis as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: Violation[] }> } }).axe;
      const form = document.querySelector('form[aria-label^="PKCS#12 file for"]');
      if (!form) throw new Error('the .p12 form is not open');
      return (await axe.run(form, { resultTypes: ['violations'] })).violations;
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  it('asked nothing of the network and threw nothing', () => {
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
