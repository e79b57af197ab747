/**
 * The one reader of the facts certbench needs about an existing certificate or CSR (a CA it imports,
 * one it renews, what Kubernetes checks): names, validity, key, and the extensions it acts on.
 */
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CertbenchError, describeError } from '../errors.ts';
import { decodeGeneralNames, type SubjectAltName } from './general-names.ts';
import { EXTENDED_KEY_USAGES, KEY_USAGES, OID, type ExtKeyUsageName, type KeyUsageName } from './extensions.ts';
import { nameAttributes, type NameAttribute } from './name.ts';
import { serialHexOf } from './serial.ts';
import { childrenOf, parseAsn1 } from './asn1-blocks.ts';
import { spkiDer } from './spki.ts';
import { readTime } from './time.ts';

const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

/** The extensions certbench acts on, read alike from a certificate and from a CSR's extensionRequest. */
export interface ExtensionFacts {
  /** basicConstraints cA (false when absent); pathLen when present. */
  isCa: boolean;
  pathLen?: number;
  /** undefined when there is no keyUsage extension. */
  keyUsage?: KeyUsageName[];
  /** extendedKeyUsage OIDs in order; undefined when the extension is absent. */
  extKeyUsageOids?: string[];
  subjectKeyIdentifier?: Uint8Array;
  authorityKeyIdentifier?: Uint8Array;
  subjectAltNames: SubjectAltName[];
}

interface RequestFacts extends ExtensionFacts {
  der: Uint8Array;
  subject: NameAttribute[];
  subjectPublicKeyInfo: Uint8Array;
}

export interface CertificateFacts extends RequestFacts {
  serialHex: string;
  issuer: NameAttribute[];
  /** DER of the subject Name exactly as encoded (an issued certificate's issuer must equal it). */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** extendedKeyUsage by name where certbench knows it, else the OID; [] when absent. */
  extKeyUsage: (ExtKeyUsageName | string)[];
}

/**
 * A field of a Certificate's TBSCertificate as encoded (pkijs re-encodes the SPKI and reads some dates
 * differently from OpenSSL): serialNumber 0, signature 1, issuer 2, validity 3, subject 4, spki 5.
 */
export function tbsField(certificate: asn1js.AsnType, index: number): asn1js.AsnType {
  const fields = childrenOf(childrenOf(certificate)[0]);
  const hasVersion = fields[0]?.idBlock.tagClass === 3 && fields[0].idBlock.tagNumber === 0;
  const field = fields[index + (hasVersion ? 1 : 0)];
  if (!field) throw new Error('the TBSCertificate is missing fields');
  return field;
}

/** notBefore and notAfter read from their DER; undefined where a date is unreadable. */
export function validityDates(certificate: asn1js.AsnType): [Date | undefined, Date | undefined] {
  const [notBefore, notAfter] = childrenOf(tbsField(certificate, 3)).map(readTime);
  return [notBefore, notAfter];
}

function bitsOf(bs: asn1js.BitString): KeyUsageName[] {
  const bytes = new Uint8Array(bs.valueBlock.valueHexView);
  return KEY_USAGES.filter((_, i) => i < bytes.length * 8 && (bytes[i >> 3]! & (0x80 >> (i & 7))) !== 0);
}

const EKU_NAME = Object.fromEntries(Object.entries(EXTENDED_KEY_USAGES).map(([k, v]) => [v, k])) as Record<string, ExtKeyUsageName>;

/** An extendedKeyUsage OID by the name certbench knows it by (serverAuth, clientAuth, …), else the OID itself. */
export function extKeyUsageName(oid: string): ExtKeyUsageName | string {
  return EKU_NAME[oid] ?? oid;
}

export function extensionFacts(extensions: readonly pkijs.Extension[], where: string): ExtensionFacts {
  const facts: ExtensionFacts = { isCa: false, subjectAltNames: [] };
  for (const ext of extensions) {
    const value = new Uint8Array(ext.extnValue.valueBlock.valueHexView);
    try {
      const node = parseAsn1(value);
      switch (ext.extnID) {
        case OID.basicConstraints: {
          const bc = new pkijs.BasicConstraints({ schema: node });
          facts.isCa = bc.cA === true;
          if (bc.pathLenConstraint !== undefined) facts.pathLen = typeof bc.pathLenConstraint === 'number' ? bc.pathLenConstraint : bc.pathLenConstraint.valueBlock.valueDec;
          break;
        }
        case OID.keyUsage: facts.keyUsage = bitsOf(node as asn1js.BitString); break;
        case OID.extKeyUsage: facts.extKeyUsageOids = new pkijs.ExtKeyUsage({ schema: node }).keyPurposes; break;
        case OID.subjectKeyIdentifier: facts.subjectKeyIdentifier = new Uint8Array((node as asn1js.OctetString).valueBlock.valueHexView); break;
        case OID.authorityKeyIdentifier: {
          const aki = new pkijs.AuthorityKeyIdentifier({ schema: node });
          if (aki.keyIdentifier) facts.authorityKeyIdentifier = new Uint8Array(aki.keyIdentifier.valueBlock.valueHexView);
          break;
        }
        case OID.subjectAltName: facts.subjectAltNames = decodeGeneralNames(value, `${where} › subjectAltName`); break;
      }
    } catch (e) {
      if (e instanceof CertbenchError) throw e;
      throw new CertbenchError('cert.extensionUnreadable', { oid: ext.extnID, reason: describeError(e) }, where);
    }
  }
  return facts;
}

export function certificateFacts(der: Uint8Array, where = 'certificate'): CertificateFacts {
  let root: asn1js.AsnType;
  let cert: pkijs.Certificate;
  try {
    root = parseAsn1(der);
    cert = new pkijs.Certificate({ schema: root });
  } catch (e) {
    throw new CertbenchError('cert.notX509', { reason: describeError(e) }, where);
  }
  const [notBefore, notAfter] = validityDates(root);
  if (!notBefore || !notAfter) throw new CertbenchError('cert.badValidityDates', undefined, where);
  const extensions = extensionFacts(cert.extensions ?? [], where);
  return {
    ...extensions,
    der,
    serialHex: serialHexOf(cert.serialNumber),
    subject: nameAttributes(cert.subject),
    issuer: nameAttributes(cert.issuer),
    subjectDer: new Uint8Array(cert.subject.toSchema().toBER()),
    issuerDer: new Uint8Array(cert.issuer.toSchema().toBER()),
    notBefore,
    notAfter,
    subjectPublicKeyInfo: spkiDer(cert.subjectPublicKeyInfo),
    extKeyUsage: (extensions.extKeyUsageOids ?? []).map(extKeyUsageName),
  };
}

/** The extensions a CSR asks for (its extensionRequest attribute), or none. */
export function requestedExtensions(csr: pkijs.CertificationRequest): pkijs.Extension[] {
  const attr = csr.attributes?.find((a) => a.type === OID_EXTENSION_REQUEST);
  return attr?.values[0] ? new pkijs.Extensions({ schema: attr.values[0] }).extensions : [];
}

export function requestFacts(der: Uint8Array, where = 'CSR'): RequestFacts {
  let csr: pkijs.CertificationRequest;
  let extensions: pkijs.Extension[];
  try {
    csr = new pkijs.CertificationRequest({ schema: parseAsn1(der) });
    extensions = requestedExtensions(csr);
  } catch (e) {
    throw new CertbenchError('cert.csrUnreadable', { reason: describeError(e) }, where);
  }
  return {
    ...extensionFacts(extensions, where),
    der,
    subject: nameAttributes(csr.subject),
    subjectPublicKeyInfo: spkiDer(csr.subjectPublicKeyInfo),
  };
}
