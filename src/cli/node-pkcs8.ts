import { createPrivateKey } from 'node:crypto';
import type { FoundObject } from '../core/types.ts';
import { cliError } from './cli-error.ts';

/**
 * Encrypted PKCS#8 with schemes WebCrypto cannot do (PBES1, PKCS#12 PBE with 3DES/RC2), opened by
 * Node's OpenSSL and re-exported as PKCS#8 DER, as `openssl pkey` would re-encode it.
 */
export function decryptPkcs8WithNode(obj: FoundObject, passphrase: string): FoundObject {
  let der: Buffer;
  try {
    const key = createPrivateKey({ key: Buffer.from(obj.der), format: 'der', type: 'pkcs8', passphrase });
    der = key.export({ type: 'pkcs8', format: 'der' });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw cliError(/bad decrypt|wrong|interrupted or cancelled/i.test(msg) ? 'wrong passphrase (or corrupted key)' : `cannot open this encrypted key: ${msg}`, obj.origin);
  }
  return { kind: 'private-key', der: new Uint8Array(der), origin: obj.origin };
}
