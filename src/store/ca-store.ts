/**
 * The browser's CA store: CAs, their keys and the inventory of what each issued, in IndexedDB (the
 * records and how each is read: ca-records.ts). This is the API the CA screens use.
 * Every page opened from file:// in this browser can read and write these records (PLATFORM-FACTS),
 * so nothing read is trusted: a malformed record is set aside, every load checks the CA's id against
 * its certificate and a browser-held key against the certificate, and a passphrase CA's records are
 * checked against its sealed log at unlock and before every change (ca-integrity.ts, ca-snapshot.ts).
 */
import { createIntermediateCa, createRootCa, type CaOptions, type CreatedCa } from '../core/ca/create.ts';
import { buildCrl, type BuiltCrl } from '../core/ca/crl.ts';
import { readVerifiedRequest } from '../core/ca/csr.ts';
import { importCa, type CaImportInput } from '../core/ca/import.ts';
import { inventoryEntryFor, revokeEntry } from '../core/ca/inventory.ts';
import { issueFromPlan, planFromRequest, planRenewal, type IssuancePlan, type IssuedResult, type PlanOptions } from '../core/ca/issue.ts';
import { BUILTIN_PROFILES } from '../core/ca/profiles.ts';
import { deriveStateLogKey, newStateLogSeal, type StateLogSeal } from '../core/ca/state-log.ts';
import type { CaSigner, IssuedCertificate, RevocationReason } from '../core/ca/types.ts';
import { normaliseSerialHex } from '../core/cert/serial.ts';
import { CertbenchError, type CoreMessage } from '../core/errors.ts';
import { keyAlgorithmOfCryptoKey } from '../core/keys/key-types.ts';
import { CaIntegrityError, isFatal, keyFitsCertificate, loadTimeProblems, REFUSED, repairFor, sealedProblems, type CaProblem, type Repair } from './ca-integrity.ts';
import { caKey, issuedKey, keyKey, logKey, readCaRecord, readRow, readRows, readStoredKey, type CaRecord, type Quarantined } from './ca-records.ts';
import { resealRecords, restoreFromLog } from './ca-repair.ts';
import { appendToLog, lostRevocations, newLog, readLog, sameLog } from './ca-sealed-log.ts';
import { prepareChange, readSnapshot, retryOnConflict, StoreConflict, type Snapshot } from './ca-snapshot.ts';
import { openDb, type Db } from './db.ts';
import { KeySession, protectKey, unwrapKey, type KeyProtection, type SealKey, type StoredKey } from './key-vault.ts';

export interface CaIntegrity {
  /** Found on this load (id, chain, browser-held key) and, for a passphrase CA, at its last unlock or change. */
  problems: CaProblem[];
  /** What acknowledging the problems does; undefined when there are none. */
  repair: Repair | undefined;
  /** A passphrase CA whose records were checked against its sealed history in this session (it is unlocked). */
  sealChecked: boolean;
}

export interface CaSummary extends CaRecord {
  notAfter: Date;
  protection: StoredKey['protection'] | 'none';
  /** The key is included in backups. */
  exportable: boolean;
  /** A browser-held key whose bytes can be exported (by any page of this browser profile). */
  extractable: boolean;
  unlocked: boolean;
  integrity: CaIntegrity;
}

interface CaList {
  cas: CaSummary[];
  /** Records that could not be read: set aside, never used, named so a person can remove them. */
  quarantined: Quarantined[];
}

async function pkcs8Of(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key));
}

export class CaStore {
  readonly session = new KeySession();
  /** Problems found at a passphrase CA's unlock or before a change, until a clean check or lock. */
  readonly #findings = new Map<string, CaProblem[]>();
  constructor(readonly db: Db = openDb()) {}

  /** Every CA, checked; a record that cannot be read is set aside and named, never hiding the others. */
  async loadCas(): Promise<CaList> {
    const all = await this.db.entries<unknown>('');
    const quarantined: Quarantined[] = [];
    const values = new Map(all);
    const cas: CaSummary[] = [];
    for (const [k, v] of all) {
      if (k.startsWith('issued:')) {
        const row = readRow(k, v);
        if ('reason' in row) quarantined.push(row);
        continue;
      }
      if (!k.startsWith('ca:')) continue;
      const read = readCaRecord(k, v);
      if ('reason' in read) {
        quarantined.push(read);
        continue;
      }
      const { record, facts } = read;
      const rawKey = values.get(keyKey(record.id));
      const stored = rawKey === undefined ? undefined : readStoredKey(rawKey);
      const found = [...(await loadTimeProblems(record, stored)), ...(this.#findings.get(record.id) ?? [])];
      const problems = found.filter((p, i) => found.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i);
      const key = stored && !('reason' in stored) ? stored : undefined;
      const unlocked = key?.protection === 'browser-key' || this.session.isUnlocked(record.id);
      cas.push({
        ...record,
        notAfter: facts.notAfter,
        protection: key?.protection ?? 'none',
        exportable: key?.exportable ?? false,
        extractable: key?.protection === 'browser-key' && key.key.extractable,
        unlocked,
        integrity: { problems, repair: repairFor(problems), sealChecked: key?.protection === 'passphrase' && this.session.isUnlocked(record.id) },
      });
    }
    return { cas, quarantined };
  }

  async listCas(): Promise<CaSummary[]> {
    return (await this.loadCas()).cas;
  }

  async getCa(id: string): Promise<CaRecord> {
    const raw = await this.db.get<unknown>(caKey(id));
    if (raw === undefined) throw new CertbenchError('store.noCa', { id: id.slice(0, 16) });
    const read = readCaRecord(caKey(id), raw);
    if ('reason' in read) throw new CertbenchError('store.recordUnreadable', { reason: read.reason });
    return read.record;
  }

  /**
   * Stores a CA and its key together (one transaction); a passphrase CA also gets its sealed log.
   * The key must be extractable once, to be wrapped. `guard` sees the current values of `guardKeys`
   * in the same transaction and throws to write nothing.
   */
  async addCa(
    ca: { id: string; certificate: Uint8Array; chain: Uint8Array[]; key: CryptoKey },
    protection: KeyProtection,
    extra: [string, unknown][] = [],
    parentId?: string,
    guard?: { keys: string[]; check: (current: Map<string, unknown>) => void },
  ): Promise<CaRecord> {
    const algorithm = keyAlgorithmOfCryptoKey(ca.key);
    if (!algorithm) throw new CertbenchError('store.keyType');
    const seal: StateLogSeal | undefined = protection.kind === 'passphrase' ? newStateLogSeal() : undefined;
    const [stored, logHmac] = await Promise.all([
      protectKey(ca.id, await pkcs8Of(ca.key), algorithm, protection),
      protection.kind === 'passphrase' ? deriveStateLogKey(protection.passphrase, seal!) : undefined,
    ]);
    const sealKey: SealKey | undefined = logHmac ? { key: logHmac, seal: seal! } : undefined;
    const record = readCaRecord(caKey(ca.id), { id: ca.id, certificate: ca.certificate, chain: ca.chain, crlNumber: 0, ...(parentId ? { parentId } : {}), createdAt: new Date().toISOString() });
    if ('reason' in record) throw new CertbenchError('error.text', { text: record.reason });
    const puts: [string, unknown][] = [[caKey(ca.id), record.record], [keyKey(ca.id), stored], ...extra];
    if (sealKey) puts.push([logKey(ca.id), await newLog(ca.certificate, ca.chain, sealKey)]);
    await this.db.transact([caKey(ca.id), ...(guard?.keys ?? [])], (cur) => {
      if (cur.get(caKey(ca.id)) !== undefined) throw new CertbenchError('store.alreadyStored', { name: record.record.name });
      guard?.check(cur);
      return puts;
    });
    if (protection.kind === 'passphrase') this.session.put(ca.id, await unwrapKey(ca.id, stored as StoredKey & { protection: 'passphrase' }, protection.passphrase), sealKey);
    return record.record;
  }

  async createRoot(options: CaOptions, protection: KeyProtection): Promise<{ record: CaRecord; warnings: CoreMessage[] }> {
    const ca = await createRootCa(options);
    return { record: await this.addCa(ca, protection), warnings: ca.warnings };
  }

  /** An intermediate signed by a stored CA; it is also recorded in the parent's inventory (and sealed log). */
  async createIntermediate(parentId: string, options: CaOptions, protection: KeyProtection): Promise<{ record: CaRecord; warnings: CoreMessage[] }> {
    return retryOnConflict(async () => {
      const parent = await prepareChange(this.db, this.session, this.#findings, parentId);
      const ca: CreatedCa = await createIntermediateCa(parent.signer!, this.#taken(parent.snap), options);
      const entry = inventoryEntryFor(parentId, ca.certificate, 'ca');
      const extra: [string, unknown][] = [[issuedKey(parentId, entry.serialHex), entry]];
      if (parent.sealed) extra.push([logKey(parentId), await appendToLog(parent.sealed.log, [{ op: 'issue', entry }], parent.sealed.key)]);
      const guard = {
        keys: [issuedKey(parentId, entry.serialHex), logKey(parentId)],
        check: (cur: Map<string, unknown>) => {
          if (cur.get(issuedKey(parentId, entry.serialHex)) !== undefined || (parent.sealed && !sameLog(cur.get(logKey(parentId)), parent.snap.rawLog))) throw new StoreConflict();
        },
      };
      return { record: await this.addCa(ca, protection, extra, parentId, guard), warnings: ca.warnings };
    });
  }

  async importCa(input: CaImportInput, protection: KeyProtection): Promise<{ record: CaRecord; warnings: CoreMessage[] }> {
    const ca = await importCa(input);
    return { record: await this.addCa(ca, protection), warnings: ca.warnings };
  }

  /** Deletes a CA, its key, its log and its inventory (one transaction). */
  async deleteCa(id: string): Promise<void> {
    const issued = await this.db.entries(`issued:${id}:`);
    await this.db.write([], [caKey(id), keyKey(id), logKey(id), ...issued.map(([k]) => k)]);
    this.session.lock(id);
    this.#findings.delete(id);
  }

  /** Removes a record that was set aside because it cannot be read. */
  async removeQuarantined(key: string): Promise<void> {
    const read = key.startsWith('ca:') ? readCaRecord(key, await this.db.get(key)) : key.startsWith('issued:') ? readRow(key, await this.db.get(key)) : undefined;
    if (!read || !('reason' in read)) throw new CertbenchError('store.notQuarantined', { key });
    await this.db.write([], [key]);
  }

  /**
   * Unlocks a passphrase CA for this session, after checking that the key belongs to the certificate
   * and that its records are what its sealed log records. A swapped certificate or key is refused
   * (the key is not kept); other changes are returned (and kept) until acknowledged, and until then
   * the CA does not sign, revoke or publish.
   */
  async unlock(id: string, passphrase: string): Promise<CaProblem[]> {
    const snap = await readSnapshot(this.db, id);
    const { record, stored } = snap;
    if (!stored) throw new CertbenchError('store.noKey');
    if ('reason' in stored) throw new CaIntegrityError(REFUSED, id, [{ kind: 'key-unreadable', reason: stored.reason }]);
    if (stored.protection !== 'passphrase') return [];
    const key = await unwrapKey(id, stored, passphrase);
    const refused = await loadTimeProblems(record, stored);
    if (!(await keyFitsCertificate(key, record.certificate))) refused.push({ kind: 'key-mismatch' });
    if (refused.length) {
      this.#findings.set(id, refused);
      throw new CaIntegrityError(REFUSED, id, refused);
    }
    const logged = readLog(snap.rawLog);
    let seal = logged?.seal;
    let hmac: CryptoKey;
    try {
      hmac = await deriveStateLogKey(passphrase, seal!);
    } catch {
      seal = newStateLogSeal(); // the stored parameters are not certbench's: sealedProblems reports it
      hmac = await deriveStateLogKey(passphrase, seal);
    }
    const sealKey: SealKey = { key: hmac, seal: seal! };
    const found = await sealedProblems({ caId: id, certificate: record.certificate, chain: record.chain, crlNumber: record.crlNumber, issued: snap.rows }, snap.rawLog, sealKey);
    if (found.length) this.#findings.set(id, found);
    else this.#findings.delete(id);
    if (found.some(isFatal)) throw new CaIntegrityError(REFUSED, id, found);
    this.session.put(id, key, sealKey);
    return found;
  }

  /**
   * The person read `shown` (what unlock or a change found) and continues: what the sealed log records
   * is put back, or — when the log itself cannot be trusted or is missing — the records are sealed as
   * they are. Refused when the records changed again since `shown`, or for a swapped certificate/key.
   */
  async acknowledge(id: string, shown: readonly CaProblem[]): Promise<CaProblem[]> {
    return retryOnConflict(async () => {
      const snap = await readSnapshot(this.db, id);
      const sealKey = this.session.sealKey(id);
      if (!this.session.use(id) || !sealKey) throw new CertbenchError('store.locked');
      if (snap.stored && 'reason' in snap.stored) throw new CaIntegrityError(REFUSED, id, [{ kind: 'key-unreadable', reason: snap.stored.reason }]);
      const refused = await loadTimeProblems(snap.record, snap.stored);
      if (refused.length) throw new CaIntegrityError(REFUSED, id, refused);
      const state = { caId: id, certificate: snap.record.certificate, chain: snap.record.chain, crlNumber: snap.record.crlNumber, issued: snap.rows };
      const problems = await sealedProblems(state, snap.rawLog, sealKey);
      if (JSON.stringify(problems) !== JSON.stringify(shown)) {
        if (problems.length) this.#findings.set(id, problems);
        else this.#findings.delete(id);
        throw new CaIntegrityError('store.changedAgain', id, problems);
      }
      const repair = repairFor(problems);
      if (repair === 'refuse') throw new CaIntegrityError(REFUSED, id, problems);
      if (repair) {
        const changes = repair === 'restore' ? await restoreFromLog(snap.record, snap.rows, readLog(snap.rawLog)!, problems, sealKey) : await resealRecords(snap.record, snap.rows, snap.rawLog, sealKey);
        const touched = [caKey(id), logKey(id), ...changes.puts.map(([k]) => k), ...changes.deletes];
        await this.db.transact(touched, (cur) => {
          if (!sameLog(cur.get(logKey(id)), snap.rawLog) || JSON.stringify(cur.get(caKey(id))) !== JSON.stringify(snap.rawRecord)) throw new StoreConflict();
          const raw = cur.get(caKey(id)) as Record<string, unknown>;
          return { puts: [...changes.puts, [logKey(id), changes.log], [caKey(id), { ...raw, crlNumber: changes.crlNumber }]], deletes: changes.deletes };
        });
      }
      const after = await readSnapshot(this.db, id);
      const left = await sealedProblems({ ...state, crlNumber: after.record.crlNumber, issued: after.rows }, after.rawLog, sealKey);
      if (left.length) this.#findings.set(id, left);
      else this.#findings.delete(id);
      return left;
    });
  }

  lock(id: string): void {
    this.session.lock(id);
  }

  lockAll(): void {
    this.session.lockAll();
  }

  /** The CA ready to sign (checked), or a CertbenchError saying it is locked or was altered. */
  async signer(id: string): Promise<CaSigner> {
    return (await prepareChange(this.db, this.session, this.#findings, id)).signer!;
  }

  /** The inventory rows that can be read (a malformed one is reported by loadCas). */
  async listIssued(caId: string): Promise<IssuedCertificate[]> {
    return readRows(await this.db.entries<unknown>(`issued:${caId}:`)).rows;
  }

  #taken(snap: Snapshot): Set<string> {
    return new Set([...snap.rows.map((e) => e.serialHex), ...snap.quarantined.map((q) => q.key.split(':')[2] ?? '')]);
  }

  async takenSerials(caId: string): Promise<Set<string>> {
    return this.#taken(await readSnapshot(this.db, caId));
  }

  /** Verifies the CSR and proposes an editable plan (default profile: server). */
  async planFromCsr(caId: string, csr: string | Uint8Array, options: Partial<PlanOptions> = {}): Promise<IssuancePlan> {
    const ca = await this.getCa(caId);
    return planFromRequest(await readVerifiedRequest(csr), { id: caId, certificate: ca.certificate, chain: ca.chain }, { profile: BUILTIN_PROFILES.server, ...options });
  }

  async planRenewal(caId: string, serial: string, options: Partial<PlanOptions> = {}): Promise<IssuancePlan> {
    const ca = await this.getCa(caId);
    const entry = await this.issued(caId, serial);
    return planRenewal(entry, { id: caId, certificate: ca.certificate, chain: ca.chain }, { profile: (BUILTIN_PROFILES as Record<string, typeof BUILTIN_PROFILES.server>)[entry.profile] ?? BUILTIN_PROFILES.server, ...options });
  }

  /** Signs the plan and records it in the inventory (and the sealed log), in one transaction. */
  async issue(caId: string, plan: IssuancePlan): Promise<IssuedResult> {
    return retryOnConflict(async () => {
      const p = await prepareChange(this.db, this.session, this.#findings, caId);
      const result = await issueFromPlan(plan, p.signer!, this.#taken(p.snap));
      const k = issuedKey(caId, result.entry.serialHex);
      const log = p.sealed && (await appendToLog(p.sealed.log, [{ op: 'issue', entry: result.entry }], p.sealed.key));
      await this.db.transact([k, logKey(caId)], (cur) => {
        if (cur.get(k)) throw new CertbenchError('store.serialCollision');
        if (p.sealed && !sameLog(cur.get(logKey(caId)), p.snap.rawLog)) throw new StoreConflict();
        return [[k, result.entry], ...(log ? [[logKey(caId), log] as [string, unknown]] : [])];
      });
      return result;
    });
  }

  async issued(caId: string, serial: string): Promise<IssuedCertificate> {
    const key = issuedKey(caId, normaliseSerialHex(serial));
    const raw = await this.db.get<unknown>(key);
    if (raw === undefined) throw new CertbenchError('ca.serialNotIssued', { serial: normaliseSerialHex(serial) });
    const row = readRow(key, raw);
    if ('reason' in row) throw new CertbenchError('store.rowUnreadable', { reason: row.reason });
    return row;
  }

  /** Marks a row revoked (recorded in the sealed log of a passphrase CA, which must be unlocked). */
  async revoke(caId: string, serial: string, reason: RevocationReason = 'unspecified'): Promise<IssuedCertificate> {
    const hex = normaliseSerialHex(serial);
    const key = issuedKey(caId, hex);
    return retryOnConflict(async () => {
      const p = await prepareChange(this.db, this.session, this.#findings, caId, false);
      const row = p.snap.rows.find((r) => r.serialHex === hex);
      if (!row) throw new CertbenchError('ca.serialNotIssued', { serial: hex });
      const revoked = revokeEntry(row, reason);
      const log = p.sealed && (await appendToLog(p.sealed.log, [{ op: 'revoke', entry: revoked }], p.sealed.key));
      await this.db.transact([key, logKey(caId)], (cur) => {
        if (JSON.stringify(cur.get(key)) !== JSON.stringify(row)) throw new StoreConflict();
        if (p.sealed && !sameLog(cur.get(logKey(caId)), p.snap.rawLog)) throw new StoreConflict();
        return [[key, revoked], ...(log ? [[logKey(caId), log] as [string, unknown]] : [])];
      });
      return revoked;
    });
  }

  /**
   * A new CRL. Its number is taken inside the write: the transaction writes it only if the CA's number
   * is still the one the CRL followed, else the CRL is made again with the next one (two tabs
   * publishing at once get different numbers). A passphrase CA's CRL also lists revocations its sealed
   * log records for rows that are gone.
   */
  async crl(caId: string, days?: number): Promise<BuiltCrl> {
    return retryOnConflict(async () => {
      const p = await prepareChange(this.db, this.session, this.#findings, caId);
      const rows = p.sealed ? [...p.snap.rows, ...lostRevocations(caId, p.sealed.log, p.snap.rows)] : p.snap.rows;
      const before = p.snap.record.crlNumber;
      const crl = await buildCrl(p.signer!, rows, { crlNumber: before + 1, ...(days !== undefined ? { days } : {}) });
      const log = p.sealed && (await appendToLog(p.sealed.log, [{ op: 'crl', number: crl.crlNumber, der: crl.der }], p.sealed.key));
      await this.db.transact([caKey(caId), logKey(caId)], (cur) => {
        const now = cur.get(caKey(caId)) as Record<string, unknown> | undefined;
        if (!now || now.crlNumber !== before) throw new StoreConflict();
        if (p.sealed && !sameLog(cur.get(logKey(caId)), p.snap.rawLog)) throw new StoreConflict();
        return [[caKey(caId), { ...now, crlNumber: crl.crlNumber }], ...(log ? [[logKey(caId), log] as [string, unknown]] : [])];
      });
      return crl;
    });
  }
}
