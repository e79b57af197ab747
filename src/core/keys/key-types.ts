/** The key types certbench creates, and the WebCrypto algorithms behind each. */

export type KeyType = 'ec-p256' | 'ec-p384' | 'ec-p521' | 'rsa2048' | 'rsa3072' | 'rsa4096' | 'ed25519';

export const KEY_TYPES: readonly KeyType[] = ['ec-p256', 'ec-p384', 'ec-p521', 'rsa2048', 'rsa3072', 'rsa4096', 'ed25519'];

export type NamedCurve = 'P-256' | 'P-384' | 'P-521';
export type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** What a private key is, as far as signing a CSR or certificate cares. */
export type KeyAlgorithm =
  | { family: 'rsa'; bits: number }
  | { family: 'ec'; curve: NamedCurve }
  | { family: 'ed25519' };

export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
export const OID_ED25519 = '1.3.101.112';

export const CURVE_OIDS: Record<NamedCurve, string> = {
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
};

/** Private scalar length of each curve: SEC1 writes it zero-padded to this size. */
export const CURVE_BYTES: Record<NamedCurve, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

export function curveOfOid(oid: string): NamedCurve | undefined {
  return (Object.keys(CURVE_OIDS) as NamedCurve[]).find((c) => CURVE_OIDS[c] === oid);
}

export function keyAlgorithmOf(type: KeyType): KeyAlgorithm {
  switch (type) {
    case 'ec-p256':
      return { family: 'ec', curve: 'P-256' };
    case 'ec-p384':
      return { family: 'ec', curve: 'P-384' };
    case 'ec-p521':
      return { family: 'ec', curve: 'P-521' };
    case 'rsa2048':
      return { family: 'rsa', bits: 2048 };
    case 'rsa3072':
      return { family: 'rsa', bits: 3072 };
    case 'rsa4096':
      return { family: 'rsa', bits: 4096 };
    case 'ed25519':
      return { family: 'ed25519' };
  }
}

/** The KeyType name for a key algorithm, when it is one certbench offers (RSA of other sizes is not). */
export function keyTypeOf(alg: KeyAlgorithm): KeyType | undefined {
  return KEY_TYPES.find((t) => describeKeyAlgorithm(keyAlgorithmOf(t)) === describeKeyAlgorithm(alg));
}

export function describeKeyAlgorithm(alg: KeyAlgorithm): string {
  if (alg.family === 'rsa') return `RSA ${alg.bits}`;
  if (alg.family === 'ec') return `ECDSA ${alg.curve}`;
  return 'Ed25519';
}

/** The signature hash that matches the key: P-256→SHA-256, P-384→SHA-384, P-521→SHA-512, RSA→SHA-256. */
export function signatureHashOf(alg: KeyAlgorithm): Hash | undefined {
  if (alg.family === 'rsa') return 'SHA-256';
  if (alg.family === 'ec') return ({ 'P-256': 'SHA-256', 'P-384': 'SHA-384', 'P-521': 'SHA-512' } as const)[alg.curve];
  return undefined; // Ed25519 hashes internally
}

/** The WebCrypto algorithm for importing/generating a signing key of this kind. */
export function webCryptoAlgorithm(alg: KeyAlgorithm): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  if (alg.family === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (alg.family === 'ec') return { name: 'ECDSA', namedCurve: alg.curve };
  return { name: 'Ed25519' };
}

/** Reads a KeyAlgorithm back from a WebCrypto key. */
export function keyAlgorithmOfCryptoKey(key: CryptoKey): KeyAlgorithm | undefined {
  const a = key.algorithm as Partial<RsaHashedKeyAlgorithm & EcKeyAlgorithm> & { name: string };
  if (a.name === 'RSASSA-PKCS1-v1_5' && a.modulusLength) return { family: 'rsa', bits: a.modulusLength };
  if (a.name === 'ECDSA' && a.namedCurve && a.namedCurve in CURVE_OIDS) return { family: 'ec', curve: a.namedCurve as NamedCurve };
  if (a.name === 'Ed25519') return { family: 'ed25519' };
  return undefined;
}
