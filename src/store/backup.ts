/**
 * Backup and restore of the whole CA store as one passphrase-encrypted file (PBKDF2-SHA256 600,000
 * + AES-GCM). Keys are included only when exportable; a passphrase-wrapped key stays wrapped under
 * its own passphrase; a passphrase CA's sealed log travels with it. Restore merges by CA id and
 * serial: nothing is duplicated or lost, and nothing is taken on trust — a CA only if its id is its
 * certificate's hash, an inventory row only if the CA's signature on its certificate verifies, a
 * revocation only for a certificate the CA issued and, for a CA with a sealed history here, only
 * what that history records (a backup's history is taken when it continues the one here).
 */
import { bytesEqual, fromBase64, toBase64 } from '../core/bytes.ts';
import { signedBy } from '../core/ca/identity.ts';
import { inventoryEntryFor } from '../core/ca/inventory.ts';
import { replayStateLog, sha256Hex, type ReplayedState } from '../core/ca/state-log.ts';
import type { IssuedCertificate } from '../core/ca/types.ts';
import { CertbenchError, msg } from '../core/errors.ts';
import { keyFitsCertificate, loadTimeProblems } from './ca-integrity.ts';
import { caKey, issuedKey, keyKey, logKey, readCaRecord, readRow, readStoredKey, type CaRecord } from './ca-records.ts';
import { readLog, type StoredLog } from './ca-sealed-log.ts';
import type { CaStore } from './ca-store.ts';
import { openWithPassphrase, protectKey, sealWithPassphrase, KEY_PBKDF2_ITERATIONS, type PassphraseWrap, type StoredKey } from './key-vault.ts';

const FORMAT = 'certbench-ca-backup';
const CONTEXT = `${FORMAT}:1`;

/** A key as it travels in a backup: still wrapped, or the PKCS#8 of an exportable browser-held key. */
type BackupKey = Exclude<StoredKey, { protection: 'browser-key' }> | { protection: 'browser-key'; exportable: true; algorithm: StoredKey['algorithm']; pkcs8: Uint8Array };

export interface BackupContent {
  cas: { record: CaRecord; key?: BackupKey; log?: StoredLog }[];
  issued: IssuedCertificate[];
}

export interface BackupResult {
  /** The file to save (JSON text, .certbench-backup). */
  bytes: Uint8Array;
  /** CAs whose key is not in the backup (not exportable): after a restore they cannot sign. */
  keysNotIncluded: { id: string; name: string }[];
}

/** Why a part of a backup was not taken. */
export type RestoreRefusal =
  /** The CA record is unreadable, its id is not its certificate's hash, or its chain does not sign it. */
  | 'ca-altered'
  /** A browser-held key that does not sign for its CA's certificate. */
  | 'key-mismatch'
  /** A row for a CA neither here nor in the backup. */
  | 'unknown-ca'
  /** A row that is not an inventory row, or whose certificate the CA did not sign. */
  | 'not-signed'
  /** A row whose serial is here with another certificate. */
  | 'not-issued'
  /** A row the CA's sealed history here does not record. */
  | 'not-logged'
  /** A revocation the CA's sealed history here does not record. */
  | 'revocation-not-logged';

export interface RestoreResult {
  casAdded: number;
  keysAdded: number;
  certificatesAdded: number;
  revocationsTaken: number;
  /** What was left out, and why. */
  refused: { ca: string; serial?: string; reason: RestoreRefusal }[];
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { $b64: toBase64(v) } : v));
}
function fromJson<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && '$b64' in v ? fromBase64((v as { $b64: string }).$b64) : v)) as T;
}

/** The backup file for `content`, encrypted with `passphrase`. */
export async function encodeBackup(content: BackupContent, passphrase: string): Promise<Uint8Array> {
  const sealed = await sealWithPassphrase(new TextEncoder().encode(toJson(content)), passphrase, CONTEXT, KEY_PBKDF2_ITERATIONS);
  const file = { format: FORMAT, version: 1, kdf: 'PBKDF2-SHA256', cipher: 'AES-256-GCM', createdAt: new Date().toISOString(), ...sealed };
  return new TextEncoder().encode(toJson(file) + '\n');
}

export async function makeBackup(store: CaStore, passphrase: string): Promise<BackupResult> {
  const content: BackupContent = { cas: [], issued: [] };
  const keysNotIncluded: BackupResult['keysNotIncluded'] = [];
  for (const [k, raw] of await store.db.entries<unknown>('ca:')) {
    const read = readCaRecord(k, raw);
    if ('reason' in read) continue; // set aside: not carried into backups
    const { record } = read;
    const rawKey = await store.db.get<unknown>(keyKey(record.id));
    const stored = rawKey === undefined ? undefined : readStoredKey(rawKey);
    let key: BackupKey | undefined;
    if (stored && !('reason' in stored) && stored.exportable && stored.protection === 'passphrase') key = stored;
    else if (stored && !('reason' in stored) && stored.exportable && stored.protection === 'browser-key') {
      key = { protection: 'browser-key', exportable: true, algorithm: stored.algorithm, pkcs8: new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', stored.key)) };
    } else keysNotIncluded.push({ id: record.id, name: record.name });
    const log = readLog(await store.db.get<unknown>(logKey(record.id)));
    content.cas.push({ record, ...(key ? { key } : {}), ...(log ? { log } : {}) });
    content.issued.push(...(await store.listIssued(record.id)));
  }
  return { bytes: await encodeBackup(content, passphrase), keysNotIncluded };
}

/** `longer` continues `shorter`: the same entries, then more (or none). */
function continues(longer: StoredLog, shorter: StoredLog): boolean {
  return longer.entries.length >= shorter.entries.length && shorter.entries.every((e, i) => JSON.stringify(e) === JSON.stringify(longer.entries[i]));
}

/** What restore knows of a CA: here or in the backup, and the sealed history that decides what is taken. */
interface Target {
  record: CaRecord;
  history?: ReplayedState;
}

export async function restoreBackup(store: CaStore, bytes: Uint8Array, passphrase: string): Promise<RestoreResult> {
  let file: { format?: string; version?: number } & PassphraseWrap;
  try {
    file = fromJson(new TextDecoder().decode(bytes));
  } catch {
    throw new CertbenchError('store.backupNotJson', undefined, msg('where.backup'));
  }
  if (file.format !== FORMAT || file.version !== 1) throw new CertbenchError('store.backupFormat', undefined, msg('where.backup'));
  const content = fromJson<Partial<BackupContent>>(new TextDecoder().decode(await openWithPassphrase(file, passphrase, CONTEXT)));
  const result: RestoreResult = { casAdded: 0, keysAdded: 0, certificatesAdded: 0, revocationsTaken: 0, refused: [] };
  const puts: [string, unknown][] = [];
  const targets = new Map<string, Target>();
  for (const ca of await store.listCas()) {
    const log = readLog(await store.db.get<unknown>(logKey(ca.id)));
    targets.set(ca.id, { record: ca, ...(log ? { history: replayStateLog(log.entries) } : {}) });
  }
  for (const item of Array.isArray(content.cas) ? content.cas : []) {
    const raw = item?.record as Partial<CaRecord> | undefined;
    const read = readCaRecord(caKey(String(raw?.id)), raw);
    if ('reason' in read || (await loadTimeProblems(read.record, undefined)).length) {
      result.refused.push({ ca: 'reason' in read ? String(raw?.name ?? raw?.id) : read.record.name, reason: 'ca-altered' });
      continue;
    }
    const { record } = read;
    const here = targets.get(record.id);
    const rawHere = here && (await store.db.get<Record<string, unknown>>(caKey(record.id)));
    const logHere = here && readLog(await store.db.get<unknown>(logKey(record.id)));
    const logThere = readLog(item.log);
    if (!here) {
      puts.push([caKey(record.id), record]);
      if (logThere) puts.push([logKey(record.id), logThere]);
      targets.set(record.id, { record, ...(logThere ? { history: replayStateLog(logThere.entries) } : {}) });
      result.casAdded++;
    } else if (logHere && logThere && continues(logThere, logHere)) {
      puts.push([logKey(record.id), logThere]);
      here.history = replayStateLog(logThere.entries);
      if (record.crlNumber > here.record.crlNumber) puts.push([caKey(record.id), { ...rawHere, crlNumber: record.crlNumber }]);
    } else if (!logHere && record.crlNumber > here.record.crlNumber) puts.push([caKey(record.id), { ...rawHere, crlNumber: record.crlNumber }]);
    const key = item.key;
    if (key && !(await store.db.get(keyKey(record.id)))) {
      let stored: StoredKey | undefined;
      if (key.protection === 'browser-key') {
        const made = await protectKey(record.id, key.pkcs8, key.algorithm, { kind: 'browser-key', exportable: true });
        if (made.protection === 'browser-key' && (await keyFitsCertificate(made.key, record.certificate))) stored = made;
        else result.refused.push({ ca: record.name, reason: 'key-mismatch' });
      } else {
        const read = readStoredKey(key);
        if (!('reason' in read)) stored = read; // checked against the certificate at unlock
      }
      if (stored) {
        puts.push([keyKey(record.id), stored]);
        result.keysAdded++;
      }
    }
  }
  for (const entry of Array.isArray(content.issued) ? content.issued : []) {
    const target = targets.get(String(entry?.caId));
    if (!target) {
      result.refused.push({ ca: String(entry?.caId).slice(0, 16), ...(typeof entry?.serialHex === 'string' ? { serial: entry.serialHex } : {}), reason: 'unknown-ca' });
      continue;
    }
    const { record, history } = target;
    const k = issuedKey(record.id, String(entry.serialHex));
    const row = readRow(k, entry);
    const refuse = (reason: RestoreRefusal) => result.refused.push({ ca: record.name, serial: String(entry.serialHex), reason });
    if ('reason' in row || !(await signedBy(row.der, record.certificate))) {
      refuse('not-signed');
      continue;
    }
    let taken: IssuedCertificate;
    try {
      taken = inventoryEntryFor(record.id, row.der, row.profile); // the row's fields come from its certificate, not the file
    } catch {
      refuse('not-signed');
      continue;
    }
    if (taken.serialHex !== row.serialHex) {
      refuse('not-signed');
      continue;
    }
    let revoked = row.status === 'revoked' ? { revokedAt: row.revokedAt!, revocationReason: row.revocationReason ?? 'unspecified' } : undefined;
    if (history) {
      const logged = history.certificates.get(row.serialHex);
      if (!logged || logged.sha256 !== (await sha256Hex(row.der))) {
        refuse('not-logged');
        continue;
      }
      if (revoked && !logged.revoked) {
        refuse('revocation-not-logged');
        revoked = undefined;
      } else if (revoked && logged.revoked) revoked = { revokedAt: logged.revoked.at, revocationReason: logged.revoked.reason };
    }
    const existingRaw = await store.db.get<unknown>(k);
    const existing = existingRaw === undefined ? undefined : readRow(k, existingRaw);
    if (existing && ('reason' in existing || !bytesEqual(existing.der, row.der))) {
      refuse('not-issued');
      continue;
    }
    if (!existing) {
      puts.push([k, revoked ? { ...taken, status: 'revoked', ...revoked } : taken]);
      result.certificatesAdded++;
    } else if (existing.status === 'valid' && revoked) {
      puts.push([k, { ...existing, status: 'revoked', ...revoked }]); // a revocation is never undone by restoring an older state
      result.revocationsTaken++;
    }
  }
  await store.db.write(puts);
  return result;
}
