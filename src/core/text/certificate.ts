import { CertbenchError } from '../errors.ts';

/** Exactly what `openssl x509 -noout -text` prints for this DER, ending in a newline. */
export function printCertificateText(der: Uint8Array): string {
  throw new CertbenchError(`not implemented (${der.length} bytes)`);
}
