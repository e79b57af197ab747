/**
 * Reads a private key in any form OpenSSL writes — PKCS#8 (plain or passphrase-encrypted),
 * PKCS#1 `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`, as PEM or DER — into WebCrypto.
 */
import { CertbenchError, errorMessage, msg } from '../errors.ts';
import { decodeBase64Lines } from '../input/base64.ts';
import { findPemBlocks } from '../input/pem.ts';
import { oidDisplayName } from '../oids.ts';
import { OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA_ENCRYPTION, curveOfOid, keyAlgorithmOfCryptoKey, keyTypeOf, type KeyAlgorithm, type KeyType } from './key-types.ts';
import { decryptPrivateKey } from './pkcs8-encryption.ts';
import { pkcs1ToPkcs8, privateKeyFormatOf, readPkcs8, sec1ToPkcs8, type PrivateKeyFormat } from './private-key-der.ts';
import { publicKeyOf } from './spki.ts';

export interface ImportedKey {
  keyPair: CryptoKeyPair;
  algorithm: KeyAlgorithm;
  /** Set when the key is one of the types certbench generates. */
  keyType?: KeyType;
  /** The form it came in. */
  format: PrivateKeyFormat;
  /** The unencrypted PKCS#8 DER. */
  pkcs8: Uint8Array;
}

const LABEL_FORMAT: Record<string, PrivateKeyFormat> = {
  'PRIVATE KEY': 'pkcs8',
  'ENCRYPTED PRIVATE KEY': 'encrypted-pkcs8',
  'RSA PRIVATE KEY': 'pkcs1',
  'EC PRIVATE KEY': 'sec1',
};

function isPemText(input: string | Uint8Array): string | undefined {
  if (typeof input === 'string') return input;
  const head = new TextDecoder().decode(input.subarray(0, 4096));
  return head.includes('-----BEGIN ') ? new TextDecoder().decode(input) : undefined;
}

/** The private key DER and what its PEM label claims, from PEM text (the first private key block) or raw DER. */
function privateKeyDer(input: string | Uint8Array): { der: Uint8Array; label?: string } {
  const text = isPemText(input);
  if (text === undefined) return { der: input as Uint8Array };
  const blocks = findPemBlocks(text);
  const block = blocks.find((b) => b.label.endsWith('PRIVATE KEY'));
  if (!block) {
    const labels = blocks.map((b) => b.label).join(', ');
    throw labels ? new CertbenchError('keys.noPrivateKeyFound', { labels }) : new CertbenchError('keys.noPemBlock');
  }
  const where = msg('where.blockLabelled', { index: block.index, label: block.label });
  if (block.error) throw CertbenchError.of(block.error, where);
  if (block.headers['Proc-Type']?.includes('ENCRYPTED')) {
    throw new CertbenchError('keys.legacyEncryption', { dekInfo: block.headers['DEK-Info'] ?? '?' }, where);
  }
  if (!(block.label in LABEL_FORMAT)) throw new CertbenchError('keys.labelUnsupported', { label: block.label }, where);
  return { der: decodeBase64Lines(block.body), label: block.label };
}

/** The WebCrypto import algorithm for a PKCS#8 key, or a message naming what it is instead. */
function importAlgorithmFor(pkcs8: Uint8Array): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  const { algorithmOid, parametersOid } = readPkcs8(pkcs8);
  if (algorithmOid === OID_RSA_ENCRYPTION) return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (algorithmOid === OID_ED25519) return { name: 'Ed25519' };
  if (algorithmOid === OID_EC_PUBLIC_KEY) {
    const curve = parametersOid ? curveOfOid(parametersOid) : undefined;
    if (!curve) throw new CertbenchError('keys.curveUnsupported', { curve: parametersOid ? oidDisplayName(parametersOid) : '(none)' });
    return { name: 'ECDSA', namedCurve: curve };
  }
  throw new CertbenchError('keys.algorithmUnsupported', { algorithm: oidDisplayName(algorithmOid) });
}

/**
 * Imports a private key; the result is extractable (so it can be re-exported in another form)
 * and comes with its public half. `passphrase` is needed for encrypted PKCS#8 only.
 */
export async function importPrivateKey(
  input: string | Uint8Array,
  options: { passphrase?: string } = {},
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<ImportedKey> {
  const { der, label } = privateKeyDer(input);
  const shape = privateKeyFormatOf(der);
  const format = shape ?? (label ? LABEL_FORMAT[label] : undefined);
  if (!format) throw new CertbenchError('keys.notPrivateKey');
  if (label && shape && LABEL_FORMAT[label] !== shape) throw new CertbenchError('keys.labelMismatch', { label, shape });
  let pkcs8: Uint8Array;
  switch (format) {
    case 'encrypted-pkcs8':
      if (options.passphrase === undefined) throw new CertbenchError('keys.encryptedNeedsPassphrase');
      pkcs8 = await decryptPrivateKey(der, options.passphrase, subtle);
      break;
    case 'pkcs1':
      pkcs8 = pkcs1ToPkcs8(der);
      break;
    case 'sec1':
      pkcs8 = sec1ToPkcs8(der);
      break;
    default:
      pkcs8 = der;
  }
  const alg = importAlgorithmFor(pkcs8);
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle.importKey('pkcs8', pkcs8.slice().buffer as ArrayBuffer, alg, true, ['sign']);
  } catch (e) {
    throw new CertbenchError('keys.webCryptoRefused', { name: alg.name, reason: errorMessage(e) });
  }
  const algorithm = keyAlgorithmOfCryptoKey(privateKey);
  if (!algorithm) throw new CertbenchError('keys.unexpectedAlgorithm', { name: privateKey.algorithm.name });
  const publicKey = await publicKeyOf(privateKey, subtle);
  return { keyPair: { privateKey, publicKey }, algorithm, keyType: keyTypeOf(algorithm), format, pkcs8 };
}
