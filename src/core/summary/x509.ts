/**
 * The summaries of certificates, requests and CRLs, read by the one certificate reader
 * (core/cert/read.ts) from the object's DER or from the tree the decode pipeline already made.
 * Reading is synchronous; what is left to hash (the fingerprints of the DER, the pin of the SPKI) is
 * returned, so a caller holding the tree lets go of it before the digests are awaited.
 */
import { errorMessage, msg, type LocatedMessage } from '../errors.ts';
import { nameTitle, setTitle } from './title.ts';
import { bytesEqual, toHex } from '../bytes.ts';
import { formatName } from '../text/name.ts';
import { oidDisplayName } from '../oids.ts';
import { parseDer, type DerInput, type DerNode } from '../der/node.ts';
import { signedBigInt } from '../der/read.ts';
import { OID } from '../cert/extensions.ts';
import { nameAttributes } from '../cert/name.ts';
import { extensionFacts, readCertificate, readCrl, readRequest, type Extension } from '../cert/read.ts';
import { generalNameForPeople, parseGeneralName } from '../text/general-name.ts';
import { serialHex } from '../text/serial.ts';
import { describeSpki } from '../asn1/key-info.ts';
import { isoDate, validityOf } from './validity.ts';
import type { Summary } from './types.ts';

const OID_CN = '2.5.4.3';

/** Bytes still to hash besides the object's own DER (its fingerprints): its SubjectPublicKeyInfo (the pin). */
export interface Digests {
  spki?: Uint8Array;
}

/** The extensions whose unreadable value the summary notes, with the words the note starts with. */
const NOTED: Readonly<Record<string, NotedField>> = {
  [OID.subjectAltName]: 'summary.field.subjectAltName',
  [OID.basicConstraints]: 'summary.field.basicConstraints',
  [OID.authorityKeyIdentifier]: 'summary.field.authorityKeyIdentifier',
};

type NotedField = `summary.field.${'subject' | 'issuer' | 'subjectAltName' | 'basicConstraints' | 'authorityKeyIdentifier' | 'publicKey'}`;

/** "subject: why it could not be read", as a message. */
const unreadableNote = (field: NotedField, e: unknown): LocatedMessage => msg('summary.note.unreadable', { field: msg(field), reason: errorMessage(e) });

function nameText(name: DerNode, notes: LocatedMessage[], what: 'subject' | 'issuer'): string | undefined {
  try {
    return formatName(name, 'oneline');
  } catch (e) {
    notes.push(unreadableNote(`summary.field.${what}`, e));
    return undefined;
  }
}

/** The last CN, as OpenSSL's X509_NAME_get_index_by_NID(…, -1) walk finds the most specific one. */
function commonName(name: DerNode): string | undefined {
  try {
    return nameAttributes(name).filter((a) => a.type === OID_CN).pop()?.value || undefined;
  } catch {
    return undefined; // formatName has noted what is wrong with the name
  }
}

/** Uppercase colon hex, as the fingerprints are written. */
const keyIdText = (bytes: Uint8Array) => toHex(bytes, ':').toUpperCase();

/** SAN entries as OpenSSL's text writes them (text/general-name.ts), otherName included. */
function sansOf(extensions: readonly Extension[], notes: LocatedMessage[]): string[] | undefined {
  const san = extensions.find((e) => e.oid === OID.subjectAltName);
  if (!san) return undefined;
  try {
    return parseDer(san.value, { what: 'subjectAltName', base: san.valueOffset }).children.map((g) => generalNameForPeople(parseGeneralName(g)));
  } catch (e) {
    notes.push(unreadableNote('summary.field.subjectAltName', e));
    return undefined;
  }
}

function keyOf(spki: DerNode, s: Summary): void {
  try {
    s.key = describeSpki(spki.der);
  } catch (e) {
    s.notes.push(unreadableNote('summary.field.publicKey', e));
  }
}

export function summarizeCertificate(input: DerInput, s: Summary, now: Date): Digests {
  const cert = readCertificate(input);
  s.subject = nameText(cert.subject, s.notes, 'subject');
  s.issuer = nameText(cert.issuer, s.notes, 'issuer');
  s.subjectCn = commonName(cert.subject);
  s.issuerCn = commonName(cert.issuer);
  const certName = s.subjectCn ?? s.subject;
  if (certName !== undefined) setTitle(s, nameTitle(certName));
  s.serialNumber = serialHex(cert.serial);
  if (cert.notBefore && cert.notAfter) s.validity = validityOf(cert.notBefore, cert.notAfter, now);
  else s.notes.push(msg('summary.note.badValidity'));
  s.signatureAlgorithm = oidDisplayName(cert.signatureAlgorithm);
  keyOf(cert.spki, s);
  s.sans = sansOf(cert.extensions, s.notes);
  const unreadable = new Set<string>();
  const facts = extensionFacts(cert.extensions.filter((e) => e.oid !== OID.subjectAltName), 'certificate', (oid, e) => {
    unreadable.add(oid);
    const field = NOTED[oid];
    if (field) s.notes.push(unreadableNote(field, e));
  });
  if (!unreadable.has(OID.basicConstraints)) {
    s.isCa = facts.isCa;
    if (facts.pathLen !== undefined) s.pathLength = facts.pathLen;
  }
  if (facts.subjectKeyIdentifier) s.subjectKeyId = keyIdText(facts.subjectKeyIdentifier);
  if (facts.authorityKeyIdentifier) s.authorityKeyId = keyIdText(facts.authorityKeyIdentifier);
  // OpenSSL's X509_check_issued(x, x) in outline: the same name, and an AKI (if any) naming this key and serial.
  s.selfSigned =
    bytesEqual(cert.subject.der, cert.issuer.der) &&
    (!facts.authorityKeyIdentifier || !facts.subjectKeyIdentifier || bytesEqual(facts.authorityKeyIdentifier, facts.subjectKeyIdentifier)) &&
    (!facts.authorityCertSerial || bytesEqual(facts.authorityCertSerial, cert.serial));
  return { spki: cert.spki.der };
}

export function summarizeCsr(input: DerInput, s: Summary): Digests {
  const csr = readRequest(input);
  s.subject = nameText(csr.subject, s.notes, 'subject');
  s.subjectCn = commonName(csr.subject);
  const csrName = s.subjectCn ?? s.subject;
  if (csrName !== undefined) setTitle(s, nameTitle(csrName));
  s.signatureAlgorithm = oidDisplayName(csr.signatureAlgorithm);
  keyOf(csr.spki, s);
  s.sans = sansOf(csr.extensions, s.notes);
  return { spki: csr.spki.der };
}

export function summarizeCrl(input: DerInput, s: Summary, now: Date): Digests {
  const crl = readCrl(input);
  s.issuer = nameText(crl.issuer, s.notes, 'issuer');
  s.issuerCn = commonName(crl.issuer);
  const issuer = s.issuerCn ?? s.issuer;
  setTitle(s, issuer !== undefined ? msg('summary.crlFrom', { issuer }) : msg('summary.crlFromUnnamed'));
  if (crl.thisUpdate) s.thisUpdate = isoDate(crl.thisUpdate);
  if (crl.thisUpdate && crl.nextUpdate) {
    s.nextUpdate = isoDate(crl.nextUpdate);
    const v = validityOf(crl.thisUpdate, crl.nextUpdate, now);
    s.validity = { ...v, text: v.text.replace('expires in', 'next update in').replace(/^expired/, 'next update overdue, due') };
  }
  s.revokedCount = crl.revokedCount;
  s.signatureAlgorithm = oidDisplayName(crl.signatureAlgorithm);
  const number = crl.extensions.find((e) => e.oid === OID.cRLNumber);
  if (number) {
    try {
      const n = parseDer(number.value, 'cRLNumber');
      if (n.tag === 2 && n.cls === 0) s.crlNumber = signedBigInt(n.content).toString();
    } catch {
      // OpenSSL's text shows the raw value; the summary leaves the number out
    }
  }
  const aki = crl.extensions.filter((e) => e.oid === OID.authorityKeyIdentifier);
  const facts = extensionFacts(aki, 'CRL', () => undefined);
  if (facts.authorityKeyIdentifier) s.authorityKeyId = keyIdText(facts.authorityKeyIdentifier);
  return {};
}
