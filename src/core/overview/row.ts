/**
 * One row of Inspect's overview (and `certbench dump --table`): what a decoded object is, named by
 * what its summary already holds, so a 5,000-certificate input is tabled without a second decode.
 */
import type { ObjectKind } from '../types.ts';
import type { Summary, ValidityState } from '../summary/types.ts';
import { toArrayBuffer, toHex } from '../bytes.ts';

/** Rows whose notAfter is this close (in days, or already past) are marked; the summary uses the same 30. */
export const SOON_DAYS = 30;

/** A row's expiry mark: past notAfter, within SOON_DAYS of it, or before notBefore. */
export type ExpiryMark = 'expired' | 'soon' | 'not-yet-valid';

export interface OverviewRow {
  /** Position in input order (0-based); the key back to the object's full card. */
  index: number;
  kind: ObjectKind;
  /** The subject's CN, else '' (the full name is in `subject`). */
  subjectCn: string;
  issuerCn: string;
  /** One-line distinguished names, as the summary has them ('' when the object has none). */
  subject: string;
  issuer: string;
  /** ISO 8601 UTC; absent for objects without a validity. */
  notAfter?: string;
  /** Whole days from `now` to notAfter, negative once expired (floor of the difference). */
  daysLeft?: number;
  mark?: ExpiryMark;
  /** "RSA 2048 bit", "EC 256 bit (prime256v1)", '' when the object has no key. */
  keyType: string;
  /** SHA-256 of the object's DER as `AB:CD:…` (what `openssl x509 -fingerprint -sha256` prints). */
  sha256: string;
  /** Uppercase hex, '' when none. */
  serial: string;
  sans: readonly string[];
  /** Where it came from: file, block, Secret key (the object's origin, in English). */
  origin: string;
  /** The line its PEM block begins on in the file or paste, when it has one (FoundObject.line). */
  line?: number;
  /** Key identifiers (hex), when the summary has them: the issuer grouping prefers them to names. */
  subjectKeyId?: string;
  authorityKeyId?: string;
  selfSigned?: boolean;
}

/** The summary fields a row reads; subjectCn/issuerCn/key ids are used when the summary carries them. */
export type RowSummary = Pick<Summary, 'title' | 'subject' | 'issuer' | 'serialNumber' | 'sans' | 'validity' | 'key' | 'fingerprints' | 'selfSigned'> & {
  subjectCn?: string;
  issuerCn?: string;
  subjectKeyId?: string;
  authorityKeyId?: string;
};

export interface RowSource {
  kind: ObjectKind;
  origin: string;
  line?: number;
  summary: RowSummary;
  /** SHA-256 of the DER (`AB:CD:…`) when the summary has no fingerprint (keys, CSRs, CRLs): see derSha256. */
  sha256?: string;
}

const DAY_MS = 86_400_000;

/** The origin with its line, as the terminal table and English texts give it: "certs.pem › block 2 (CERTIFICATE), line 37". */
export function originWithLine(row: Pick<OverviewRow, 'origin' | 'line'>): string {
  return row.line ? `${row.origin}, line ${row.line}` : row.origin;
}

/** SHA-256 of any object's DER, written like a certificate fingerprint (duplicates are found by it). */
export async function derSha256(der: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', toArrayBuffer(der)));
  return toHex(digest, ':').toUpperCase();
}

/**
 * The last CN of a one-line name as formatName writes it ("C = US, O = Org, CN = Name"). Only a
 * fallback for summaries without subjectCn: a CN value holding ", CN = " would be cut there.
 */
export function commonNameOf(oneline: string | undefined): string {
  if (!oneline) return '';
  const at = oneline.lastIndexOf('CN = ');
  if (at === -1 || (at > 0 && oneline.slice(at - 2, at) !== ', ')) return '';
  const rest = oneline.slice(at + 5);
  const end = rest.indexOf(', ');
  return end === -1 ? rest : rest.slice(0, end);
}

function markOf(state: ValidityState | undefined, daysLeft: number | undefined): ExpiryMark | undefined {
  if (state === 'not-yet-valid') return 'not-yet-valid';
  if (daysLeft === undefined) return undefined;
  if (daysLeft < 0) return 'expired';
  return daysLeft <= SOON_DAYS ? 'soon' : undefined;
}

export function overviewRow(source: RowSource, index: number, now: Date): OverviewRow {
  const s = source.summary;
  const notAfter = s.validity?.notAfter;
  const end = notAfter === undefined ? NaN : Date.parse(notAfter);
  const daysLeft = Number.isNaN(end) ? undefined : Math.floor((end - now.getTime()) / DAY_MS);
  const subject = s.subject ?? '';
  const row: OverviewRow = {
    index,
    kind: source.kind,
    subjectCn: s.subjectCn ?? commonNameOf(subject),
    issuerCn: s.issuerCn ?? commonNameOf(s.issuer),
    subject,
    issuer: s.issuer ?? '',
    keyType: s.key?.description ?? '',
    sha256: s.fingerprints?.sha256 ?? source.sha256 ?? '',
    serial: s.serialNumber ?? '',
    sans: s.sans ?? [],
    origin: source.origin,
  };
  if (source.line) row.line = source.line;
  if (notAfter !== undefined && daysLeft !== undefined) {
    row.notAfter = notAfter;
    row.daysLeft = daysLeft;
  }
  const mark = markOf(s.validity?.state, daysLeft);
  if (mark) row.mark = mark;
  if (s.subjectKeyId) row.subjectKeyId = s.subjectKeyId;
  if (s.authorityKeyId) row.authorityKeyId = s.authorityKeyId;
  if (s.selfSigned !== undefined) row.selfSigned = s.selfSigned;
  return row;
}
