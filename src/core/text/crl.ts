import { CertbenchError } from '../errors.ts';

/** Exactly what `openssl crl -noout -text` prints for this DER, ending in a newline. */
export function printCrlText(der: Uint8Array): string {
  throw new CertbenchError(`not implemented (${der.length} bytes)`);
}
