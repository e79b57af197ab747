/** The summaries of certificates, requests and CRLs. */
import { decodeKeepingBytes } from '../text/raw-bytes.ts';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describeError, msg } from '../errors.ts';
import { nameTitle, setTitle } from './title.ts';
import { bytesEqual, toArrayBuffer, toHex } from '../bytes.ts';
import { formatName } from '../text/name.ts';
import { oidDisplayName } from '../oids.ts';
import { childrenOf, parseAsn1 } from '../cert/asn1-blocks.ts';
import { tbsField, validityDates } from '../cert/read.ts';
import { readTime } from '../cert/time.ts';
import { describeSpki } from '../asn1/key-info.ts';
import { fingerprints, pin } from './digests.ts';
import { isoDate, validityOf } from './validity.ts';
import type { Summary } from './types.ts';

const OID_SAN = '2.5.29.17';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_SKI = '2.5.29.14';
const OID_AKI = '2.5.29.35';
const OID_CRL_NUMBER = '2.5.29.20';
const OID_CN = '2.5.4.3';
const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

function raw(b: asn1js.AsnType): Uint8Array {
  return new Uint8Array(b.valueBeforeDecodeView);
}

function nameText(name: pkijs.RelativeDistinguishedNames, notes: string[], what: string): string | undefined {
  try {
    return formatName(new Uint8Array(name.valueBeforeDecode), 'oneline');
  } catch (e) {
    notes.push(`${what}: ${describeError(e)}`);
    return undefined;
  }
}

function commonName(name: pkijs.RelativeDistinguishedNames): string | undefined {
  const cn = name.typesAndValues.filter((t) => t.type === OID_CN).pop();
  const v = cn?.value?.valueBlock as { value?: unknown } | undefined;
  return typeof v?.value === 'string' ? v.value : undefined;
}

function ipText(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16).toUpperCase());
    return groups.join(':');
  }
  return '<invalid>';
}

function contentOf(b: asn1js.AsnType): Uint8Array {
  const whole = b.valueBeforeDecodeView;
  return whole.subarray(b.idBlock.blockLength + b.lenBlock.blockLength);
}

/**
 * GeneralName as OpenSSL's i2v_GENERAL_NAME prints it in a SAN (read from the DER, so odd bytes stay
 * visible): OpenSSL writes IA5String bytes as they are, so bytes that are not UTF-8 are kept
 * (raw-bytes.ts) and shown as \xC0 by visibleText.
 */
function generalNameText(g: asn1js.AsnType): string {
  const c = contentOf(g);
  switch (g.idBlock.tagClass === 3 ? g.idBlock.tagNumber : -1) {
    case 0:
      return 'othername:<unsupported>';
    case 1:
      return `email:${decodeKeepingBytes(c)}`;
    case 2:
      return `DNS:${decodeKeepingBytes(c)}`;
    case 3:
      return 'X400Name:<unsupported>';
    case 4:
      return `DirName:${formatName(raw(childrenOf(g)[0]!), 'slash')}`;
    case 5:
      return 'EdiPartyName:<unsupported>';
    case 6:
      return `URI:${decodeKeepingBytes(c)}`;
    case 7:
      return `IP Address:${ipText(c)}`;
    case 8: {
      const oid = asn1js.fromBER(toArrayBuffer(new Uint8Array([0x06, c.length, ...c])));
      const text = oid.result instanceof asn1js.ObjectIdentifier ? oid.result.valueBlock.toString() : '<invalid>';
      return `Registered ID:${oidDisplayName(text)}`;
    }
    default:
      return '<unsupported>';
  }
}

function sansOf(extensions: pkijs.Extension[] | undefined, notes: string[]): string[] | undefined {
  try {
    const names = extensionValue(extensions, OID_SAN);
    if (!names) return undefined;
    if (!(names instanceof asn1js.Sequence)) throw new Error('not a SEQUENCE of GeneralName');
    return childrenOf(names).map(generalNameText);
  } catch (e) {
    notes.push(`subject alternative names: ${describeError(e)}`);
    return undefined;
  }
}

function extensionValue(extensions: pkijs.Extension[] | undefined, oid: string): asn1js.AsnType | undefined {
  const ext = extensions?.find((e) => e.extnID === oid);
  return ext ? parseAsn1(ext.extnValue.valueBlock.valueHexView) : undefined;
}

/** As `openssl x509 -serial` prints it: uppercase hex of the magnitude, "-" before a negative one. */
function serialText(twosComplement: Uint8Array): string {
  if (!twosComplement.length) return '00';
  let value = BigInt('0x' + toHex(twosComplement));
  const negative = (twosComplement[0]! & 0x80) !== 0;
  if (negative) value = (1n << BigInt(twosComplement.length * 8)) - value;
  let hex = value.toString(16).toUpperCase();
  if (hex.length % 2) hex = '0' + hex;
  return (negative ? '-' : '') + hex;
}

export async function summarizeCertificate(der: Uint8Array, s: Summary, now: Date): Promise<void> {
  s.fingerprints = await fingerprints(der);
  const root = parseAsn1(der);
  const cert = new pkijs.Certificate({ schema: root });
  s.subject = nameText(cert.subject, s.notes, 'subject');
  s.issuer = nameText(cert.issuer, s.notes, 'issuer');
  const certName = commonName(cert.subject) ?? s.subject;
  if (certName !== undefined) setTitle(s, nameTitle(certName));
  s.serialNumber = serialText(cert.serialNumber.valueBlock.valueHexView);
  const [notBefore, notAfter] = validityDates(root);
  if (notBefore && notAfter) s.validity = validityOf(notBefore, notAfter, now);
  else s.notes.push('validity: a date is not a valid UTCTime or GeneralizedTime');
  s.signatureAlgorithm = oidDisplayName(cert.signatureAlgorithm.algorithmId);
  const spki = raw(tbsField(root, 5));
  s.spkiSha256 = await pin(spki);
  try {
    s.key = describeSpki(spki);
  } catch (e) {
    s.notes.push(`public key: ${describeError(e)}`);
  }
  s.sans = sansOf(cert.extensions, s.notes);
  try {
    const bc = extensionValue(cert.extensions, OID_BASIC_CONSTRAINTS);
    const parsed = bc ? new pkijs.BasicConstraints({ schema: bc }) : undefined;
    s.isCa = parsed?.cA ?? false;
    const len = parsed?.pathLenConstraint;
    if (len !== undefined) s.pathLength = typeof len === 'number' ? len : len.valueBlock.valueDec;
  } catch (e) {
    s.notes.push(`basic constraints: ${describeError(e)}`);
  }
  s.selfSigned = isSelfSigned(cert, s.notes);
}

/** OpenSSL's X509_check_issued(x, x) in outline: same name, and an AKI (if any) naming this key. */
function isSelfSigned(cert: pkijs.Certificate, notes: string[]): boolean {
  const subject = new Uint8Array(cert.subject.valueBeforeDecode);
  const issuer = new Uint8Array(cert.issuer.valueBeforeDecode);
  if (!bytesEqual(subject, issuer)) return false;
  try {
    const akiBlock = extensionValue(cert.extensions, OID_AKI);
    if (!akiBlock) return true;
    const aki = new pkijs.AuthorityKeyIdentifier({ schema: akiBlock });
    const skiBlock = extensionValue(cert.extensions, OID_SKI);
    if (aki.keyIdentifier && skiBlock instanceof asn1js.OctetString) {
      if (!bytesEqual(aki.keyIdentifier.valueBlock.valueHexView, skiBlock.valueBlock.valueHexView)) return false;
    }
    if (aki.authorityCertSerialNumber) {
      if (!bytesEqual(aki.authorityCertSerialNumber.valueBlock.valueHexView, cert.serialNumber.valueBlock.valueHexView)) return false;
    }
    return true;
  } catch (e) {
    notes.push(`authority key identifier: ${describeError(e)}`);
    return true;
  }
}

export async function summarizeCsr(der: Uint8Array, s: Summary): Promise<void> {
  const root = parseAsn1(der);
  const csr = new pkijs.CertificationRequest({ schema: root });
  s.subject = nameText(csr.subject, s.notes, 'subject');
  const csrName = commonName(csr.subject) ?? s.subject;
  if (csrName !== undefined) setTitle(s, nameTitle(csrName));
  s.signatureAlgorithm = oidDisplayName(csr.signatureAlgorithm.algorithmId);
  const info = childrenOf(childrenOf(root)[0]!);
  const spki = raw(info[2]!);
  s.spkiSha256 = await pin(spki);
  try {
    s.key = describeSpki(spki);
  } catch (e) {
    s.notes.push(`public key: ${describeError(e)}`);
  }
  const request = csr.attributes?.find((a) => a.type === OID_EXTENSION_REQUEST);
  if (request?.values[0]) {
    try {
      const exts = new pkijs.Extensions({ schema: request.values[0] });
      s.sans = sansOf(exts.extensions, s.notes);
    } catch (e) {
      s.notes.push(`requested extensions: ${describeError(e)}`);
    }
  }
}

export async function summarizeCrl(der: Uint8Array, s: Summary, now: Date): Promise<void> {
  s.fingerprints = await fingerprints(der);
  const root = parseAsn1(der);
  const crl = new pkijs.CertificateRevocationList({ schema: root });
  s.issuer = nameText(crl.issuer, s.notes, 'issuer');
  const issuer = commonName(crl.issuer) ?? s.issuer;
  setTitle(s, issuer !== undefined ? msg('summary.crlFrom', { issuer }) : msg('summary.crlFromUnnamed'));
  const tbs = childrenOf(childrenOf(root)[0]!);
  const at = tbs[0] instanceof asn1js.Integer ? 3 : 2; // after the optional version, signature and issuer
  const thisUpdate = readTime(tbs[at]);
  const nextUpdate = tbs[at + 1] instanceof asn1js.UTCTime || tbs[at + 1] instanceof asn1js.GeneralizedTime ? readTime(tbs[at + 1]) : undefined;
  if (thisUpdate) s.thisUpdate = isoDate(thisUpdate);
  if (thisUpdate && nextUpdate) {
    s.nextUpdate = isoDate(nextUpdate);
    const v = validityOf(thisUpdate, nextUpdate, now);
    s.validity = { ...v, text: v.text.replace('expires in', 'next update in').replace(/^expired/, 'next update overdue, due') };
  }
  s.revokedCount = crl.revokedCertificates?.length ?? 0;
  s.signatureAlgorithm = oidDisplayName(crl.signatureAlgorithm.algorithmId);
  const number = crl.crlExtensions?.extensions.find((e) => e.extnID === OID_CRL_NUMBER);
  if (number) {
    const n = parseAsn1(number.extnValue.valueBlock.valueHexView);
    if (n instanceof asn1js.Integer) s.crlNumber = BigInt('0x' + (toHex(n.valueBlock.valueHexView) || '0')).toString();
  }
}

