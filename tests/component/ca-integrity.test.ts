/**
 * The CA area shows what the integrity checks find (jsdom + fake-indexeddb): a record set aside while
 * the other CAs load, what any local page can do with a browser-held key, an un-revoke named at
 * unlock with publishing refused until acknowledged, a swapped certificate not handed out, what a
 * restore left out, and the passphrase length and strength in plain words (English and German).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootCa } from '../../src/core/ca/index.ts';
import type { IssuedCertificate } from '../../src/core/ca/types.ts';
import { CaStore, openDb, type CaRecord } from '../../src/store/ca.ts';
import { encodeBackup } from '../../src/store/backup.ts';
import { CaState } from '../../src/ui/ca/ca-state.svelte.ts';
import { cloneIntoThisRealm } from './one-realm-clone.ts';
import CaView from '../../src/ui/ca/CaView.svelte';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import * as integrity from '../../src/ui/i18n/messages/ca-integrity.ts';

const PASS = 'correct horse battery';
const dir = mkdtempSync(join(tmpdir(), 'certbench-ca-integrity-'));
execFileSync('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'l.key', '-subj', '/CN=leaf', '-out', 'l.csr'], { cwd: dir, stdio: 'ignore' });
const csr = readFileSync(join(dir, 'l.csr'), 'utf8');

let n = 0;
const states: CaState[] = [];
function stateOn(store: CaStore): CaState {
  const s = new CaState(store);
  states.push(s);
  return s;
}
const freshStore = () => new CaStore(openDb(`certbench-ca-integrity-view-${++n}`));

afterEach(() => {
  cleanup();
  for (const s of states.splice(0)) s.dispose();
  locale.set('en');
});

beforeAll(cloneIntoThisRealm);

const card = (name: string) => screen.findByRole('article', { name: `CA ${name}` }, { timeout: 20_000 });

describe('CA cards say what the checks found', () => {
  it('sets a bad record aside and names it while the other CAs load; Remove deletes it', async () => {
    const store = freshStore();
    await store.createRoot({ subject: '/CN=Still here' }, { kind: 'browser-key' });
    await store.db.write([['ca:garbage', { id: 'garbage', certificate: 'x', chain: [], crlNumber: 0 }]]);
    const ca = stateOn(store);
    render(CaView, { ca });
    await card('CN = Still here');
    const alert = await screen.findByTestId('ca-quarantined');
    expect(alert.textContent).toContain('ca:garbage: its certificate is not stored as bytes');
    expect(screen.queryByText(/The CA store could not be read/)).toBeNull();
    await fireEvent.click(within(alert).getByRole('button', { name: 'Remove the record ca:garbage' }));
    await waitFor(() => expect(screen.queryByTestId('ca-quarantined')).toBeNull());
  });

  it('says on a browser-held CA card that any local page can sign with its key, export it when exportable, and that record changes cannot be detected', async () => {
    const store = freshStore();
    await store.createRoot({ subject: '/CN=Kept key' }, { kind: 'browser-key' });
    await store.createRoot({ subject: '/CN=Exportable key' }, { kind: 'browser-key', exportable: true });
    render(CaView, { ca: stateOn(store) });
    const kept = within(await card('CN = Kept key')).getByTestId('ca-browser-key-note').textContent!;
    expect(kept).toBe(`${integrity.en.browserUse} ${integrity.en.browserNoChecks}`);
    const exportable = within(await card('CN = Exportable key')).getByTestId('ca-browser-key-note').textContent!;
    expect(exportable).toContain('and export it: the key is exportable');
    expect(within(await card('CN = Exportable key')).getByText(/Browser-held, included in backups/)).toBeTruthy();
  });

  it('names an un-revoke at unlock, refuses to publish until the person continues, then puts the revocation back', async () => {
    const store = freshStore();
    const { record } = await store.createRoot({ subject: '/CN=Sealed view CA' }, { kind: 'passphrase', passphrase: PASS });
    const issued = await store.issue(record.id, await store.planFromCsr(record.id, csr));
    await store.revoke(record.id, issued.entry.serialHex, 'keyCompromise');
    store.lockAll();
    const key = `issued:${record.id}:${issued.entry.serialHex}`;
    const row = (await store.db.get<IssuedCertificate>(key))!;
    await store.db.write([[key, { ...row, status: 'valid', revokedAt: undefined, revocationReason: undefined }]]);

    const ca = stateOn(store);
    render(CaView, { ca });
    const c = await card('CN = Sealed view CA');
    expect(within(c).getByTestId('ca-seal-note').textContent).toBe(integrity.en.sealedLocked);
    await fireEvent.input(within(c).getByLabelText('Passphrase', { exact: true }), { target: { value: PASS } });
    await fireEvent.click(within(c).getByRole('button', { name: 'Unlock' }));
    const problems = await within(c).findByTestId('ca-problems', {}, { timeout: 20_000 });
    expect(problems.textContent).toContain(integrity.en.changedHeading);
    expect(problems.textContent).toContain(`Serial ${issued.entry.serialHex} is marked valid, but it was revoked (keyCompromise, ${row.revokedAt}): un-revoked.`);
    await fireEvent.click(within(c).getByRole('button', { name: 'Publish CRL' }));
    await waitFor(() => expect(within(c).getByText(/records were changed without its passphrase/, { selector: '.error' })).toBeTruthy());
    await fireEvent.click(within(problems).getByRole('button', { name: integrity.en['repair.restore'] }));
    await waitFor(() => expect(within(c).queryByTestId('ca-problems')).toBeNull());
    expect(within(c).getByTestId('ca-seal-note').textContent).toBe(integrity.en.sealedChecked);
    await waitFor(() => expect(c.querySelector(`[data-serial="${issued.entry.serialHex}"]`)!.textContent).toContain('revoked (keyCompromise)'));
  });

  it('refuses a CA whose certificate was swapped: the card names it, does not offer the certificate, and unlock is refused', async () => {
    const store = freshStore();
    const { record } = await store.createRoot({ subject: '/CN=Swapped' }, { kind: 'passphrase', passphrase: PASS });
    store.lockAll();
    const lookAlike = await createRootCa({ subject: '/CN=Swapped' });
    await store.db.write([[`ca:${record.id}`, { ...(await store.db.get<CaRecord>(`ca:${record.id}`)), certificate: lookAlike.certificate }]]);
    render(CaView, { ca: stateOn(store) });
    const c = await card('CN = Swapped');
    const problems = within(c).getByTestId('ca-problems');
    expect(problems.textContent).toContain(integrity.en.refusedHeading);
    expect(problems.textContent).toMatch(/The certificate was replaced: its SHA-256 \([0-9a-f]{16}…\) is not this CA’s id\./);
    expect((within(c).getByRole('button', { name: 'Download certificate PEM' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(c).queryByRole('button', { name: /Copy the certificate PEM/ })).toBeNull();
    await fireEvent.input(within(c).getByLabelText('Passphrase', { exact: true }), { target: { value: PASS } });
    await fireEvent.click(within(c).getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(c.textContent).toContain(integrity.en.unlockRefused), { timeout: 20_000 });
    expect(within(c).getByTestId('ca-lock-state').textContent).toBe('Locked');
  });

  it('lists what a restore left out, and why', async () => {
    const store = freshStore();
    const { record } = await store.createRoot({ subject: '/CN=Restore target' }, { kind: 'browser-key' });
    const issued = await store.issue(record.id, await store.planFromCsr(record.id, csr));
    const ca = stateOn(store);
    render(CaView, { ca });
    await card('CN = Restore target');
    const junk = { ...issued.entry, serialHex: 'dead', der: new Uint8Array([0x30, 0x00]) };
    ca.backup.chooseFile('foreign.certbench-backup', await encodeBackup({ cas: [], issued: [junk] }, 'foreign passphrase'));
    ca.backup.restorePassphrase = 'foreign passphrase';
    await ca.backup.restore();
    const refused = await screen.findByTestId('restore-refused');
    expect(refused.textContent).toContain('Not taken from the backup:');
    expect(refused.textContent).toContain('CN = Restore target, serial dead: not a certificate this CA signed.');
  });
});

describe('the passphrase of a new CA', () => {
  it('needs 12 characters and says how strong it is in plain words (English and German)', async () => {
    const ca = stateOn(freshStore());
    render(CaView, { ca });
    const form = await screen.findByRole('form', { name: 'Create a CA' });
    const f = within(form);
    await fireEvent.input(f.getByLabelText('CA key passphrase'), { target: { value: 'short' } });
    await fireEvent.input(f.getByLabelText('Repeat passphrase'), { target: { value: 'short' } });
    expect(f.getByTestId('passphrase-strength').textContent).toBe('Too short: 5 of at least 12 characters.');
    expect(form.textContent).toContain('Fix first: the passphrase needs at least 12 characters (it has 5)');
    expect((f.getByRole('button', { name: 'Create root CA' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(f.getByLabelText('CA key passphrase'), { target: { value: 'copper lantern river spoon' } });
    expect(f.getByTestId('passphrase-strength').textContent).toMatch(/^Good:/);
    locale.set('de');
    await waitFor(() => expect(f.getByTestId('passphrase-strength').textContent).toMatch(/^Gut:/));
    expect(form.textContent).toContain('Mindestens 12 Zeichen.');
  });
});
