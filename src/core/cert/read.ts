/**
 * The one reader of certificates and CSRs: from their DER (or the DerNode the decode pipeline already
 * made of it, so nothing is decoded twice) to the facts certbench needs — names, serial, validity,
 * key, and the extensions it acts on. The summary, the CA, Kubernetes checks and the labs read
 * certificates here; pkijs stays where certificates are built and signed, src/core/text prints them.
 *
 * Two layers: `readCertificate` / `readRequest` take the structure apart (they throw only when it is
 * not a certificate or CSR at all) and leave each extension as bytes; `extensionFacts` reads the
 * extensions, either strictly (a bad one throws) or, with `onError`, leniently (the summary shows
 * what it can and notes the rest).
 */
import { CertbenchError, errorMessage } from '../errors.ts';
import { asNode, type DerInput, type DerNode } from '../der/node.ts';
import { bitStringBytes, child, expectUniversal, isContext, isUniversal, oidValue, signedBigInt, stringBytes } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { decodeGeneralNames, type SubjectAltName } from './general-names.ts';
import { EXTENDED_KEY_USAGES, KEY_USAGES, OID, type ExtKeyUsageName, type KeyUsageName } from './extensions.ts';
import { nameAttributes, type NameAttribute } from './name.ts';
import { serialHexOf } from './serial.ts';
import { readTime } from './time.ts';

const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

/** An extension as encoded: its extnValue octets are read by extensionFacts (or printed by src/core/text). */
export interface Extension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
  /** Where `value` starts in the input (for decoding it with offsets into the certificate). */
  valueOffset: number;
}

/** A certificate taken apart: each TBSCertificate field as decoded, the extensions as bytes. */
interface CertificateParts {
  der: Uint8Array;
  /** INTEGER content octets (two's complement). */
  serial: Uint8Array;
  /** The outer signatureAlgorithm's OID. */
  signatureAlgorithm: string;
  issuer: DerNode;
  subject: DerNode;
  /** Undefined where a date is not a readable UTCTime or GeneralizedTime. */
  notBefore?: Date;
  notAfter?: Date;
  spki: DerNode;
  extensions: Extension[];
}

/** A PKCS#10 request taken apart; `extensions` are those of its extensionRequest attribute. */
export interface RequestParts {
  der: Uint8Array;
  subject: DerNode;
  spki: DerNode;
  signatureAlgorithm: string;
  extensions: Extension[];
}

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
  /** The authorityCertSerialNumber of the authorityKeyIdentifier (INTEGER content octets), when given. */
  authorityCertSerial?: Uint8Array;
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

/** Extensions ::= SEQUENCE OF SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
function extensionsOf(list: DerNode): Extension[] {
  expectUniversal(list, TAG.SEQUENCE, 'Extensions');
  return list.children.map((e) => {
    expectUniversal(e, TAG.SEQUENCE, 'Extension');
    const oid = oidValue(e.children[0], 'extnID');
    const flag = e.children[1];
    const critical = isUniversal(flag, TAG.BOOLEAN) && flag.content[0] !== 0;
    const value = expectUniversal(e.children[critical || isUniversal(flag, TAG.BOOLEAN) ? 2 : 1], TAG.OCTET_STRING, `extnValue of ${oid}`);
    return { oid, critical, value: stringBytes(value), valueOffset: value.offset + value.header };
  });
}

/** A Certificate's fields where they sit, none checked: undefined where the position is empty. */
interface CertificateFields {
  tbs?: DerNode;
  /** The outer AlgorithmIdentifier and the signature BIT STRING. */
  signatureAlgorithm?: DerNode;
  signature?: DerNode;
  /** The [0] EXPLICIT version wrapper, when present. */
  version?: DerNode;
  serial?: DerNode;
  tbsSignatureAlgorithm?: DerNode;
  issuer?: DerNode;
  validity?: DerNode;
  subject?: DerNode;
  spki?: DerNode;
  /** The [3] EXPLICIT extensions wrapper, when present. */
  extensions?: DerNode;
}

/**
 * Finds each field of a Certificate by its position without checking any: readCertificate builds on
 * it and refuses what is ill-typed, the verifier builds on it and words each fault as a problem of
 * a certificate it still shows.
 */
export function certificateFields(root: DerNode): CertificateFields {
  const [tbs, signatureAlgorithm, signature] = root.children;
  const fields = tbs?.children ?? [];
  const skip = isContext(fields[0], 0) ? 1 : 0; // the optional [0] version
  const [serial, tbsSignatureAlgorithm, issuer, validity, subject, spki] = fields.slice(skip, skip + 6);
  return {
    tbs,
    signatureAlgorithm,
    signature,
    version: skip ? fields[0] : undefined,
    serial,
    tbsSignatureAlgorithm,
    issuer,
    validity,
    subject,
    spki,
    extensions: fields.slice(skip + 6).find((f) => isContext(f, 3)),
  };
}

/** Takes a certificate apart; a CertbenchError (cert.notX509) when it is not one. */
export function readCertificate(input: DerInput, where = 'certificate'): CertificateParts {
  try {
    const root = expectUniversal(asNode(input, 'certificate'), TAG.SEQUENCE, 'Certificate');
    const tbs = expectUniversal(child(root, 0, 'Certificate'), TAG.SEQUENCE, 'TBSCertificate');
    const at = certificateFields(root);
    const skip = at.version ? 1 : 0;
    // A field missing is refused as `child` words it: "missing in TBSCertificate" at its offset.
    const field = (node: DerNode | undefined, i: number, tag: number, what: string) => expectUniversal(node ?? child(tbs, i + skip, 'TBSCertificate'), tag, what);
    const serial = field(at.serial, 0, TAG.INTEGER, 'serialNumber');
    const validity = field(at.validity, 3, TAG.SEQUENCE, 'validity');
    const extensions = at.extensions;
    return {
      der: root.der,
      serial: serial.content,
      signatureAlgorithm: oidValue(expectUniversal(child(root, 1, 'Certificate'), TAG.SEQUENCE, 'signatureAlgorithm').children[0], 'signatureAlgorithm'),
      issuer: field(at.issuer, 2, TAG.SEQUENCE, 'issuer'),
      subject: field(at.subject, 4, TAG.SEQUENCE, 'subject'),
      notBefore: readTime(validity.children[0]),
      notAfter: readTime(validity.children[1]),
      spki: field(at.spki, 5, TAG.SEQUENCE, 'subjectPublicKeyInfo'),
      extensions: extensions ? extensionsOf(child(extensions, 0, 'extensions')) : [],
    };
  } catch (e) {
    throw new CertbenchError('cert.notX509', { reason: errorMessage(e) }, where);
  }
}

/** Takes a PKCS#10 request apart; a CertbenchError (cert.csrUnreadable) when it is not one. */
export function readRequest(input: DerInput, where = 'CSR'): RequestParts {
  try {
    const root = expectUniversal(asNode(input, 'CSR'), TAG.SEQUENCE, 'CertificationRequest');
    const info = expectUniversal(child(root, 0, 'CertificationRequest'), TAG.SEQUENCE, 'CertificationRequestInfo');
    const attributes = info.children[3];
    const request = attributes?.children.find((a) => a.children[0] && oidValue(a.children[0], 'attribute type') === OID_EXTENSION_REQUEST);
    const requested = request ? child(child(request, 1, 'extensionRequest'), 0, 'extensionRequest') : undefined;
    return {
      der: root.der,
      subject: expectUniversal(child(info, 1, 'CertificationRequestInfo'), TAG.SEQUENCE, 'subject'),
      spki: expectUniversal(child(info, 2, 'CertificationRequestInfo'), TAG.SEQUENCE, 'subjectPublicKeyInfo'),
      signatureAlgorithm: oidValue(expectUniversal(child(root, 1, 'CertificationRequest'), TAG.SEQUENCE, 'signatureAlgorithm').children[0], 'signatureAlgorithm'),
      extensions: requested ? extensionsOf(requested) : [],
    };
  } catch (e) {
    throw new CertbenchError('cert.csrUnreadable', { reason: errorMessage(e) }, where);
  }
}

/** A CRL taken apart: what its summary shows. */
interface CrlParts {
  der: Uint8Array;
  signatureAlgorithm: string;
  issuer: DerNode;
  /** Undefined where the time is not readable (thisUpdate) or absent (nextUpdate). */
  thisUpdate?: Date;
  nextUpdate?: Date;
  revokedCount: number;
  extensions: Extension[];
}

const isTime = (n: DerNode | undefined): n is DerNode => isUniversal(n, TAG.UTC_TIME) || isUniversal(n, TAG.GENERALIZED_TIME);

/** Takes a CRL apart (TBSCertList: version?, signature, issuer, thisUpdate, nextUpdate?, revokedCertificates?, [0] crlExtensions?). */
export function readCrl(input: DerInput, where = 'CRL'): CrlParts {
  try {
    const root = expectUniversal(asNode(input, 'CRL'), TAG.SEQUENCE, 'CertificateList');
    const tbs = expectUniversal(child(root, 0, 'CertificateList'), TAG.SEQUENCE, 'TBSCertList');
    const fields = tbs.children.slice(isUniversal(tbs.children[0], TAG.INTEGER) ? 1 : 0);
    const rest = fields.slice(isTime(fields[3]) ? 4 : 3);
    const revoked = isUniversal(rest[0], TAG.SEQUENCE) ? rest[0] : undefined;
    const extensions = rest.find((f) => isContext(f, 0));
    return {
      der: root.der,
      signatureAlgorithm: oidValue(expectUniversal(child(root, 1, 'CertificateList'), TAG.SEQUENCE, 'signatureAlgorithm').children[0], 'signatureAlgorithm'),
      issuer: expectUniversal(fields[1], TAG.SEQUENCE, 'issuer'),
      thisUpdate: readTime(fields[2]),
      nextUpdate: isTime(fields[3]) ? readTime(fields[3]) : undefined,
      revokedCount: revoked?.children.length ?? 0,
      extensions: extensions ? extensionsOf(child(extensions, 0, 'crlExtensions')) : [],
    };
  } catch (e) {
    throw new CertbenchError('cert.crlUnreadable', { reason: errorMessage(e) }, where);
  }
}

function keyUsageOf(value: DerNode): KeyUsageName[] {
  const { bytes } = bitStringBytes(expectUniversal(value, TAG.BIT_STRING, 'keyUsage'));
  return KEY_USAGES.filter((_, i) => i < bytes.length * 8 && (bytes[i >> 3]! & (0x80 >> (i & 7))) !== 0);
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }. */
function basicConstraintsOf(value: DerNode, facts: ExtensionFacts): void {
  expectUniversal(value, TAG.SEQUENCE, 'basicConstraints');
  for (const f of value.children) {
    if (isUniversal(f, TAG.BOOLEAN)) facts.isCa = f.content[0] !== 0;
    else if (isUniversal(f, TAG.INTEGER)) facts.pathLen = Number(signedBigInt(f.content));
    else throw new CertbenchError('der.wrongType', { what: 'basicConstraints field', offset: `0x${f.offset.toString(16)}` });
  }
}

/** AuthorityKeyIdentifier ::= SEQUENCE { [0] keyIdentifier, [1] authorityCertIssuer, [2] authorityCertSerialNumber }, all optional. */
function authorityKeyIdOf(value: DerNode, facts: ExtensionFacts): void {
  expectUniversal(value, TAG.SEQUENCE, 'authorityKeyIdentifier');
  for (const f of value.children) {
    if (isContext(f, 0)) facts.authorityKeyIdentifier = stringBytes(f);
    else if (isContext(f, 2)) facts.authorityCertSerial = f.content;
  }
}

const EKU_NAME = Object.fromEntries(Object.entries(EXTENDED_KEY_USAGES).map(([k, v]) => [v, k])) as Record<string, ExtKeyUsageName>;

/** An extendedKeyUsage OID by the name certbench knows it by (serverAuth, clientAuth, …), else the OID itself. */
export function extKeyUsageName(oid: string): ExtKeyUsageName | string {
  return EKU_NAME[oid] ?? oid;
}

/**
 * Reads the extensions certbench acts on. A bad one throws a CertbenchError naming it, unless
 * `onError` is given: then it is handed the extension's OID and the error, and the rest is read.
 */
export function extensionFacts(extensions: readonly Extension[], where: string, onError?: (oid: string, e: unknown) => void): ExtensionFacts {
  const facts: ExtensionFacts = { isCa: false, subjectAltNames: [] };
  for (const ext of extensions) {
    try {
      const value = () => asNode(ext.value, `extension ${ext.oid}`);
      switch (ext.oid) {
        case OID.basicConstraints: basicConstraintsOf(value(), facts); break;
        case OID.keyUsage: facts.keyUsage = keyUsageOf(value()); break;
        case OID.extKeyUsage: facts.extKeyUsageOids = expectUniversal(value(), TAG.SEQUENCE, 'extKeyUsage').children.map((o) => oidValue(o, 'KeyPurposeId')); break;
        case OID.subjectKeyIdentifier: facts.subjectKeyIdentifier = stringBytes(expectUniversal(value(), TAG.OCTET_STRING, 'subjectKeyIdentifier')); break;
        case OID.authorityKeyIdentifier: authorityKeyIdOf(value(), facts); break;
        case OID.subjectAltName: facts.subjectAltNames = decodeGeneralNames(ext.value, `${where} › subjectAltName`); break;
      }
    } catch (e) {
      const error = e instanceof CertbenchError ? e : new CertbenchError('cert.extensionUnreadable', { oid: ext.oid, reason: errorMessage(e) }, where);
      if (!onError) throw error;
      onError(ext.oid, error);
    }
  }
  return facts;
}

export function certificateFacts(input: DerInput, where = 'certificate'): CertificateFacts {
  const parts = readCertificate(input, where);
  const { notBefore, notAfter } = parts;
  if (!notBefore || !notAfter) throw new CertbenchError('cert.badValidityDates', undefined, where);
  const extensions = extensionFacts(parts.extensions, where);
  return {
    ...extensions,
    der: parts.der,
    serialHex: serialHexOf(parts.serial),
    subject: nameAttributes(parts.subject),
    issuer: nameAttributes(parts.issuer),
    subjectDer: parts.subject.der,
    issuerDer: parts.issuer.der,
    notBefore,
    notAfter,
    subjectPublicKeyInfo: parts.spki.der,
    extKeyUsage: (extensions.extKeyUsageOids ?? []).map(extKeyUsageName),
  };
}

export function requestFacts(input: DerInput, where = 'CSR'): RequestFacts {
  const parts = readRequest(input, where);
  return {
    ...extensionFacts(parts.extensions, where),
    der: parts.der,
    subject: nameAttributes(parts.subject),
    subjectPublicKeyInfo: parts.spki.der,
  };
}
