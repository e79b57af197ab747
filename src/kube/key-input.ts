/**
 * A private key as Kubernetes objects carry it: unencrypted PEM (a Secret or kubeconfig has no
 * place for a passphrase), plus its public key for matching against a certificate.
 */
import { CertbenchError } from '../core/errors.ts';
import { decodeBase64Lines } from '../core/input/base64.ts';
import { findPemBlocks } from '../core/input/pem.ts';
import { importPrivateKey } from '../core/keys/import.ts';
import { toPem } from '../core/pem.ts';

interface KubePrivateKey {
  /** The key as PEM, in the form it came in (PKCS#8, PKCS#1 or SEC1); DER input becomes PKCS#8. */
  pem: string;
  /** The SubjectPublicKeyInfo of its public half, to compare with a certificate's. */
  spki: Uint8Array;
  keyPair: CryptoKeyPair;
}

/** Reads an unencrypted private key (PEM text or DER). Throws CertbenchError naming `where`. */
export async function readKubePrivateKey(input: string | Uint8Array, where: string): Promise<KubePrivateKey> {
  const text = typeof input === 'string' ? input : input[0] === 0x30 ? undefined : new TextDecoder().decode(input);
  const block = text === undefined ? undefined : findPemBlocks(text).find((b) => b.label.endsWith('PRIVATE KEY'));
  if (block?.label === 'ENCRYPTED PRIVATE KEY' || block?.headers['Proc-Type']?.includes('ENCRYPTED')) {
    throw new CertbenchError('kube.keyEncrypted', undefined, where);
  }
  let imported;
  try {
    imported = await importPrivateKey(input);
  } catch (e) {
    throw CertbenchError.wrap(e, where);
  }
  const pem = block ? toPem(block.label, decodeBase64Lines(block.body)) : toPem('PRIVATE KEY', imported.pkcs8);
  const spki = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', imported.keyPair.publicKey));
  return { pem, spki, keyPair: imported.keyPair };
}
