/** Public keys as SubjectPublicKeyInfo bytes: the one form every tool agrees on, so keys are compared by it. */
import { bytesEqual } from '../bytes.ts';
import { CertbenchError, errorMessage } from '../errors.ts';
import { toPem } from '../pem.ts';

/** The SPKI DER of a public key. */
export async function spkiOfPublicKey(publicKey: CryptoKey, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Uint8Array> {
  return new Uint8Array(await subtle.exportKey('spki', publicKey));
}

/**
 * The public half of an extractable private key. WebCrypto cannot export a public key from a
 * private one directly; its JWK holds the public parameters, so import those alone.
 */
export async function publicKeyOf(privateKey: CryptoKey, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CryptoKey> {
  let jwk: JsonWebKey;
  try {
    jwk = await subtle.exportKey('jwk', privateKey);
  } catch (e) {
    throw new CertbenchError('keys.publicKeyUnreadable', { reason: errorMessage(e) });
  }
  const { kty, crv, n, e, x, y } = jwk;
  const pub: JsonWebKey = { kty, crv, n, e, x, y, ext: true };
  for (const k of Object.keys(pub) as (keyof JsonWebKey)[]) if (pub[k] === undefined) delete pub[k];
  return subtle.importKey('jwk', pub, privateKey.algorithm, true, ['verify']);
}

/** The SPKI DER of the public half of a private key. */
export async function spkiOf(privateKey: CryptoKey, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Uint8Array> {
  return spkiOfPublicKey(await publicKeyOf(privateKey, subtle), subtle);
}

/** Whether two SPKIs are the same public key (byte-for-byte: DER has one encoding per key). */
function sameSpki(a: Uint8Array, b: Uint8Array): boolean {
  return bytesEqual(a, b);
}

/** Whether a private key belongs to the given SPKI (from a CSR or certificate). */
export async function privateKeyMatchesSpki(privateKey: CryptoKey, spki: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<boolean> {
  return sameSpki(await spkiOf(privateKey, subtle), spki);
}

export async function publicKeyPem(publicKey: CryptoKey, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  return toPem('PUBLIC KEY', await spkiOfPublicKey(publicKey, subtle));
}
