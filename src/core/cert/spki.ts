/** SubjectPublicKeyInfo helpers: from a WebCrypto key, to a WebCrypto key, and the key identifier. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError, errorMessage, msg } from '../errors.ts';
import {
  CURVE_BYTES, curveOfOid, describeKeyAlgorithm, keyAlgorithmOfCryptoKey, OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA_ENCRYPTION,
  signatureHashOf, webCryptoAlgorithm, type KeyAlgorithm,
} from '../keys/key-types.ts';
import { signBytes } from './signature.ts';

/** What kind of key an SPKI holds, or undefined for kinds certbench cannot sign for. */
export function keyAlgorithmOfSpki(spki: pkijs.PublicKeyInfo): KeyAlgorithm | undefined {
  const oid = spki.algorithm.algorithmId;
  if (oid === OID_RSA_ENCRYPTION) {
    const rsa = spki.parsedKey as pkijs.RSAPublicKey | undefined;
    const n = rsa ? new Uint8Array(rsa.modulus.valueBlock.valueHexView) : new Uint8Array();
    let i = 0;
    while (i < n.length && n[i] === 0) i++;
    const bits = n.length > i ? (n.length - i - 1) * 8 + (32 - Math.clz32(n[i]!)) : 0;
    return { family: 'rsa', bits };
  }
  if (oid === OID_EC_PUBLIC_KEY) {
    const params = spki.algorithm.algorithmParams;
    const curve = params instanceof asn1js.ObjectIdentifier ? curveOfOid(params.valueBlock.toString()) : undefined;
    return curve ? { family: 'ec', curve } : undefined;
  }
  if (oid === OID_ED25519) return { family: 'ed25519' };
  return undefined;
}

export function parseSpki(der: Uint8Array): pkijs.PublicKeyInfo {
  try {
    return pkijs.PublicKeyInfo.fromBER(toArrayBuffer(der));
  } catch (e) {
    throw new CertbenchError('cert.notSpki', { reason: errorMessage(e) }, msg('where.publicKey'));
  }
}

export function spkiDer(spki: pkijs.PublicKeyInfo): Uint8Array {
  return new Uint8Array(spki.toSchema().toBER());
}

/** A WebCrypto verify key for an SPKI, or a CertbenchError naming the key type that is not supported. */
export async function importSpki(der: Uint8Array): Promise<{ key: CryptoKey; algorithm: KeyAlgorithm }> {
  const algorithm = keyAlgorithmOfSpki(parseSpki(der));
  if (!algorithm) throw new CertbenchError('cert.keyTypeUnsupported', undefined, msg('where.publicKey'));
  try {
    const key = await globalThis.crypto.subtle.importKey('spki', toArrayBuffer(der), webCryptoAlgorithm(algorithm), true, ['verify']);
    return { key, algorithm };
  } catch (e) {
    throw new CertbenchError('cert.keyUnusable', { algorithm: describeKeyAlgorithm(algorithm), reason: errorMessage(e) }, msg('where.publicKey'));
  }
}

/** Key identifier as OpenSSL computes it (RFC 5280 §4.2.1.2 method 1): SHA-1 of the subjectPublicKey bits. */
export async function keyIdentifierOf(spki: pkijs.PublicKeyInfo): Promise<Uint8Array> {
  const bits = spki.subjectPublicKey.valueBlock.valueHexView;
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', toArrayBuffer(new Uint8Array(bits))));
}

/**
 * Whether the private key belongs to the public key: it signs a random challenge that the public
 * key must verify. Works for non-extractable keys too.
 */
export async function privateKeySignsForSpki(privateKey: CryptoKey, spki: Uint8Array): Promise<boolean> {
  const { key, algorithm } = await importSpki(spki);
  const mine = keyAlgorithmOfCryptoKey(privateKey);
  if (!mine || describeKeyAlgorithm(mine).split(' ')[0] !== describeKeyAlgorithm(algorithm).split(' ')[0]) return false;
  if (mine.family === 'ec' && algorithm.family === 'ec' && mine.curve !== algorithm.curve) return false;
  const challenge = globalThis.crypto.getRandomValues(new Uint8Array(32));
  let sig: Uint8Array;
  try {
    sig = await signBytes(challenge, privateKey);
  } catch {
    return false;
  }
  const raw = algorithm.family === 'ec' ? ecdsaDerToRaw(sig, CURVE_BYTES[algorithm.curve]) : sig;
  const params = algorithm.family === 'ec' ? { name: 'ECDSA', hash: signatureHashOf(algorithm)! } : { name: key.algorithm.name };
  return globalThis.crypto.subtle.verify(params, key, toArrayBuffer(raw), toArrayBuffer(challenge));
}

/** SEQUENCE { r, s } → r‖s of the curve size, for WebCrypto's verify. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array {
  const seq = asn1js.fromBER(toArrayBuffer(der)).result;
  const out = new Uint8Array(size * 2);
  if (!(seq instanceof asn1js.Sequence) || seq.valueBlock.value.length !== 2) return out;
  seq.valueBlock.value.forEach((n, i) => {
    let v = new Uint8Array((n as asn1js.Integer).valueBlock.valueHexView);
    while (v.length > size && v[0] === 0) v = v.subarray(1);
    out.set(v.subarray(Math.max(0, v.length - size)), i * size + Math.max(0, size - v.length));
  });
  return out;
}
