import type { FoundObject } from '../types.ts';
import { CertbenchError } from '../errors.ts';
import { decryptPrivateKey } from '../keys/pkcs8-encryption.ts';
import { parseDer } from './der.ts';
import { classifyDer } from './der-kind.ts';

/**
 * The plain key inside an encrypted one found by detectInput. PBES2 PKCS#8 is opened with
 * WebCrypto. Legacy `Proc-Type: 4,ENCRYPTED` PEM needs MD5-based key derivation (and often 3DES),
 * which WebCrypto lacks, so it gets a message saying how to convert it.
 */
export async function decryptFoundKey(obj: FoundObject, passphrase: string): Promise<FoundObject> {
  if (obj.kind === 'legacy-encrypted-key') throw new CertbenchError(legacyPemMessage(obj), obj.origin);
  if (obj.kind !== 'encrypted-private-key') return obj;
  const plain = await decryptPrivateKey(obj.der, passphrase).catch((e: unknown) => {
    throw e instanceof CertbenchError ? new CertbenchError(e.message, obj.origin) : new CertbenchError(String(e), obj.origin);
  });
  return { kind: 'private-key', der: plain, origin: obj.origin };
}

export function legacyPemMessage(obj: FoundObject): string {
  const cipher = (obj.pemHeaders?.['DEK-Info'] ?? '').split(',')[0] || 'unknown cipher';
  return (
    `legacy PEM encryption (DEK-Info: ${cipher}) cannot be opened here: convert it with ` +
    '`openssl pkey -in key.pem -out key-pkcs8.pem` (unencrypted) or ' +
    '`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem` (PKCS#8, encrypted)'
  );
}

/** Classifies decrypted traditional-key DER, checking it is the key its PEM label promised. */
export function classifyDecryptedKey(der: Uint8Array, obj: FoundObject): FoundObject {
  const wrong = () => new CertbenchError('wrong passphrase (or corrupted key)', obj.origin);
  let parsed;
  try {
    parsed = parseDer(der);
  } catch {
    throw wrong();
  }
  const kind = classifyDer(parsed.root).kind;
  if (!kind || !/private-key$/.test(kind) || kind === 'encrypted-private-key') throw wrong();
  return { kind, der: parsed.der.slice(), origin: obj.origin, pemLabel: obj.pemLabel };
}
