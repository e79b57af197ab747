/**
 * A passphrase CA's sealed history (`log:<id>`): a hash-chained log of what was done to the CA
 * (core/ca/state-log.ts), each entry with an HMAC from a key derived from the passphrase (its own
 * PBKDF2 salt, never the key-wrapping key). The log's head (entry count, last hash, every revocation
 * and the highest CRL number sealed so far, problems the person acknowledged) is sealed too, so
 * cutting entries off its end shows, and what was cut (a revocation, a CRL number) is still known.
 */
import { toArrayBuffer, toHex } from '../core/bytes.ts';
import { isRevocationReason } from '../core/ca/inventory.ts';
import { appendStateEntry, headOf, replayStateLog, type StateLogEntry, type StateLogSeal } from '../core/ca/state-log.ts';
import type { IssuedCertificate, RevocationReason } from '../core/ca/types.ts';
import { isObject } from './ca-records.ts';
import type { SealKey } from './key-vault.ts';

/** A revocation as the head keeps it. */
interface SealedRevocation {
  serial: string;
  at: string;
  reason: RevocationReason;
}

/** The sealed head: what the log looked like when certbench last wrote it. */
interface SealedHead {
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

/** Sealed revocations of rows that are gone (their absence acknowledged): CRLs keep listing them. */
export function lostRevocations(caId: string, log: StoredLog, rows: readonly IssuedCertificate[]): IssuedCertificate[] {
  const present = new Set(rows.map((r) => r.serialHex));
  return log.head.revoked
    .filter((r) => !present.has(r.serial))
    .map((r) => ({ caId, serialHex: r.serial, subject: '', subjectAltNames: [], profile: '', notBefore: '', notAfter: '', status: 'revoked' as const, revokedAt: r.at, revocationReason: r.reason, der: new Uint8Array(0) }));
}
