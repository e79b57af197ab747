/**
 * The CA store against a page that shares its IndexedDB (every file:// page does): each tampering is
 * done on the stored records the way such a page could, and the store must name it (on load, or at
 * the next unlock of a passphrase CA), refuse to sign/revoke/publish until it is acknowledged (or
 * outright, for a swapped certificate or key), and put back what the passphrase sealed.
 * openssl judges the CRLs that come out afterwards.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { encodeBackup, makeBackup, restoreBackup, type BackupContent } from '../../src/store/backup.ts';
import { CaIntegrityError, type CaProblem } from '../../src/store/ca-integrity.ts';
import type { CaRecord } from '../../src/store/ca-records.ts';
import type { StoredLog } from '../../src/store/ca-sealed-log.ts';
import { CaStore } from '../../src/store/ca-store.ts';
import { openDb } from '../../src/store/db.ts';
import { createRootCa } from '../../src/core/ca/create.ts';
import type { IssuedCertificate } from '../../src/core/ca/types.ts';
import { render } from '../../src/core/errors.ts';
import { toPem } from '../../src/core/pem.ts';
import { passphraseStrength } from '../../src/ui/ca/passphrase-strength.ts';
import { ok, opensslCsr, put, read } from './ca-oracle.helper.ts';

const PASS = 'correct horse battery';
let n = 0;
const dbName = () => `certbench-ca-integrity-${++n}`;
const fresh = (name = dbName()) => new CaStore(openDb(name));

opensslCsr('integrity', 'ec-p256', '/CN=leaf', ['DNS:leaf.test']);
const csr = () => read('integrity.csr');

/** A passphrase CA that issued two certificates, revoked the first, and published CRLs 1 and 2. */
async function sealedCa(store = fresh(), exportable = false) {
  const { record } = await store.createRoot({ subject: '/CN=Sealed CA', days: 30 }, { kind: 'passphrase', passphrase: PASS, exportable });
  const a = await store.issue(record.id, await store.planFromCsr(record.id, csr()));
  const b = await store.issue(record.id, await store.planFromCsr(record.id, csr()));
  await store.revoke(record.id, a.entry.serialHex, 'keyCompromise');
  await store.crl(record.id);
  await store.crl(record.id);
  store.lockAll();
  return { store, id: record.id, record, revoked: a.entry.serialHex, valid: b.entry.serialHex };
}

const kinds = (problems: readonly CaProblem[]) => problems.map((p) => p.kind).sort();
const row = (store: CaStore, id: string, serial: string) => store.db.get<IssuedCertificate>(`issued:${id}:${serial}`);
const crlText = (pem: string, ca: CaRecord, name: string) =>
  ok(['crl', '-in', put(`${name}.crl`, pem), '-CAfile', put(`${name}-ca.pem`, toPem('CERTIFICATE', ca.certificate)), '-noout', '-text']);

describe('every CA still loads when one record is bad', () => {
  it('sets a malformed CA record and a malformed row aside, names them, loads the rest, and removes them on request', async () => {
    const store = fresh();
    const { record } = await store.createRoot({ subject: '/CN=Good CA' }, { kind: 'browser-key' });
    await store.db.write([
      ['ca:garbage', { id: 'garbage', certificate: 'not bytes', chain: [], crlNumber: 0 }],
      ['ca:feed', { id: 'feed', certificate: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), chain: [], crlNumber: 0, createdAt: '' }],
      [`issued:${record.id}:zz`, 42],
    ]);
    const list = await store.loadCas();
    expect(list.cas.map((c) => c.name)).toEqual(['CN = Good CA']);
    expect(list.quarantined.map((q) => q.key).sort()).toEqual(['ca:feed', 'ca:garbage', `issued:${record.id}:zz`]);
    const garbage = list.quarantined.find((q) => q.key === 'ca:garbage')!.reason;
    expect(render(garbage)).toMatch(/certificate is not stored as bytes/);
    // Why a record was set aside is a message: the CA area words it in the reader's language.
    expect(render(garbage, 'de')).toBe('sein Zertifikat ist nicht als Bytes gespeichert');
    expect(render(list.quarantined.find((q) => q.key === 'ca:feed')!.reason)).toMatch(/not an X\.509 certificate/);
    expect(await store.listIssued(record.id)).toEqual([]);
    await store.issue(record.id, await store.planFromCsr(record.id, csr())); // the CA itself still works
    await store.removeQuarantined('ca:garbage');
    await expect(store.removeQuarantined(`ca:${record.id}`)).rejects.toThrow(/not a record set aside/);
    expect((await store.loadCas()).quarantined.map((q) => q.key).sort()).toEqual(['ca:feed', `issued:${record.id}:zz`]);
  });

  it('shows the name from the certificate, never the stored name', async () => {
    const store = fresh();
    const { record } = await store.createRoot({ subject: '/CN=Real Name' }, { kind: 'browser-key' });
    await store.db.write([[`ca:${record.id}`, { ...record, name: 'CN = Someone Else' }]]);
    expect((await store.listCas())[0]!.name).toBe('CN = Real Name');
  });
});

describe('checks on every load (no passphrase needed)', () => {
  it('names a certificate swapped under a CA\'s id: the CA does not sign', async () => {
    const store = fresh();
    const { record } = await store.createRoot({ subject: '/CN=Victim' }, { kind: 'browser-key' });
    const lookAlike = await createRootCa({ subject: '/CN=Victim' });
    await store.db.write([[`ca:${record.id}`, { ...record, certificate: lookAlike.certificate }]]);
    const [ca] = await store.listCas();
    expect(kinds(ca!.integrity.problems)).toEqual(['id-not-hash', 'key-mismatch']);
    expect(ca!.integrity.repair).toBe('refuse');
    await expect(store.signer(record.id)).rejects.toBeInstanceOf(CaIntegrityError);
    await expect(store.crl(record.id)).rejects.toThrow(/cannot sign/);
  });

  it('names a certificate and key swapped together under a browser-held CA\'s id, and a key swapped alone', async () => {
    const store = fresh();
    const { record } = await store.createRoot({ subject: '/CN=Browser Victim' }, { kind: 'browser-key' });
    const other = await createRootCa({ subject: '/CN=Attacker' });
    const stored = await store.db.get<Record<string, unknown>>(`key:${record.id}`);
    await store.db.write([[`key:${record.id}`, { ...stored, key: other.key }]]);
    expect(kinds((await store.listCas())[0]!.integrity.problems)).toEqual(['key-mismatch']);
    await expect(store.issue(record.id, await store.planFromCsr(record.id, csr()))).rejects.toBeInstanceOf(CaIntegrityError);
    await store.db.write([[`ca:${record.id}`, { ...record, certificate: other.certificate }]]);
    const [ca] = await store.listCas();
    expect(kinds(ca!.integrity.problems)).toEqual(['id-not-hash']);
    expect(ca!.name).toBe('CN = Attacker'); // the card names what is really there
  });

  it('says whether a browser-held key can be exported (read from the key, not the stored flag)', async () => {
    const store = fresh();
    const a = await store.createRoot({ subject: '/CN=Exportable' }, { kind: 'browser-key', exportable: true });
    const b = await store.createRoot({ subject: '/CN=Kept' }, { kind: 'browser-key' });
    const stored = await store.db.get<Record<string, unknown>>(`key:${b.record.id}`);
    await store.db.write([[`key:${b.record.id}`, { ...stored, exportable: true }]]);
    const list = await store.listCas();
    expect(list.find((c) => c.id === a.record.id)!.extractable).toBe(true);
    expect(list.find((c) => c.id === b.record.id)!.extractable).toBe(false);
  });
});

describe('a passphrase CA\'s records against its sealed history', () => {
  it('unlocks cleanly when nothing changed, and seals with its own PBKDF2 salt (not the key wrapping\'s)', async () => {
    const { store, id } = await sealedCa();
    expect(await store.unlock(id, PASS)).toEqual([]);
    const log = await store.db.get<StoredLog>(`log:${id}`);
    const key = await store.db.get<{ salt: Uint8Array }>(`key:${id}`);
    expect(log!.seal.iterations).toBeGreaterThanOrEqual(600_000);
    expect(log!.seal.salt).not.toBe(Buffer.from(key!.salt).toString('base64'));
    expect(log!.entries.map((e) => e.op)).toEqual(['init', 'issue', 'issue', 'revoke', 'crl', 'crl']);
    expect((await store.listCas())[0]!.integrity).toEqual({ problems: [], repair: undefined, sealChecked: true });
  });

  it('names an un-revoke at unlock, publishes nothing until acknowledged, then puts the revocation back: the next CRL lists it', async () => {
    const { store, id, record, revoked } = await sealedCa();
    const r = (await row(store, id, revoked))!;
    await store.db.write([[`issued:${id}:${revoked}`, { ...r, status: 'valid', revokedAt: undefined, revocationReason: undefined }]]);
    const found = await store.unlock(id, PASS);
    expect(found).toEqual([{ kind: 'unrevoked', serial: revoked, revokedAt: r.revokedAt, reason: 'keyCompromise' }]);
    await expect(store.crl(id)).rejects.toThrow(/changed without its passphrase/);
    await expect(store.issue(id, await store.planFromCsr(id, csr()))).rejects.toBeInstanceOf(CaIntegrityError);
    expect((await store.listCas())[0]!.integrity.repair).toBe('restore');
    await expect(store.acknowledge(id, [])).rejects.toThrow(/changed again/); // what was shown must be what is there
    expect(await store.acknowledge(id, found)).toEqual([]);
    expect((await row(store, id, revoked))!.status).toBe('revoked');
    const crl = await store.crl(id);
    expect(crl.crlNumber).toBe(3);
    const text = crlText(crl.pem, record, 'unrevoke');
    expect(text.toLowerCase()).toContain(`serial number: ${revoked}`);
    expect(text).toContain('Key Compromise');
  });

  it('names a lowered CRL number; after acknowledging the next CRL follows the highest number used', async () => {
    const { store, id, record } = await sealedCa();
    await store.db.write([[`ca:${id}`, { ...(await store.db.get<CaRecord>(`ca:${id}`)), crlNumber: 0 }]]);
    const found = await store.unlock(id, PASS);
    expect(found).toEqual([{ kind: 'crl-number', recorded: 2, found: 0 }]);
    await store.acknowledge(id, found);
    const crl = await store.crl(id);
    expect(ok(['crl', '-in', put('lowered.crl', crl.pem), '-noout', '-crlnumber'])).toBe('crlNumber=0x03\n');
    void record;
  });

  it('names history cut short together with what it undid (revocation, CRL number); re-sealing keeps both', async () => {
    const { store, id, record, revoked } = await sealedCa();
    const log = (await store.db.get<StoredLog>(`log:${id}`))!;
    const r = (await row(store, id, revoked))!;
    // Cut the revocation and both CRLs off the end, and undo them in the records.
    await store.db.write([
      [`log:${id}`, { ...log, entries: log.entries.slice(0, 3) }],
      [`issued:${id}:${revoked}`, { ...r, status: 'valid', revokedAt: undefined, revocationReason: undefined }],
      [`ca:${id}`, { ...(await store.db.get<CaRecord>(`ca:${id}`)), crlNumber: 0 }],
    ]);
    const found = await store.unlock(id, PASS);
    expect(kinds(found)).toEqual(['crl-number', 'head-mismatch', 'unrevoked']);
    expect(found.find((p) => p.kind === 'head-mismatch')).toEqual({ kind: 'head-mismatch', recorded: 6, found: 3 });
    expect((await store.listCas())[0]!.integrity.repair).toBe('reseal');
    expect(await store.acknowledge(id, found)).toEqual([]);
    const crl = await store.crl(id);
    expect(crl.crlNumber).toBe(3);
    expect(crlText(crl.pem, record, 'cut').toLowerCase()).toContain(`serial number: ${revoked}`);
  });

  it('names an entry edited without the passphrase', async () => {
    const { store, id } = await sealedCa();
    const log = (await store.db.get<StoredLog>(`log:${id}`))!;
    const entries = log.entries.map((e, i) => (i === 4 ? { ...e, number: 7 } : e));
    await store.db.write([[`log:${id}`, { ...log, entries }]]);
    expect(kinds(await store.unlock(id, PASS))).toContain('seal-invalid');
  });

  it('names a junk row added and a revoked row removed; acknowledging removes the junk and keeps the removed revocation in CRLs', async () => {
    const { store, id, record, revoked } = await sealedCa();
    const r = (await row(store, id, revoked))!;
    await store.db.write([[`issued:${id}:dead`, { ...r, serialHex: 'dead', der: new Uint8Array([1, 2, 3]) }]], [`issued:${id}:${revoked}`]);
    const found = await store.unlock(id, PASS);
    expect(found).toEqual([
      { kind: 'row-added', serial: 'dead' },
      { kind: 'row-removed', serial: revoked },
    ]);
    expect(await store.acknowledge(id, found)).toEqual([]);
    expect(await row(store, id, 'dead')).toBeUndefined();
    const crl = await store.crl(id);
    expect(crlText(crl.pem, record, 'removed').toLowerCase()).toContain(`serial number: ${revoked}`);
    store.lockAll();
    expect(await store.unlock(id, PASS)).toEqual([]); // acknowledged: it no longer blocks
  });

  it('names a missing history (deleted) and seals the records as they are once acknowledged', async () => {
    const { store, id } = await sealedCa();
    await store.db.write([], [`log:${id}`]);
    const found = await store.unlock(id, PASS);
    expect(found).toEqual([{ kind: 'log-missing' }]);
    expect(await store.acknowledge(id, found)).toEqual([]);
    expect((await store.crl(id)).crlNumber).toBe(3);
  });

  it('refuses to unlock a CA whose certificate was swapped, and one whose wrapped key belongs to another certificate', async () => {
    const { store, id, record } = await sealedCa();
    const lookAlike = await createRootCa({ subject: '/CN=Sealed CA' });
    await store.db.write([[`ca:${id}`, { ...record, certificate: lookAlike.certificate }]]);
    expect(kinds((await store.listCas())[0]!.integrity.problems)).toEqual(['id-not-hash']); // seen before any unlock
    await expect(store.unlock(id, PASS)).rejects.toBeInstanceOf(CaIntegrityError);
    expect(store.session.isUnlocked(id)).toBe(false);
    expect(kinds((await store.listCas())[0]!.integrity.problems)).toEqual(['id-not-hash', 'key-mismatch']); // each named once

    const other = fresh();
    const { store: s2, id: id2 } = await sealedCa(other);
    // Another key wrapped under this CA's id with the attacker's passphrase: it opens, but is not this CA's key.
    const attacker = fresh();
    const a = await attacker.createRoot({ subject: '/CN=Attacker' }, { kind: 'passphrase', passphrase: 'attacker passphrase' });
    const { protectKey } = await import('../../src/store/key-vault.ts');
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', (await createRootCa({ subject: '/CN=x' })).key));
    await s2.db.write([[`key:${id2}`, await protectKey(id2, pkcs8, { family: 'ec', curve: 'P-256' }, { kind: 'passphrase', passphrase: 'attacker passphrase' })]]);
    await expect(s2.unlock(id2, PASS)).rejects.toThrow(/wrong passphrase/);
    const refused = await s2.unlock(id2, 'attacker passphrase').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CaIntegrityError);
    expect(kinds((refused as CaIntegrityError).problems)).toEqual(['key-mismatch']);
    void a;
  });

  it('a revocation needs the CA unlocked (it is sealed with the passphrase)', async () => {
    const { store, id, valid } = await sealedCa();
    await expect(store.revoke(id, valid)).rejects.toThrow(/locked/);
  });
});

describe('CRL numbers are taken inside the write', () => {
  it('two tabs publishing at the same moment get different numbers (browser-held and passphrase CAs)', async () => {
    const name = dbName();
    const a = fresh(name);
    const b = fresh(name);
    const browser = await a.createRoot({ subject: '/CN=Two tabs' }, { kind: 'browser-key' });
    const numbers = (await Promise.all([a.crl(browser.record.id), b.crl(browser.record.id), a.crl(browser.record.id)])).map((c) => c.crlNumber).sort();
    expect(numbers).toEqual([1, 2, 3]);

    const sealed = await a.createRoot({ subject: '/CN=Two tabs sealed' }, { kind: 'passphrase', passphrase: PASS });
    await b.unlock(sealed.record.id, PASS);
    const both = (await Promise.all([a.crl(sealed.record.id), b.crl(sealed.record.id)])).map((c) => c.crlNumber).sort();
    expect(both).toEqual([1, 2]);
    expect(await a.acknowledge(sealed.record.id, [])).toEqual([]); // the log took both, in order
  });
});

describe('restore takes nothing on trust', () => {
  it('refuses junk rows and a foreign revocation for a sealed CA, takes its own backup\'s longer history', async () => {
    const { store, id, record, valid } = await sealedCa(fresh(), true);
    await store.unlock(id, PASS);
    const own = await makeBackup(store, 'backup passphrase');
    const good = (await row(store, id, valid))!;
    const foreign: BackupContent = {
      cas: [{ record }],
      issued: [
        { ...good, serialHex: 'dead', der: new Uint8Array([0x30, 0x00]) },
        { ...good, status: 'revoked', revokedAt: new Date().toISOString(), revocationReason: 'superseded' },
      ],
    };
    const result = await restoreBackup(store, await encodeBackup(foreign, 'someone else\'s'), 'someone else\'s');
    expect(result).toMatchObject({ casAdded: 0, certificatesAdded: 0, revocationsTaken: 0 });
    expect(result.refused).toEqual([
      { ca: 'CN = Sealed CA', serial: 'dead', reason: 'not-signed' },
      { ca: 'CN = Sealed CA', serial: valid, reason: 'revocation-not-logged' },
    ]);
    expect((await row(store, id, valid))!.status).toBe('valid');
    expect(await store.unlock(id, PASS)).toEqual([]);

    // The own backup: into a fresh store whole, and back into this one after it moved on (nothing lost).
    const other = fresh();
    expect(await restoreBackup(other, own.bytes, 'backup passphrase')).toMatchObject({ casAdded: 1, certificatesAdded: 2, refused: [] });
    expect(await other.unlock(id, PASS)).toEqual([]);
    await other.revoke(id, valid, 'superseded');
    await other.crl(id);
    const later = await makeBackup(other, 'backup passphrase');
    expect(await restoreBackup(store, later.bytes, 'backup passphrase')).toMatchObject({ revocationsTaken: 1, refused: [] });
    expect(await store.unlock(id, PASS)).toEqual([]);
    expect((await row(store, id, valid))!.status).toBe('revoked');
  });

  it('for a CA without a sealed history: rows only with its signature, revocations only of certificates it issued', async () => {
    const store = fresh();
    const { record } = await store.createRoot({ subject: '/CN=Unsealed' }, { kind: 'browser-key' });
    const issued = await store.issue(record.id, await store.planFromCsr(record.id, csr()));
    const strangerCa = await createRootCa({ subject: '/CN=Unsealed' });
    const stranger = fresh();
    const s = await stranger.importCa({ certificate: toPem('CERTIFICATE', strangerCa.certificate), key: toPem('PRIVATE KEY', new Uint8Array(await crypto.subtle.exportKey('pkcs8', strangerCa.key))) }, { kind: 'browser-key' });
    const theirs = await stranger.issue(s.record.id, await stranger.planFromCsr(s.record.id, csr()));
    const foreign: BackupContent = {
      cas: [],
      issued: [
        { ...theirs.entry, caId: record.id }, // signed by another CA
        { ...issued.entry, status: 'revoked', revokedAt: new Date().toISOString(), revocationReason: 'keyCompromise' },
      ],
    };
    const result = await restoreBackup(store, await encodeBackup(foreign, 'their passphrase'), 'their passphrase');
    expect(result.refused).toEqual([{ ca: 'CN = Unsealed', serial: theirs.entry.serialHex, reason: 'not-signed' }]);
    expect(result.revocationsTaken).toBe(1);
  });
});

describe('passphrases', () => {
  it('refuses a CA passphrase shorter than 12 characters, and judges strength in plain categories', async () => {
    await expect(fresh().createRoot({ subject: '/CN=Short' }, { kind: 'passphrase', passphrase: 'elevenchars' })).rejects.toThrow(/at least 12 characters/);
    expect(passphraseStrength('x')).toBe('short');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa')).toBe('repetitive');
    expect(passphraseStrength('Tr0ub4dor&3xy')).toBe('fair');
    expect(passphraseStrength('copper lantern river spoon')).toBe('good');
  });
});
