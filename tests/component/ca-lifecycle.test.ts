/**
 * The CA area's state under jsdom + fake-indexeddb after a CA exists: inventory (renew, revoke, CRL),
 * intermediates, deletion, backup/restore, storage failures and the idle lock. openssl judges the
 * certificates and CRLs the page produces. Create, import and signing: ca.test.ts.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { openDb } from '../../src/store/ca.ts';
import { storageError, type Db } from '../../src/store/db.ts';
import { cloneIntoThisRealm } from './one-realm-clone.ts';
import { msg, render as english } from '../../src/core/errors.ts';
import { csr, disposeStates, freshDbName, freshState, opensslAll, openssl, put, rootCa } from './ca-state.helper.ts';

afterEach(() => {
  cleanup();
  disposeStates();
});

beforeAll(cloneIntoThisRealm);

describe('CA state: inventory, intermediates, deletion, backup and storage', () => {
  it('inventory: search, renew through the Sign panel, revoke with a reason, CRL that openssl verifies', async () => {
    const ca = freshState();
    const card = await rootCa(ca, 'CN=Inventory CA', 'browser-key');
    for (const [base, cn] of [['i1', 'alpha.test'], ['i2', 'beta.test']] as const) {
      ca.sign.setCsrText(csr(base, cn, `DNS:${cn}`));
      await ca.sign.check();
      await ca.sign.sign();
    }
    const inv = card.inventory;
    expect(inv.entries).toHaveLength(2);
    inv.query = 'beta';
    expect(inv.filtered.map((e) => e.subject)).toEqual(['CN = beta.test']);
    const beta = inv.filtered[0]!;
    inv.query = beta.serialHex.slice(0, 6).toUpperCase();
    expect(inv.filtered.map((e) => e.serialHex)).toContain(beta.serialHex);
    await inv.renew(beta.serialHex);
    expect(ca.sign.sourceText).toBe(`Renewal of serial ${beta.serialHex} (CN = beta.test)`);
    expect(ca.sign.sansText).toBe('DNS:beta.test');
    await ca.sign.sign();
    expect(inv.entries).toHaveLength(3);
    inv.reasons[beta.serialHex] = 'superseded';
    await inv.revoke(beta.serialHex);
    expect(inv.error).toBe('');
    expect(inv.entries.find((e) => e.serialHex === beta.serialHex)!.status).toBe('revoked');
    await inv.revoke(beta.serialHex);
    expect(inv.error).toMatch(/already revoked/);
    await inv.publishCrl();
    const caPem = put('inv-ca.pem', card.pem);
    const crlPem = put('inv.crl.pem', inv.crl!.pem);
    expect(opensslAll(['crl', '-in', crlPem, '-CAfile', caPem, '-verify', '-noout'])).toContain('verify OK');
    const text = openssl(['crl', '-in', crlPem, '-noout', '-text']);
    expect(text).toContain('Superseded');
    expect(text).toMatch(/X509v3 CRL Number: \n\s+1\n/);
    expect(inv.message).toBe('CRL number 1 lists 1 revoked certificate.');
  });

  it('creates an intermediate signed by a stored CA (pathlen, name constraints) that issues a chain openssl verifies', async () => {
    const ca = freshState();
    const root = await rootCa(ca, 'CN=Parent CA', 'browser-key');
    const f = ca.createForm;
    f.kind = 'intermediate';
    f.parentId = root.id;
    f.subject = 'CN=Child CA';
    f.days = 99_999;
    f.pathLen = '0';
    f.permittedDns = 'example.test, .example.test';
    f.excludedIp = '10.0.0.0/8';
    f.protection.kind = 'browser-key';
    await ca.createCa();
    expect(ca.createError).toBe('');
    expect(ca.warnings.map((w) => english(w)).join()).toMatch(/validity shortened to end with the issuing CA/);
    const child = ca.cards.find((c) => c.name === 'CN = Child CA')!;
    expect(child.record.parentId).toBe(root.id);
    expect(root.inventory.entries.map((e) => e.profile)).toEqual(['ca']);
    const text = openssl(['x509', '-in', put('child.pem', child.pem), '-noout', '-text']);
    expect(text).toMatch(/CA:TRUE, pathlen:0/);
    expect(text).toMatch(/Permitted:\n\s+DNS:example.test\n\s+DNS:.example.test\n\s+Excluded:\n\s+IP:10.0.0.0\/255.0.0.0/);
    ca.sign.caId = child.id;
    ca.sign.setCsrText(csr('ch1', 'www.example.test', 'DNS:www.example.test'));
    await ca.sign.check();
    await ca.sign.sign();
    expect(ca.sign.signError).toBe('');
    const r = ca.sign.result!;
    expect(r.chainPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(r.fullChainPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    expect(openssl(['verify', '-CAfile', put('parent.pem', root.pem), '-untrusted', put('ch1-chain.pem', r.chainPem), put('ch1.pem', r.pem)])).toContain(': OK');
  });

  it('deletes a CA only when its name is typed', async () => {
    const ca = freshState();
    const card = await rootCa(ca, 'CN=Doomed CA', 'browser-key');
    card.deleteConfirmation = 'CN = Doomed';
    await card.delete();
    expect(ca.cards).toHaveLength(1);
    card.deleteConfirmation = 'CN = Doomed CA';
    await card.delete();
    expect(ca.cards).toHaveLength(0);
    expect(await ca.store.listCas()).toEqual([]);
  });

  it('backup names the keys left out; restore into an empty store brings CAs, keys and inventory; a wrong passphrase restores nothing', async () => {
    const ca = freshState();
    await rootCa(ca, 'CN=Kept CA', 'passphrase', { exportable: true });
    await rootCa(ca, 'CN=Bound CA', 'browser-key');
    ca.sign.caId = ca.cards.find((c) => c.name === 'CN = Kept CA')!.id;
    ca.sign.setCsrText(csr('b1', 'b1.test', 'DNS:b1.test'));
    await ca.sign.check();
    await ca.sign.sign();
    let saved = '';
    ca.backup.passphrase = 'bk';
    ca.backup.confirmation = 'bk';
    await ca.backup.backup((_name, text) => (saved = text));
    expect(ca.backup.backupError).toBe('');
    expect(ca.backup.made!.keysNotIncluded.map((k) => k.name)).toEqual(['CN = Bound CA']);
    expect(ca.backup.made!.fileName).toMatch(/^certbench-ca-\d{4}-\d\d-\d\d\.certbench-backup$/);

    const other = freshState();
    await other.refresh();
    other.backup.chooseFile('x.certbench-backup', new TextEncoder().encode(saved));
    other.backup.restorePassphrase = 'wrong';
    await other.backup.restore();
    expect(other.backup.restoreError).toMatch(/^Wrong passphrase for this backup: nothing was restored/);
    expect(other.cards).toHaveLength(0);
    other.backup.restorePassphrase = 'bk';
    await other.backup.restore();
    expect(other.error).toBe('');
    expect(other.backup.restored).toEqual({ casAdded: 2, keysAdded: 1, certificatesAdded: 1, revocationsTaken: 0, refused: [] });
    const kept = other.cards.find((c) => c.name === 'CN = Kept CA')!;
    const bound = other.cards.find((c) => c.name === 'CN = Bound CA')!;
    expect(kept.inventory.entries).toHaveLength(1);
    expect(bound.hasKey).toBe(false);
    expect(kept.unlocked).toBe(false);
    kept.unlockPassphrase = 'pass phrase 12';
    expect(await kept.unlock()).toBe(true);
    other.sign.caId = kept.id;
    other.sign.setCsrText(csr('b2', 'b2.test', 'DNS:b2.test'));
    await other.sign.check();
    await other.sign.sign();
    expect(other.sign.signError).toBe('');
    expect(openssl(['verify', '-CAfile', put('kept.pem', kept.pem), put('b2.pem', other.sign.result!.pem)])).toContain(': OK');
  });

  it('a storage failure shows an error and loses nothing: the form keeps its values, the store its CAs', async () => {
    const real = openDb(freshDbName());
    let failWrites = false;
    const db: Db = {
      ...real,
      write: (puts, deletes) => {
        if (failWrites) {
          const quota = new DOMException('quota', 'QuotaExceededError');
          return Promise.reject(storageError(quota, msg('store.writingCaStore')));
        }
        return real.write(puts, deletes);
      },
      transact: (keys, change) => {
        if (failWrites) return Promise.reject(storageError(new DOMException('quota', 'QuotaExceededError'), msg('store.writingCaStore')));
        return real.transact(keys, change);
      },
    };
    const ca = freshState(db);
    await rootCa(ca, 'CN=Survivor CA', 'browser-key');
    failWrites = true;
    ca.createForm.subject = 'CN=Second CA';
    await ca.createCa();
    expect(ca.createError).toMatch(/writing the CA store: the browser has no more storage for this page/);
    expect(ca.createForm.subject).toBe('CN=Second CA');
    expect(ca.cards.map((c) => c.name)).toEqual(['CN = Survivor CA']);
    const card = ca.cards[0]!;
    card.deleteConfirmation = card.name;
    await card.delete();
    expect(card.error).toMatch(/no more storage/);
    expect((await ca.store.listCas()).map((c) => c.name)).toEqual(['CN = Survivor CA']);
  });

  it('the list follows the idle lock of the session', async () => {
    const ca = freshState();
    ca.setIdleMinutes(1);
    expect(ca.store.session.idleMs).toBe(60_000);
    ca.store.session.idleMs = 50;
    const card = await rootCa(ca, 'CN=Idle CA', 'passphrase');
    expect(card.unlocked).toBe(true);
    await new Promise((r) => setTimeout(r, 1300)); // the idle timer, then the list's 1 s sync
    expect(card.unlocked).toBe(false);
  });
});
