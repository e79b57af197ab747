/**
 * Checks of everything a stored CA owns, not just its key:
 *  - every record is read defensively (ca-records.ts): a malformed one is set aside (quarantined)
 *    and named, and every other CA still loads;
 *  - on every load: the CA's id is its certificate's SHA-256, each chain certificate signs the one
 *    below it, and a browser-held key signs for the certificate's public key;
 *  - passphrase CAs: their records (certificate, chain, inventory, revocations, CRL number) are
 *    compared with their sealed log (ca-sealed-log.ts), whose head also keeps what was cut off its end.
 * What acknowledging the problems writes is in ca-repair.ts.
 * What cannot be detected from inside the browser: the whole CA (records, log and head together) put
 * back to an earlier copy, and any change to the records of a CA without a passphrase.
 */
import { caFacts, caIdOf, signedBy } from '../core/ca/identity.ts';
import { checkCaState, headOf, type CaState as LoggedState, type StateProblem } from '../core/ca/state-log.ts';
import { privateKeySignsForSpki } from '../core/cert/spki.ts';
import { CertbenchError, type CoreMessage } from '../core/errors.ts';
import type { CaRecord } from './ca-records.ts';
import { readLog, trustedHead } from './ca-sealed-log.ts';
import type { SealKey, StoredKey } from './key-vault.ts';

/** Every way a stored CA can be found altered. */
export type CaProblem =
  | StateProblem
  /** The certificate's SHA-256 is not the CA's id: the certificate was replaced. */
  | { kind: 'id-not-hash'; found: string }
  /** The stored key does not sign for the certificate's public key. */
  | { kind: 'key-mismatch' }
  | { kind: 'key-unreadable'; reason: CoreMessage }
  /** chain[index] (0: the CA certificate) is not signed by the certificate above it. */
  | { kind: 'chain-signature'; index: number }
  /** A passphrase CA without its sealed log (made by an earlier certbench, or the log was deleted). */
  | { kind: 'log-missing' }
  | { kind: 'head-mismatch'; recorded: number; found: number }
  | { kind: 'head-seal-invalid' };

/** A CA whose records were found altered: the problems name what changed. */
export class CaIntegrityError extends CertbenchError {
  override name = 'CaIntegrityError';
  constructor(
    message: 'store.refused' | 'store.changed' | 'store.changedAgain',
    readonly caId: string,
    readonly problems: CaProblem[],
  ) {
    super(message);
  }
}

/** Refused: a problem acknowledging cannot put right (isFatal: a swapped certificate or key, a broken chain); the CA is not used. */
export const REFUSED = 'store.refused';
/** Changed: the records differ from the sealed log; the CA waits until the person acknowledges. */
export const CHANGED = 'store.changed';

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

/** Whether the private key signs for the certificate's public key (a test signature, verified). */
export async function keyFitsCertificate(key: CryptoKey, certificate: Uint8Array): Promise<boolean> {
  try {
    return await privateKeySignsForSpki(key, caFacts(certificate).subjectPublicKeyInfo);
  } catch {
    return false;
  }
}

/** The checks that need no passphrase: id = certificate hash, chain signatures, a browser-held key against the certificate. */
export async function loadTimeProblems(record: CaRecord, stored: StoredKey | { reason: CoreMessage } | undefined): Promise<CaProblem[]> {
  const problems: CaProblem[] = [];
  const found = await caIdOf(record.certificate);
  if (found !== record.id) problems.push({ kind: 'id-not-hash', found });
  const path = [record.certificate, ...record.chain];
  for (let i = 0; i + 1 < path.length; i++) if (!(await signedBy(path[i]!, path[i + 1]!))) problems.push({ kind: 'chain-signature', index: i });
  if (stored && 'reason' in stored) problems.push({ kind: 'key-unreadable', reason: stored.reason });
  else if (stored?.protection === 'browser-key' && !(await keyFitsCertificate(stored.key, record.certificate))) problems.push({ kind: 'key-mismatch' });
  return problems;
}

/** What an acknowledgement records, per problem: only rows that cannot be put back are acknowledged. */
export const fingerprint = (p: CaProblem): string => `${p.kind}:${'serial' in p ? p.serial : ''}`;

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
