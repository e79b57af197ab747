/**
 * Checks of everything a stored CA owns, not just its key:
 *  - every record is read defensively: a malformed one is set aside (quarantined) and named, and
 *    every other CA still loads;
 *  - on every load: the CA's id is its certificate's SHA-256, each chain certificate signs the one
 *    below it, and a browser-held key signs for the certificate's public key;
 *  - passphrase CAs: their records (certificate, chain, inventory, revocations, CRL number) are
 *    compared with a hash-chained log (core/ca/state-log.ts) whose entries carry an HMAC from a key
 *    derived from the passphrase (its own PBKDF2 salt, never the key-wrapping key). The log's head
 *    (entry count, last hash, every revocation and the highest CRL number sealed so far, problems
 *    the person acknowledged) is sealed too, so cutting entries off its end shows, and what was cut
 *    (a revocation, a CRL number) is still known.
 * What cannot be detected from inside the browser: the whole CA (records, log and head together) put
 * back to an earlier copy, and any change to the records of a CA without a passphrase.
 */
import { toArrayBuffer, toHex } from '../core/bytes.ts';
import { caFacts, caIdOf, signedBy } from '../core/ca/identity.ts';
import { inventoryEntryFor, isRevocationReason } from '../core/ca/inventory.ts';
import {
  appendStateEntry,
  checkCaState,
  headOf,
  replayStateLog,
  sha256Hex,
  type CaState as LoggedState,
  type StateLogEntry,
  type StateLogSeal,
  type StateProblem,
} from '../core/ca/state-log.ts';
import type { IssuedCertificate, RevocationReason } from '../core/ca/types.ts';
import { formatDistinguishedName } from '../core/cert/name.ts';
import type { CertificateFacts } from '../core/cert/read.ts';
import { privateKeySignsForSpki } from '../core/cert/spki.ts';
import { describeError } from '../core/errors.ts';
import type { CaRecord } from './ca-store.ts';
import type { SealKey, StoredKey } from './key-vault.ts';

/** Every way a stored CA can be found altered. */
export type CaProblem =
  | StateProblem
  /** The certificate's SHA-256 is not the CA's id: the certificate was replaced. */
  | { kind: 'id-not-hash'; found: string }
  /** The stored key does not sign for the certificate's public key. */
  | { kind: 'key-mismatch' }
  | { kind: 'key-unreadable'; reason: string }
  /** chain[index] (0: the CA certificate) is not signed by the certificate above it. */
  | { kind: 'chain-signature'; index: number }
  /** A passphrase CA without its sealed log (made by an earlier certbench, or the log was deleted). */
  | { kind: 'log-missing' }
  | { kind: 'head-mismatch'; recorded: number; found: number }
  | { kind: 'head-seal-invalid' };

/** A record that could not be read; it is left where it is and not used. */
export interface Quarantined {
  key: string;
  reason: string;
}

/** A revocation as the head keeps it. */
export interface SealedRevocation {
  serial: string;
  at: string;
  reason: RevocationReason;
}

/** The sealed head: what the log looked like when certbench last wrote it. */
export interface SealedHead {
  count: number;
  hash: string;
  /** The highest CRL number used so far. */
  crlNumber: number;
  /** Every revocation sealed so far (also of rows that are gone: CRLs keep listing them). */
  revoked: SealedRevocation[];
  /** Problems the person acknowledged (their fingerprints), so they stop blocking. */
  acknowledged: string[];
  mac: string;
}

/** `log:<id>`: a passphrase CA's sealed history. */
export interface StoredLog {
  seal: StateLogSeal;
  entries: StateLogEntry[];
  head: SealedHead;
}

/** What acknowledging does: nothing can (refuse), put back what the log records, or seal the records as they are. */
export type Repair = 'refuse' | 'restore' | 'reseal';

const FATAL = new Set<CaProblem['kind']>(['id-not-hash', 'key-mismatch', 'key-unreadable', 'chain-signature', 'ca-certificate', 'ca-id', 'chain']);
const LOG_DAMAGE = new Set<CaProblem['kind']>([
  'log-missing',
  'log-empty',
  'entry-malformed',
  'entry-out-of-order',
  'chain-broken',
  'seal-missing',
  'seal-invalid',
  'seal-unexpected',
  'seal-parameters',
  'replay',
  'head-mismatch',
  'head-seal-invalid',
]);

export const isFatal = (p: CaProblem): boolean => FATAL.has(p.kind);

export function repairFor(problems: readonly CaProblem[]): Repair | undefined {
  if (!problems.length) return undefined;
  if (problems.some(isFatal)) return 'refuse';
  return problems.some((p) => LOG_DAMAGE.has(p.kind)) ? 'reseal' : 'restore';
}

/** Realm-independent (fake-indexeddb under jsdom hands back another realm's arrays). */
export const isBytes = (v: unknown): v is Uint8Array => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A `ca:` record, its display name taken from the certificate (never from the stored name). */
export function readCaRecord(key: string, v: unknown): { record: CaRecord; facts: CertificateFacts } | Quarantined {
  const bad = (reason: string): Quarantined => ({ key, reason });
  if (!isObject(v)) return bad('not a CA record');
  if (typeof v.id !== 'string' || key !== `ca:${v.id}`) return bad('its id does not match the key it is stored under');
  if (!isBytes(v.certificate)) return bad('its certificate is not stored as bytes');
  if (!Array.isArray(v.chain) || !v.chain.every(isBytes)) return bad('its chain is not a list of certificates');
  if (!Number.isSafeInteger(v.crlNumber) || (v.crlNumber as number) < 0) return bad('its CRL number is not a whole number ≥ 0');
  let facts: CertificateFacts;
  try {
    facts = caFacts(v.certificate);
  } catch (e) {
    return bad(describeError(e));
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
  const bad = (reason: string): Quarantined => ({ key, reason });
  if (!isObject(v)) return bad('not an inventory row');
  if (typeof v.caId !== 'string' || typeof v.serialHex !== 'string' || key !== `issued:${v.caId}:${v.serialHex}`) return bad('its CA and serial do not match the key it is stored under');
  if (!/^[0-9a-f]+$/.test(v.serialHex)) return bad('its serial is not lowercase hex');
  if (!isBytes(v.der)) return bad('its certificate is not stored as bytes');
  if (typeof v.subject !== 'string' || !Array.isArray(v.subjectAltNames) || typeof v.profile !== 'string' || typeof v.notBefore !== 'string' || typeof v.notAfter !== 'string') {
    return bad('its fields are not an inventory row\'s');
  }
  if (v.status === 'revoked') {
    if (typeof v.revokedAt !== 'string' || Number.isNaN(Date.parse(v.revokedAt))) return bad('it is revoked without a revocation date');
    if (v.revocationReason !== undefined && !(typeof v.revocationReason === 'string' && isRevocationReason(v.revocationReason))) return bad('its revocation reason is unknown');
  } else if (v.status !== 'valid') return bad('its status is neither valid nor revoked');
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
export function readStoredKey(v: unknown): StoredKey | { reason: string } {
  if (!isObject(v) || !isObject(v.algorithm)) return { reason: 'not a key record' };
  const common = { exportable: v.exportable === true, algorithm: v.algorithm as unknown as StoredKey['algorithm'] };
  if (v.protection === 'passphrase') {
    if (!isBytes(v.salt) || !isBytes(v.iv) || !isBytes(v.ciphertext) || !Number.isSafeInteger(v.iterations)) return { reason: 'its wrapped key is incomplete' };
    return { protection: 'passphrase', ...common, salt: v.salt, iterations: v.iterations as number, iv: v.iv, ciphertext: v.ciphertext };
  }
  if (v.protection === 'browser-key') {
    if (!looksLikeCryptoKey(v.key)) return { reason: 'it holds no private CryptoKey' };
    return { protection: 'browser-key', ...common, key: v.key };
  }
  return { reason: 'its protection is neither passphrase nor browser-held' };
}

/** Whether the private key signs for the certificate's public key (a test signature, verified). */
export async function keyFitsCertificate(key: CryptoKey, certificate: Uint8Array): Promise<boolean> {
  try {
    return await privateKeySignsForSpki(key, caFacts(certificate).subjectPublicKeyInfo);
  } catch {
    return false;
  }
}

/** The checks that need no passphrase: id = certificate hash, chain signatures, a browser-held key against the certificate. */
export async function loadTimeProblems(record: CaRecord, stored: StoredKey | { reason: string } | undefined): Promise<CaProblem[]> {
  const problems: CaProblem[] = [];
  const found = await caIdOf(record.certificate);
  if (found !== record.id) problems.push({ kind: 'id-not-hash', found });
  const path = [record.certificate, ...record.chain];
  for (let i = 0; i + 1 < path.length; i++) if (!(await signedBy(path[i]!, path[i + 1]!))) problems.push({ kind: 'chain-signature', index: i });
  if (stored && 'reason' in stored) problems.push({ kind: 'key-unreadable', reason: stored.reason });
  else if (stored?.protection === 'browser-key' && !(await keyFitsCertificate(stored.key, record.certificate))) problems.push({ kind: 'key-mismatch' });
  return problems;
}

const HEAD_CONTEXT = 'certbench CA state head v1\n';
const enc = new TextEncoder();

const headData = (h: Omit<SealedHead, 'mac'>) =>
  enc.encode(HEAD_CONTEXT + JSON.stringify({ count: h.count, hash: h.hash, crlNumber: h.crlNumber, revoked: h.revoked, acknowledged: h.acknowledged }));

/**
 * The head for `entries`: their count and last hash, the CRL number and revocations they record
 * joined with those of `previous` (so a revocation of a row that is gone, or one carried over a
 * re-seal, is never dropped), and the acknowledged problems.
 */
export async function sealHead(entries: readonly StateLogEntry[], previous: Pick<SealedHead, 'crlNumber' | 'revoked'> | undefined, acknowledged: readonly string[], key: CryptoKey): Promise<SealedHead> {
  const replayed = replayStateLog(entries);
  const revoked = new Map((previous?.revoked ?? []).map((r) => [r.serial, r]));
  for (const [serial, c] of replayed.certificates) if (c.revoked && !revoked.has(serial)) revoked.set(serial, { serial, at: c.revoked.at, reason: c.revoked.reason });
  const head = {
    count: entries.length,
    hash: await headOf(entries),
    crlNumber: Math.max(previous?.crlNumber ?? 0, replayed.crlNumber),
    revoked: [...revoked.values()].sort((a, b) => a.serial.localeCompare(b.serial)),
    acknowledged: [...acknowledged],
  };
  return { ...head, mac: toHex(new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, toArrayBuffer(headData(head))))) };
}

function headShaped(h: unknown): h is SealedHead {
  return (
    isObject(h) &&
    Number.isSafeInteger(h.count) &&
    typeof h.hash === 'string' &&
    typeof h.mac === 'string' &&
    Number.isSafeInteger(h.crlNumber) &&
    Array.isArray(h.revoked) &&
    h.revoked.every((r) => isObject(r) && typeof r.serial === 'string' && typeof r.at === 'string' && typeof r.reason === 'string' && isRevocationReason(r.reason)) &&
    Array.isArray(h.acknowledged) &&
    h.acknowledged.every((a) => typeof a === 'string')
  );
}

/** The log's head when its seal verifies with `key`. */
export async function trustedHead(log: StoredLog | undefined, key: SealKey): Promise<SealedHead | undefined> {
  const h = log?.head;
  if (!log || JSON.stringify(log.seal) !== JSON.stringify(key.seal) || !headShaped(h) || !/^([0-9a-f]{2})+$/.test(h.mac)) return undefined;
  const mac = Uint8Array.from(h.mac.match(/../g)!, (x) => parseInt(x, 16));
  return (await globalThis.crypto.subtle.verify('HMAC', key.key, toArrayBuffer(mac), toArrayBuffer(headData(h)))) ? h : undefined;
}

/** The stored log if it has the shape of one (its entries are checked by the state log). */
export function readLog(v: unknown): StoredLog | undefined {
  return isObject(v) && isObject(v.seal) && Array.isArray(v.entries) ? (v as unknown as StoredLog) : undefined;
}

/** What an acknowledgement records, per problem: only rows that cannot be put back are acknowledged. */
const fingerprint = (p: CaProblem): string => `${p.kind}:${'serial' in p ? p.serial : ''}`;

const STATE_KINDS = new Set<CaProblem['kind']>(['crl-number', 'row-added', 'row-removed', 'row-certificate', 'row-fields', 'unrevoked', 'revocation-added', 'revocation-changed']);

/**
 * A passphrase CA's records against its sealed log, with the seal key from its passphrase. When the
 * log's seal parameters are not the ones the key was derived with, nothing in it can be trusted:
 * that is reported, with how the records differ from the (unverifiable) log for information.
 */
export async function sealedProblems(state: LoggedState, rawLog: unknown, sealKey: SealKey): Promise<CaProblem[]> {
  const log = readLog(rawLog);
  if (!log) return [{ kind: 'log-missing' }];
  if (JSON.stringify(log.seal) !== JSON.stringify(sealKey.seal)) {
    return [{ kind: 'seal-parameters' }, ...(await checkCaState(log.entries, null, state)).filter((p) => STATE_KINDS.has(p.kind))];
  }
  const problems: CaProblem[] = await checkCaState(log.entries, sealKey.key, state);
  const head = await trustedHead(log, sealKey);
  if (!head) return [...problems, { kind: 'head-seal-invalid' }];
  if (head.count !== log.entries.length || head.hash !== (await headOf(log.entries))) {
    problems.push({ kind: 'head-mismatch', recorded: head.count, found: log.entries.length });
    // What the cut-off entries recorded is still in the head: name what it shows was undone.
    for (const r of head.revoked) {
      const row = state.issued.find((x) => x.serialHex === r.serial);
      if (row && row.status !== 'revoked' && !problems.some((p) => p.kind === 'unrevoked' && p.serial === r.serial)) problems.push({ kind: 'unrevoked', serial: r.serial, revokedAt: r.at, reason: r.reason });
    }
    if (state.crlNumber < head.crlNumber && !problems.some((p) => p.kind === 'crl-number')) problems.push({ kind: 'crl-number', recorded: head.crlNumber, found: state.crlNumber });
  }
  return problems.filter((p) => !head.acknowledged.includes(fingerprint(p)));
}

/** A new sealed log for a CA just made or imported. */
export async function newLog(certificate: Uint8Array, chain: readonly Uint8Array[], sealKey: SealKey): Promise<StoredLog> {
  const entries = [await appendStateEntry([], { op: 'init', certificate, chain }, sealKey.key)];
  return { seal: sealKey.seal, entries, head: await sealHead(entries, undefined, [], sealKey.key) };
}

/** The log with entries for `facts` appended and its head sealed again. */
export async function appendToLog(log: StoredLog, facts: Parameters<typeof appendStateEntry>[1][], sealKey: SealKey): Promise<StoredLog> {
  const entries = [...log.entries];
  for (const f of facts) entries.push(await appendStateEntry(entries, f, sealKey.key));
  return { seal: log.seal, entries, head: await sealHead(entries, log.head, log.head.acknowledged, sealKey.key) };
}

/** True when `now` is the log `was` (nothing appended or changed since it was read). */
export function sameLog(now: unknown, was: unknown): boolean {
  return JSON.stringify(now ?? null) === JSON.stringify(was ?? null);
}

export interface RepairChanges {
  puts: [string, unknown][];
  deletes: string[];
  log: StoredLog;
  crlNumber: number;
}

const issuedKeyOf = (caId: string, serial: string) => `issued:${caId}:${serial}`;

function withRevocation(row: IssuedCertificate, revoked: { at: string; reason: IssuedCertificate['revocationReason'] } | undefined): IssuedCertificate {
  return revoked ? { ...row, status: 'revoked', revokedAt: revoked.at, revocationReason: revoked.reason ?? 'unspecified' } : row;
}

/**
 * Puts back what the sealed log records (the log is intact; only the records differ): revocations,
 * CRL number and row fields as logged; a row the log does not know is kept (and logged) only when
 * this CA signed its certificate, else removed; a row whose certificate is gone or replaced cannot be
 * put back, so its absence is acknowledged (a logged revocation of it stays in every CRL).
 */
export async function restoreFromLog(record: CaRecord, rows: readonly IssuedCertificate[], log: StoredLog, problems: readonly CaProblem[], sealKey: SealKey): Promise<RepairChanges> {
  const id = record.id;
  const replayed = replayStateLog(log.entries);
  const bySerial = new Map(rows.map((r) => [r.serialHex, r]));
  const puts = new Map<string, unknown>();
  const deletes: string[] = [];
  const acknowledged = new Set(log.head.acknowledged);
  const facts: Parameters<typeof appendStateEntry>[1][] = [];
  let crlNumber = record.crlNumber;
  for (const p of problems) {
    switch (p.kind) {
      case 'crl-number':
        crlNumber = p.recorded;
        break;
      case 'unrevoked':
      case 'revocation-added':
      case 'revocation-changed':
      case 'row-fields': {
        const row = bySerial.get(p.serial)!;
        const logged = replayed.certificates.get(p.serial)!;
        puts.set(issuedKeyOf(id, p.serial), withRevocation(inventoryEntryFor(id, row.der, logged.profile), logged.revoked));
        break;
      }
      case 'row-certificate':
        deletes.push(issuedKeyOf(id, p.serial));
        acknowledged.add(fingerprint({ kind: 'row-removed', serial: p.serial }));
        break;
      case 'row-removed':
        acknowledged.add(fingerprint(p));
        break;
      case 'row-added': {
        const row = bySerial.get(p.serial);
        if (row && !replayed.certificates.has(p.serial) && (await signedBy(row.der, record.certificate))) {
          const kept = withRevocation(inventoryEntryFor(id, row.der, row.profile), row.status === 'revoked' ? { at: row.revokedAt!, reason: row.revocationReason } : undefined);
          if (kept.serialHex !== p.serial) {
            deletes.push(issuedKeyOf(id, p.serial));
            break;
          }
          puts.set(issuedKeyOf(id, p.serial), kept);
          facts.push({ op: 'issue', entry: kept });
          if (kept.status === 'revoked') facts.push({ op: 'revoke', entry: kept });
        } else deletes.push(issuedKeyOf(id, p.serial));
        break;
      }
      default:
        throw new Error(`restoreFromLog: ${p.kind} is not a difference the log can put right`);
    }
  }
  const appended = await appendToLog(log, facts, sealKey);
  const head = await sealHead(appended.entries, log.head, [...acknowledged], sealKey.key);
  return { puts: [...puts], deletes, log: { ...appended, head }, crlNumber };
}

/**
 * A new sealed log for the records as they are (the old log cannot be trusted, or there was none).
 * Rows this CA did not sign are removed. Nothing is lowered on the way: a revocation or CRL number
 * that the old head (when its seal still verifies) or the old, unverifiable log shows is kept, since
 * keeping one can only add to what CRLs list.
 */
export async function resealRecords(record: CaRecord, rows: readonly IssuedCertificate[], rawLog: unknown, sealKey: SealKey): Promise<RepairChanges> {
  const id = record.id;
  const old = readLog(rawLog);
  const previous = old ? replayStateLog(old.entries) : undefined;
  const head = await trustedHead(old, sealKey);
  const entries = [await appendStateEntry([], { op: 'init', certificate: record.certificate, chain: record.chain }, sealKey.key)];
  const puts: [string, unknown][] = [];
  const deletes: string[] = [];
  const sorted = [...rows].sort((a, b) => a.notBefore.localeCompare(b.notBefore) || a.serialHex.localeCompare(b.serialHex));
  for (const row of sorted) {
    let kept: IssuedCertificate;
    try {
      if (!(await signedBy(row.der, record.certificate))) throw new Error('not signed by this CA');
      kept = inventoryEntryFor(id, row.der, row.profile);
      if (kept.serialHex !== row.serialHex) throw new Error('serial differs');
    } catch {
      deletes.push(issuedKeyOf(id, row.serialHex));
      continue;
    }
    const logged = previous?.certificates.get(row.serialHex);
    const sealed = head?.revoked.find((r) => r.serial === row.serialHex);
    if (row.status === 'revoked') kept = withRevocation(kept, { at: row.revokedAt!, reason: row.revocationReason });
    else if (sealed) kept = withRevocation(kept, sealed);
    else if (logged?.revoked && logged.sha256 === (await sha256Hex(row.der))) kept = withRevocation(kept, logged.revoked);
    puts.push([issuedKeyOf(id, row.serialHex), kept]);
    entries.push(await appendStateEntry(entries, { op: 'issue', entry: kept }, sealKey.key));
    if (kept.status === 'revoked') entries.push(await appendStateEntry(entries, { op: 'revoke', entry: kept }, sealKey.key));
  }
  const crlNumber = Math.max(record.crlNumber, previous?.crlNumber ?? 0, head?.crlNumber ?? 0);
  // The last CRL itself is not at hand: the entry records its number (over no bytes).
  if (crlNumber > 0) entries.push(await appendStateEntry(entries, { op: 'crl', number: crlNumber, der: new Uint8Array(0) }, sealKey.key));
  // The sealed revocations of rows that are gone are carried over: CRLs keep listing them.
  const carried = head ? { crlNumber, revoked: head.revoked.filter((r) => !rows.some((x) => x.serialHex === r.serial)) } : undefined;
  return { puts, deletes, log: { seal: sealKey.seal, entries, head: await sealHead(entries, carried, [], sealKey.key) }, crlNumber };
}

/** Sealed revocations of rows that are gone (their absence acknowledged): CRLs keep listing them. */
export function lostRevocations(caId: string, log: StoredLog, rows: readonly IssuedCertificate[]): IssuedCertificate[] {
  const present = new Set(rows.map((r) => r.serialHex));
  return log.head.revoked
    .filter((r) => !present.has(r.serial))
    .map((r) => ({ caId, serialHex: r.serial, subject: '', subjectAltNames: [], profile: '', notBefore: '', notAfter: '', status: 'revoked' as const, revokedAt: r.at, revocationReason: r.reason, der: new Uint8Array(0) }));
}
