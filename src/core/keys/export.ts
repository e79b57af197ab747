/** Private and public keys out of WebCrypto, in the PEM forms OpenSSL reads. */
import { CertbenchError, errorMessage } from '../errors.ts';
import { toPem } from '../pem.ts';
import { keyAlgorithmOfCryptoKey } from './key-types.ts';
import { encryptPrivateKey, type Pkcs8EncryptionOptions } from './pkcs8-encryption.ts';
import { buildSec1, readPkcs8, readSec1 } from './private-key-der.ts';
import { spkiOf } from './spki.ts';
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes.ts';

export type PrivateKeyExportFormat = 'pkcs8' | 'encrypted-pkcs8' | 'pkcs1' | 'sec1';

interface PrivateKeyExportOptions extends Pkcs8EncryptionOptions {
  format?: PrivateKeyExportFormat;
  /** Required for 'encrypted-pkcs8'. */
  passphrase?: string;
}

const PEM_LABELS: Record<PrivateKeyExportFormat, string> = {
  pkcs8: 'PRIVATE KEY',
  'encrypted-pkcs8': 'ENCRYPTED PRIVATE KEY',
  pkcs1: 'RSA PRIVATE KEY',
  sec1: 'EC PRIVATE KEY',
};

async function pkcs8Of(privateKey: CryptoKey, subtle: SubtleCrypto): Promise<Uint8Array> {
  try {
    return new Uint8Array(await subtle.exportKey('pkcs8', privateKey));
  } catch (e) {
    throw new CertbenchError('keys.notExportable', { reason: errorMessage(e) });
  }
}

/** The public point 04‖x‖y from an EC SPKI's BIT STRING. */
function publicPointOf(spki: Uint8Array): Uint8Array {
  const r = asn1js.fromBER(toArrayBuffer(spki));
  const bits = (r.result as asn1js.Sequence).valueBlock.value[1] as asn1js.BitString;
  return new Uint8Array(bits.valueBlock.valueHexView);
}

/** The private key as DER in the chosen form (default PKCS#8). */
async function exportPrivateKeyDer(
  privateKey: CryptoKey,
  options: PrivateKeyExportOptions = {},
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array> {
  const format = options.format ?? 'pkcs8';
  const alg = keyAlgorithmOfCryptoKey(privateKey);
  const pkcs8 = await pkcs8Of(privateKey, subtle);
  switch (format) {
    case 'pkcs8':
      return pkcs8;
    case 'encrypted-pkcs8':
      if (!options.passphrase) throw new CertbenchError('keys.passphraseNeeded');
      return encryptPrivateKey(pkcs8, options.passphrase, options, subtle);
    case 'pkcs1':
      if (alg?.family !== 'rsa') throw new CertbenchError('keys.pkcs1RsaOnly', { name: privateKey.algorithm.name });
      // The PKCS#8 payload of an RSA key is exactly its PKCS#1 RSAPrivateKey.
      return readPkcs8(pkcs8).privateKey;
    case 'sec1': {
      if (alg?.family !== 'ec') throw new CertbenchError('keys.sec1EcOnly', { name: privateKey.algorithm.name });
      // WebCrypto's inner ECPrivateKey lacks the [0] curve (and in browsers the [1] point): rebuild it as `openssl ec` writes it.
      const inner = readSec1(readPkcs8(pkcs8).privateKey, alg.curve);
      return buildSec1({ curve: alg.curve, privateScalar: inner.privateScalar, publicPoint: publicPointOf(await spkiOf(privateKey, subtle)) });
    }
  }
}

/** The private key as PEM in the chosen form (default unencrypted PKCS#8 `PRIVATE KEY`). */
export async function exportPrivateKeyPem(
  privateKey: CryptoKey,
  options: PrivateKeyExportOptions = {},
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  return toPem(PEM_LABELS[options.format ?? 'pkcs8'], await exportPrivateKeyDer(privateKey, options, subtle));
}
