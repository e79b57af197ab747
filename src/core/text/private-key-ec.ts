/**
 * `pkey -text` for EC private keys (SEC1 ECPrivateKey, on its own or inside PKCS#8): the private
 * scalar padded to the order's size, the public point (recomputed when the file omits it, as OpenSSL
 * does), then either the curve's name or its explicit parameters.
 */
import { fieldLines, type TextLine } from './lines.ts';
import { CertbenchError } from '../errors.ts';
import { NAMED_CURVES } from '../keymath/ec-curves.generated.ts';
import { multiplyGenerator, type PrimeCurve } from '../keymath/weierstrass.ts';
import { modSqrt } from '../keymath/modular.ts';
import { type DerNode } from '../der/node.ts';
import { bigIntBytes, bitStringBytes, child, expectUniversal, integerValue, isContext, isUniversal, oidValue, placeOf, unsignedBigInt } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { labeledBignumLines, labeledBufferLines } from './key-fields.ts';

const PRIME_FIELD = '1.2.840.10045.1.1';
const CHARACTERISTIC_TWO_FIELD = '1.2.840.10045.1.2';

/** EC_curve_nid2nist: the NIST names OpenSSL adds as "NIST CURVE:". */
const NIST_NAMES: Record<string, string> = {
  sect163r2: 'B-163',
  sect233r1: 'B-233',
  sect283r1: 'B-283',
  sect409r1: 'B-409',
  sect571r1: 'B-571',
  sect163k1: 'K-163',
  sect233k1: 'K-233',
  sect283k1: 'K-283',
  sect409k1: 'K-409',
  sect571k1: 'K-571',
  prime192v1: 'P-192',
  secp224r1: 'P-224',
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

/** Short names of the characteristic-two basis OIDs. */
const BASIS_NAMES: Record<string, string> = {
  '1.2.840.10045.1.2.3.1': 'onBasis',
  '1.2.840.10045.1.2.3.2': 'tpBasis',
  '1.2.840.10045.1.2.3.3': 'ppBasis',
};

interface Curve {
  orderBits: number;
  /** For computing a missing public point; absent for binary fields. */
  prime?: PrimeCurve;
  /** The lines after the key material: "ASN1 OID: …" or the explicit parameters. */
  paramLines: TextLine[];
}

function namedCurve(oid: string, node: DerNode): Curve {
  const known = NAMED_CURVES[oid];
  if (!known) throw new CertbenchError('print.ecUnknownCurve', { oid }, placeOf(node));
  const h = (s: string): bigint => BigInt('0x' + s);
  const prime = known.prime
    ? { p: h(known.prime.p), a: h(known.prime.a), b: h(known.prime.b), gx: h(known.prime.gx), gy: h(known.prime.gy), n: h(known.prime.n), h: h(known.prime.h) }
    : undefined;
  const nist = NIST_NAMES[known.name];
  const paramLines: TextLine[] = [{ text: `ASN1 OID: ${known.name}`, field: 'key.ec.curve' }, ...(nist ? [{ text: `NIST CURVE: ${nist}`, field: 'key.ec.nistCurve' }] : [])];
  return { orderBits: known.orderBits, prime, paramLines };
}

const bitLength = (v: bigint): number => (v === 0n ? 0 : v.toString(2).length);

/** ECParameters (X9.62 explicit curve). */
function explicitCurve(params: DerNode): Curve {
  const fieldId = expectUniversal(child(params, 1, 'EC fieldID'), TAG.SEQUENCE, 'EC fieldID');
  const fieldType = oidValue(child(fieldId, 0, 'EC field type'), 'EC field type');
  const curveNode = expectUniversal(child(params, 2, 'EC curve'), TAG.SEQUENCE, 'EC curve');
  const octets = (n: DerNode, what: string): bigint => unsignedBigInt(expectUniversal(n, TAG.OCTET_STRING, what).content);
  let a = octets(child(curveNode, 0, 'EC curve a'), 'EC curve a');
  let b = octets(child(curveNode, 1, 'EC curve b'), 'EC curve b');
  const seedNode = curveNode.children[2];
  const base = expectUniversal(child(params, 3, 'EC base point'), TAG.OCTET_STRING, 'EC base point').content;
  const order = integerValue(child(params, 4, 'EC order'), 'EC order');
  const cofactorNode = params.children[5];
  const cofactor = (fieldOrder: bigint): bigint => (cofactorNode ? integerValue(cofactorNode, 'EC cofactor') : guessCofactor(fieldOrder, order));

  const lines: string[] = [];
  let fieldOrder: bigint;
  let prime: PrimeCurve | undefined;
  if (fieldType === PRIME_FIELD) {
    const p = integerValue(child(fieldId, 1, 'EC prime'), 'EC prime');
    a %= p;
    b %= p;
    fieldOrder = p;
    lines.push('Field Type: prime-field');
    lines.push(...labeledBignumLines('Prime:', p));
    const g = uncompressedPoint(base, { p, a, b });
    const size = (g.length - 1) / 2;
    prime = { p, a, b, gx: unsignedBigInt(g.subarray(1, 1 + size)), gy: unsignedBigInt(g.subarray(1 + size)), n: order, h: cofactor(p) };
  } else if (fieldType === CHARACTERISTIC_TWO_FIELD) {
    const char2 = expectUniversal(child(fieldId, 1, 'EC characteristic-two parameters'), TAG.SEQUENCE, 'EC characteristic-two parameters');
    const m = integerValue(child(char2, 0, 'EC field degree'), 'EC field degree');
    const basis = oidValue(child(char2, 1, 'EC basis'), 'EC basis');
    const basisName = BASIS_NAMES[basis];
    if (!basisName || basisName === 'onBasis') throw new CertbenchError('print.ecBasisUnsupported', { basis });
    const basisParams = child(char2, 2, 'EC basis parameters');
    let polynomial = (1n << m) | 1n;
    if (basisName === 'tpBasis') polynomial |= 1n << integerValue(basisParams, 'EC trinomial');
    else for (const k of basisParams.children) polynomial |= 1n << integerValue(k, 'EC pentanomial');
    fieldOrder = 1n << m;
    lines.push('Field Type: characteristic-two-field');
    lines.push(`Basis Type: ${basisName}`);
    lines.push(...labeledBignumLines('Polynomial:', polynomial));
  } else {
    throw new CertbenchError('print.ecFieldUnsupported', { fieldType });
  }
  lines.push(...labeledBignumLines('A:   ', a), ...labeledBignumLines('B:   ', b));
  // OpenSSL 3.0 prints the generator uncompressed whatever form the parameters used.
  const generator = uncompressedPoint(base, prime ? { p: fieldOrder, a, b } : undefined);
  lines.push(...labeledBufferLines('Generator (uncompressed):', generator));
  lines.push(...labeledBignumLines('Order: ', order));
  lines.push(...labeledBignumLines('Cofactor: ', cofactor(fieldOrder)));
  if (isUniversal(seedNode, TAG.BIT_STRING)) lines.push(...labeledBufferLines('Seed:', bitStringBytes(seedNode).bytes));
  return { orderBits: bitLength(order), prime, paramLines: fieldLines('key.ec.explicitParams', lines) };
}

/** A SEC1 point as 04 || X || Y; compressed points need the prime-field equation to recover Y. */
function uncompressedPoint(point: Uint8Array, field: { p: bigint; a: bigint; b: bigint } | undefined): Uint8Array {
  const form = point[0]! & ~1;
  if (form === 4 || form === 6) {
    if (point.length % 2 !== 1) throw new CertbenchError('print.ecBasePointLength');
    return new Uint8Array([4, ...point.subarray(1)]);
  }
  if (form !== 2) throw new CertbenchError('print.ecBasePointEncoding');
  if (!field) throw new CertbenchError('print.ecBinaryDecompress');
  const { p, a, b } = field;
  const x = unsignedBigInt(point.subarray(1));
  let y = modSqrt(x * x * x + a * x + b, p);
  if (y === undefined) throw new CertbenchError('print.ecBasePointOffCurve');
  if ((y & 1n) !== BigInt(point[0]! & 1)) y = p - y;
  const size = point.length - 1;
  return new Uint8Array([4, ...bigIntBytes(x, size), ...bigIntBytes(y, size)]);
}

/** OpenSSL's estimate when the parameters omit the cofactor: round((q + 1) / n), or 0 if n is too small. */
function guessCofactor(fieldOrder: bigint, order: bigint): bigint {
  if (bitLength(order) <= Math.floor((bitLength(fieldOrder) + 1) / 2) + 3) return 0n;
  return (fieldOrder + 1n + order / 2n) / order;
}

/** The curve named or described by an ECPKParameters value (OID, explicit SEQUENCE, or NULL). */
export function curveFromParameters(params: DerNode | undefined): Curve {
  if (isUniversal(params, TAG.OID)) return namedCurve(oidValue(params, 'EC curve name'), params);
  if (isUniversal(params, TAG.SEQUENCE)) return explicitCurve(params);
  throw new CertbenchError('print.ecImplicitCa', undefined, params && placeOf(params));
}

/**
 * The text for an ECPrivateKey. `outerParams` are the PKCS#8 AlgorithmIdentifier parameters; the
 * key's own [0] parameters take precedence, as in OpenSSL's d2i_ECPrivateKey.
 */
export function ecPrivateKeyLines(ecPrivateKey: DerNode, outerParams: DerNode | undefined): TextLine[] {
  expectUniversal(ecPrivateKey, TAG.SEQUENCE, 'ECPrivateKey');
  const version = integerValue(child(ecPrivateKey, 0, 'ECPrivateKey version'), 'ECPrivateKey version');
  if (version !== 1n) throw new CertbenchError('print.ecVersion', { version });
  const privateOctets = expectUniversal(child(ecPrivateKey, 1, 'EC private key'), TAG.OCTET_STRING, 'EC private key').content;
  const rest = ecPrivateKey.children.slice(2);
  const ownParams = rest.find((n) => isContext(n, 0))?.children[0];
  const publicKeyNode = rest.find((n) => isContext(n, 1))?.children[0];
  const curve = curveFromParameters(ownParams ?? outerParams);

  const priv = unsignedBigInt(privateOctets);
  const privLength = Math.ceil(curve.orderBits / 8);
  if (bigIntBytes(priv).length > privLength) throw new CertbenchError('print.ecPrivateTooLarge');
  let pub: Uint8Array;
  if (publicKeyNode) {
    pub = bitStringBytes(expectUniversal(publicKeyNode, TAG.BIT_STRING, 'EC public key')).bytes;
  } else if (curve.prime) {
    pub = multiplyGenerator(curve.prime, priv);
  } else {
    throw new CertbenchError('print.ecBinaryNoPublic');
  }
  return [
    { text: `Private-Key: (${curve.orderBits} bit)`, field: 'key.privateHeader' },
    ...fieldLines('key.ec.priv', labeledBufferLines('priv:', bigIntBytes(priv, privLength))),
    ...fieldLines('key.ec.pub', labeledBufferLines('pub:', pub)),
    ...curve.paramLines,
  ];
}
