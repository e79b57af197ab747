/**
 * A certificate read for verification: every field the path checks look at. The fields are found
 * where src/core/cert/read.ts finds them (certificateFields, the layer readCertificate is built on);
 * what they mean is read here. Problems that make a certificate unusable (a malformed extension, a
 * duplicate, a fractional-second time) are collected in `malformed` rather than thrown, so the
 * verifier can say which certificate is broken and why.
 *
 * readCertificate itself is not used: it refuses a certificate with any ill-typed field or
 * extension, where verification must still show that certificate with its problems (and in the
 * words of these checks: a time that is not DER, a criticality BOOLEAN of two bytes).
 */
import { bytesEqual, toHex } from '../bytes.ts';
import { CertbenchError, errorMessage, msg, type CoreMessage, type MessageParam } from '../errors.ts';
import { KEY_USAGES, type KeyUsageName } from '../cert/extensions.ts';
import { certificateFields } from '../cert/read.ts';
import { type DerNode, parseDer, UNIVERSAL } from '../der/node.ts';
import { bitStringBytes, isContext, oidValue } from '../der/read.ts';
import { formatName } from '../text/name.ts';
import { visibleText } from '../text/visible.ts';
import { readGeneralName, readGeneralNames, type VerifyGeneralName } from './general-names.ts';
import { commonNames, nameKey, parseRdns, type Rdn } from './names.ts';

export const EXT = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  authorityKeyIdentifier: '2.5.29.35',
  policyConstraints: '2.5.29.36',
  extKeyUsage: '2.5.29.37',
  inhibitAnyPolicy: '2.5.29.54',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const;

export interface Extension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

export interface CertView {
  der: Uint8Array;
  tbs: Uint8Array;
  version: number;
  /** Content octets of the serial INTEGER (two's complement). */
  serial: Uint8Array;
  signatureAlgorithm: { oid: string; der: Uint8Array; params?: DerNode };
  tbsSignatureAlgorithmDer: Uint8Array;
  signature: Uint8Array;
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  issuer: Rdn[];
  subject: Rdn[];
  issuerKey: string;
  subjectKey: string;
  /** OpenSSL one-line subject and issuer, for display. */
  subjectText: string;
  issuerText: string;
  /** CN, else the subject line: how messages name this certificate. */
  label: string;
  /** The label as a message param (an empty subject is worded in the reader's language). */
  labelSaid: MessageParam;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  extensions: Extension[];
  basicConstraints?: { ca: boolean; pathLen?: number; critical: boolean };
  keyUsage?: { usages: Set<KeyUsageName>; critical: boolean };
  extKeyUsage?: { oids: string[]; critical: boolean };
  subjectKeyId?: Uint8Array;
  authorityKeyId?: { keyId?: Uint8Array; hasIssuer: boolean; hasSerial: boolean };
  subjectAltNames?: { names: VerifyGeneralName[]; critical: boolean };
  nameConstraints?: { permitted?: VerifyGeneralName[]; excluded?: VerifyGeneralName[]; critical: boolean };
  /** Subject and issuer names are the same (RFC 5280 "self-issued"). */
  selfIssued: boolean;
  /** What is wrong with the encoding; any entry makes the certificate unusable. */
  malformed: CoreMessage[];
}

const ascii = new TextDecoder('latin1');
/** How an empty subject is named in English text (`label`); `labelSaid` words it per language. */
const EMPTY_SUBJECT = '(empty subject)';

/** UTCTime / GeneralizedTime in the only forms DER allows (RFC 5280 §4.1.2.5). */
function readTime(b: DerNode): Date {
  const text = ascii.decode(b.content);
  const utc = b.tag === 23;
  const m = utc ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text) : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text);
  if (!m || (b.tag !== 23 && b.tag !== 24)) throw new CertbenchError('verify.timeNotDer', { text });
  let year = Number(m[1]);
  if (utc) year += year < 50 ? 2000 : 1900;
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) throw new CertbenchError('verify.timeNotDate', { text });
  return d;
}

function isSeq(b: DerNode | undefined): b is DerNode {
  return !!b && b.cls === UNIVERSAL && b.tag === 16;
}

function readBoolean(b: DerNode): boolean {
  const c = b.content;
  if (b.tag !== 1 || c.length !== 1) throw new CertbenchError('verify.badBoolean');
  return c[0] !== 0;
}

function readSmallInteger(b: DerNode, what: string): number {
  const c = b.content;
  if (b.tag !== 2 || !c.length || c.length > 4 || c[0]! & 0x80) throw new CertbenchError('verify.notSmallInteger', { what });
  return c.reduce((n, x) => n * 256 + x, 0);
}

/**
 * The extensions list read stricter than read.ts's extensionsOf (a criticality BOOLEAN must be one
 * byte, an extnValue a primitive OCTET STRING) and with the verifier's words for each fault, which
 * become one `chain.extensionsUnreadable` problem rather than a refused certificate.
 */
function readExtensions(node: DerNode): Extension[] {
  const [seq] = node.children;
  if (!isSeq(seq)) throw new CertbenchError('verify.extensionsNotSequence');
  return seq.children.map((ext) => {
    const parts = ext.children;
    const oid = oidValue(parts[0]!);
    const critical = parts.length === 3 ? readBoolean(parts[1]!) : false;
    const value = parts[parts.length - 1]!;
    if (value.tag !== 4 || value.constructed) throw new CertbenchError('verify.extensionNoOctetString', { oid });
    return { oid, critical, value: value.content };
  });
}

function whole(value: Uint8Array, what: string): DerNode {
  const node = parseDer(value, what);
  if (node.der.length !== value.length) throw new CertbenchError('verify.trailingBytes', { what });
  return node;
}

/** Fills the parsed view of each extension the checks use. */
function readKnownExtension(view: CertView, ext: Extension): void {
  const what = `extension ${ext.oid}`;
  switch (ext.oid) {
    case EXT.basicConstraints: {
      const seq = whole(ext.value, 'basicConstraints');
      if (!isSeq(seq)) throw new CertbenchError('verify.basicConstraintsNotSequence');
      let ca = false;
      let pathLen: number | undefined;
      for (const c of seq.children) {
        if (c.tag === 1) ca = readBoolean(c);
        else pathLen = readSmallInteger(c, 'pathLenConstraint');
      }
      view.basicConstraints = { ca, critical: ext.critical, ...(pathLen !== undefined ? { pathLen } : {}) };
      return;
    }
    case EXT.keyUsage: {
      const bs = whole(ext.value, 'keyUsage');
      if (bs.tag !== 3) throw new CertbenchError('verify.keyUsageNotBitString');
      const { bytes } = bitStringBytes(bs);
      const usages = new Set(KEY_USAGES.filter((_, i) => i < bytes.length * 8 && (bytes[i >> 3]! & (0x80 >> (i & 7))) !== 0));
      if (!usages.size) throw new CertbenchError('verify.keyUsageEmpty');
      view.keyUsage = { usages, critical: ext.critical };
      return;
    }
    case EXT.extKeyUsage: {
      const seq = whole(ext.value, 'extKeyUsage');
      if (!isSeq(seq)) throw new CertbenchError('verify.extKeyUsageNotSequence');
      view.extKeyUsage = { oids: seq.children.map((n) => oidValue(n)), critical: ext.critical };
      return;
    }
    case EXT.subjectKeyIdentifier: {
      const os = whole(ext.value, 'subjectKeyIdentifier');
      if (os.tag !== 4) throw new CertbenchError('verify.skiNotOctetString');
      view.subjectKeyId = os.content;
      return;
    }
    case EXT.authorityKeyIdentifier: {
      const seq = whole(ext.value, 'authorityKeyIdentifier');
      if (!isSeq(seq)) throw new CertbenchError('verify.akiNotSequence');
      const aki: NonNullable<CertView['authorityKeyId']> = { hasIssuer: false, hasSerial: false };
      for (const c of seq.children) {
        if (isContext(c, 0)) aki.keyId = c.content;
        else if (isContext(c, 1)) aki.hasIssuer = true;
        else if (isContext(c, 2)) aki.hasSerial = true;
      }
      view.authorityKeyId = aki;
      return;
    }
    case EXT.subjectAltName: {
      const names = readGeneralNames(whole(ext.value, 'subjectAltName'), 'subjectAltName');
      if (!names.length) throw new CertbenchError('verify.sanEmpty');
      view.subjectAltNames = { names, critical: ext.critical };
      return;
    }
    case EXT.nameConstraints: {
      const seq = whole(ext.value, 'nameConstraints');
      if (!isSeq(seq)) throw new CertbenchError('verify.nameConstraintsNotSequence');
      const nc: NonNullable<CertView['nameConstraints']> = { critical: ext.critical };
      for (const part of seq.children) {
        const subtrees = part.children.map((st) => {
          const [base, ...rest] = st.children;
          if (!base) throw new CertbenchError('verify.subtreeNoBase');
          if (rest.length) throw new CertbenchError('verify.subtreeMinMax');
          return readGeneralName(base);
        });
        if (isContext(part, 0)) nc.permitted = subtrees;
        else if (isContext(part, 1)) nc.excluded = subtrees;
      }
      if (!nc.permitted && !nc.excluded) throw new CertbenchError('verify.nameConstraintsNoSubtrees');
      if ((nc.permitted && !nc.permitted.length) || (nc.excluded && !nc.excluded.length)) throw new CertbenchError('verify.nameConstraintsEmptyList');
      view.nameConstraints = nc;
      return;
    }
    case EXT.authorityInfoAccess: {
      const seq = whole(ext.value, 'authorityInfoAccess');
      if (!isSeq(seq) || !seq.children.length) throw new CertbenchError('verify.aiaNotSequence');
      for (const ad of seq.children) {
        const [method, location] = ad.children;
        if (!method || !location) throw new CertbenchError('verify.aiaEntryIncomplete');
        oidValue(method);
      }
      return;
    }
    default:
      void what;
  }
}

/** Reads a certificate for verification. Throws a CertbenchError only when it is not a certificate at all. */
export function readCertView(der: Uint8Array, where = 'certificate'): CertView {
  let top: DerNode;
  try {
    top = parseDer(der, where);
  } catch (e) {
    throw CertbenchError.wrap(e, where);
  }
  const fields = certificateFields(top);
  const { tbs: tbsNode, signatureAlgorithm: sigAlgNode, signature: sigNode } = fields;
  if (!isSeq(top) || !isSeq(tbsNode) || !isSeq(sigAlgNode) || !sigNode || tbsNode.children.length < 6) throw new CertbenchError('verify.notX509', undefined, where);
  const malformed: CoreMessage[] = [];
  const version = fields.version ? readSmallInteger(fields.version.children[0]!, 'version') + 1 : 1;
  const { serial: serialNode, tbsSignatureAlgorithm: tbsSigAlg, issuer: issuerNode, validity, subject: subjectNode, spki: spkiNode } = fields;
  if (!serialNode || !tbsSigAlg || !issuerNode || !validity || !subjectNode || !spkiNode) throw new CertbenchError('verify.tbsIncomplete', undefined, where);
  const sigParts = sigAlgNode.children;
  const issuerDer = issuerNode.der;
  const subjectDer = subjectNode.der;
  let issuer: Rdn[] = [];
  let subject: Rdn[] = [];
  try {
    issuer = parseRdns(issuerNode);
    subject = parseRdns(subjectNode);
  } catch (e) {
    malformed.push(msg('chain.nameUnreadable', { reason: errorMessage(e) }));
  }
  const safeFormat = (d: Uint8Array) => {
    try {
      return formatName(d, 'oneline');
    } catch {
      return `<unreadable name ${toHex(d.subarray(0, 8))}…>`;
    }
  };
  const subjectText = safeFormat(subjectDer);
  const [nb, na] = validity.children;
  let notBefore = new Date(NaN);
  let notAfter = new Date(NaN);
  try {
    notBefore = readTime(nb!);
    notAfter = readTime(na!);
  } catch (e) {
    malformed.push(msg('chain.validityUnreadable', { reason: errorMessage(e) }));
  }
  const view: CertView = {
    der,
    tbs: tbsNode.der,
    version,
    serial: serialNode.content,
    signatureAlgorithm: { oid: oidValue(sigParts[0]!), der: sigAlgNode.der, ...(sigParts[1] ? { params: sigParts[1] } : {}) },
    tbsSignatureAlgorithmDer: tbsSigAlg.der,
    signature: bitStringBytes(sigNode).bytes,
    issuerDer,
    subjectDer,
    issuer,
    subject,
    issuerKey: nameKey(issuer),
    subjectKey: nameKey(subject),
    subjectText,
    issuerText: safeFormat(issuerDer),
    label: visibleText(commonNames(subject)[0] ?? (subjectText || EMPTY_SUBJECT)),
    labelSaid: commonNames(subject)[0] !== undefined || subjectText ? visibleText(commonNames(subject)[0] ?? subjectText) : msg('chain.emptySubject'),
    notBefore,
    notAfter,
    spki: spkiNode.der,
    extensions: [],
    selfIssued: nameKey(issuer) === nameKey(subject),
    malformed,
  };
  const extNode = fields.extensions;
  if (extNode) {
    try {
      view.extensions = readExtensions(extNode);
    } catch (e) {
      malformed.push(msg('chain.extensionsUnreadable', { reason: errorMessage(e) }));
    }
    if (version !== 3) malformed.push(msg('chain.extensionsBeforeV3', { version }));
  }
  const seen = new Set<string>();
  for (const ext of view.extensions) {
    if (seen.has(ext.oid)) malformed.push(msg('chain.extensionTwice', { oid: ext.oid }));
    seen.add(ext.oid);
    try {
      readKnownExtension(view, ext);
    } catch (e) {
      malformed.push(errorMessage(e));
    }
  }
  if (!bytesEqual(view.tbsSignatureAlgorithmDer, view.signatureAlgorithm.der)) {
    malformed.push(msg('chain.signatureAlgorithmsDiffer'));
  }
  return view;
}
