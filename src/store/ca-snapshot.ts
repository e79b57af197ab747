/**
 * One CA's records read together, and the checks every change of a CA passes first: the CA store
 * reads a snapshot, checks it, computes the change and writes it in a transaction that throws
 * StoreConflict when another tab changed the CA in between; the change is then made again.
 */
import type { CaSigner, IssuedCertificate } from '../core/ca/types.ts';
import { CertbenchError, type CoreMessage } from '../core/errors.ts';
import { CaIntegrityError, CHANGED, isFatal, loadTimeProblems, REFUSED, sealedProblems, type CaProblem } from './ca-integrity.ts';
import { caKey, keyKey, logKey, readCaRecord, readRows, readStoredKey, type CaRecord, type Quarantined } from './ca-records.ts';
import { readLog, type StoredLog } from './ca-sealed-log.ts';
import type { Db } from './db.ts';
import type { KeySession, SealKey, StoredKey } from './key-vault.ts';

/** The store changed between reading and writing (another tab): the change is made again. */
export class StoreConflict extends CertbenchError {
  constructor() {
    super('store.conflict');
  }
}

/** Everything one CA owns, as stored. */
export interface Snapshot {
  record: CaRecord;
  /** The raw record (written back with only the CRL number changed). */
  rawRecord: unknown;
  stored: StoredKey | { reason: CoreMessage } | undefined;
  rawLog: unknown;
  rows: IssuedCertificate[];
  quarantined: Quarantined[];
}

/** A CA checked and ready to change: its signer (when it has a key) and, for a passphrase CA, its seal key and log. */
interface Prepared {
  snap: Snapshot;
  signer?: CaSigner;
  sealed?: { key: SealKey; log: StoredLog };
}

/** Everything stored for CA `id`, read at once; an unreadable CA record is an error. */
export async function readSnapshot(db: Db, id: string): Promise<Snapshot> {
  const [rawRecord, rawKey, rawLog, rowEntries] = await Promise.all([
    db.get<unknown>(caKey(id)),
    db.get<unknown>(keyKey(id)),
    db.get<unknown>(logKey(id)),
    db.entries<unknown>(`issued:${id}:`),
  ]);
  if (rawRecord === undefined) throw new CertbenchError('store.noCa', { id: id.slice(0, 16) });
  const read = readCaRecord(caKey(id), rawRecord);
  if ('reason' in read) throw new CertbenchError('store.recordUnreadable', { reason: read.reason });
  return { record: read.record, rawRecord, stored: rawKey === undefined ? undefined : readStoredKey(rawKey), rawLog, ...readRows(rowEntries) };
}

/**
 * Checks the CA before a change: its certificate, chain and key (every CA), and for a passphrase CA
 * its records against the sealed log. `needKey` false lets a CA without a key in this browser
 * change its records (revoke), unsealed. What the check of a passphrase CA finds is kept in `findings`
 * (loadCas shows it) until a check finds nothing.
 */
export async function prepareChange(db: Db, session: KeySession, findings: Map<string, CaProblem[]>, id: string, needKey = true): Promise<Prepared> {
  const snap = await readSnapshot(db, id);
  const { record, stored } = snap;
  if (!stored && !needKey) return { snap };
  if (!stored) throw new CertbenchError('store.noKey', undefined, record.name);
  const problems = await loadTimeProblems(record, stored);
  if (problems.length || 'reason' in stored!) throw new CaIntegrityError(REFUSED, id, problems);
  if (stored.protection === 'browser-key') return { snap, signer: { id, certificate: record.certificate, chain: record.chain, key: stored.key } };
  const key = session.use(id);
  const sealKey = session.sealKey(id);
  if (!key || !sealKey) throw new CertbenchError('store.locked', undefined, record.name);
  const found = await sealedProblems({ caId: id, certificate: record.certificate, chain: record.chain, crlNumber: record.crlNumber, issued: snap.rows }, snap.rawLog, sealKey);
  if (found.length) {
    findings.set(id, found);
    throw new CaIntegrityError(found.some(isFatal) ? REFUSED : CHANGED, id, found);
  }
  findings.delete(id);
  return { snap, signer: { id, certificate: record.certificate, chain: record.chain, key }, sealed: { key: sealKey, log: readLog(snap.rawLog)! } };
}

/** Runs a read-check-write change again when another tab changed the CA in between (at most a few times). */
export async function retryOnConflict<T>(change: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 6; i++) {
    try {
      return await change();
    } catch (e) {
      if (!(e instanceof StoreConflict)) throw e;
    }
  }
  throw new CertbenchError('store.keptChanging');
}
