/**
 * The few facts about a certificate or CSR that Kubernetes cares about (subject O/CN, SAN kinds,
 * key usages, CA flag, public key, validity), read with pkijs. Not a printer: src/core/text does that.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../core/bytes.ts';
import { nameAttributes, type NameAttribute } from '../core/cert/name.ts';
import { CertbenchError, describeError } from '../core/errors.ts';

const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';
const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const OID_SAN = '2.5.29.17';
const OID_KEY_USAGE = '2.5.29.15';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_SKI = '2.5.29.14';
const OID_AKI = '2.5.29.35';

/** RFC 5280 KeyUsage bit names, in bit order. */
export const KEY_USAGE_BITS = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement',
  'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
] as const;
export type KeyUsageBit = (typeof KEY_USAGE_BITS)[number];

export interface SubjectAltNames {
  dns: string[];
  ip: string[];
  email: string[];
  uri: string[];
  other: number;
}

export interface X509Facts {
  subject: NameAttribute[];
  commonName?: string;
  /** Every O value, in order: Kubernetes reads them as the groups. */
  organizations: string[];
  sans: SubjectAltNames;
  /** Absent when the extension is absent. */
  keyUsage?: KeyUsageBit[];
  extKeyUsage?: string[];
  /** basicConstraints cA (false when absent). */
  isCa: boolean;
  spki: Uint8Array;
  keyFamily: 'rsa' | 'ec' | 'ed25519' | 'other';
  subjectKeyId?: Uint8Array;
  authorityKeyId?: Uint8Array;
}

export interface CertificateFacts extends X509Facts {
  der: Uint8Array;
  issuer: NameAttribute[];
  /** DER of the subject and issuer Names, for chain order checks. */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
}

function ipText(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) {
    const words: string[] = [];
    for (let i = 0; i < 16; i += 2) words.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
    return words.join(':');
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}

function parseExtensionValue(ext: pkijs.Extension): asn1js.AsnType {
  const r = asn1js.fromBER(toArrayBuffer(new Uint8Array(ext.extnValue.valueBlock.valueHexView)));
  if (r.offset === -1) throw new CertbenchError(`extension ${ext.extnID} is not valid DER`);
  return r.result;
}

function readSans(ext: pkijs.Extension | undefined): SubjectAltNames {
  const sans: SubjectAltNames = { dns: [], ip: [], email: [], uri: [], other: 0 };
  if (!ext) return sans;
  const names = new pkijs.GeneralNames({ schema: parseExtensionValue(ext) });
  for (const n of names.names) {
    if (n.type === 1) sans.email.push(String(n.value));
    else if (n.type === 2) sans.dns.push(String(n.value));
    else if (n.type === 6) sans.uri.push(String(n.value));
    else if (n.type === 7) sans.ip.push(ipText(new Uint8Array((n.value as asn1js.OctetString).valueBlock.valueHexView)));
    else sans.other++;
  }
  return sans;
}

function readKeyUsage(ext: pkijs.Extension | undefined): KeyUsageBit[] | undefined {
  if (!ext) return undefined;
  const bits = new Uint8Array((parseExtensionValue(ext) as asn1js.BitString).valueBlock.valueHexView);
  return KEY_USAGE_BITS.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

function readExtKeyUsage(ext: pkijs.Extension | undefined): string[] | undefined {
  if (!ext) return undefined;
  return (parseExtensionValue(ext) as asn1js.Sequence).valueBlock.value.map((o) => (o as asn1js.ObjectIdentifier).valueBlock.toString());
}

function readIsCa(ext: pkijs.Extension | undefined): boolean {
  if (!ext) return false;
  return new pkijs.BasicConstraints({ schema: parseExtensionValue(ext) }).cA === true;
}

function keyFamilyOf(spki: pkijs.PublicKeyInfo): X509Facts['keyFamily'] {
  const oid = spki.algorithm.algorithmId;
  if (oid === '1.2.840.113549.1.1.1') return 'rsa';
  if (oid === '1.2.840.10045.2.1') return 'ec';
  if (oid === '1.3.101.112') return 'ed25519';
  return 'other';
}

function octets(ext: pkijs.Extension | undefined, pick: (v: asn1js.AsnType) => Uint8Array | undefined): Uint8Array | undefined {
  try {
    return ext ? pick(parseExtensionValue(ext)) : undefined;
  } catch {
    return undefined;
  }
}

function commonFacts(subjectName: pkijs.RelativeDistinguishedNames, spki: pkijs.PublicKeyInfo, extensions: pkijs.Extension[]): X509Facts {
  const find = (oid: string) => extensions.find((e) => e.extnID === oid);
  const subject = nameAttributes(subjectName);
  const cn = subject.filter((a) => a.type === OID_CN).map((a) => a.value);
  return {
    subject,
    commonName: cn[cn.length - 1],
    organizations: subject.filter((a) => a.type === OID_O).map((a) => a.value),
    sans: readSans(find(OID_SAN)),
    keyUsage: readKeyUsage(find(OID_KEY_USAGE)),
    extKeyUsage: readExtKeyUsage(find(OID_EXT_KEY_USAGE)),
    isCa: readIsCa(find(OID_BASIC_CONSTRAINTS)),
    spki: new Uint8Array(spki.toSchema().toBER()),
    keyFamily: keyFamilyOf(spki),
    subjectKeyId: octets(find(OID_SKI), (v) => new Uint8Array((v as asn1js.OctetString).valueBlock.valueHexView)),
    authorityKeyId: octets(find(OID_AKI), (v) => {
      const id = new pkijs.AuthorityKeyIdentifier({ schema: v }).keyIdentifier;
      return id ? new Uint8Array(id.valueBlock.valueHexView) : undefined;
    }),
  };
}

/** Facts of a PKCS#10 CSR (DER). */
export function csrFacts(der: Uint8Array, where = 'CSR'): X509Facts {
  try {
    const csr = pkijs.CertificationRequest.fromBER(toArrayBuffer(der));
    const extAttr = (csr.attributes ?? []).find((a) => a.type === OID_EXTENSION_REQUEST);
    const extensions = extAttr?.values[0] ? new pkijs.Extensions({ schema: extAttr.values[0] }).extensions : [];
    return commonFacts(csr.subject, csr.subjectPublicKeyInfo, extensions);
  } catch (e) {
    if (e instanceof CertbenchError) throw new CertbenchError(e.message, where);
    throw new CertbenchError(`not a readable PKCS#10 certificate request: ${describeError(e)}`, where);
  }
}

/** Facts of an X.509 certificate (DER). */
export function certificateFacts(der: Uint8Array, where = 'certificate'): CertificateFacts {
  try {
    const cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
    return {
      ...commonFacts(cert.subject, cert.subjectPublicKeyInfo, cert.extensions ?? []),
      der,
      issuer: nameAttributes(cert.issuer),
      subjectDer: new Uint8Array(cert.subject.toSchema().toBER()),
      issuerDer: new Uint8Array(cert.issuer.toSchema().toBER()),
      notBefore: cert.notBefore.value,
      notAfter: cert.notAfter.value,
    };
  } catch (e) {
    if (e instanceof CertbenchError) throw new CertbenchError(e.message, where);
    throw new CertbenchError(`not a readable X.509 certificate: ${describeError(e)}`, where);
  }
}
