/**
 * The facts a person looks for first, for each object Inspect shows: who it names, who issued it,
 * for which names, until when, with what key, and its fingerprints and SPKI pin. Plain data (it
 * crosses the Worker boundary). Fingerprints are `openssl x509 -fingerprint -sha256` style
 * (uppercase colon hex) of the DER as given; the pin is base64(SHA-256(SubjectPublicKeyInfo DER)),
 * the HPKP / `openssl pkey -pubout -outform der | openssl dgst -sha256 -binary | base64` value.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { FoundObject, ObjectKind } from './types.ts';
import { describeError } from './errors.ts';
import { bytesEqual, toArrayBuffer, toBase64, toHex } from './bytes.ts';
import { formatName } from './text/name.ts';
import { visibleText } from './text/visible.ts';
import { oidDisplayName } from './oids.ts';
import { childrenOf, parseAsn1 } from './cert/asn1-blocks.ts';
import { tbsField, validityDates } from './cert/read.ts';
import { readTime } from './cert/time.ts';
import { describePrivateKey, describeSpki, spkiOfPrivateKey, type KeyInfo } from './asn1/key-info.ts';

export type { KeyInfo };

export type ValidityState = 'valid' | 'expiring-soon' | 'expired' | 'not-yet-valid';

export interface Validity {
  /** ISO 8601, UTC. */
  notBefore: string;
  notAfter: string;
  state: ValidityState;
  /** Whole days to expiry (valid), since expiry (expired) or to the start (not yet valid). */
  days: number;
  /** "expires in 12 days", "expired 3 days ago", "not yet valid (starts in 2 days)". */
  text: string;
}

export interface Fingerprints {
  sha256: string;
  sha1: string;
}

export interface Summary {
  kind: ObjectKind;
  /** A short title for the card: the subject's CN, else the subject, else the kind. */
  title: string;
  subject?: string;
  issuer?: string;
  /** Uppercase hex, as `openssl x509 -serial` prints it. */
  serialNumber?: string;
  /** As OpenSSL prints them: "DNS:example.com", "IP Address:192.0.2.1", "email:a@b" (hidden characters escaped, as in every name here). */
  sans?: string[];
  validity?: Validity;
  key?: KeyInfo;
  signatureAlgorithm?: string;
  /** basicConstraints cA (certificates). */
  isCa?: boolean;
  pathLength?: number;
  /** Subject equals issuer and the authority key identifier, if any, names this certificate's own key. */
  selfSigned?: boolean;
  fingerprints?: Fingerprints;
  /** base64(SHA-256(SubjectPublicKeyInfo DER)). */
  spkiSha256?: string;
  /** CRLs. */
  thisUpdate?: string;
  nextUpdate?: string;
  revokedCount?: number;
  crlNumber?: string;
  /** PKCS#7 bundles. */
  certificateCount?: number;
  /** Encrypted private keys: the summary is partial until the passphrase is given. */
  encrypted?: boolean;
  /** What could not be read, in words; the rest of the summary still stands. */
  notes: string[];
}

const DAY_MS = 86_400_000;
const EXPIRING_SOON_DAYS = 30;

const OID_SAN = '2.5.29.17';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_SKI = '2.5.29.14';
const OID_AKI = '2.5.29.35';
const OID_CRL_NUMBER = '2.5.29.20';
const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const OID_CN = '2.5.4.3';

/** Never throws: what cannot be read becomes a note. */
export async function summarize(obj: FoundObject, now: Date = new Date()): Promise<Summary> {
  const s: Summary = { kind: obj.kind, title: KIND_TITLES[obj.kind], notes: [] };
  try {
    switch (obj.kind) {
      case 'certificate':
        await summarizeCertificate(obj.der, s, now);
        break;
      case 'csr':
        await summarizeCsr(obj.der, s);
        break;
      case 'crl':
        await summarizeCrl(obj.der, s, now);
        break;
      case 'public-key':
        s.key = describeSpki(obj.der);
        s.spkiSha256 = await pin(obj.der);
        s.title = `${s.key.description} public key`;
        break;
      case 'rsa-public-key':
        await summarizeRsaPublicKey(obj.der, s);
        break;
      case 'private-key':
      case 'rsa-private-key':
      case 'ec-private-key': {
        const encoding = obj.kind === 'private-key' ? 'pkcs8' : obj.kind === 'rsa-private-key' ? 'pkcs1-rsa' : 'sec1-ec';
        s.key = describePrivateKey(obj.der, encoding);
        s.title = `${s.key.description} private key`;
        const spki = await spkiOfPrivateKey(obj.der, encoding);
        if (spki) s.spkiSha256 = await pin(spki);
        break;
      }
      case 'dsa-private-key':
        summarizeDsaPrivateKey(obj.der, s);
        break;
      case 'encrypted-private-key':
      case 'legacy-encrypted-key':
      case 'pkcs12':
        s.encrypted = true;
        break;
      case 'pkcs7':
        summarizePkcs7(obj.der, s);
        break;
      case 'unknown-der':
        break;
    }
  } catch (e) {
    s.notes.push(`could not read every field: ${describeError(e)}`);
  }
  return withVisibleNames(s);
}

/** Names are shown outside the OpenSSL text: invisible and bidi characters become escapes (text/visible.ts). */
function withVisibleNames(s: Summary): Summary {
  s.title = visibleText(s.title);
  if (s.subject !== undefined) s.subject = visibleText(s.subject);
  if (s.issuer !== undefined) s.issuer = visibleText(s.issuer);
  if (s.sans) s.sans = s.sans.map(visibleText);
  s.notes = s.notes.map(visibleText);
  return s;
}

const KIND_TITLES: Record<ObjectKind, string> = {
  certificate: 'Certificate',
  csr: 'Certificate signing request',
  crl: 'Certificate revocation list',
  'private-key': 'Private key',
  'rsa-private-key': 'RSA private key',
  'ec-private-key': 'EC private key',
  'dsa-private-key': 'DSA private key',
  'encrypted-private-key': 'Encrypted private key',
  'legacy-encrypted-key': 'Encrypted private key (legacy PEM)',
  'public-key': 'Public key',
  'rsa-public-key': 'RSA public key',
  pkcs7: 'PKCS#7 certificate bundle',
  pkcs12: 'PKCS#12 file',
  'unknown-der': 'ASN.1 data',
};

// ---------------------------------------------------------------------------------------------

async function digest(alg: 'SHA-256' | 'SHA-1', bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest(alg, toArrayBuffer(bytes)));
}

/** `AB:CD:…`, the way `openssl x509 -fingerprint` prints a digest. */
function fingerprintHex(bytes: Uint8Array): string {
  return toHex(bytes, ':').toUpperCase();
}

async function fingerprints(der: Uint8Array): Promise<Fingerprints> {
  return { sha256: fingerprintHex(await digest('SHA-256', der)), sha1: fingerprintHex(await digest('SHA-1', der)) };
}

async function pin(spkiDer: Uint8Array): Promise<string> {
  return toBase64(await digest('SHA-256', spkiDer));
}

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

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'invalid date' : d.toISOString().replace(/\.000Z$/, 'Z');
}

export function validityOf(notBefore: Date, notAfter: Date, now: Date): Validity {
  const base = { notBefore: isoDate(notBefore), notAfter: isoDate(notAfter) };
  const days = (ms: number) => Math.floor(ms / DAY_MS);
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (now < notBefore) {
    const d = days(notBefore.getTime() - now.getTime());
    return { ...base, state: 'not-yet-valid', days: d, text: `not yet valid (starts in ${plural(d)})` };
  }
  if (now > notAfter) {
    const d = days(now.getTime() - notAfter.getTime());
    return { ...base, state: 'expired', days: d, text: d === 0 ? 'expired today' : `expired ${plural(d)} ago` };
  }
  const d = days(notAfter.getTime() - now.getTime());
  return {
    ...base,
    state: d <= EXPIRING_SOON_DAYS ? 'expiring-soon' : 'valid',
    days: d,
    text: d === 0 ? 'expires today' : `expires in ${plural(d)}`,
  };
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

/** OpenSSL writes IA5String bytes as they are; shown as UTF-8, like a terminal would. */
const utf8 = new TextDecoder('utf-8');

function contentOf(b: asn1js.AsnType): Uint8Array {
  const whole = b.valueBeforeDecodeView;
  return whole.subarray(b.idBlock.blockLength + b.lenBlock.blockLength);
}

/** GeneralName as OpenSSL's i2v_GENERAL_NAME prints it in a SAN (read from the DER, so odd bytes stay visible). */
function generalNameText(g: asn1js.AsnType): string {
  const c = contentOf(g);
  switch (g.idBlock.tagClass === 3 ? g.idBlock.tagNumber : -1) {
    case 0:
      return 'othername:<unsupported>';
    case 1:
      return `email:${utf8.decode(c)}`;
    case 2:
      return `DNS:${utf8.decode(c)}`;
    case 3:
      return 'X400Name:<unsupported>';
    case 4:
      return `DirName:${formatName(raw(childrenOf(g)[0]!), 'slash')}`;
    case 5:
      return 'EdiPartyName:<unsupported>';
    case 6:
      return `URI:${utf8.decode(c)}`;
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

async function summarizeCertificate(der: Uint8Array, s: Summary, now: Date): Promise<void> {
  s.fingerprints = await fingerprints(der);
  const root = parseAsn1(der);
  const cert = new pkijs.Certificate({ schema: root });
  s.subject = nameText(cert.subject, s.notes, 'subject');
  s.issuer = nameText(cert.issuer, s.notes, 'issuer');
  s.title = commonName(cert.subject) ?? s.subject ?? s.title;
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

async function summarizeCsr(der: Uint8Array, s: Summary): Promise<void> {
  const root = parseAsn1(der);
  const csr = new pkijs.CertificationRequest({ schema: root });
  s.subject = nameText(csr.subject, s.notes, 'subject');
  s.title = commonName(csr.subject) ?? s.subject ?? s.title;
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

async function summarizeCrl(der: Uint8Array, s: Summary, now: Date): Promise<void> {
  s.fingerprints = await fingerprints(der);
  const root = parseAsn1(der);
  const crl = new pkijs.CertificateRevocationList({ schema: root });
  s.issuer = nameText(crl.issuer, s.notes, 'issuer');
  s.title = `CRL from ${commonName(crl.issuer) ?? s.issuer ?? 'an unnamed issuer'}`;
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

async function summarizeRsaPublicKey(der: Uint8Array, s: Summary): Promise<void> {
  const spki = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.1.1' }), new asn1js.Null()] }),
      new asn1js.BitString({ valueHex: toArrayBuffer(der) }),
    ],
  });
  const spkiDer = new Uint8Array(spki.toBER());
  s.key = describeSpki(spkiDer);
  s.spkiSha256 = await pin(spkiDer);
  s.title = `${s.key.description} public key`;
}

/** OpenSSL's traditional DSA private key: SEQUENCE { version, p, q, g, pub, priv }. */
function summarizeDsaPrivateKey(der: Uint8Array, s: Summary): void {
  const p = childrenOf(parseAsn1(der))[1];
  if (p instanceof asn1js.Integer) {
    const hex = toHex(p.valueBlock.valueHexView).replace(/^0+/, '');
    const bits = hex ? (hex.length - 1) * 4 + parseInt(hex[0]!, 16).toString(2).length : 0;
    s.key = { algorithm: 'DSA', bits, description: `DSA ${bits} bit` };
    s.title = `${s.key.description} private key`;
  }
}

function summarizePkcs7(der: Uint8Array, s: Summary): void {
  const content = new pkijs.ContentInfo({ schema: parseAsn1(der) });
  const signed = new pkijs.SignedData({ schema: content.content });
  s.certificateCount = signed.certificates?.length ?? 0;
  s.title = `PKCS#7 bundle of ${s.certificateCount} certificate${s.certificateCount === 1 ? '' : 's'}`;
}
