/**
 * Subject names for requests: an ordered list of attributes, one per RDN, encoded the way
 * `openssl req -subj` encodes them (default string_mask utf8only): C as PrintableString,
 * emailAddress as IA5String, everything else UTF8String.
 */
import * as asn1js from 'asn1js';
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';

export type SubjectType = 'CN' | 'O' | 'OU' | 'C' | 'ST' | 'L' | 'emailAddress';

export interface SubjectAttribute {
  type: SubjectType;
  value: string;
}

interface TypeInfo {
  oid: string;
  longName: string;
  /** Upper bound in characters (OpenSSL's a_strnid.c table, from X.520). */
  max: number;
  label: string;
}

export const SUBJECT_TYPES: Record<SubjectType, TypeInfo> = {
  CN: { oid: '2.5.4.3', longName: 'commonName', max: 64, label: 'Common name' },
  O: { oid: '2.5.4.10', longName: 'organizationName', max: 64, label: 'Organization' },
  OU: { oid: '2.5.4.11', longName: 'organizationalUnitName', max: 64, label: 'Organizational unit' },
  C: { oid: '2.5.4.6', longName: 'countryName', max: 2, label: 'Country' },
  ST: { oid: '2.5.4.8', longName: 'stateOrProvinceName', max: 128, label: 'State or province' },
  L: { oid: '2.5.4.7', longName: 'localityName', max: 128, label: 'Locality' },
  emailAddress: { oid: '1.2.840.113549.1.9.1', longName: 'emailAddress', max: 128, label: 'Email address' },
};

/** Accepts the short and long names OpenSSL accepts (`CN`, `commonName`), case-insensitively. */
function subjectTypeOf(name: string): SubjectType | undefined {
  const n = name.trim().toLowerCase();
  return (Object.keys(SUBJECT_TYPES) as SubjectType[]).find((t) => t.toLowerCase() === n || SUBJECT_TYPES[t].longName.toLowerCase() === n);
}

/** What is wrong with one attribute, or undefined. */
export function subjectAttributeProblem(a: SubjectAttribute): CoreMessage | undefined {
  const info = SUBJECT_TYPES[a.type];
  if (!info) return msg('subject.unknownType', { type: String(a.type) });
  if (a.value === '') return msg('subject.empty', { type: a.type });
  if (a.value !== a.value.trim()) return msg('subject.spaceAtEnd', { type: a.type, value: a.value });
  if (/[\u0000-\u001f\u007f]/.test(a.value)) return msg('subject.controlCharacter', { type: a.type });
  if (a.type === 'C' && !/^[A-Za-z]{2}$/.test(a.value)) return msg('subject.country', { value: a.value });
  if (a.type === 'emailAddress' && !/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(a.value)) return msg('subject.email', { value: a.value });
  const length = [...a.value].length;
  if (length > info.max) return msg('subject.tooLong', { type: a.type, length, max: info.max });
  return undefined;
}

function checkSubject(subject: SubjectAttribute[]): void {
  subject.forEach((a, i) => {
    const problem = subjectAttributeProblem(a);
    if (problem) throw CertbenchError.of(problem, msg('where.subjectAttribute', { index: i + 1 }));
  });
}

function escapeSlashValue(v: string): string {
  return v.replace(/[\\/+]/g, (c) => `\\${c}`);
}

/** The `-subj` form: `/CN=a/O=b`, with `/`, `+` and `\` escaped (openssl 3 reads a bare `+` as another attribute of the RDN). */
export function formatSubjectSlash(subject: SubjectAttribute[]): string {
  return subject.map((a) => `/${a.type}=${escapeSlashValue(a.value)}`).join('');
}

/**
 * Parses `openssl req -subj` text: `/type=value/type=value…`, backslash escaping the next
 * character (so `\/` is a slash in a value). Multi-valued RDNs (`+`) are not offered.
 */
export function parseSubjectSlash(text: string): SubjectAttribute[] {
  const where = msg('where.subject');
  const s = text.trim();
  if (s === '' || s === '/') return [];
  if (!s.startsWith('/')) throw new CertbenchError('csr.subjectNoSlash', { text }, where);
  const parts: string[] = [];
  let cur = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      if (i + 1 >= s.length) throw new CertbenchError('csr.loneBackslash', undefined, where);
      cur += s[++i];
    } else if (c === '/') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  // Escapes are resolved above, so a literal "=" in a value cannot be told from the separator: split at the first.
  return parts.map((p, i) => {
    const eq = p.indexOf('=');
    if (eq < 0) throw new CertbenchError('csr.partNoEquals', { index: i + 1, part: p }, where);
    const type = subjectTypeOf(p.slice(0, eq));
    if (!type) throw new CertbenchError('csr.unknownSubjectType', { type: p.slice(0, eq) }, where);
    const attr = { type, value: p.slice(eq + 1) };
    const problem = subjectAttributeProblem(attr);
    if (problem) throw CertbenchError.of(problem, where);
    return attr;
  });
}

function stringValue(a: SubjectAttribute): asn1js.AsnType {
  if (a.type === 'C') return new asn1js.PrintableString({ value: a.value });
  if (a.type === 'emailAddress') return new asn1js.IA5String({ value: a.value });
  return new asn1js.Utf8String({ value: a.value });
}

/** The DER Name: SEQUENCE OF SET { one AttributeTypeAndValue } — one attribute per RDN, in order. */
export function encodeSubject(subject: SubjectAttribute[]): Uint8Array {
  checkSubject(subject);
  const rdns = subject.map(
    (a) => new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: SUBJECT_TYPES[a.type].oid }), stringValue(a)] })] }),
  );
  return new Uint8Array(new asn1js.Sequence({ value: rdns }).toBER());
}
