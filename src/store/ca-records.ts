/**
 * The CA store's records as IndexedDB holds them: the key each is stored under, and how each is
 * read back. Every page opened from file:// in this browser can write these records (PLATFORM-FACTS),
 * so each is read defensively: a malformed one is set aside (quarantined) and named, never used, and
 * every other CA still loads.
 *   ca:<id>               CaRecord (certificate, chain, CRL number)
 *   key:<id>              StoredKey (passphrase-wrapped PKCS#8, or a CryptoKey)
 *   issued:<id>:<serial>  IssuedCertificate
 *   log:<id>              StoredLog: a passphrase CA's history, sealed with its passphrase (ca-sealed-log.ts)
 */
import { caFacts } from '../core/ca/identity.ts';
import { isRevocationReason } from '../core/ca/inventory.ts';
import type { IssuedCertificate } from '../core/ca/types.ts';
import { formatDistinguishedName } from '../core/cert/name.ts';
import type { CertificateFacts } from '../core/cert/read.ts';
import { errorMessage, msg, type CoreMessage, type LocatedMessage } from '../core/errors.ts';
import type { StoredKey } from './key-vault.ts';

export interface CaRecord {
  id: string;
  /** Display name: the subject in OpenSSL's one-line form (always read from the certificate). */
  name: string;
  certificate: Uint8Array;
  chain: Uint8Array[];
  /** Last CRL number used (0: none yet). */
  crlNumber: number;
  /** Id of the issuing CA when it is in this store. */
  parentId?: string;
  createdAt: string;
}

export const caKey = (id: string) => `ca:${id}`;
export const keyKey = (id: string) => `key:${id}`;
export const logKey = (id: string) => `log:${id}`;
export const issuedKey = (caId: string, serial: string) => `issued:${caId}:${serial}`;

/** A record that could not be read; it is left where it is and not used. */
export interface Quarantined {
  key: string;
  /** Why, to be worded in the reader's language (store.q.*, or the reader's error). */
  reason: LocatedMessage;
}

/** Realm-independent (fake-indexeddb under jsdom hands back another realm's arrays). */
export const isBytes = (v: unknown): v is Uint8Array => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);


/** A `ca:` record, its display name taken from the certificate (never from the stored name). */
export function readCaRecord(key: string, v: unknown): { record: CaRecord; facts: CertificateFacts } | Quarantined {
  const bad = (reason: LocatedMessage): Quarantined => ({ key, reason });
  if (!isObject(v)) return bad(msg('store.q.notCaRecord'));
  if (typeof v.id !== 'string' || key !== `ca:${v.id}`) return bad(msg('store.q.idMismatch'));
  if (!isBytes(v.certificate)) return bad(msg('store.q.certificateNotBytes'));
  if (!Array.isArray(v.chain) || !v.chain.every(isBytes)) return bad(msg('store.q.chainNotCertificates'));
  if (!Number.isSafeInteger(v.crlNumber) || (v.crlNumber as number) < 0) return bad(msg('store.q.crlNumber'));
  let facts: CertificateFacts;
  try {
    facts = caFacts(v.certificate);
  } catch (e) {
    return bad(errorMessage(e));
  }
  const record: CaRecord = {
    id: v.id,
    name: formatDistinguishedName(facts.subject),
    certificate: v.certificate,
    chain: v.chain as Uint8Array[],
    crlNumber: v.crlNumber as number,
    ...(typeof v.parentId === 'string' ? { parentId: v.parentId } : {}),
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
  };
  return { record, facts };
}

/** An `issued:<caId>:<serial>` row, or why it cannot be used. */
export function readRow(key: string, v: unknown): IssuedCertificate | Quarantined {
  const bad = (reason: LocatedMessage): Quarantined => ({ key, reason });
  if (!isObject(v)) return bad(msg('store.q.notInventoryRow'));
  if (typeof v.caId !== 'string' || typeof v.serialHex !== 'string' || key !== `issued:${v.caId}:${v.serialHex}`) return bad(msg('store.q.rowKeyMismatch'));
  if (!/^[0-9a-f]+$/.test(v.serialHex)) return bad(msg('store.q.serialNotHex'));
  if (!isBytes(v.der)) return bad(msg('store.q.certificateNotBytes'));
  if (typeof v.subject !== 'string' || !Array.isArray(v.subjectAltNames) || typeof v.profile !== 'string' || typeof v.notBefore !== 'string' || typeof v.notAfter !== 'string') {
    return bad(msg('store.q.rowFields'));
  }
  if (v.status === 'revoked') {
    if (typeof v.revokedAt !== 'string' || Number.isNaN(Date.parse(v.revokedAt))) return bad(msg('store.q.revokedWithoutDate'));
    if (v.revocationReason !== undefined && !(typeof v.revocationReason === 'string' && isRevocationReason(v.revocationReason))) return bad(msg('store.q.unknownRevocationReason'));
  } else if (v.status !== 'valid') return bad(msg('store.q.badStatus'));
  // Only the fields a row has (a stray field is not carried along).
  return {
    caId: v.caId,
    serialHex: v.serialHex,
    subject: v.subject,
    subjectAltNames: v.subjectAltNames as IssuedCertificate['subjectAltNames'],
    profile: v.profile,
    notBefore: v.notBefore,
    notAfter: v.notAfter,
    status: v.status,
    ...(v.status === 'revoked' ? { revokedAt: v.revokedAt as string, revocationReason: (v.revocationReason as IssuedCertificate['revocationReason']) ?? 'unspecified' } : {}),
    der: v.der,
  };
}

const looksLikeCryptoKey = (v: unknown): v is CryptoKey => isObject(v) && v.type === 'private' && isObject(v.algorithm) && Array.isArray(v.usages);

/** A `key:` record, or why it cannot be used. */
export function readStoredKey(v: unknown): StoredKey | { reason: CoreMessage } {
  if (!isObject(v) || !isObject(v.algorithm)) return { reason: msg('store.q.notKeyRecord') };
  const common = { exportable: v.exportable === true, algorithm: v.algorithm as unknown as StoredKey['algorithm'] };
  if (v.protection === 'passphrase') {
    if (!isBytes(v.salt) || !isBytes(v.iv) || !isBytes(v.ciphertext) || !Number.isSafeInteger(v.iterations)) return { reason: msg('store.q.wrappedKeyIncomplete') };
    return { protection: 'passphrase', ...common, salt: v.salt, iterations: v.iterations as number, iv: v.iv, ciphertext: v.ciphertext };
  }
  if (v.protection === 'browser-key') {
    if (!looksLikeCryptoKey(v.key)) return { reason: msg('store.q.noCryptoKey') };
    return { protection: 'browser-key', ...common, key: v.key };
  }
  return { reason: msg('store.q.unknownProtection') };
}

/** The rows of `issued:` entries, and those that cannot be read. */
export function readRows(entries: [string, unknown][]): { rows: IssuedCertificate[]; quarantined: Quarantined[] } {
  const rows: IssuedCertificate[] = [];
  const quarantined: Quarantined[] = [];
  for (const [k, v] of entries) {
    const row = readRow(k, v);
    if ('reason' in row) quarantined.push(row);
    else rows.push(row);
  }
  return { rows, quarantined };
}
