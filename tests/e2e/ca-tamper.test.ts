/**
 * Issue 12 in real Chromium from file://: a second HTML file, opened from another folder in the same
 * browser profile (every file:// page shares certbench's IndexedDB), tampers with the stored CA
 * records — un-revoke, CRL number reset, a malformed record, a foreign backup, a certificate swap,
 * a certificate+key swap and a key swap of browser-held CAs. Back in the app, each is named on the
 * next unlock (passphrase CA) or on the card at once (swapped certificate or key), nothing is signed
 * or published until the person has read it, and every other CA still loads. openssl judges the
 * CRLs published afterwards. The same page also shows that what the cards say about browser-held
 * keys is true: it signs with one, and exports the exportable one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { encodeBackup } from '../../src/store/backup.ts';
import type { CaRecord } from '../../src/store/ca-records.ts';
import type { IssuedCertificate } from '../../src/core/ca/types.ts';
import * as integrity from '../../src/ui/i18n/messages/ca-integrity.ts';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const work = mkdtempSync(join(tmpdir(), 'certbench-tamper-'));
const elsewhere = mkdtempSync(join(tmpdir(), 'certbench-other-folder-'));
const file = (name: string) => join(work, name);
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

const PASS = 'tamper test passphrase';
const ROOT = 'CN = Tamper Root';
const BYSTANDER = 'CN = Bystander Root';
const EXPORTABLE = 'CN = Browser Exportable';
const VICTIM = 'CN = Swap Victim';

/** The other page: plain IndexedDB on certbench's database, nothing from certbench. */
const TAMPER_HTML = `<!doctype html><meta charset="utf-8"><title>not certbench</title><script>
const open = () => new Promise((res, rej) => { const r = indexedDB.open('certbench-ca'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
const done = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
async function all() { const db = await open(); const s = db.transaction('records').objectStore('records'); const [keys, values] = await Promise.all([done(s.getAllKeys()), done(s.getAll())]); db.close(); return keys.map((k, i) => [k, values[i]]); }
async function get(key) { const db = await open(); const v = await done(db.transaction('records').objectStore('records').get(key)); db.close(); return v; }
async function put(key, value) { const db = await open(); const t = db.transaction('records', 'readwrite'); t.objectStore('records').put(value, key); await new Promise((res, rej) => { t.oncomplete = res; t.onerror = () => rej(t.error); }); db.close(); }
const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
window.tamper = {
  async idOf(name) { return (await all()).find(([k, v]) => k.startsWith('ca:') && v && v.name === name)[1].id; },
  async record(id) { const r = await get('ca:' + id); return { ...r, certificate: b64(r.certificate), chain: r.chain.map(b64) }; },
  async row(id, serial) { const r = await get('issued:' + id + ':' + serial); return { ...r, der: b64(r.der) }; },
  async unrevoke(id, serial) { const r = await get('issued:' + id + ':' + serial); r.status = 'valid'; delete r.revokedAt; delete r.revocationReason; await put('issued:' + id + ':' + serial, r); },
  async resetCrlNumber(id) { const r = await get('ca:' + id); r.crlNumber = 0; await put('ca:' + id, r); },
  async malformed() { await put('ca:' + 'f'.repeat(64), { id: 'f'.repeat(64), certificate: 'not a certificate', chain: [], crlNumber: 0 }); },
  async swapCertificate(id, der) { const r = await get('ca:' + id); r.certificate = bytes(der); await put('ca:' + id, r); },
  async swapKey(id, pkcs8) {
    const k = await get('key:' + id);
    k.key = await crypto.subtle.importKey('pkcs8', bytes(pkcs8), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    await put('key:' + id, k);
  },
  async signWith(id) { const k = await get('key:' + id); const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, k.key, new TextEncoder().encode('any page')); return sig.byteLength; },
  async exportKey(id) { const k = await get('key:' + id); return b64(await crypto.subtle.exportKey('pkcs8', k.key)); },
};
document.title = 'ready';
</script>`;

const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

async function openCaArea(page: Page): Promise<void> {
  if (page.url().startsWith(appUrl())) await page.reload();
  else await page.goto(`${appUrl()}#ca`);
  await waitForApp(page);
  await page.getByRole('heading', { level: 2, name: /^Your CAs/ }).waitFor();
  await page.getByText('Reading the CA store…').waitFor({ state: 'detached' });
}

const card = (page: Page, name: string): Locator => page.getByRole('article', { name: `CA ${name}` });

async function createCa(page: Page, cn: string, protection: 'passphrase' | 'browser-key', exportable = false): Promise<void> {
  const form = page.getByRole('form', { name: 'Create a CA' });
  await form.getByLabel('Subject').fill(`CN=${cn}`);
  if (protection === 'passphrase') {
    await form.getByRole('radio', { name: /Passphrase \(recommended\)/ }).check();
    await form.getByLabel('CA key passphrase').fill(PASS);
    await form.getByLabel('Repeat passphrase').fill(PASS);
  } else await form.getByRole('radio', { name: 'Browser-held key (no passphrase)' }).check();
  await form.getByRole('checkbox', { name: /Allow backup of the key/ }).setChecked(exportable);
  await form.getByRole('button', { name: 'Create root CA' }).click();
  await page.getByTestId('ca-message').filter({ hasText: `Created root CA CN = ${cn}.` }).waitFor({ timeout: 30_000 });
}

async function signCsr(page: Page, csr: string): Promise<void> {
  await page.getByLabel(/^Certificate signing request/).fill(csr);
  await page.getByRole('button', { name: 'Check request' }).click();
  const plan = page.getByRole('form', { name: 'Issuance plan' });
  await plan.getByRole('button', { name: 'Sign certificate' }).click();
  await page.getByRole('region', { name: 'Signed certificate' }).waitFor();
}

async function unlock(page: Page, name: string): Promise<void> {
  const c = card(page, name);
  await c.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await c.getByRole('button', { name: 'Unlock' }).click();
  await expect.poll(() => c.getByTestId('ca-lock-state').textContent(), { timeout: 30_000 }).toBe('Unlocked: can sign');
}

/** Publishes CRL number `n` on the card and returns openssl's reading of it (verified against the CA). */
async function publishCrl(page: Page, name: string, n: number, out: string): Promise<string> {
  const c = card(page, name);
  await c.getByRole('button', { name: 'Publish CRL' }).click();
  await c.getByText(new RegExp(`^CRL number ${n} lists`)).waitFor({ timeout: 20_000 });
  const [d] = await Promise.all([page.waitForEvent('download'), c.getByRole('button', { name: 'Download CRL PEM' }).click()]);
  await d.saveAs(file(out));
  const verified = execFileSync('sh', ['-c', `openssl crl -in '${file(out)}' -CAfile '${file('root.pem')}' -verify -noout 2>&1`]).toString();
  expect(verified).toContain('verify OK');
  return openssl(['crl', '-in', file(out), '-noout', '-text', '-crlnumber']);
}

async function problems(page: Page, name: string): Promise<string> {
  const p = card(page, name).getByTestId('ca-problems');
  await p.waitFor({ timeout: 30_000 });
  return (await p.textContent()) ?? '';
}

describe('a page from another folder tampers with the CA store (Chromium, file://)', () => {
  let s: ChromiumSession;
  let app: Page;
  let other: Page;
  const watches: PageWatch[] = [];
  let rootId: string;
  let revokedSerial: string;
  let validSerial: string;

  beforeAll(async () => {
    for (const base of ['one', 'two']) {
      openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${base}.key`, '-subj', `/CN=${base}.tamper.test`, '-out', `${base}.csr`]);
    }
    // The attacker's look-alikes: a self-signed "Tamper Root" and a "Swap Victim" with their own keys.
    for (const [base, cn] of [['lookalike', 'Tamper Root'], ['attacker', 'Swap Victim']]) {
      openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${base}.key`, '-subj', `/CN=${cn}`, '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-outform', 'DER', '-out', `${base}.der`]);
      openssl(['pkcs8', '-topk8', '-nocrypt', '-in', `${base}.key`, '-outform', 'DER', '-out', `${base}.p8`]);
    }
    writeFileSync(join(elsewhere, 'tamper.html'), TAMPER_HTML);
    s = await openChromium();
    app = s.page;
    watches.push(watchPage(app));
    await openCaArea(app);
    await createCa(app, 'Tamper Root', 'passphrase');
    await signCsr(app, readFileSync(file('one.csr'), 'utf8'));
    await signCsr(app, readFileSync(file('two.csr'), 'utf8'));
    const serials = await card(app, ROOT).getByTestId('issued-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-serial')!));
    expect(serials).toHaveLength(2);
    [revokedSerial, validSerial] = serials as [string, string];
    const c = card(app, ROOT);
    await c.getByLabel(`Revocation reason for ${revokedSerial}`).selectOption('keyCompromise');
    await c.getByRole('button', { name: `Revoke certificate ${revokedSerial}` }).click();
    await c.locator(`[data-serial="${revokedSerial}"]`).filter({ hasText: 'revoked (keyCompromise)' }).waitFor();
    const [d] = await Promise.all([app.waitForEvent('download'), c.getByRole('button', { name: 'Download certificate PEM' }).click()]);
    await d.saveAs(file('root.pem'));
    expect(await publishCrl(app, ROOT, 1, 'first.crl')).toContain('crlNumber=0x01');
    expect(await publishCrl(app, ROOT, 2, 'second.crl')).toContain('crlNumber=0x02');
    await createCa(app, 'Bystander Root', 'passphrase');
    await createCa(app, 'Browser Exportable', 'browser-key', true);
    await createCa(app, 'Swap Victim', 'browser-key');

    other = await s.context.newPage();
    watches.push(watchPage(other));
    await other.goto(pathToFileURL(join(elsewhere, 'tamper.html')).href);
    await other.waitForFunction(() => document.title === 'ready');
    rootId = await other.evaluate((n) => (window as never as { tamper: { idOf(n: string): Promise<string> } }).tamper.idOf(n), ROOT);
  }, 180_000);

  afterAll(async () => {
    await s?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  /** Runs window.tamper[name](...args) in the other page. */
  const tamper = <T = void>(name: string, ...args: unknown[]): Promise<T> =>
    other.evaluate(([n, a]) => (window as never as { tamper: Record<string, (...x: unknown[]) => Promise<unknown>> }).tamper[n as string]!(...(a as unknown[])), [name, args] as const) as Promise<T>;

  it('the other page can sign with a browser-held key and export the exportable one, as the cards say; a passphrase CA says what its seal covers', async () => {
    await openCaArea(app);
    const victimId = await tamper<string>('idOf', VICTIM);
    const exportableId = await tamper<string>('idOf', EXPORTABLE);
    expect(await tamper<number>('signWith', victimId)).toBeGreaterThan(0);
    await expect(tamper('exportKey', victimId)).rejects.toThrow(/not extractable/);
    writeFileSync(file('exported.p8'), fromB64(await tamper<string>('exportKey', exportableId)));
    expect(openssl(['pkey', '-inform', 'DER', '-in', file('exported.p8'), '-noout', '-text'])).toContain('Private-Key: (256 bit)');
    expect(await card(app, VICTIM).getByTestId('ca-browser-key-note').textContent()).toBe(`${integrity.en.browserUse} ${integrity.en.browserNoChecks}`);
    expect(await card(app, EXPORTABLE).getByTestId('ca-browser-key-note').textContent()).toBe(`${integrity.en.browserUseExportable} ${integrity.en.browserNoChecks}`);
    expect(await card(app, ROOT).getByTestId('ca-seal-note').textContent()).toBe(integrity.en.sealedLocked);
  });

  it('un-revoke: named at the next unlock; no CRL until acknowledged; then the revocation is back and the next CRL lists it', async () => {
    await tamper('unrevoke', rootId, revokedSerial);
    await openCaArea(app);
    const c = card(app, ROOT);
    await unlock(app, ROOT);
    const text = await problems(app, ROOT);
    expect(text).toContain(integrity.en.changedHeading);
    expect(text).toContain(`Serial ${revokedSerial} is marked valid, but it was revoked (keyCompromise,`);
    expect(text).toContain('un-revoked');
    await c.getByRole('button', { name: 'Publish CRL' }).click();
    await expect.poll(() => c.locator('.error').allTextContents()).toContainEqual(expect.stringMatching(/records were changed without its passphrase/));
    await c.getByRole('button', { name: integrity.en['repair.restore'] }).click();
    await c.getByTestId('ca-problems').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => c.locator(`[data-serial="${revokedSerial}"]`).textContent()).toContain('revoked (keyCompromise)');
    const crl = await publishCrl(app, ROOT, 3, 'after-unrevoke.crl');
    expect(crl).toContain('crlNumber=0x03');
    expect(crl.toLowerCase()).toContain(`serial number: ${revokedSerial}`);
  });

  it('CRL number reset: named at the next unlock; after acknowledging the next CRL is number 4, not 1', async () => {
    await tamper('resetCrlNumber', rootId);
    await openCaArea(app);
    await unlock(app, ROOT);
    expect(await problems(app, ROOT)).toContain('The CRL number was lowered: it is 0, but CRL number 3 was already published');
    await card(app, ROOT).getByRole('button', { name: integrity.en['repair.restore'] }).click();
    await card(app, ROOT).getByTestId('ca-problems').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await publishCrl(app, ROOT, 4, 'after-reset.crl')).toContain('crlNumber=0x04');
  });

  it('a foreign backup (someone else\'s passphrase) adds no junk row and no revocation, and the restore says so', async () => {
    const rec = await tamper<Record<string, unknown>>('record', rootId);
    const row = await tamper<Record<string, unknown>>('row', rootId, validSerial);
    const record = { ...rec, certificate: fromB64(rec.certificate as string), chain: [] } as unknown as CaRecord;
    const good = { ...row, der: fromB64(row.der as string) } as unknown as IssuedCertificate;
    const bytes = await encodeBackup(
      {
        cas: [{ record }],
        issued: [
          { ...good, serialHex: 'dead', der: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]) },
          { ...good, status: 'revoked', revokedAt: new Date().toISOString(), revocationReason: 'superseded' },
        ],
      },
      'someone else passphrase',
    );
    writeFileSync(file('foreign.certbench-backup'), bytes);
    await openCaArea(app);
    const form = app.getByRole('form', { name: 'Restore' });
    await form.getByLabel('Backup file').setInputFiles(file('foreign.certbench-backup'));
    await form.getByLabel('Passphrase of the backup').fill('someone else passphrase');
    await form.getByRole('button', { name: 'Restore' }).click();
    const refused = app.getByTestId('restore-refused');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toContain(`${ROOT}, serial dead: not a certificate this CA signed.`);
    expect(await refused.textContent()).toContain(`${ROOT}, serial ${validSerial}: the revocation is not in the CA’s sealed history here`);
    expect(await app.getByTestId('restore-result').textContent()).toBe('Restored 0 CAs, 0 keys, 0 issued certificates.');
    await expect(card(app, ROOT).locator(`[data-serial="${validSerial}"]`).textContent()).resolves.toContain('valid');
    await expect(card(app, ROOT).locator('[data-serial="dead"]').count()).resolves.toBe(0);
    await unlock(app, ROOT);
    expect(await card(app, ROOT).getByTestId('ca-seal-note').textContent()).toBe(integrity.en.sealedChecked);
  });

  it('a malformed record is set aside and named; every CA still loads', async () => {
    await tamper('malformed');
    await openCaArea(app);
    const alert = app.getByTestId('ca-quarantined');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`ca:${'f'.repeat(64)}: its certificate is not stored as bytes`);
    await expect(app.getByText(/The CA store could not be read/).count()).resolves.toBe(0);
    await expect(app.getByRole('article', { name: /^CA / }).count()).resolves.toBe(4);
  });

  it('certificate swap on a passphrase CA: named on the card at once, the look-alike is not offered, unlock is refused', async () => {
    await tamper('swapCertificate', rootId, readFileSync(file('lookalike.der')).toString('base64'));
    await openCaArea(app);
    const text = await problems(app, ROOT);
    expect(text).toContain(integrity.en.refusedHeading);
    expect(text).toMatch(/The certificate was replaced: its SHA-256 \([0-9a-f]{16}…\) is not this CA’s id\./);
    await expect(card(app, ROOT).getByRole('button', { name: 'Download certificate PEM' }).isDisabled()).resolves.toBe(true);
    const c = card(app, ROOT);
    await c.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await c.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => c.textContent(), { timeout: 30_000 }).toContain(integrity.en.unlockRefused);
    await expect(c.getByTestId('ca-lock-state').textContent()).resolves.toBe('Locked');
  });

  it('certificate+key swap and key swap on browser-held CAs: named on their cards, and they do not sign', async () => {
    const victimId = await tamper<string>('idOf', VICTIM);
    const exportableId = await tamper<string>('idOf', EXPORTABLE);
    const attackerKey = readFileSync(file('attacker.p8')).toString('base64');
    await tamper('swapCertificate', victimId, readFileSync(file('attacker.der')).toString('base64'));
    await tamper('swapKey', victimId, attackerKey);
    await tamper('swapKey', exportableId, attackerKey);
    await openCaArea(app);
    const victim = await problems(app, VICTIM);
    expect(victim).toContain(integrity.en.refusedHeading);
    expect(victim).toMatch(/The certificate was replaced/);
    const swappedKey = await problems(app, EXPORTABLE);
    expect(swappedKey).toContain(integrity.en['p.key-mismatch']);
    await app.locator('#sign-ca').selectOption(victimId);
    await signAttempt(app, readFileSync(file('one.csr'), 'utf8'));
    await expect.poll(() => app.getByTestId('sign-error').textContent(), { timeout: 20_000 }).toMatch(/cannot sign/);
    await expect(card(app, VICTIM).getByTestId('issued-row').count()).resolves.toBe(0);
  });

  it('the CA nobody touched still loads and unlocks with nothing to report', async () => {
    await openCaArea(app);
    await unlock(app, BYSTANDER);
    expect(await card(app, BYSTANDER).getByTestId('ca-seal-note').textContent()).toBe(integrity.en.sealedChecked);
    await expect(card(app, BYSTANDER).getByTestId('ca-problems').count()).resolves.toBe(0);
  });

  it('made no request but file:, data: or blob:, and logged no error', () => {
    for (const w of watches) {
      expect(nonLocalRequests(w.requests)).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      expect(w.pageErrors).toEqual([]);
    }
  });
});

async function signAttempt(page: Page, csr: string): Promise<void> {
  await page.getByLabel(/^Certificate signing request/).fill(csr);
  await page.getByRole('button', { name: 'Check request' }).click();
  await page.getByRole('form', { name: 'Issuance plan' }).getByRole('button', { name: 'Sign certificate' }).click();
}
