import { CertbenchError } from '../errors.ts';

/** Exactly what `openssl pkcs7 -print_certs -text -noout` prints for this DER, ending in a newline. */
export function printPkcs7Text(der: Uint8Array): string {
  throw new CertbenchError(`not implemented (${der.length} bytes)`);
}
