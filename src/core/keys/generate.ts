/** Key generation on WebCrypto. Kept apart from CSR building so each can be timed alone. */
import { CertbenchError, errorMessage } from '../errors.ts';
import { keyAlgorithmOf, webCryptoAlgorithm, type KeyType } from './key-types.ts';

const RSA_PUBLIC_EXPONENT = new Uint8Array([1, 0, 1]); // 65537

/** Whether this WebCrypto can make Ed25519 keys (Node 20, Chromium ≥ 137, Firefox ≥ 129 can). */
export async function supportsEd25519(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<boolean> {
  try {
    await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    return true;
  } catch {
    return false;
  }
}

/**
 * A new extractable key pair of the given type (extractable so it can be saved as PEM).
 * Pass `extractable: false` for keys that must never leave WebCrypto.
 */
export async function generateKeyPair(
  type: KeyType,
  options: { extractable?: boolean } = {},
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<CryptoKeyPair> {
  const alg = keyAlgorithmOf(type);
  const params =
    alg.family === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: alg.bits, publicExponent: RSA_PUBLIC_EXPONENT }
      : webCryptoAlgorithm(alg);
  try {
    return (await subtle.generateKey(params, options.extractable ?? true, ['sign', 'verify'])) as CryptoKeyPair;
  } catch (e) {
    if (alg.family === 'ed25519') throw new CertbenchError('keys.noEd25519');
    throw new CertbenchError('keys.generateFailed', { type, reason: errorMessage(e) });
  }
}
