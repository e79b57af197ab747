import { CertbenchError } from '../errors.ts';

export type PrivateKeyEncoding = 'pkcs8' | 'pkcs1-rsa' | 'sec1-ec' | 'openssl-dsa';

/** Exactly what `openssl pkey -noout -text` prints for this private key, ending in a newline. */
export function printPrivateKeyText(der: Uint8Array, encoding: PrivateKeyEncoding): string {
  throw new CertbenchError(`not implemented (${encoding}, ${der.length} bytes)`);
}
