import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeBackup, restoreBackup } from '../../src/store/backup.ts';
import { CaStore } from '../../src/store/ca-store.ts';
import { openDb, storageError } from '../../src/store/db.ts';
import { requestPersistence } from '../../src/store/persistence.ts';
import { CertbenchError, msg } from '../../src/core/errors.ts';
import { toPem } from '../../src/core/pem.ts';
import { ok, opensslCsr, put, read } from './ca-oracle.helper.ts';

let n = 0;
const fresh = () => new CaStore(openDb(`certbench-ca-test-${++n}`));

describe('CA store on IndexedDB (fake-indexeddb)', () => {
  it('keeps a passphrase-wrapped key locked until unlocked, refuses a wrong passphrase, signs once unlocked', async () => {
    const store = fresh();
    const { record } = await store.createRoot({ subject: '/CN=Wrapped CA', days: 10 }, { kind: 'passphrase', passphrase: 'correct horse' });
    store.lockAll();
    await expect(store.signer(record.id)).rejects.toThrow(/locked/);
    await expect(store.unlock(record.id, 'wrong')).rejects.toThrow(/wrong passphrase/);
    await expect(store.signer(record.id)).rejects.toThrow(/locked/);
    await store.unlock(record.id, 'correct horse');
    const signer = await store.signer(record.id);
    expect(signer.key.extractable).toBe(false);
    const { csrPath } = opensslCsr('store-wrapped', 'ec-p256', '/CN=leaf', ['DNS:leaf.test']);
    const issued = await store.issue(record.id, await store.planFromCsr(record.id, read('store-wrapped.csr')));
    void csrPath;
    const caPem = put('store-wrapped-ca.pem', toPem('CERTIFICATE', record.certificate));
    expect(ok(['verify', '-CAfile', caPem, put('store-wrapped-leaf.pem', issued.pem)])).toContain('OK');
    expect((await store.listIssued(record.id)).map((e) => e.serialHex)).toEqual([issued.entry.serialHex]);
    store.lock(record.id);
    await expect(store.signer(record.id)).rejects.toThrow(/locked/);
  });

  it('locks an unlocked key after the idle time', async () => {
    const store = fresh();
    store.session.idleMs = 50;
    const { record } = await store.createRoot({ subject: '/CN=Idle CA' }, { kind: 'passphrase', passphrase: 'idle passphrase' });
    expect(store.session.isUnlocked(record.id)).toBe(true);
    await new Promise((r) => setTimeout(r, 120));
    await expect(store.signer(record.id)).rejects.toThrow(/locked/);
  });

  it('stores the wrapped key with a random salt and ≥ 600,000 PBKDF2 iterations, and a browser key as a non-extractable CryptoKey', async () => {
    const store = fresh();
    const a = await store.createRoot({ subject: '/CN=A' }, { kind: 'passphrase', passphrase: 'the same passphrase' });
    const b = await store.createRoot({ subject: '/CN=B' }, { kind: 'passphrase', passphrase: 'the same passphrase' });
    const c = await store.createRoot({ subject: '/CN=C' }, { kind: 'browser-key' });
    const ka = await store.db.get<{ iterations: number; salt: Uint8Array }>(`key:${a.record.id}`);
    const kb = await store.db.get<{ salt: Uint8Array }>(`key:${b.record.id}`);
    const kc = await store.db.get<{ key: CryptoKey }>(`key:${c.record.id}`);
    expect(ka!.iterations).toBeGreaterThanOrEqual(600_000);
    expect(ka!.salt).not.toEqual(kb!.salt);
    expect(kc!.key.extractable).toBe(false);
    store.lockAll();
    expect((await store.signer(c.record.id)).key.type).toBe('private'); // browser keys need no unlock
  });

  it('a write that fails part-way leaves the previous state intact', async () => {
    const store = fresh();
    const { record } = await store.createRoot({ subject: '/CN=Atomic' }, { kind: 'browser-key' });
    const before = await store.getCa(record.id);
    const poison = { notClonable: () => 1 };
    await expect(store.db.write([[`ca:${record.id}`, { ...before, crlNumber: 99 }], ['issued:x:01', poison]])).rejects.toBeInstanceOf(CertbenchError);
    expect((await store.getCa(record.id)).crlNumber).toBe(0);
    expect(await store.db.get('issued:x:01')).toBeUndefined();
    await expect(
      store.db.transact([`ca:${record.id}`], () => {
        throw new CertbenchError('error.text', { text: 'refused half-way' });
      }),
    ).rejects.toThrow('refused half-way');
    expect((await store.getCa(record.id)).crlNumber).toBe(0);
  });

  it('revokes, advances the CRL number and produces a CRL openssl accepts', async () => {
    const store = fresh();
    const { record } = await store.createRoot({ subject: '/CN=CRL CA', keyType: 'rsa2048' }, { kind: 'browser-key' });
    opensslCsr('store-crl', 'rsa2048', '/CN=r', ['DNS:r.test']);
    const issued = await store.issue(record.id, await store.planFromCsr(record.id, read('store-crl.csr'), {}));
    await store.revoke(record.id, issued.entry.serialHex.toUpperCase(), 'superseded');
    await expect(store.revoke(record.id, issued.entry.serialHex, 'keyCompromise')).rejects.toThrow(/already revoked/);
    await store.crl(record.id);
    const crl = await store.crl(record.id, 3);
    expect(crl.crlNumber).toBe(2);
    const caPem = put('store-crl-ca.pem', toPem('CERTIFICATE', record.certificate));
    const text = ok(['crl', '-in', put('store.crl', crl.pem), '-CAfile', caPem, '-noout', '-text']);
    expect(text).toContain(`Serial Number: ${issued.entry.serialHex.toUpperCase()}`);
    expect(text).toContain('Superseded');
  });

  it('backup → clear → restore → sign works; exportable keys travel (wrapped ones still wrapped), others are listed as not included; restoring twice duplicates nothing', async () => {
    const store = fresh();
    const wrapped = await store.createRoot({ subject: '/CN=Backed wrapped' }, { kind: 'passphrase', passphrase: 'ca-pass-phrase', exportable: true });
    const browser = await store.createRoot({ subject: '/CN=Backed browser', keyType: 'ed25519' }, { kind: 'browser-key', exportable: true });
    const kept = await store.createRoot({ subject: '/CN=Not exportable' }, { kind: 'browser-key' });
    opensslCsr('store-backup', 'ec-p256', '/CN=b', ['DNS:b.test']);
    const first = await store.issue(browser.record.id, await store.planFromCsr(browser.record.id, read('store-backup.csr')));
    const backup = await makeBackup(store, 'backup-pass');
    expect(backup.keysNotIncluded).toEqual([{ id: kept.record.id, name: 'CN = Not exportable' }]);
    expect(new TextDecoder().decode(backup.bytes)).not.toContain('Backed'); // encrypted, not just encoded
    await expect(restoreBackup(fresh(), backup.bytes, 'nope')).rejects.toThrow(/wrong passphrase/);

    await store.db.clear();
    store.lockAll();
    expect(await store.listCas()).toEqual([]);
    const r1 = await restoreBackup(store, backup.bytes, 'backup-pass');
    expect(r1).toEqual({ casAdded: 3, keysAdded: 2, certificatesAdded: 1, revocationsTaken: 0, refused: [] });
    const r2 = await restoreBackup(store, backup.bytes, 'backup-pass');
    expect(r2).toEqual({ casAdded: 0, keysAdded: 0, certificatesAdded: 0, revocationsTaken: 0, refused: [] });
    expect((await store.listCas()).length).toBe(3);

    await expect(store.signer(kept.record.id)).rejects.toThrow(/no key/);
    await expect(store.signer(wrapped.record.id)).rejects.toThrow(/locked/);
    await store.unlock(wrapped.record.id, 'ca-pass-phrase');
    const second = await store.issue(browser.record.id, await store.planFromCsr(browser.record.id, read('store-backup.csr'), {}));
    expect((await store.takenSerials(browser.record.id)).size).toBe(2);
    expect(second.entry.serialHex).not.toBe(first.entry.serialHex);
    const caPem = put('store-backup-ca.pem', toPem('CERTIFICATE', browser.record.certificate));
    expect(ok(['verify', '-CAfile', caPem, put('store-backup-leaf.pem', second.pem)])).toContain('OK');
    const w = await store.issue(wrapped.record.id, await store.planFromCsr(wrapped.record.id, read('store-backup.csr')));
    expect(ok(['verify', '-CAfile', put('store-backup-w.pem', toPem('CERTIFICATE', wrapped.record.certificate)), put('store-backup-wl.pem', w.pem)])).toContain('OK');
  });

  it('records an intermediate in its parent inventory', async () => {
    const store = fresh();
    const root = await store.createRoot({ subject: '/CN=Parent' }, { kind: 'browser-key' });
    const int = await store.createIntermediate(root.record.id, { subject: '/CN=Child', days: 5 }, { kind: 'browser-key' });
    expect(int.record.parentId).toBe(root.record.id);
    expect((await store.listIssued(root.record.id))[0]!.profile).toBe('ca');
  });

  it('turns IndexedDB errors into plain messages, and reports persistence without being awaited', async () => {
    expect(storageError(Object.assign(new Error('x'), { name: 'QuotaExceededError' }), msg('store.savingProgress')).message).toMatch(/^saving the workshop progress: the browser has no more storage/);
    expect(storageError(Object.assign(new Error('x'), { name: 'InvalidStateError' }), msg('store.savingProgress')).message).toMatch(/database was closed/);
    const answers: string[] = [];
    requestPersistence((a) => answers.push(a));
    expect(answers).toEqual(['unsupported']); // Node has no navigator.storage
    const never = { storage: { persist: () => new Promise<boolean>(() => {}) } };
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: never, configurable: true });
    try {
      const got: string[] = [];
      requestPersistence((a) => got.push(a)); // returns at once although persist() never settles (Firefox, file://)
      expect(got).toEqual([]);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved);
    }
  });
});
