/**
 * The expiry experiment in real Chromium from file://: a CA with a browser-held key signs a one-day
 * certificate; "Check expiry" from the sign result's next steps puts it in the Kubernetes area's
 * Expiry check; three days on it is expired; Renew renews it in place; the row is no longer expired
 * and the downloaded renewal verifies against the CA with openssl, with the same public key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const work = mkdtempSync(join(tmpdir(), 'certbench-expiry-e2e-'));
const file = (name: string) => join(work, name);
const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { cwd: work, input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
const day = (fromNow: number) => new Date(Date.now() + fromNow * 86400_000).toISOString().slice(0, 10);

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  await d.saveAs(file(name));
  return readFileSync(file(name), 'utf8');
}

describe('expiry check and renewal in Chromium from file://', () => {
  let s: ChromiumSession;
  let watch: PageWatch;

  beforeAll(async () => {
    s = await openChromium();
    watch = watchPage(s.page);
    await s.page.goto(`${appUrl()}#ca`);
    await waitForApp(s.page);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('a one-day certificate is expired three days on, renewed in place, and then not', async () => {
    const page = s.page;
    openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'web.key', '-subj', '/CN=web.expiry.test', '-addext', 'subjectAltName=DNS:web.expiry.test', '-out', 'web.csr']);
    const csr = readFileSync(file('web.csr'), 'utf8');

    // A root CA whose key the browser holds: it can sign (and renew) without a passphrase.
    const form = page.getByRole('form', { name: 'Create a CA' });
    await form.getByRole('radio', { name: 'Browser-held key (no passphrase)' }).check();
    await form.getByRole('button', { name: 'Create root CA' }).click();
    const card = page.getByTestId('ca-card').first();
    await card.waitFor({ timeout: 30_000 });
    const caPem = await download(page, () => card.getByRole('button', { name: 'Download certificate PEM' }).click(), 'ca.pem');

    await page.getByLabel(/^Certificate signing request/).fill(csr);
    await page.getByRole('button', { name: 'Check request' }).click();
    const plan = page.getByRole('form', { name: 'Issuance plan' });
    await plan.getByLabel('Validity (days)').fill('1');
    await plan.getByLabel('Validity (days)').blur();
    await plan.getByText(new RegExp(`to ${day(1)}T`)).waitFor();
    await plan.getByRole('button', { name: 'Sign certificate' }).click();
    await page.getByRole('region', { name: 'Signed certificate' }).waitFor({ timeout: 30_000 });
    const first = await download(page, () => page.getByRole('button', { name: 'Download certificate', exact: true }).click(), 'first.crt');

    await page.getByTestId('sign-next-steps').getByRole('button', { name: 'Check expiry' }).click();
    await page.getByRole('heading', { level: 2, name: 'Expiry check' }).waitFor();
    await page.getByLabel('As of (UTC date)').fill(day(3));
    await page.getByLabel('As of (UTC date)').blur();
    await page.getByTestId('k8s-expiry-asof').filter({ hasText: `as of ${day(3)}T00:00:00Z` }).waitFor();
    const row = page.getByTestId('k8s-expiry-certs').locator('tbody tr').filter({ hasText: 'web.expiry.test' });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toMatch(/\(expired\)/);

    await row.getByRole('button', { name: 'Renew web.expiry.test' }).click();
    const renewedNote = page.getByTestId('k8s-expiry-renewed');
    await renewedNote.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.textContent()).not.toMatch(/expired/);
    const renewed = await download(page, () => renewedNote.getByRole('button', { name: 'Download web.expiry.test.crt' }).click(), 'renewed.crt');

    expect(openssl(['verify', '-CAfile', 'ca.pem', 'renewed.crt'])).toBe('renewed.crt: OK\n');
    expect(openssl(['x509', '-noout', '-pubkey'], renewed)).toBe(openssl(['x509', '-noout', '-pubkey'], first));
    expect(openssl(['x509', '-noout', '-subject', '-ext', 'subjectAltName'], renewed)).toBe(openssl(['x509', '-noout', '-subject', '-ext', 'subjectAltName'], first));
    expect(openssl(['x509', '-noout', '-checkend', String(3 * 86400)], renewed)).toBe('Certificate will not expire\n');
    const serial = (pem: string) => openssl(['x509', '-noout', '-serial'], pem).trim().replace(/^serial=/, '').toLowerCase();
    expect(await renewedNote.textContent()).toContain(`serial ${serial(first)} → ${serial(renewed)}`);
    expect(caPem).toContain('BEGIN CERTIFICATE');

    expect(watch.pageErrors).toEqual([]);
    expect(nonLocalRequests(watch.requests)).toEqual([]);
  });
});
