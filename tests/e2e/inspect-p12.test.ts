/**
 * Inspect opens a .p12 in real Chromium from file:// (the decode worker of the built page, its own
 * 3DES/RC2 code): an openssl-made file chosen with the file picker and a -legacy one dropped, each
 * asks for its passphrase, names a wrong one, then shows every certificate and key as openssl prints
 * it. What it opened goes on to the bench, whose "Download .p12…" writes a file openssl reads back
 * with the same certificate and key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-inspect-p12-'));
const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const PASS = 'opened in chromium';

async function openWith(page: Page, passphrase: string): Promise<void> {
  const card = page.getByTestId('object-card').first();
  await card.getByLabel('Passphrase for this PKCS#12 file').fill(passphrase);
  await card.getByRole('button', { name: 'Open', exact: true }).click();
}

describe('Inspect opens a .p12 (Chromium, file://)', () => {
  let s: ChromiumSession;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=E2E P12 CA', '-days', '2']);
    openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=p12e2e.example']);
    openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-out', 'leaf.pem', '-days', '2']);
    openssl(['pkcs12', '-export', '-in', 'leaf.pem', '-inkey', 'leaf.key', '-certfile', 'ca.pem', '-name', 'e2e alias', '-passout', `pass:${PASS}`, '-out', 'default.p12']);
    openssl(['pkcs12', '-export', '-legacy', '-in', 'leaf.pem', '-inkey', 'leaf.key', '-certfile', 'ca.pem', '-name', 'e2e alias', '-passout', `pass:${PASS}`, '-out', 'legacy.pfx']);
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

  const expectOpened = async () => {
    await page.getByTestId('object-card').nth(3).waitFor();
    expect(await page.getByTestId('object-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-kind')))).toEqual(['pkcs12', 'certificate', 'certificate', 'private-key']);
    const texts = await page.getByTestId('openssl-text').allTextContents();
    expect(texts.slice(1)).toEqual([
      openssl(['x509', '-in', 'leaf.pem', '-noout', '-text']),
      openssl(['x509', '-in', 'ca.pem', '-noout', '-text']),
      openssl(['pkey', '-in', 'leaf.key', '-noout', '-text']),
    ]);
    return texts[0]!;
  };

  it('a file chosen with the picker: a wrong passphrase is named and nothing is lost, the right one shows each bag as openssl does', async () => {
    await page.getByTestId('file-input').setInputFiles(join(dir, 'default.p12'));
    await page.getByTestId('inspect-status').filter({ hasText: '1 object found' }).waitFor();
    await openWith(page, 'not the passphrase');
    await expect(page.getByTestId('decrypt-error').textContent()).resolves.toBe('Wrong passphrase: the file’s MAC does not verify with it. Nothing was lost; try again.');
    await expect(page.getByTestId('object-card').count()).resolves.toBe(1);
    await openWith(page, PASS);
    const p12Text = await expectOpened();
    expect(p12Text).toBe(openssl(['pkcs12', '-in', 'default.p12', '-passin', `pass:${PASS}`, '-info', '-nodes']));
    await expect(page.getByTestId('p12-info').textContent()).resolves.toContain('PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256');
    const bags = (await page.getByTestId('p12-bag').allTextContents()).map((b) => b.replace(/\s+/g, ' ').trim());
    expect(bags[0]).toMatch(/^Certificate, friendly name “e2e alias”, local key ID ([0-9A-F]{2} ){19}[0-9A-F]{2}$/);
  });

  it('a dropped -legacy .pfx (RC2-40 certificates, 3DES key, SHA-1 MAC) opens the same', async () => {
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    const bytes = readFileSync(join(dir, 'legacy.pfx'));
    const dataTransfer = await page.evaluateHandle((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'legacy.pfx', { type: 'application/x-pkcs12' }));
      return dt;
    }, [...bytes]);
    await page.getByTestId('inspect-view').dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('inspect-status').filter({ hasText: '1 object found' }).waitFor();
    await openWith(page, PASS);
    const p12Text = await expectOpened();
    expect(p12Text).toBe(openssl(['pkcs12', '-legacy', '-in', 'legacy.pfx', '-passin', `pass:${PASS}`, '-info', '-nodes']));
    await expect(page.getByTestId('p12-info').textContent()).resolves.toContain('PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC, Iteration 2048');
  });

  it('what it opened leaves the bench as a new .p12 that openssl reads with the same certificate and key', async () => {
    const entry = page.getByTestId('bench').getByRole('group', { name: 'Certificate p12e2e.example' }).first();
    await entry.getByRole('button', { name: /Download \.p12…/ }).click();
    const form = page.getByRole('form', { name: 'PKCS#12 file for p12e2e.example' });
    await form.getByLabel('Passphrase').fill('a new passphrase');
    const [dl] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download .p12', exact: true }).click()]);
    const path = join(dir, 'again.p12');
    await dl.saveAs(path);
    const info = spawnSync('openssl', ['pkcs12', '-in', path, '-passin', 'pass:a new passphrase', '-info', '-nodes'], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    const certs = [...info.stdout.matchAll(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g)].map((m) => m[0]);
    expect(certs[0]).toBe(readFileSync(join(dir, 'leaf.pem'), 'utf8'));
    const key = /-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----\n/.exec(info.stdout)![0];
    expect(openssl(['pkey', '-pubout'], key)).toBe(openssl(['pkey', '-in', 'leaf.key', '-pubout']));
  });

  it('asked nothing of the network and threw nothing', () => {
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
