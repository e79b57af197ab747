/**
 * Public key text as OpenSSL 3.0's providers print it (encode_key2text.c): RSA, RSA-PSS, EC
 * (named and explicit curves), DSA, Ed25519/Ed448/X25519/X448, plus the "Unable to load Public
 * Key" outcome `x509 -text` shows for algorithms OpenSSL 3.0 has no decoder for (GOST, ML-DSA…).
 */
import { CertbenchError } from '../errors.ts';
import { oidShortName } from '../oids.ts';
import { asNode, CONTEXT, type DerInput, type DerNode, parseDer } from '../der/node.ts';
import { bitStringBytes, isUniversal, oidValue, placeOf } from '../der/read.ts';
import { decodeAsn1Integer, decodeUnsignedInteger, hexLines, spaces, withSignPad } from './format.ts';
import { pssRestrictionLines, PSS_DIGEST_NAMES } from './key-fields.ts';
import { fieldLines, headedLines, renderLines, type TextLine } from './lines.ts';
import { DH_KEY_AGREEMENT, DH_PUBLIC_NUMBER, dhSpkiLines } from './dh-key.ts';
import { NAMED_CURVES } from '../keymath/ec-curves.generated.ts';
import { loadsAsPoint } from '../keymath/ec-point.ts';

const RSA = '1.2.840.113549.1.1.1';
const RSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';
const EC = '1.2.840.10045.2.1';
const PRIME_FIELD = '1.2.840.10045.1.1';
const DSA = '1.2.840.10040.4.1';
const ECX: Record<string, { label: string; length: number }> = {
  '1.3.101.110': { label: 'X25519', length: 32 },
  '1.3.101.111': { label: 'X448', length: 56 },
  '1.3.101.112': { label: 'ED25519', length: 32 },
  '1.3.101.113': { label: 'ED448', length: 57 },
};

/** The outcome of trying to load an SPKI the way X509_get0_pubkey does. */
type PublicKeyDescription =
  | { loaded: true; lines: TextLine[] }
  | { loaded: false; reason: string };

/**
 * The lines OpenSSL prints for a SubjectPublicKeyInfo's key (EVP_PKEY_print_public), starting with
 * "Public-Key: (2048 bit)" / "ED25519 Public-Key:" etc., each prefixed by `indent` spaces, no newlines.
 * In `x509 -text` it is called with indent 16; `pkey -pubin -text` uses 0.
 * Throws CertbenchError when OpenSSL could not load the key either.
 */
export function printPublicKeyLines(spki: DerInput, indent: number): TextLine[] {
  const node = asNode(spki, 'SubjectPublicKeyInfo');
  const d = describePublicKey(node, indent);
  // Named by the key's place: in a bundle or a cut input, "which key" is the first thing to know.
  if (!d.loaded) throw new CertbenchError('print.publicKeyUnloadable', { reason: d.reason }, placeOf(node));
  return d.lines;
}

/** Exactly what `openssl pkey -pubin -noout -text` prints for an SPKI, ending in a newline. */
export function printPublicKeyText(spkiDer: DerInput): string {
  return renderLines(printPublicKeyLines(spkiDer, 0));
}

/** Exactly what `openssl rsa -RSAPublicKey_in -noout -text` prints for a PKCS#1 RSAPublicKey. */
export function printRsaPublicKeyText(pkcs1Der: DerInput): string {
  return renderLines(printRsaPublicKeyLines(pkcs1Der));
}

/** The same as records. */
export function printRsaPublicKeyLines(pkcs1Der: DerInput): TextLine[] {
  const lines = rsaKeyLines(asNode(pkcs1Der, 'RSAPublicKey'));
  if (!lines) throw new CertbenchError('print.notPkcs1PublicKey');
  return lines;
}

/** Describes the key of an already parsed SubjectPublicKeyInfo block. */
export function describePublicKey(spki: DerNode, indent: number): PublicKeyDescription {
  const [algId, bits] = spki.children;
  if (!algId || !bits || !isUniversal(bits, 3)) return { loaded: false, reason: 'malformed SubjectPublicKeyInfo' };
  const [algOid, params] = algId.children;
  if (!algOid || !isUniversal(algOid, 6)) return { loaded: false, reason: 'malformed algorithm identifier' };
  const oid = oidValue(algOid);
  const key = bitStringBytes(bits).bytes;
  let lines: TextLine[] | undefined;
  let reason = 'the key does not decode';
  if (oid === RSA || oid === RSA_PSS) {
    const body = rsaKeyLines(safeParse(key));
    if (body && oid === RSA_PSS) {
      const restrictions = params ? pssRestrictionsOf(params) : ['No PSS parameter restrictions'];
      lines = restrictions ? [...body, ...fieldLines('key.rsaPss.restrictions', restrictions)] : undefined;
      if (!restrictions) reason = 'invalid RSA-PSS parameters';
    } else lines = body;
  } else if (oid === EC) {
    lines = ecKeyLines(params, key);
  } else if (oid === DSA) {
    lines = dsaKeyLines(params, safeParse(key));
  } else if (oid === DH_KEY_AGREEMENT || oid === DH_PUBLIC_NUMBER) {
    const dh = dhSpkiLines(oid, params?.der, key);
    lines = dh && headedLines('key.publicHeader', dh);
  } else if (ECX[oid]) {
    const { label, length } = ECX[oid]!;
    if (key.length === length && !params) lines = [{ text: `${label} Public-Key:`, field: 'key.publicHeader' }, ...fieldLines('key.ecx.pub', labeledBufferLines('pub:', key))];
  } else {
    reason = `no decoder for algorithm ${oid}`;
  }
  if (!lines) return { loaded: false, reason };
  const pad = spaces(indent);
  return { loaded: true, lines: pad ? lines.map((l) => ({ ...l, text: pad + l.text })) : lines };
}

function safeParse(bytes: Uint8Array): DerNode | undefined {
  try {
    return parseDer(bytes, 'public key');
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Labelled numbers and buffers (print_labeled_bignum / print_labeled_buf), relative to column 0.

/**
 * print_labeled_bignum for an INTEGER's content octets: `label 0`, `label 65537 (0x10001)` up to
 * 8 magnitude bytes, otherwise the label and the magnitude in colon hex 4 columns in, with a
 * leading 00 when the top bit is set.
 */
export function labeledBignumLines(label: string, integerContent: Uint8Array, unsigned = false): string[] {
  const int = unsigned ? decodeUnsignedInteger(integerContent) : decodeAsn1Integer(integerContent);
  if (!int.magnitude.length) return [`${label} 0`];
  const neg = int.negative ? '-' : '';
  if (int.magnitude.length <= 8) {
    const m = int.negative ? -int.value : int.value;
    return [`${label} ${neg}${m.toString()} (${neg}0x${m.toString(16)})`];
  }
  return [`${label}${int.negative ? ' (Negative)' : ''}`, ...hexLines(withSignPad(int.magnitude), 4, 15)];
}

/** print_labeled_buf: the label, then the bytes in colon hex 4 columns in, 15 a line. */
export function labeledBufferLines(label: string, bytes: Uint8Array): string[] {
  return bytes.length ? [label, ...hexLines(bytes, 4, 15)] : [label, ''];
}

function bitLength(integerContent: Uint8Array, unsigned = false): number {
  const m = (unsigned ? decodeUnsignedInteger(integerContent) : decodeAsn1Integer(integerContent)).magnitude;
  if (m.length === 0) return 0;
  return (m.length - 1) * 8 + (32 - Math.clz32(m[0]!));
}

function integers(seq: DerNode | undefined, count: number): Uint8Array[] | undefined {
  if (!seq || !isUniversal(seq, 16)) return undefined;
  const parts = seq.children;
  if (parts.length !== count || !parts.every((p) => isUniversal(p, 2))) return undefined;
  return parts.map((p) => p.content);
}

// ---------------------------------------------------------------------------------------------
// RSA and RSA-PSS

function rsaKeyLines(key: DerNode | undefined): TextLine[] | undefined {
  const ints = integers(key, 2);
  if (!ints) return undefined;
  const [n, e] = ints as [Uint8Array, Uint8Array];
  return [
    { text: `Public-Key: (${bitLength(n, true)} bit)`, field: 'key.publicHeader' },
    ...fieldLines('key.rsa.modulus', labeledBignumLines('Modulus:', n, true)),
    ...fieldLines('key.rsa.publicExponent', labeledBignumLines('Exponent:', e, true)),
  ];
}

const SHA1 = '1.3.14.3.2.26';

/** "PSS parameter restrictions:" block of rsa_to_text, or undefined when the parameters are invalid. */
function pssRestrictionsOf(params: DerNode): string[] | undefined {
  // Absent parameters mean no restrictions; anything but a SEQUENCE, NULL included, is refused
  // (rsa_param_decode: RSA_R_INVALID_PSS_PARAMETERS), so x509 -text says "Unable to load Public Key".
  if (!isUniversal(params, 16)) return undefined;
  let hash = SHA1;
  let mgfHash = SHA1;
  let salt = 20n;
  let trailer = 1n;
  let lastTag = -1;
  const fields = params.children;
  if (fields.length === 0) return ['No PSS parameter restrictions'];
  for (const f of fields) {
    const tag = f.tag;
    const inner = f.children;
    if (f.cls !== CONTEXT || tag <= lastTag || tag > 3 || inner.length !== 1) return undefined;
    lastTag = tag;
    const v = inner[0]!;
    if (tag === 0 || tag === 1) {
      const alg = v.children;
      if (!isUniversal(v, 16) || !alg[0] || !isUniversal(alg[0], 6)) return undefined;
      if (tag === 0) hash = oidValue(alg[0]);
      else {
        if (oidValue(alg[0]) !== MGF1 || !alg[1]) return undefined;
        const h = alg[1].children[0];
        if (!h || !isUniversal(h, 6)) return undefined;
        mgfHash = oidValue(h);
      }
    } else {
      if (!isUniversal(v, 2)) return undefined;
      const value = decodeAsn1Integer(v.content).value;
      if (tag === 2) salt = value;
      else trailer = value;
    }
  }
  const hashName = PSS_DIGEST_NAMES[hash];
  const mgfHashName = PSS_DIGEST_NAMES[mgfHash];
  if (!hashName || !mgfHashName) return undefined;
  return pssRestrictionLines(hashName, mgfHashName, salt, trailer);
}

// ---------------------------------------------------------------------------------------------
// EC

/** Order size in bits of OpenSSL's built-in curves, by OpenSSL short name (EC_GROUP_order_bits). */
const CURVE_ORDER_BITS: Record<string, number> = {
  secp112r1: 112, secp112r2: 110, secp128r1: 128, secp128r2: 126, secp160k1: 161, secp160r1: 161,
  secp160r2: 161, secp192k1: 192, secp224k1: 225, secp224r1: 224, secp256k1: 256, secp384r1: 384,
  secp521r1: 521, prime192v1: 192, prime192v2: 192, prime192v3: 192, prime239v1: 239, prime239v2: 239,
  prime239v3: 239, prime256v1: 256, sect113r1: 113, sect113r2: 113, sect131r1: 131, sect131r2: 131,
  sect163k1: 163, sect163r1: 162, sect163r2: 163, sect193r1: 193, sect193r2: 193, sect233k1: 232,
  sect233r1: 233, sect239k1: 238, sect283k1: 281, sect283r1: 282, sect409k1: 407, sect409r1: 409,
  sect571k1: 570, sect571r1: 570, c2pnb163v1: 163, c2pnb163v2: 162, c2pnb163v3: 162, c2pnb176v1: 161,
  c2tnb191v1: 191, c2tnb191v2: 190, c2tnb191v3: 189, c2pnb208w1: 193, c2tnb239v1: 238, c2tnb239v2: 237,
  c2tnb239v3: 236, c2pnb272w1: 257, c2pnb304w1: 289, c2tnb359v1: 353, c2pnb368w1: 353, c2tnb431r1: 418,
  'wap-wsg-idm-ecid-wtls1': 112, 'wap-wsg-idm-ecid-wtls3': 163, 'wap-wsg-idm-ecid-wtls4': 113,
  'wap-wsg-idm-ecid-wtls5': 163, 'wap-wsg-idm-ecid-wtls6': 112, 'wap-wsg-idm-ecid-wtls7': 161,
  'wap-wsg-idm-ecid-wtls8': 113, 'wap-wsg-idm-ecid-wtls9': 161, 'wap-wsg-idm-ecid-wtls10': 232,
  'wap-wsg-idm-ecid-wtls11': 233, 'wap-wsg-idm-ecid-wtls12': 224, brainpoolP160r1: 160,
  brainpoolP160t1: 160, brainpoolP192r1: 192, brainpoolP192t1: 192, brainpoolP224r1: 224,
  brainpoolP224t1: 224, brainpoolP256r1: 256, brainpoolP256t1: 256, brainpoolP320r1: 320,
  brainpoolP320t1: 320, brainpoolP384r1: 384, brainpoolP384t1: 384, brainpoolP512r1: 512,
  brainpoolP512t1: 512, SM2: 256,
};

/** EC_curve_nid2nist. */
const NIST_CURVE_NAMES: Record<string, string> = {
  secp224r1: 'P-224', secp384r1: 'P-384', secp521r1: 'P-521', prime192v1: 'P-192', prime256v1: 'P-256',
  sect163k1: 'K-163', sect163r2: 'B-163', sect233k1: 'K-233', sect233r1: 'B-233', sect283k1: 'K-283',
  sect283r1: 'B-283', sect409k1: 'K-409', sect409r1: 'B-409', sect571k1: 'K-571', sect571r1: 'B-571',
};

/** Length of an encoded point for a field of `fieldBytes` bytes, per its leading form octet. */
function pointLengthOk(point: Uint8Array, fieldBytes: number): boolean {
  const form = point[0]! & ~1;
  if (form === 0x02) return point.length === fieldBytes + 1;
  if (form === 0x04 || form === 0x06) return point.length === 2 * fieldBytes + 1;
  return false;
}

function ecKeyLines(params: DerNode | undefined, point: Uint8Array): TextLine[] | undefined {
  if (!params || point.length === 0) return undefined;
  if (isUniversal(params, 6)) {
    const oid = oidValue(params);
    const name = oidShortName(oid);
    const bits = name ? CURVE_ORDER_BITS[name] : undefined;
    if (!name || bits === undefined) return undefined;
    // OpenSSL does not load a point that is not on the curve: "Unable to load Public Key".
    const prime = NAMED_CURVES[oid]?.prime;
    if (prime && !loadsAsPoint(prime, point)) return undefined;
    const nist = NIST_CURVE_NAMES[name];
    return [
      { text: `Public-Key: (${bits} bit)`, field: 'key.publicHeader' },
      ...fieldLines('key.ec.pub', labeledBufferLines('pub:', point)),
      { text: `ASN1 OID: ${name}`, field: 'key.ec.curve' },
      ...(nist ? [{ text: `NIST CURVE: ${nist}`, field: 'key.ec.nistCurve' }] : []),
    ];
  }
  return explicitCurveLines(params, point);
}

/** ECParameters { version, fieldID, curve, base, order, cofactor OPTIONAL } (prime fields). */
function explicitCurveLines(params: DerNode, point: Uint8Array): TextLine[] | undefined {
  if (!isUniversal(params, 16)) return undefined;
  const [version, fieldId, curve, base, order, cofactor] = params.children;
  if (!version || !fieldId || !curve || !base || !order || !isUniversal(order, 2) || !isUniversal(base, 4)) return undefined;
  const [fieldType, prime] = fieldId.children;
  if (!fieldType || !isUniversal(fieldType, 6) || oidValue(fieldType) !== PRIME_FIELD || !prime || !isUniversal(prime, 2)) {
    return undefined;
  }
  const [a, b, seed] = curve.children;
  if (!a || !b || !isUniversal(a, 4) || !isUniversal(b, 4)) return undefined;
  const p = prime.content;
  const fieldBytes = (bitLength(p) + 7) >> 3;
  const generator = base.content;
  if (!pointLengthOk(point, fieldBytes) || !pointLengthOk(generator, fieldBytes)) return undefined;
  const form = generator[0]! & ~1;
  const genLabel = form === 0x02 ? 'Generator (compressed):' : form === 0x04 ? 'Generator (uncompressed):' : 'Generator (hybrid):';
  const orderBytes = order.content;
  // The curve coefficients are OCTET STRINGs; OpenSSL prints them as (unsigned) numbers.
  const head: TextLine[] = [
    { text: `Public-Key: (${bitLength(orderBytes)} bit)`, field: 'key.publicHeader' },
    ...fieldLines('key.ec.pub', labeledBufferLines('pub:', point)),
  ];
  const lines = [
    'Field Type: prime-field',
    ...labeledBignumLines('Prime:', p),
    ...labeledBignumLines('A:   ', a.content, true),
    ...labeledBignumLines('B:   ', b.content, true),
    ...labeledBufferLines(genLabel, generator),
    ...labeledBignumLines('Order: ', orderBytes),
  ];
  if (cofactor && isUniversal(cofactor, 2)) lines.push(...labeledBignumLines('Cofactor: ', cofactor.content));
  if (seed && isUniversal(seed, 3)) lines.push(...labeledBufferLines('Seed:', bitStringBytes(seed).bytes));
  return [...head, ...fieldLines('key.ec.explicitParams', lines)];
}

// ---------------------------------------------------------------------------------------------
// DSA

function dsaKeyLines(params: DerNode | undefined, key: DerNode | undefined): TextLine[] | undefined {
  const pqg = integers(params, 3);
  if (!pqg || !key || !isUniversal(key, 2)) return undefined;
  const [p, q, g] = pqg as [Uint8Array, Uint8Array, Uint8Array];
  return [
    { text: `Public-Key: (${bitLength(p, true)} bit)`, field: 'key.publicHeader' },
    ...fieldLines('key.dsa.pub', labeledBignumLines('pub: ', key.content)),
    ...fieldLines('key.dsa.params', [...labeledBignumLines('P:   ', p, true), ...labeledBignumLines('Q:   ', q, true), ...labeledBignumLines('G:   ', g, true)]),
  ];
}
