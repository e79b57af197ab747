/**
 * What a public key is (algorithm, size, curve) and the SubjectPublicKeyInfo of a private key,
 * for the Inspect summary. Sizes are what OpenSSL prints as "Public-Key: (N bit)":
 * the modulus bits (RSA), the prime bits (DSA) and the group order bits (EC).
 */
import * as asn1js from 'asn1js';
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';
import { toArrayBuffer } from '../bytes.ts';
import { oidShortName, oidDisplayName } from '../oids.ts';
import { NAMED_CURVES } from '../keymath/ec-curves.generated.ts';

export interface KeyInfo {
  /** "RSA", "RSA-PSS", "EC", "DSA", "Ed25519", "Ed448", "X25519", "X448", or OpenSSL's name for another algorithm. */
  algorithm: string;
  bits?: number;
  /** OpenSSL's short name of a named curve ("prime256v1"). */
  curve?: string;
  /** "RSA 2048 bit", "EC 256 bit (prime256v1)", "Ed25519" (in English: keyInfoSaid words it in any language). */
  description: string;
  /** An EC key with explicit curve parameters rather than a named curve. */
  explicitCurve?: true;
}

/** The key's description as a message, from its parts: rendered in English it is `description`. */
export function keyInfoSaid(info: KeyInfo): CoreMessage {
  const { algorithm, bits, curve } = info;
  if (bits && info.explicitCurve) return msg('keys.describe.bitsExplicit', { algorithm, bits });
  if (bits && curve !== undefined) return msg('keys.describe.bitsCurve', { algorithm, bits, curve });
  if (curve !== undefined) return msg('keys.describe.curve', { algorithm, curve });
  if (bits) return msg('keys.describe.bits', { algorithm, bits });
  return msg('summary.name', { name: algorithm });
}

const OID = {
  rsa: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  dsa: '1.2.840.10040.4.1',
  ec: '1.2.840.10045.2.1',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
} as const;

const FIXED: Record<string, string> = {
  [OID.x25519]: 'X25519',
  [OID.x448]: 'X448',
  [OID.ed25519]: 'Ed25519',
  [OID.ed448]: 'Ed448',
};

type Block = asn1js.AsnType;

function parse(der: Uint8Array, what: string): Block {
  const r = asn1js.fromBER(toArrayBuffer(der));
  if (r.offset === -1) throw new CertbenchError('der.notDer', { what, reason: r.result.error });
  return r.result;
}

function items(b: Block | undefined): Block[] {
  const v = (b?.valueBlock as { value?: unknown } | undefined)?.value;
  return Array.isArray(v) ? (v as Block[]) : [];
}

function oidOf(b: Block | undefined): string | undefined {
  return b instanceof asn1js.ObjectIdentifier ? b.valueBlock.toString() : undefined;
}

function content(b: Block): Uint8Array {
  const raw = b.valueBeforeDecodeView;
  return raw.subarray(b.idBlock.blockLength + b.lenBlock.blockLength);
}

function unsignedBits(intContent: Uint8Array): number {
  let i = 0;
  while (i < intContent.length && intContent[i] === 0) i++;
  if (i === intContent.length) return 0;
  return (intContent.length - i - 1) * 8 + (32 - Math.clz32(intContent[i]!));
}

function bitStringBytes(b: Block | undefined): Uint8Array | undefined {
  return b instanceof asn1js.BitString ? b.valueBlock.valueHexView : undefined;
}

/** Describes a SubjectPublicKeyInfo; throws CertbenchError when it is not one. */
export function describeSpki(spkiDer: Uint8Array): KeyInfo {
  const [algId, keyBits] = items(parse(spkiDer, 'SubjectPublicKeyInfo'));
  const [algOid, params] = items(algId);
  const oid = oidOf(algOid);
  if (!oid || !keyBits) throw new CertbenchError('asn1.spkiIncomplete');
  const key = bitStringBytes(keyBits);
  if (FIXED[oid]) return { algorithm: FIXED[oid], description: FIXED[oid] };
  if (oid === OID.rsa || oid === OID.rsaPss) {
    const algorithm = oid === OID.rsa ? 'RSA' : 'RSA-PSS';
    const modulus = key && items(parse(key, 'RSA public key'))[0];
    const bits = modulus instanceof asn1js.Integer ? unsignedBits(content(modulus)) : undefined;
    return { algorithm, bits, description: bits ? `${algorithm} ${bits} bit` : algorithm };
  }
  if (oid === OID.dsa) {
    const p = items(params)[0];
    const bits = p instanceof asn1js.Integer ? unsignedBits(content(p)) : undefined;
    return { algorithm: 'DSA', bits, description: bits ? `DSA ${bits} bit` : 'DSA' };
  }
  if (oid === OID.ec) return describeEc(params, key);
  const name = oidShortName(oid) ?? oidDisplayName(oid);
  return { algorithm: name, description: name };
}

function describeEc(params: Block | undefined, point: Uint8Array | undefined): KeyInfo {
  const curveOid = oidOf(params);
  if (curveOid) {
    const known = NAMED_CURVES[curveOid];
    const curve = known?.name ?? oidShortName(curveOid) ?? curveOid;
    const bits = known?.orderBits;
    return { algorithm: 'EC', bits, curve, description: bits ? `EC ${bits} bit (${curve})` : `EC (${curve})` };
  }
  // Explicit parameters: the order n is the fifth field of ECParameters.
  const order = items(params)[4];
  if (order instanceof asn1js.Integer) {
    const bits = unsignedBits(content(order));
    return { algorithm: 'EC', bits, explicitCurve: true, description: `EC ${bits} bit (explicit parameters)` };
  }
  void point;
  return { algorithm: 'EC', description: 'EC' };
}

function derOf(b: asn1js.BaseBlock): Uint8Array {
  return new Uint8Array(b.toBER());
}

function rsaSpki(modulus: Block, exponent: Block): Uint8Array {
  const rsaPublicKey = new asn1js.Sequence({ value: [modulus as asn1js.Integer, exponent as asn1js.Integer] });
  return derOf(
    new asn1js.Sequence({
      value: [
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.rsa }), new asn1js.Null()] }),
        new asn1js.BitString({ valueHex: rsaPublicKey.toBER() }),
      ],
    }),
  );
}

function ecSpki(params: Block, point: Uint8Array): Uint8Array {
  return derOf(
    new asn1js.Sequence({
      value: [
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.ec }), params as asn1js.BaseBlock] }),
        new asn1js.BitString({ valueHex: toArrayBuffer(point) }),
      ],
    }),
  );
}

/** From an RSAPrivateKey (PKCS#1): version, n, e, … */
function spkiOfRsaPrivate(der: Uint8Array): Uint8Array | undefined {
  const [, n, e] = items(parse(der, 'RSAPrivateKey'));
  return n instanceof asn1js.Integer && e instanceof asn1js.Integer ? rsaSpki(n, e) : undefined;
}

/** From an ECPrivateKey (SEC1): version, privateKey, [0] parameters, [1] publicKey; the point is optional. */
function spkiOfEcPrivate(der: Uint8Array, outerParams?: Block): Uint8Array | undefined {
  const fields = items(parse(der, 'ECPrivateKey'));
  const tagged = (n: number) => fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === n);
  const params = items(tagged(0))[0] ?? outerParams;
  const point = bitStringBytes(items(tagged(1))[0]);
  return params && point ? ecSpki(params, point) : undefined;
}

/** Derives Ed25519's public key with WebCrypto (the JWK of a private key carries it). */
async function spkiOfEd25519(pkcs8: Uint8Array, subtle: SubtleCrypto): Promise<Uint8Array | undefined> {
  try {
    const key = await subtle.importKey('pkcs8', toArrayBuffer(pkcs8), { name: 'Ed25519' }, true, ['sign']);
    const jwk = await subtle.exportKey('jwk', key);
    const pub = await subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: 'Ed25519' }, true, ['verify']);
    return new Uint8Array(await subtle.exportKey('spki', pub));
  } catch {
    return undefined; // no Ed25519 in this WebCrypto: the pin is simply not shown
  }
}

export type PrivateKeyEncoding = 'pkcs8' | 'pkcs1-rsa' | 'sec1-ec';

/**
 * The SubjectPublicKeyInfo (DER) matching a private key, where it can be derived without
 * arithmetic: RSA (n, e are in the key), EC when the key carries its public point, Ed25519 via WebCrypto.
 * Undefined otherwise.
 */
export async function spkiOfPrivateKey(
  der: Uint8Array,
  encoding: PrivateKeyEncoding,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array | undefined> {
  if (encoding === 'pkcs1-rsa') return spkiOfRsaPrivate(der);
  if (encoding === 'sec1-ec') return spkiOfEcPrivate(der);
  const [, algId, privateKey] = items(parse(der, 'PrivateKeyInfo'));
  const [algOid, params] = items(algId);
  const oid = oidOf(algOid);
  if (!(privateKey instanceof asn1js.OctetString)) return undefined;
  const inner = privateKey.valueBlock.valueHexView;
  if (oid === OID.rsa) return spkiOfRsaPrivate(inner);
  if (oid === OID.ec) return spkiOfEcPrivate(inner, params);
  if (oid === OID.ed25519) return spkiOfEd25519(der, subtle);
  return undefined;
}

/** The algorithm of a PKCS#8 PrivateKeyInfo, described as far as the private key allows. */
export function describePrivateKey(der: Uint8Array, encoding: PrivateKeyEncoding): KeyInfo {
  if (encoding === 'pkcs1-rsa') {
    const n = items(parse(der, 'RSAPrivateKey'))[1];
    const bits = n instanceof asn1js.Integer ? unsignedBits(content(n)) : undefined;
    return { algorithm: 'RSA', bits, description: bits ? `RSA ${bits} bit` : 'RSA' };
  }
  if (encoding === 'sec1-ec') {
    const params = items(items(parse(der, 'ECPrivateKey')).find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0))[0];
    return describeEc(params, undefined);
  }
  const [, algId, privateKey] = items(parse(der, 'PrivateKeyInfo'));
  const [algOid, params] = items(algId);
  const oid = oidOf(algOid);
  if (!oid) throw new CertbenchError('asn1.pkcs8NoAlgorithm');
  if ((oid === OID.rsa || oid === OID.rsaPss) && privateKey instanceof asn1js.OctetString) {
    const info = describePrivateKey(privateKey.valueBlock.valueHexView, 'pkcs1-rsa');
    return oid === OID.rsa ? info : { ...info, algorithm: 'RSA-PSS', description: info.description.replace('RSA', 'RSA-PSS') };
  }
  if (oid === OID.ec) return describeEc(params, undefined);
  if (oid === OID.dsa) {
    const p = items(params)[0];
    const bits = p instanceof asn1js.Integer ? unsignedBits(content(p)) : undefined;
    return { algorithm: 'DSA', bits, description: bits ? `DSA ${bits} bit` : 'DSA' };
  }
  if (FIXED[oid]) return { algorithm: FIXED[oid], description: FIXED[oid] };
  const name = oidShortName(oid) ?? oidDisplayName(oid);
  return { algorithm: name, description: name };
}

