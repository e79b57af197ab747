/**
 * Signing X.509 structures (certificates, CRLs) straight on WebCrypto: the TBS bytes are signed as
 * encoded, so pkijs' own `sign()` (SHA-1 default, RSA parameters without NULL, no Ed25519) is never used.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError, errorMessage } from '../errors.ts';
import { describeKeyAlgorithm, keyAlgorithmOfCryptoKey, signatureHashOf, type KeyAlgorithm } from '../keys/key-types.ts';

const OID_SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const OID_ECDSA_WITH: Record<string, string> = {
  'SHA-256': '1.2.840.10045.4.3.2',
  'SHA-384': '1.2.840.10045.4.3.3',
  'SHA-512': '1.2.840.10045.4.3.4',
};
const OID_ED25519 = '1.3.101.112';

/** The signatureAlgorithm for a CA key: RSA with NULL parameters (RFC 4055), ECDSA and Ed25519 with none (RFC 5758, 8410). */
export function signatureAlgorithmOf(alg: KeyAlgorithm): pkijs.AlgorithmIdentifier {
  if (alg.family === 'rsa') return new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256_WITH_RSA, algorithmParams: new asn1js.Null() });
  if (alg.family === 'ec') return new pkijs.AlgorithmIdentifier({ algorithmId: OID_ECDSA_WITH[signatureHashOf(alg)!]! });
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID_ED25519 });
}

export function signingKeyAlgorithm(key: CryptoKey): KeyAlgorithm {
  const alg = keyAlgorithmOfCryptoKey(key);
  if (!alg || key.type !== 'private') throw new CertbenchError('cert.keyCannotSign', { name: key.algorithm.name, type: key.type });
  return alg;
}

/** ECDSA in WebCrypto is r‖s; X.509 wants SEQUENCE { INTEGER r, INTEGER s }. */
function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const m = b.subarray(i);
    return new asn1js.Integer({ valueHex: toArrayBuffer(m[0]! & 0x80 ? Uint8Array.of(0, ...m) : m) });
  };
  return new Uint8Array(new asn1js.Sequence({ value: [int(raw.subarray(0, half)), int(raw.subarray(half))] }).toBER());
}

export async function signBytes(data: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const alg = signingKeyAlgorithm(key);
  const params: AlgorithmIdentifier | EcdsaParams =
    alg.family === 'ec' ? { name: 'ECDSA', hash: signatureHashOf(alg)! } : { name: key.algorithm.name };
  let sig: ArrayBuffer;
  try {
    sig = await globalThis.crypto.subtle.sign(params, key, toArrayBuffer(data));
  } catch (e) {
    throw new CertbenchError('cert.signRefused', { algorithm: describeKeyAlgorithm(alg), reason: errorMessage(e) });
  }
  return alg.family === 'ec' ? ecdsaRawToDer(new Uint8Array(sig)) : new Uint8Array(sig);
}

/** SEQUENCE { tbs, signatureAlgorithm, BIT STRING signature }: the shape of Certificate and CertificateList. */
export async function signToBeSigned(tbs: Uint8Array, algorithm: pkijs.AlgorithmIdentifier, key: CryptoKey): Promise<Uint8Array> {
  const signature = await signBytes(tbs, key);
  const tbsNode = asn1js.fromBER(toArrayBuffer(tbs)).result;
  const seq = new asn1js.Sequence({ value: [tbsNode, algorithm.toSchema(), new asn1js.BitString({ valueHex: toArrayBuffer(signature) })] });
  return new Uint8Array(seq.toBER());
}
