import { CertbenchError } from '../errors.ts';

/** Exactly what `openssl req -noout -text` prints for this DER, ending in a newline. */
export function printCsrText(der: Uint8Array): string {
  throw new CertbenchError(`not implemented (${der.length} bytes)`);
}
