import type { FoundObject } from '../types.ts';
import { CertbenchError } from '../errors.ts';

/**
 * The text OpenSSL 3.0 prints for an object, byte for byte, ending in a newline:
 *   certificate          openssl x509 -noout -text
 *   csr                  openssl req -noout -text
 *   crl                  openssl crl -noout -text
 *   *-private-key        openssl pkey -noout -text
 *   public-key           openssl pkey -pubin -noout -text
 *   rsa-public-key       openssl rsa -RSAPublicKey_in -noout -text
 *   pkcs7                openssl pkcs7 -print_certs -text -noout
 * Throws CertbenchError when the object cannot be printed (e.g. an encrypted key without its passphrase).
 */
export function dumpText(obj: FoundObject): string {
  throw new CertbenchError(`cannot print a ${obj.kind} yet`, obj.origin);
}
