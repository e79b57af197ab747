/**
 * A CA's history as a hash-chained log: one entry per change (created, certificate issued,
 * certificate revoked, CRL signed), each naming the SHA-256 of the object it is about and the hash
 * of the entry before it. With a key derived from the CA's passphrase every entry also carries an
 * HMAC, so a change made without the passphrase cannot be written back into the log; without one the
 * chain only shows accidental changes (anyone who can write the store can rebuild it).
 *
 * Storage-agnostic: the CLI's CA directory keeps the log in index.json, the browser store may keep it
 * beside its records. `checkCaState` replays the log and names every way the stored state differs.
 * What no log kept beside the state can show: the whole store put back to an earlier copy
 * (the log then ends earlier too). `headOf` gives the last entry's hash to note elsewhere.
 */
import { fromBase64, toArrayBuffer, toBase64, toHex } from '../bytes.ts';
import { CertbenchError, msg, render, type CoreMessage } from '../errors.ts';
import { DEFAULT_PBKDF2_ITERATIONS } from '../keys/pkcs8-encryption.ts';
import { inventoryEntryFor, isRevocationReason } from './inventory.ts';
import type { IssuedCertificate, RevocationReason } from './types.ts';

type StateLogOp = 'init' | 'issue' | 'revoke' | 'crl';

export interface StateLogEntry {
  /** 0 for `init`, then one more per entry. */
  seq: number;
  /** ISO time; for `revoke` the revocation date written into CRLs. */
  time: string;
  op: StateLogOp;
  /** issue, revoke: lowercase hex serial. */
  serial?: string;
  /** crl: the CRL number. */
  number?: number;
  /** Hex SHA-256 of the DER this entry is about: init → the CA certificate, issue and revoke → the certificate, crl → the CRL. */
  sha256: string;
  /** init: hex SHA-256 of the chain certificates' DER, nearest first, concatenated. */
  chainSha256?: string;
  /** issue: the profile name kept in the inventory row. */
  profile?: string;
  /** revoke: the reason. */
  reason?: RevocationReason;
  /** Hex SHA-256 of the previous entry (64 zeros before the first). */
  prev: string;
  /** Hex HMAC-SHA256 of the entry without this field, when the log is sealed. */
  mac?: string;
}

/** How the HMAC key is derived from the passphrase (kept with the log; changing it breaks every seal). */
export interface StateLogSeal {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
}

/** What an entry records; seq, prev and mac are the log's. */
export type StateLogFact =
  | { op: 'init'; certificate: Uint8Array; chain: readonly Uint8Array[] }
  | { op: 'issue'; entry: IssuedCertificate }
  | { op: 'revoke'; entry: IssuedCertificate }
  | { op: 'crl'; number: number; der: Uint8Array };

/** The stored state the log is compared with. */
export interface CaState {
  caId: string;
  certificate: Uint8Array;
  chain: readonly Uint8Array[];
  crlNumber: number;
  issued: readonly IssuedCertificate[];
}

/** Every way the stored state can disagree with its log, each naming what changed. */
export type StateProblem =
  | { kind: 'log-empty' }
  | { kind: 'entry-malformed'; index: number }
  | { kind: 'entry-out-of-order'; index: number; seq: number }
  | { kind: 'chain-broken'; seq: number }
  | { kind: 'seal-missing'; seq: number }
  | { kind: 'seal-invalid'; seq: number }
  | { kind: 'seal-unexpected' }
  | { kind: 'seal-parameters' }
  /** An entry the replay cannot accept; `detail` says why (caLog.*). */
  | { kind: 'replay'; seq: number; detail: CoreMessage }
  | { kind: 'ca-certificate'; recorded: string; found: string }
  | { kind: 'ca-id'; recorded: string; found: string }
  | { kind: 'chain'; recorded: string; found: string }
  | { kind: 'crl-number'; recorded: number; found: number }
  | { kind: 'row-added'; serial: string }
  | { kind: 'row-removed'; serial: string }
  | { kind: 'row-certificate'; serial: string }
  | { kind: 'row-fields'; serial: string; fields: string[] }
  | { kind: 'unrevoked'; serial: string; revokedAt: string; reason: RevocationReason }
  | { kind: 'revocation-added'; serial: string }
  | { kind: 'revocation-changed'; serial: string; fields: string[] };

const ZERO_HASH = '0'.repeat(64);
const MAC_CONTEXT = 'certbench CA state log v1\n';
const MAX_ITERATIONS = 10_000_000;
const enc = new TextEncoder();
const subtle = () => globalThis.crypto.subtle;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await subtle().digest('SHA-256', toArrayBuffer(bytes))));
}

/** Fresh seal parameters for a new CA (random salt, the same PBKDF2 count as certbench's key encryption). */
export function newStateLogSeal(iterations = DEFAULT_PBKDF2_ITERATIONS): StateLogSeal {
  return { kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(globalThis.crypto.getRandomValues(new Uint8Array(16))) };
}

function sealParametersValid(seal: StateLogSeal): boolean {
  return seal?.kdf === 'PBKDF2-SHA256' && Number.isInteger(seal.iterations) && seal.iterations >= DEFAULT_PBKDF2_ITERATIONS && seal.iterations <= MAX_ITERATIONS && typeof seal.salt === 'string';
}

/**
 * The HMAC key of a sealed log, from the passphrase. Its cost is the key encryption's (600,000
 * PBKDF2 rounds), so the log is no cheaper a way to guess the passphrase than the key file.
 */
export async function deriveStateLogKey(passphrase: string, seal: StateLogSeal): Promise<CryptoKey> {
  if (!sealParametersValid(seal)) throw new CertbenchError('caLog.sealParameters');
  const base = await subtle().importKey('raw', toArrayBuffer(enc.encode(passphrase)), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: toArrayBuffer(fromBase64(seal.salt)), iterations: seal.iterations },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  );
}

const FIELDS = ['seq', 'time', 'op', 'serial', 'number', 'sha256', 'chainSha256', 'profile', 'reason', 'prev', 'mac'] as const;

/** The entry's bytes, fields in a fixed order (unknown fields are not part of it). */
function canonical(e: StateLogEntry, withMac: boolean): Uint8Array {
  const o: Record<string, unknown> = {};
  for (const f of FIELDS) if (e[f] !== undefined && (withMac || f !== 'mac')) o[f] = e[f];
  return enc.encode(JSON.stringify(o));
}

/** Hex SHA-256 of an entry (mac included): what the next entry's `prev` holds. */
export function entryHash(e: StateLogEntry): Promise<string> {
  return sha256Hex(canonical(e, true));
}

/** The hash of the last entry: note it elsewhere to notice the whole store being put back to an earlier copy. */
export async function headOf(log: readonly StateLogEntry[]): Promise<string> {
  const last = log.at(-1);
  return last ? entryHash(last) : ZERO_HASH;
}

async function macOf(e: StateLogEntry, key: CryptoKey): Promise<string> {
  const data = new Uint8Array([...enc.encode(MAC_CONTEXT), ...canonical(e, false)]);
  return toHex(new Uint8Array(await subtle().sign('HMAC', key, toArrayBuffer(data))));
}

async function macValid(e: StateLogEntry, key: CryptoKey): Promise<boolean> {
  if (typeof e.mac !== 'string' || !/^[0-9a-f]{64}$/.test(e.mac)) return false;
  const data = new Uint8Array([...enc.encode(MAC_CONTEXT), ...canonical(e, false)]);
  return subtle().verify('HMAC', key, toArrayBuffer(Uint8Array.from(e.mac.match(/../g)!, (h) => parseInt(h, 16))), toArrayBuffer(data));
}

async function certificatesHash(certs: readonly Uint8Array[]): Promise<string> {
  const all = new Uint8Array(certs.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of certs) {
    all.set(c, at);
    at += c.length;
  }
  return sha256Hex(all);
}

/** The entry recording `fact`, chained to the end of `log` and sealed with `key` when given. Does not change `log`. */
export async function appendStateEntry(log: readonly StateLogEntry[], fact: StateLogFact, key: CryptoKey | null, time = new Date()): Promise<StateLogEntry> {
  const base = { seq: log.length, time: time.toISOString(), prev: await headOf(log) };
  let e: StateLogEntry;
  switch (fact.op) {
    case 'init':
      e = { ...base, op: 'init', sha256: await sha256Hex(fact.certificate), chainSha256: await certificatesHash(fact.chain) };
      break;
    case 'issue':
      e = { ...base, op: 'issue', serial: fact.entry.serialHex, sha256: await sha256Hex(fact.entry.der), profile: fact.entry.profile };
      break;
    case 'revoke':
      if (fact.entry.status !== 'revoked' || !fact.entry.revokedAt) throw new CertbenchError('caLog.rowNotRevoked', { serial: fact.entry.serialHex });
      e = { ...base, time: fact.entry.revokedAt, op: 'revoke', serial: fact.entry.serialHex, sha256: await sha256Hex(fact.entry.der), reason: fact.entry.revocationReason ?? 'unspecified' };
      break;
    case 'crl':
      e = { ...base, op: 'crl', number: fact.number, sha256: await sha256Hex(fact.der) };
  }
  if (key) e.mac = await macOf(e, key);
  return e;
}

function wellFormed(x: unknown): x is StateLogEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  const hex64 = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
  const serialHex = (v: unknown) => typeof v === 'string' && /^[0-9a-f]+$/.test(v);
  if (!Number.isInteger(e.seq) || typeof e.time !== 'string' || Number.isNaN(Date.parse(e.time)) || !hex64(e.sha256) || !hex64(e.prev)) return false;
  if (e.mac !== undefined && typeof e.mac !== 'string') return false;
  switch (e.op) {
    case 'init':
      return hex64(e.chainSha256);
    case 'issue':
      return serialHex(e.serial) && typeof e.profile === 'string';
    case 'revoke':
      return serialHex(e.serial) && typeof e.reason === 'string' && isRevocationReason(e.reason);
    case 'crl':
      return Number.isInteger(e.number) && (e.number as number) >= 0;
    default:
      return false;
  }
}

/**
 * Checks the chain: every entry well-formed, in sequence, following the one before, and — with a
 * key — sealed. `key` null means the log is not sealed (then an entry carrying a seal is reported).
 */
export async function verifyStateLog(log: readonly unknown[], key: CryptoKey | null): Promise<StateProblem[]> {
  if (!log.length) return [{ kind: 'log-empty' }];
  const problems: StateProblem[] = [];
  let prev = ZERO_HASH;
  let sealedWithoutKey = false;
  for (let i = 0; i < log.length; i++) {
    const e = log[i];
    if (!wellFormed(e)) {
      problems.push({ kind: 'entry-malformed', index: i });
      prev = '';
      continue;
    }
    if (e.seq !== i) problems.push({ kind: 'entry-out-of-order', index: i, seq: e.seq });
    if ((i === 0) !== (e.op === 'init')) problems.push({ kind: 'replay', seq: e.seq, detail: msg(i === 0 ? 'caLog.notBegunByCreation' : 'caLog.secondCreation') });
    if (e.prev !== prev) problems.push({ kind: 'chain-broken', seq: e.seq });
    if (key) {
      if (e.mac === undefined) problems.push({ kind: 'seal-missing', seq: e.seq });
      else if (!(await macValid(e, key))) problems.push({ kind: 'seal-invalid', seq: e.seq });
    } else if (e.mac !== undefined) sealedWithoutKey = true;
    prev = await entryHash(e);
  }
  if (sealedWithoutKey) problems.push({ kind: 'seal-unexpected' });
  return problems;
}

/** What the log says the state is. */
export interface ReplayedState {
  caSha256: string;
  chainSha256: string;
  crlNumber: number;
  certificates: Map<string, { sha256: string; profile: string; revoked?: { at: string; reason: RevocationReason } }>;
  problems: StateProblem[];
}

/** Replays a well-formed log (run `verifyStateLog` first). */
export function replayStateLog(log: readonly StateLogEntry[]): ReplayedState {
  const out: ReplayedState = { caSha256: '', chainSha256: '', crlNumber: 0, certificates: new Map(), problems: [] };
  for (const e of log) {
    if (!wellFormed(e)) continue;
    const cert = e.serial !== undefined ? out.certificates.get(e.serial) : undefined;
    switch (e.op) {
      case 'init':
        out.caSha256 = e.sha256;
        out.chainSha256 = e.chainSha256!;
        break;
      case 'issue':
        if (cert) out.problems.push({ kind: 'replay', seq: e.seq, detail: msg('caLog.issuedTwice', { serial: e.serial! }) });
        else out.certificates.set(e.serial!, { sha256: e.sha256, profile: e.profile! });
        break;
      case 'revoke':
        if (!cert) out.problems.push({ kind: 'replay', seq: e.seq, detail: msg('caLog.revokedNeverIssued', { serial: e.serial! }) });
        else if (cert.revoked) out.problems.push({ kind: 'replay', seq: e.seq, detail: msg('caLog.revokedTwice', { serial: e.serial! }) });
        else if (cert.sha256 !== e.sha256) out.problems.push({ kind: 'replay', seq: e.seq, detail: msg('caLog.revocationOtherCertificate', { serial: e.serial! }) });
        else cert.revoked = { at: e.time, reason: e.reason! };
        break;
      case 'crl':
        if (e.number! <= out.crlNumber) out.problems.push({ kind: 'replay', seq: e.seq, detail: msg('caLog.crlNumberNotIncreasing', { number: e.number!, previous: out.crlNumber }) });
        out.crlNumber = Math.max(out.crlNumber, e.number!);
    }
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Compares the stored state with its replayed log; `[]` means they agree. */
async function compareWithLog(replayed: ReplayedState, state: CaState): Promise<StateProblem[]> {
  const problems: StateProblem[] = [];
  const caSha = await sha256Hex(state.certificate);
  if (caSha !== replayed.caSha256) problems.push({ kind: 'ca-certificate', recorded: replayed.caSha256, found: caSha });
  if (state.caId !== replayed.caSha256) problems.push({ kind: 'ca-id', recorded: replayed.caSha256, found: state.caId });
  const chainSha = await certificatesHash(state.chain);
  if (chainSha !== replayed.chainSha256) problems.push({ kind: 'chain', recorded: replayed.chainSha256, found: chainSha });
  if (state.crlNumber !== replayed.crlNumber) problems.push({ kind: 'crl-number', recorded: replayed.crlNumber, found: state.crlNumber });
  const seen = new Set<string>();
  for (const row of state.issued) {
    const serial = String(row.serialHex);
    const logged = replayed.certificates.get(serial);
    if (!logged || seen.has(serial)) {
      problems.push({ kind: 'row-added', serial });
      continue;
    }
    seen.add(serial);
    if (!(row.der instanceof Uint8Array) || (await sha256Hex(row.der)) !== logged.sha256) {
      problems.push({ kind: 'row-certificate', serial });
      continue;
    }
    let expected: IssuedCertificate;
    try {
      expected = inventoryEntryFor(replayed.caSha256, row.der, logged.profile);
    } catch {
      problems.push({ kind: 'row-certificate', serial });
      continue;
    }
    const fields = (['caId', 'serialHex', 'subject', 'subjectAltNames', 'profile', 'notBefore', 'notAfter'] as const).filter((f) => !same(row[f], expected[f]));
    if (fields.length) problems.push({ kind: 'row-fields', serial, fields });
    if (logged.revoked) {
      if (row.status !== 'revoked') problems.push({ kind: 'unrevoked', serial, revokedAt: logged.revoked.at, reason: logged.revoked.reason });
      else {
        const changed = [
          ...(row.revokedAt !== logged.revoked.at ? ['revokedAt'] : []),
          ...((row.revocationReason ?? 'unspecified') !== logged.revoked.reason ? ['revocationReason'] : []),
        ];
        if (changed.length) problems.push({ kind: 'revocation-changed', serial, fields: changed });
      }
    } else if (row.status !== 'valid' || row.revokedAt !== undefined || row.revocationReason !== undefined) {
      problems.push({ kind: 'revocation-added', serial });
    }
  }
  for (const serial of replayed.certificates.keys()) if (!state.issued.some((r) => r.serialHex === serial)) problems.push({ kind: 'row-removed', serial });
  return problems;
}

/** The whole check: the chain (sealed when `key` is given), its replay, and the stored state against it. */
export async function checkCaState(log: readonly unknown[], key: CryptoKey | null, state: CaState): Promise<StateProblem[]> {
  const chain = await verifyStateLog(log, key);
  const replayed = replayStateLog(log.filter(wellFormed));
  return [...chain, ...replayed.problems, ...(await compareWithLog(replayed, state))];
}

const short = (h: string) => h.slice(0, 16);

/** One line of English per problem, for the CLI (the browser words them in the reader's language: ui/ca/integrity-texts.ts). */
export function describeStateProblem(p: StateProblem): string {
  switch (p.kind) {
    case 'log-empty':
      return 'the log is empty: the CA\'s history was removed';
    case 'entry-malformed':
      return `log entry ${p.index} is not a well-formed entry`;
    case 'entry-out-of-order':
      return `log entry ${p.index} says it is entry ${p.seq}: entries were removed, inserted or reordered`;
    case 'chain-broken':
      return `log entry ${p.seq} does not follow the entry before it: an entry was removed, inserted or edited`;
    case 'seal-missing':
      return `log entry ${p.seq} carries no seal, though this CA's log is sealed with its passphrase`;
    case 'seal-invalid':
      return `log entry ${p.seq}'s seal does not verify: it was written or edited without the passphrase`;
    case 'seal-unexpected':
      return 'the log carries seals, but no seal key was given for it (the seal parameters were removed?)';
    case 'seal-parameters':
      return 'the log\'s seal parameters were changed or removed';
    case 'replay':
      return `log entry ${p.seq}: ${render(p.detail)}`;
    case 'ca-certificate':
      return `the CA certificate is not the one this CA was created with (SHA-256 ${short(p.found)}…, recorded ${short(p.recorded)}…)`;
    case 'ca-id':
      return `the stored CA id ${short(p.found)}… is not the recorded certificate's hash ${short(p.recorded)}…`;
    case 'chain':
      return 'the certificates above the CA (its chain) are not the ones it was created with';
    case 'crl-number':
      return `the CRL number is ${p.found}, but the log records CRL number ${p.recorded}${p.found < p.recorded ? ' (lowered: the next CRL would reuse a number)' : ''}`;
    case 'row-added':
      return `serial ${p.serial} is in the inventory but its issuance is not in the log (added)`;
    case 'row-removed':
      return `serial ${p.serial} was issued (the log records it) but is missing from the inventory (removed)`;
    case 'row-certificate':
      return `serial ${p.serial}: the stored certificate is not the one issued`;
    case 'row-fields':
      return `serial ${p.serial}: ${p.fields.join(', ')} ${p.fields.length > 1 ? 'differ' : 'differs'} from the issued certificate (row edited)`;
    case 'unrevoked':
      return `serial ${p.serial} is marked valid, but its revocation (${p.reason}, ${p.revokedAt}) is in the log (un-revoked)`;
    case 'revocation-added':
      return `serial ${p.serial} is marked revoked, but no revocation is in the log`;
    case 'revocation-changed':
      return `serial ${p.serial}: the revocation's ${p.fields.join(', ')} ${p.fields.length > 1 ? 'differ' : 'differs'} from the log`;
  }
}
