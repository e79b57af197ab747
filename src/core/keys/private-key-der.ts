/**
 * The three private key containers OpenSSL writes — PKCS#8 PrivateKeyInfo, PKCS#1 RSAPrivateKey,
 * SEC1 ECPrivateKey — and the conversions between them. WebCrypto speaks PKCS#8 only.
 */
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError, msg, type CoreMessage, type Where } from '../errors.ts';
import { oidDisplayName } from '../oids.ts';
import { CURVE_BYTES, CURVE_OIDS, OID_EC_PUBLIC_KEY, OID_RSA_ENCRYPTION, curveOfOid, type NamedCurve } from './key-types.ts';

export type PrivateKeyFormat = 'pkcs8' | 'encrypted-pkcs8' | 'pkcs1' | 'sec1';

function fail(message: CoreMessage, where: Where = msg('where.privateKey')): never {
  throw CertbenchError.of(message, where);
}

function parse(der: Uint8Array, what: string): asn1js.AsnType {
  const r = asn1js.fromBER(toArrayBuffer(der));
  if (r.offset === -1) fail(msg('keys.notDer', { reason: r.result.error }), what);
  if (r.offset !== der.length) fail(msg('keys.bytesAfterDer', { count: der.length - r.offset }), what);
  return r.result;
}

function children(node: asn1js.AsnType | undefined): asn1js.AsnType[] | undefined {
  return node instanceof asn1js.Sequence ? node.valueBlock.value : undefined;
}

function isInt(node: asn1js.AsnType | undefined, value?: number): node is asn1js.Integer {
  return node instanceof asn1js.Integer && (value === undefined || node.valueBlock.valueDec === value);
}

function contextTag(node: asn1js.AsnType | undefined, n: number): node is asn1js.Constructed {
  return node instanceof asn1js.Constructed && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === n;
}

/** Which container these DER bytes are, judged by their shape (labels can lie or be missing). */
export function privateKeyFormatOf(der: Uint8Array): PrivateKeyFormat | undefined {
  const r = asn1js.fromBER(toArrayBuffer(der));
  if (r.offset !== der.length) return undefined;
  const c = children(r.result);
  if (!c) return undefined;
  if (c.length === 2 && children(c[0]) && c[1] instanceof asn1js.OctetString) return 'encrypted-pkcs8';
  if ((isInt(c[0], 0) || isInt(c[0], 1)) && children(c[1]) && c[2] instanceof asn1js.OctetString) return 'pkcs8';
  if (isInt(c[0], 0) && c.length >= 9 && c.slice(1, 9).every((n) => isInt(n))) return 'pkcs1';
  if (isInt(c[0], 1) && c[1] instanceof asn1js.OctetString) return 'sec1';
  return undefined;
}

interface Pkcs8Parts {
  algorithmOid: string;
  /** The curve OID for EC keys (named curves only). */
  parametersOid?: string;
  /** The inner key: RSAPrivateKey for RSA, ECPrivateKey for EC, CurvePrivateKey for Ed25519. */
  privateKey: Uint8Array;
}

export function readPkcs8(der: Uint8Array): Pkcs8Parts {
  const c = children(parse(der, 'PKCS#8 private key'));
  const alg = children(c?.[1]);
  if (!c || !(alg?.[0] instanceof asn1js.ObjectIdentifier) || !(c[2] instanceof asn1js.OctetString)) fail(msg('keys.notPkcs8'), msg('where.pkcs8PrivateKey'));
  const algorithmOid = alg[0].valueBlock.toString();
  const params = alg[1];
  if (algorithmOid === OID_EC_PUBLIC_KEY && !(params instanceof asn1js.ObjectIdentifier)) {
    fail(msg('keys.explicitCurveEc'), msg('where.pkcs8PrivateKey'));
  }
  return {
    algorithmOid,
    parametersOid: params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : undefined,
    privateKey: new Uint8Array(c[2].valueBlock.valueHexView),
  };
}

function pkcs8(algorithm: asn1js.AsnType[], inner: Uint8Array): Uint8Array {
  return new Uint8Array(
    new asn1js.Sequence({
      value: [new asn1js.Integer({ value: 0 }), new asn1js.Sequence({ value: algorithm }), new asn1js.OctetString({ valueHex: toArrayBuffer(inner) })],
    }).toBER(),
  );
}

/** PKCS#1 RSAPrivateKey → PKCS#8 (rsaEncryption with NULL parameters, as OpenSSL writes it). */
export function pkcs1ToPkcs8(rsaPrivateKey: Uint8Array): Uint8Array {
  if (privateKeyFormatOf(rsaPrivateKey) !== 'pkcs1') fail(msg('keys.notPkcs1'), 'RSA PRIVATE KEY');
  return pkcs8([new asn1js.ObjectIdentifier({ value: OID_RSA_ENCRYPTION }), new asn1js.Null()], rsaPrivateKey);
}

interface Sec1Parts {
  curve: NamedCurve;
  privateScalar: Uint8Array;
  /** The uncompressed point 04‖x‖y, when the key carries it. */
  publicPoint?: Uint8Array;
}

/** Which named curve a SEC1 key is on when it does not say: by its public point's size, else its scalar's. */
function curveBySize(privateScalar: Uint8Array, publicPoint?: Uint8Array): NamedCurve | undefined {
  const curves = Object.keys(CURVE_BYTES) as NamedCurve[];
  if (publicPoint) return curves.find((c) => publicPoint.length === 1 + 2 * CURVE_BYTES[c]);
  return curves.find((c) => privateScalar.length === CURVE_BYTES[c]);
}

export function readSec1(der: Uint8Array, curveHint?: NamedCurve): Sec1Parts {
  const where = 'EC PRIVATE KEY';
  const c = children(parse(der, where));
  if (!c || !isInt(c[0], 1) || !(c[1] instanceof asn1js.OctetString)) fail(msg('keys.notSec1'), where);
  const privateScalar = new Uint8Array(c[1].valueBlock.valueHexView);
  let curveOid: string | undefined;
  let publicPoint: Uint8Array | undefined;
  for (const extra of c.slice(2)) {
    if (contextTag(extra, 0)) {
      const p = extra.valueBlock.value[0];
      if (!(p instanceof asn1js.ObjectIdentifier)) fail(msg('keys.explicitCurve'), where);
      curveOid = p.valueBlock.toString();
    } else if (contextTag(extra, 1)) {
      const bits = extra.valueBlock.value[0];
      if (bits instanceof asn1js.BitString) publicPoint = new Uint8Array(bits.valueBlock.valueHexView);
    }
  }
  const curve = curveOid ? curveOfOid(curveOid) : (curveHint ?? curveBySize(privateScalar, publicPoint));
  if (!curve) fail(curveOid ? msg('keys.curveNotSupported', { curve: oidDisplayName(curveOid) }) : msg('keys.curveUnnamed'), where);
  return { curve, privateScalar, publicPoint };
}

/** The SEC1 ECPrivateKey OpenSSL writes (`openssl ec`): version 1, the scalar, [0] curve OID, [1] public point. */
export function buildSec1(parts: Sec1Parts): Uint8Array {
  const size = CURVE_BYTES[parts.curve];
  const scalar = new Uint8Array(size);
  scalar.set(parts.privateScalar.slice(-size), size - Math.min(size, parts.privateScalar.length));
  const value: asn1js.AsnType[] = [
    new asn1js.Integer({ value: 1 }),
    new asn1js.OctetString({ valueHex: toArrayBuffer(scalar) }),
    new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.ObjectIdentifier({ value: CURVE_OIDS[parts.curve] })] }),
  ];
  if (parts.publicPoint) {
    value.push(new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.BitString({ valueHex: toArrayBuffer(parts.publicPoint) })] }));
  }
  return new Uint8Array(new asn1js.Sequence({ value }).toBER());
}

/** SEC1 → PKCS#8 with the curve in the AlgorithmIdentifier (and kept in the inner key, as OpenSSL does). */
export function sec1ToPkcs8(der: Uint8Array, curveHint?: NamedCurve): Uint8Array {
  const parts = readSec1(der, curveHint);
  return pkcs8([new asn1js.ObjectIdentifier({ value: OID_EC_PUBLIC_KEY }), new asn1js.ObjectIdentifier({ value: CURVE_OIDS[parts.curve] })], buildSec1(parts));
}
