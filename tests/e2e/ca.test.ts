/**
 * The CA area in real Chromium from file://: a CA kept in IndexedDB survives reloads and a browser
 * restart, signs an openssl-made CSR (SANs kept) only once unlocked, revokes and publishes a CRL, and
 * comes back from an encrypted backup in a fresh profile. openssl judges every file the page hands out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const work = mkdtempSync(join(tmpdir(), 'certbench-ca-e2e-'));
const profileDir = mkdtempSync(join(tmpdir(), 'certbench-ca-profile-'));
const file = (name: string) => join(work, name);
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

const CA_NAME = 'CN = E2E Root CA, O = certbench e2e';
const CA_PASS = 'e2e correct horse';
const BACKUP_PASS = 'backup battery staple';

function makeCsr(base: string, cn: string, sans: string): string {
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${base}.key`, '-subj', `/CN=${cn}`, '-addext', `subjectAltName=${sans}`, '-out', `${base}.csr`]);
  return readFileSync(file(`${base}.csr`), 'utf8');
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  await d.saveAs(file(name));
  return file(name);
}

/** Opens (or reloads: a goto that changes only the hash would not) the app on the CA area. */
async function openCaArea(page: Page): Promise<void> {
  if (page.url().startsWith(appUrl())) await page.reload();
  else await page.goto(`${appUrl()}#ca`);
  await waitForApp(page);
  await page.getByRole('heading', { level: 2, name: /^Your CAs/ }).waitFor();
  await page.getByText('Reading the CA store…').waitFor({ state: 'detached' });
}

const card = (page: Page): Locator => page.getByRole('article', { name: `CA ${CA_NAME}` });

/** Pastes the CSR, checks it, and signs it (typing the passphrase when asked); returns the signed PEM's file. */
async function signCsr(page: Page, csr: string, outName: string, passphrase?: string): Promise<string> {
  await page.getByLabel(/^Certificate signing request/).fill(csr);
  await page.getByRole('button', { name: 'Check request' }).click();
  const plan = page.getByRole('form', { name: 'Issuance plan' });
  await plan.waitFor();
  if (passphrase) await plan.getByLabel('The CA is locked. Its passphrase').fill(passphrase);
  await plan.getByRole('button', { name: 'Sign certificate' }).click();
  await page.getByRole('region', { name: 'Signed certificate' }).waitFor();
  return download(page, () => page.getByRole('button', { name: 'Download certificate', exact: true }).click(), outName);
}

describe('CA area in Chromium from file://', () => {
  let s: ChromiumSession;
  let watch: PageWatch;
  const watches: PageWatch[] = [];
  let caPem: string;
  let leafSerial: string;
  let backupFile: string;
  let csr: string;

  beforeAll(async () => {
    csr = makeCsr('leaf', 'leaf.e2e.test', 'DNS:leaf.e2e.test,DNS:www.e2e.test,IP:192.0.2.7');
    s = await openChromium(profileDir);
    watch = watchPage(s.page);
    watches.push(watch);
    await openCaArea(s.page);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('shows the browser’s answer about keeping storage', async () => {
    const status = s.page.getByTestId('persistence');
    await expect.poll(() => status.textContent()).not.toMatch(/no answer yet/);
    expect(await status.textContent()).toMatch(/promise/);
  });

  it('creates a passphrase-protected root CA, showing what each key protection does', async () => {
    const form = s.page.getByRole('form', { name: 'Create a CA' });
    await expect(form.getByRole('radio', { name: /Passphrase \(recommended\)/ }).isChecked()).resolves.toBe(true);
    await expect(form.getByText(/CAN SIGN certificates with this CA/).isVisible()).resolves.toBe(true);
    await expect(form.getByLabel('Validity (days)').inputValue()).resolves.toBe('3650');
    await form.getByLabel('Subject').fill('CN=E2E Root CA, O=certbench e2e');
    await form.getByLabel('CA key passphrase').fill(CA_PASS);
    await form.getByLabel('Repeat passphrase').fill(CA_PASS);
    await form.getByRole('checkbox', { name: /Allow backup of the key/ }).check();
    await form.getByRole('button', { name: 'Create root CA' }).click();
    await expect.poll(() => s.page.getByTestId('ca-message').textContent(), { timeout: 20_000 }).toContain('Created root CA');
    await expect(card(s.page).getByTestId('ca-key').textContent()).resolves.toMatch(/256/);
    await expect(card(s.page).getByTestId('ca-expiry').textContent()).resolves.toMatch(/expires in 36\d\d days/);
    caPem = await download(s.page, () => card(s.page).getByRole('button', { name: 'Download certificate PEM' }).click(), 'ca.pem');
    const text = openssl(['x509', '-in', caPem, '-noout', '-text']);
    expect(text).toContain('CA:TRUE');
    expect(text).toContain('Subject: CN = E2E Root CA, O = certbench e2e');
  });

  it('shows the CA’s OpenSSL text on demand', async () => {
    await card(s.page).getByRole('button', { name: 'Inspect' }).click();
    const shown = await card(s.page).getByLabel(`OpenSSL text of ${CA_NAME}`).textContent();
    expect(shown).toBe(openssl(['x509', '-in', caPem, '-noout', '-text']));
  });

  it('after a reload the CA is there, locked, and refuses to sign until the right passphrase is given', async () => {
    await openCaArea(s.page);
    await expect(card(s.page).getByTestId('ca-lock-state').textContent()).resolves.toBe('Locked');
    await s.page.getByLabel(/^Certificate signing request/).fill(csr);
    await s.page.getByRole('button', { name: 'Check request' }).click();
    const plan = s.page.getByRole('form', { name: 'Issuance plan' });
    await expect(plan.getByLabel(/Subject alternative names/).inputValue()).resolves.toBe('DNS:leaf.e2e.test\nDNS:www.e2e.test\nIP Address:192.0.2.7');
    await plan.getByRole('button', { name: 'Sign certificate' }).click();
    await expect(s.page.getByTestId('sign-error').textContent()).resolves.toMatch(/is locked: enter its passphrase/);
    await plan.getByLabel('The CA is locked. Its passphrase').fill('not the passphrase');
    await plan.getByRole('button', { name: 'Sign certificate' }).click();
    await expect.poll(() => s.page.getByTestId('sign-error').textContent(), { timeout: 20_000 }).toMatch(/Wrong passphrase/);
    await expect(card(s.page).getByTestId('ca-lock-state').textContent()).resolves.toBe('Locked');
    await expect(card(s.page).getByTestId('issued-row').count()).resolves.toBe(0);
  });

  it('signs the openssl CSR once unlocked: openssl verifies the certificate and finds the SANs', async () => {
    const leaf = await signCsr(s.page, csr, 'leaf.pem', CA_PASS);
    expect(openssl(['verify', '-CAfile', caPem, leaf])).toContain(': OK');
    const san = openssl(['x509', '-in', leaf, '-noout', '-ext', 'subjectAltName']);
    expect(san).toContain('DNS:leaf.e2e.test, DNS:www.e2e.test, IP Address:192.0.2.7');
    leafSerial = openssl(['x509', '-in', leaf, '-noout', '-serial']).trim().replace(/^serial=/, '').toLowerCase().replace(/^0+/, '');
    await expect(s.page.getByTestId('openssl-command').textContent()).resolves.toMatch(/^openssl x509 -req -in leaf\.e2e\.test\.csr -CA .* -extfile leaf\.e2e\.test\.ext -out leaf\.e2e\.test\.crt$/);
    await expect(s.page.getByTestId('cfssl-command').textContent()).resolves.toMatch(/^cfssl sign -ca .* -profile server leaf\.e2e\.test\.csr/);
    const fullChain = await download(s.page, () => s.page.getByRole('button', { name: 'Download full chain' }).click(), 'fullchain.pem');
    expect(readFileSync(fullChain, 'utf8').match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    await expect(card(s.page).getByTestId('ca-lock-state').textContent()).resolves.toBe('Unlocked: can sign');
  });

  it('"Lock now" locks the CA again', async () => {
    await card(s.page).getByRole('button', { name: 'Lock now' }).click();
    await expect(card(s.page).getByTestId('ca-lock-state').textContent()).resolves.toBe('Locked');
  });

  it('after another reload and a browser restart, the CA and the issued certificate are still there', async () => {
    await openCaArea(s.page);
    await expect(card(s.page).locator(`[data-serial="${leafSerial}"]`).count()).resolves.toBe(1);
    await s.context.close();
    s = await openChromium(profileDir);
    watch = watchPage(s.page);
    watches.push(watch);
    await openCaArea(s.page);
    const row = card(s.page).locator(`[data-serial="${leafSerial}"]`);
    await expect(row.textContent()).resolves.toContain('DNS:www.e2e.test');
    const again = await download(s.page, () => row.getByRole('button', { name: `Download certificate ${leafSerial}` }).click(), 'leaf-again.pem');
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file('leaf.pem'), 'utf8'));
  });

  it('revokes with a reason and publishes a CRL that openssl verifies against the CA', async () => {
    const c = card(s.page);
    await c.getByLabel('Passphrase', { exact: true }).fill(CA_PASS);
    await c.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => c.getByTestId('ca-lock-state').textContent(), { timeout: 20_000 }).toBe('Unlocked: can sign');
    await c.getByLabel(`Revocation reason for ${leafSerial}`).selectOption('keyCompromise');
    await c.getByRole('button', { name: `Revoke certificate ${leafSerial}` }).click();
    await expect.poll(() => c.locator(`[data-serial="${leafSerial}"]`).textContent()).toContain('revoked (keyCompromise)');
    await c.getByRole('button', { name: 'Publish CRL' }).click();
    const crl = await download(s.page, () => c.getByRole('button', { name: 'Download CRL PEM' }).click(), 'ca.crl.pem');
    // openssl writes "verify OK" to stderr
    const verified = execFileSync('sh', ['-c', `openssl crl -in '${crl}' -CAfile '${caPem}' -verify -noout 2>&1`]).toString();
    expect(verified).toContain('verify OK');
    const text = openssl(['crl', '-in', crl, '-noout', '-text']);
    expect(text.toLowerCase()).toContain(`serial number: ${leafSerial.toUpperCase()}`.toLowerCase());
    expect(text).toContain('Key Compromise');
    const der = await download(s.page, () => c.getByRole('button', { name: 'Download CRL DER' }).click(), 'ca.crl');
    expect(openssl(['crl', '-inform', 'DER', '-in', der, '-noout', '-crlnumber'])).toBe('crlNumber=0x01\n');
  });

  it('searches the inventory', async () => {
    const c = card(s.page);
    await c.getByLabel('Search issued certificates').fill('www.e2e');
    await expect(c.getByTestId('issued-row').count()).resolves.toBe(1);
    await c.getByLabel('Search issued certificates').fill('nothing-like-this');
    await expect(c.getByTestId('issued-row').count()).resolves.toBe(0);
    await c.getByLabel('Search issued certificates').fill('');
  });

  it('makes an encrypted backup file', async () => {
    const form = s.page.getByRole('form', { name: 'Backup' });
    await form.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASS);
    await form.getByLabel('Repeat backup passphrase').fill(BACKUP_PASS);
    backupFile = await download(s.page, () => form.getByRole('button', { name: 'Download backup' }).click(), 'store.certbench-backup');
    const body = readFileSync(backupFile, 'utf8');
    expect(JSON.parse(body).format).toBe('certbench-ca-backup');
    expect(body).not.toContain('E2E Root CA'); // encrypted: no names in the clear
    await expect(form.getByText('Every CA key is included.').isVisible()).resolves.toBe(true);
  });

  it('restores the backup into a fresh profile (site data gone); a wrong passphrase is refused; signing works again', async () => {
    await s.close(); // the persistent profile stays on disk until afterAll
    s = await openChromium(); // fresh profile: empty IndexedDB
    watch = watchPage(s.page);
    watches.push(watch);
    await openCaArea(s.page);
    await expect(s.page.getByText('No CA yet').isVisible()).resolves.toBe(true);
    const form = s.page.getByRole('form', { name: 'Restore' });
    await form.getByLabel('Backup file').setInputFiles(backupFile);
    await form.getByLabel('Passphrase of the backup').fill('wrong');
    await form.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/Wrong passphrase for this backup: nothing was restored/);
    await form.getByLabel('Passphrase of the backup').fill(BACKUP_PASS);
    await form.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => s.page.getByTestId('restore-result').textContent(), { timeout: 20_000 }).toBe('Restored 1 CA, 1 key, 1 issued certificate.');
    await expect(card(s.page).locator(`[data-serial="${leafSerial}"]`).textContent()).resolves.toContain('revoked (keyCompromise)');
    const csr2 = makeCsr('second', 'second.e2e.test', 'DNS:second.e2e.test');
    const leaf2 = await signCsr(s.page, csr2, 'second.pem', CA_PASS);
    expect(openssl(['verify', '-CAfile', caPem, leaf2])).toContain(': OK');
    expect(openssl(['x509', '-in', leaf2, '-noout', '-ext', 'subjectAltName'])).toContain('DNS:second.e2e.test');
    await expect(card(s.page).getByTestId('issued-row').count()).resolves.toBe(2);
    // At 1366 px the issued-certificates table shows every column, Status, Renew and Revoke included, without scrolling sideways.
    await s.page.setViewportSize({ width: 1366, height: 800 });
    const table = card(s.page).locator('table').first();
    const widths = await table.evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
    expect(widths.table).toBeLessThanOrEqual(widths.box);
    const revoke = card(s.page).getByRole('button', { name: /^Revoke/ }).last();
    const [box, panel] = await Promise.all([revoke.boundingBox(), table.evaluate((t) => t.parentElement!.getBoundingClientRect().right)]);
    expect(box!.x + box!.width).toBeLessThanOrEqual(panel);
  });

  it('refuses a CSR whose signature does not verify, with the reason', async () => {
    const pem = readFileSync(file('leaf.csr'), 'utf8');
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 5] ^= 0x01; // inside the signature
    const bad = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE REQUEST-----\n`;
    await s.page.getByLabel(/^Certificate signing request/).fill(bad);
    await s.page.getByRole('button', { name: 'Check request' }).click();
    await expect.poll(() => s.page.getByTestId('sign-refused').textContent()).toMatch(/^Refused: CSR: its signature does not verify/);
  });

  it('made no request but file:, data: or blob:, and logged no error', () => {
    for (const w of watches) {
      expect(nonLocalRequests(w.requests)).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      expect(w.pageErrors).toEqual([]);
    }
  });
});
