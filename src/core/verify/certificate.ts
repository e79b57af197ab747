/**
 * A certificate read for verification: every field the path checks look at, taken from the DER
 * with asn1js. Problems that make a certificate unusable (a malformed extension, a duplicate, a
 * fractional-second time) are collected in `malformed` rather than thrown, so the verifier can
 * say which certificate is broken and why.
 */
import { bytesEqual, toHex } from '../bytes.ts';
import { CertbenchError, describeError } from '../errors.ts';
import { KEY_USAGES, type KeyUsageName } from '../cert/extensions.ts';
import { bitStringBytes, children, contentBytes, isContext, oidText, parseDer, rawBytes, type Block } from '../text/der.ts';
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

export interface NameSubtree {
  /** For IP: bytes holds address ‖ mask (8 or 32 bytes). */
  name: VerifyGeneralName;
}

export interface CertView {
  der: Uint8Array;
  tbs: Uint8Array;
  version: number;
  /** Content octets of the serial INTEGER (two's complement). */
  serial: Uint8Array;
  signatureAlgorithm: { oid: string; der: Uint8Array; params?: Block };
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
  malformed: string[];
}

const ascii = new TextDecoder('latin1');

/** UTCTime / GeneralizedTime in the only forms DER allows (RFC 5280 §4.1.2.5). */
function readTime(b: Block): Date {
  const text = ascii.decode(contentBytes(b));
  const utc = b.idBlock.tagNumber === 23;
  const m = utc ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text) : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text);
  if (!m || (b.idBlock.tagNumber !== 23 && b.idBlock.tagNumber !== 24)) throw new CertbenchError(`time "${text}" is not in the DER form YYMMDDHHMMSSZ / YYYYMMDDHHMMSSZ`);
  let year = Number(m[1]);
  if (utc) year += year < 50 ? 2000 : 1900;
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) throw new CertbenchError(`time "${text}" is not a real date`);
  return d;
}

function isSeq(b: Block | undefined): b is Block {
  return !!b && b.idBlock.tagClass === 1 && b.idBlock.tagNumber === 16;
}

function readBoolean(b: Block): boolean {
  const c = contentBytes(b);
  if (b.idBlock.tagNumber !== 1 || c.length !== 1) throw new CertbenchError('a BOOLEAN is malformed');
  return c[0] !== 0;
}

function readSmallInteger(b: Block, what: string): number {
  const c = contentBytes(b);
  if (b.idBlock.tagNumber !== 2 || !c.length || c.length > 4 || c[0]! & 0x80) throw new CertbenchError(`${what} is not a small non-negative INTEGER`);
  return c.reduce((n, x) => n * 256 + x, 0);
}

function readExtensions(node: Block): Extension[] {
  const [seq] = children(node);
  if (!isSeq(seq)) throw new CertbenchError('extensions are not a SEQUENCE');
  return children(seq).map((ext) => {
    const parts = children(ext);
    const oid = oidText(parts[0]!);
    const critical = parts.length === 3 ? readBoolean(parts[1]!) : false;
    const value = parts[parts.length - 1]!;
    if (value.idBlock.tagNumber !== 4 || value.idBlock.isConstructed) throw new CertbenchError(`extension ${oid} has no OCTET STRING value`);
    return { oid, critical, value: contentBytes(value) };
  });
}

function whole(value: Uint8Array, what: string): Block {
  const node = parseDer(value, what);
  if (rawBytes(node).length !== value.length) throw new CertbenchError(`${what} has trailing bytes`);
  return node;
}

/** Fills the parsed view of each extension the checks use. */
function readKnownExtension(view: CertView, ext: Extension): void {
  const what = `extension ${ext.oid}`;
  switch (ext.oid) {
    case EXT.basicConstraints: {
      const seq = whole(ext.value, 'basicConstraints');
      if (!isSeq(seq)) throw new CertbenchError('basicConstraints is not a SEQUENCE');
      let ca = false;
      let pathLen: number | undefined;
      for (const c of children(seq)) {
        if (c.idBlock.tagNumber === 1) ca = readBoolean(c);
        else pathLen = readSmallInteger(c, 'pathLenConstraint');
      }
      view.basicConstraints = { ca, critical: ext.critical, ...(pathLen !== undefined ? { pathLen } : {}) };
      return;
    }
    case EXT.keyUsage: {
      const bs = whole(ext.value, 'keyUsage');
      if (bs.idBlock.tagNumber !== 3) throw new CertbenchError('keyUsage is not a BIT STRING');
      const { bytes } = bitStringBytes(bs);
      const usages = new Set(KEY_USAGES.filter((_, i) => i < bytes.length * 8 && (bytes[i >> 3]! & (0x80 >> (i & 7))) !== 0));
      if (!usages.size) throw new CertbenchError('keyUsage has no bit set');
      view.keyUsage = { usages, critical: ext.critical };
      return;
    }
    case EXT.extKeyUsage: {
      const seq = whole(ext.value, 'extKeyUsage');
      if (!isSeq(seq)) throw new CertbenchError('extKeyUsage is not a SEQUENCE');
      view.extKeyUsage = { oids: children(seq).map(oidText), critical: ext.critical };
      return;
    }
    case EXT.subjectKeyIdentifier: {
      const os = whole(ext.value, 'subjectKeyIdentifier');
      if (os.idBlock.tagNumber !== 4) throw new CertbenchError('subjectKeyIdentifier is not an OCTET STRING');
      view.subjectKeyId = contentBytes(os);
      return;
    }
    case EXT.authorityKeyIdentifier: {
      const seq = whole(ext.value, 'authorityKeyIdentifier');
      if (!isSeq(seq)) throw new CertbenchError('authorityKeyIdentifier is not a SEQUENCE');
      const aki: NonNullable<CertView['authorityKeyId']> = { hasIssuer: false, hasSerial: false };
      for (const c of children(seq)) {
        if (isContext(c, 0)) aki.keyId = contentBytes(c);
        else if (isContext(c, 1)) aki.hasIssuer = true;
        else if (isContext(c, 2)) aki.hasSerial = true;
      }
      view.authorityKeyId = aki;
      return;
    }
    case EXT.subjectAltName: {
      const names = readGeneralNames(whole(ext.value, 'subjectAltName'), 'subjectAltName');
      if (!names.length) throw new CertbenchError('subjectAltName is empty');
      view.subjectAltNames = { names, critical: ext.critical };
      return;
    }
    case EXT.nameConstraints: {
      const seq = whole(ext.value, 'nameConstraints');
      if (!isSeq(seq)) throw new CertbenchError('nameConstraints is not a SEQUENCE');
      const nc: NonNullable<CertView['nameConstraints']> = { critical: ext.critical };
      for (const part of children(seq)) {
        const subtrees = children(part).map((st) => {
          const [base, ...rest] = children(st);
          if (!base) throw new CertbenchError('a name-constraint subtree has no base');
          if (rest.length) throw new CertbenchError('name constraints with minimum/maximum are not allowed (RFC 5280 §4.2.1.10)');
          return readGeneralName(base);
        });
        if (isContext(part, 0)) nc.permitted = subtrees;
        else if (isContext(part, 1)) nc.excluded = subtrees;
      }
      if (!nc.permitted && !nc.excluded) throw new CertbenchError('nameConstraints has neither permitted nor excluded subtrees');
      if ((nc.permitted && !nc.permitted.length) || (nc.excluded && !nc.excluded.length)) throw new CertbenchError('nameConstraints has an empty subtree list');
      view.nameConstraints = nc;
      return;
    }
    case EXT.authorityInfoAccess: {
      const seq = whole(ext.value, 'authorityInfoAccess');
      if (!isSeq(seq) || !children(seq).length) throw new CertbenchError('authorityInfoAccess is not a non-empty SEQUENCE');
      for (const ad of children(seq)) {
        const [method, location] = children(ad);
        if (!method || !location) throw new CertbenchError('an authorityInfoAccess entry lacks its method or location');
        oidText(method);
      }
      return;
    }
    default:
      void what;
  }
}

/** Reads a certificate for verification. Throws a CertbenchError only when it is not a certificate at all. */
export function readCertView(der: Uint8Array, where = 'certificate'): CertView {
  let top: Block;
  try {
    top = parseDer(der, where);
  } catch (e) {
    throw new CertbenchError(describeError(e), where);
  }
  const [tbsNode, sigAlgNode, sigNode] = children(top);
  const tbsParts = tbsNode ? children(tbsNode) : [];
  if (!isSeq(top) || !isSeq(tbsNode) || !isSeq(sigAlgNode) || !sigNode || tbsParts.length < 6) throw new CertbenchError('not an X.509 certificate', where);
  const malformed: string[] = [];
  let i = 0;
  let version = 1;
  if (isContext(tbsParts[0]!, 0)) {
    version = readSmallInteger(children(tbsParts[0]!)[0]!, 'version') + 1;
    i = 1;
  }
  const [serialNode, tbsSigAlg, issuerNode, validity, subjectNode, spkiNode] = tbsParts.slice(i, i + 6) as Block[];
  if (!serialNode || !tbsSigAlg || !issuerNode || !validity || !subjectNode || !spkiNode) throw new CertbenchError('the certificate body is incomplete', where);
  const sigParts = children(sigAlgNode);
  const issuerDer = rawBytes(issuerNode);
  const subjectDer = rawBytes(subjectNode);
  let issuer: Rdn[] = [];
  let subject: Rdn[] = [];
  try {
    issuer = parseRdns(issuerNode);
    subject = parseRdns(subjectNode);
  } catch (e) {
    malformed.push(`its name cannot be read: ${describeError(e)}`);
  }
  const safeFormat = (d: Uint8Array) => {
    try {
      return formatName(d, 'oneline');
    } catch {
      return `<unreadable name ${toHex(d.subarray(0, 8))}…>`;
    }
  };
  const subjectText = safeFormat(subjectDer);
  const [nb, na] = children(validity);
  let notBefore = new Date(NaN);
  let notAfter = new Date(NaN);
  try {
    notBefore = readTime(nb!);
    notAfter = readTime(na!);
  } catch (e) {
    malformed.push(`its validity cannot be read: ${describeError(e)}`);
  }
  const view: CertView = {
    der,
    tbs: rawBytes(tbsNode),
    version,
    serial: contentBytes(serialNode),
    signatureAlgorithm: { oid: oidText(sigParts[0]!), der: rawBytes(sigAlgNode), ...(sigParts[1] ? { params: sigParts[1] } : {}) },
    tbsSignatureAlgorithmDer: rawBytes(tbsSigAlg),
    signature: bitStringBytes(sigNode).bytes,
    issuerDer,
    subjectDer,
    issuer,
    subject,
    issuerKey: nameKey(issuer),
    subjectKey: nameKey(subject),
    subjectText,
    issuerText: safeFormat(issuerDer),
    label: visibleText(commonNames(subject)[0] ?? (subjectText || '(empty subject)')),
    notBefore,
    notAfter,
    spki: rawBytes(spkiNode),
    extensions: [],
    selfIssued: nameKey(issuer) === nameKey(subject),
    malformed,
  };
  const extNode = tbsParts.slice(i + 6).find((p) => isContext(p, 3));
  if (extNode) {
    try {
      view.extensions = readExtensions(extNode);
    } catch (e) {
      malformed.push(`its extensions cannot be read: ${describeError(e)}`);
    }
    if (version !== 3) malformed.push(`it is a v${version} certificate with extensions (only v3 may have them)`);
  }
  const seen = new Set<string>();
  for (const ext of view.extensions) {
    if (seen.has(ext.oid)) malformed.push(`extension ${ext.oid} appears twice`);
    seen.add(ext.oid);
    try {
      readKnownExtension(view, ext);
    } catch (e) {
      malformed.push(describeError(e));
    }
  }
  if (!bytesEqual(view.tbsSignatureAlgorithmDer, view.signatureAlgorithm.der)) {
    malformed.push('the signature algorithm inside the certificate differs from the one outside it');
  }
  return view;
}
