/**
 * Backup and restore of the whole CA store as one passphrase-encrypted file (PBKDF2-SHA256 600,000
 * + AES-GCM). Keys are included only when exportable; a passphrase-wrapped key stays wrapped under
 * its own passphrase. Restore merges by CA id and serial: nothing is duplicated or lost.
 */
import { fromBase64, toBase64 } from '../core/bytes.ts';
import type { IssuedCertificate } from '../core/ca/types.ts';
import { CertbenchError } from '../core/errors.ts';
import { caKey, issuedKey, keyKey, type CaRecord, type CaStore } from './ca-store.ts';
import { openWithPassphrase, protectKey, sealWithPassphrase, KEY_PBKDF2_ITERATIONS, type PassphraseWrap, type StoredKey } from './key-vault.ts';

const FORMAT = 'certbench-ca-backup';
const CONTEXT = `${FORMAT}:1`;

/** A key as it travels in a backup: still wrapped, or the PKCS#8 of an exportable browser-held key. */
type BackupKey = Exclude<StoredKey, { protection: 'browser-key' }> | { protection: 'browser-key'; exportable: true; algorithm: StoredKey['algorithm']; pkcs8: Uint8Array };

interface BackupContent {
  cas: { record: CaRecord; key?: BackupKey }[];
  issued: IssuedCertificate[];
}

export interface BackupResult {
  /** The file to save (JSON text, .certbench-backup). */
  bytes: Uint8Array;
  /** CAs whose key is not in the backup (not exportable): after a restore they cannot sign. */
  keysNotIncluded: { id: string; name: string }[];
}

export interface RestoreResult {
  casAdded: number;
  keysAdded: number;
  certificatesAdded: number;
  revocationsTaken: number;
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { $b64: toBase64(v) } : v));
}
function fromJson<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && '$b64' in v ? fromBase64((v as { $b64: string }).$b64) : v)) as T;
}

export async function makeBackup(store: CaStore, passphrase: string): Promise<BackupResult> {
  const content: BackupContent = { cas: [], issued: [] };
  const keysNotIncluded: BackupResult['keysNotIncluded'] = [];
  for (const [, record] of await store.db.entries<CaRecord>('ca:')) {
    const stored = await store.db.get<StoredKey>(keyKey(record.id));
    let key: BackupKey | undefined;
    if (stored?.exportable && stored.protection === 'passphrase') key = stored;
    else if (stored?.exportable && stored.protection === 'browser-key') {
      key = { protection: 'browser-key', exportable: true, algorithm: stored.algorithm, pkcs8: new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', stored.key)) };
    } else keysNotIncluded.push({ id: record.id, name: record.name });
    content.cas.push(key ? { record, key } : { record });
    content.issued.push(...(await store.listIssued(record.id)));
  }
  const sealed = await sealWithPassphrase(new TextEncoder().encode(toJson(content)), passphrase, CONTEXT, KEY_PBKDF2_ITERATIONS);
  const file = { format: FORMAT, version: 1, kdf: 'PBKDF2-SHA256', cipher: 'AES-256-GCM', createdAt: new Date().toISOString(), ...sealed };
  return { bytes: new TextEncoder().encode(toJson(file) + '\n'), keysNotIncluded };
}

export async function restoreBackup(store: CaStore, bytes: Uint8Array, passphrase: string): Promise<RestoreResult> {
  let file: { format?: string; version?: number } & PassphraseWrap;
  try {
    file = fromJson(new TextDecoder().decode(bytes));
  } catch {
    throw new CertbenchError('not a certbench backup (not JSON)', 'backup');
  }
  if (file.format !== FORMAT || file.version !== 1) throw new CertbenchError('not a certbench CA backup (or a newer version)', 'backup');
  const content = fromJson<BackupContent>(new TextDecoder().decode(await openWithPassphrase(file, passphrase, CONTEXT)));
  const result: RestoreResult = { casAdded: 0, keysAdded: 0, certificatesAdded: 0, revocationsTaken: 0 };
  const puts: [string, unknown][] = [];
  for (const { record, key } of content.cas) {
    const existing = await store.db.get<CaRecord>(caKey(record.id));
    if (!existing) {
      puts.push([caKey(record.id), record]);
      result.casAdded++;
    } else if (record.crlNumber > existing.crlNumber) puts.push([caKey(record.id), { ...existing, crlNumber: record.crlNumber }]);
    if (key && !(await store.db.get(keyKey(record.id)))) {
      const stored: StoredKey = key.protection === 'browser-key' ? await protectKey(record.id, key.pkcs8, key.algorithm, { kind: 'browser-key', exportable: true }) : key;
      puts.push([keyKey(record.id), stored]);
      result.keysAdded++;
    }
  }
  for (const entry of content.issued) {
    const k = issuedKey(entry.caId, entry.serialHex);
    const existing = await store.db.get<IssuedCertificate>(k);
    if (!existing) {
      puts.push([k, entry]);
      result.certificatesAdded++;
    } else if (existing.status === 'valid' && entry.status === 'revoked') {
      puts.push([k, entry]); // a revocation is never undone by restoring an older state
      result.revocationsTaken++;
    }
  }
  await store.db.write(puts);
  return result;
}
