import { CertbenchError } from '../errors.ts';

/**
 * The lines OpenSSL prints for a SubjectPublicKeyInfo's key (EVP_PKEY_print_public), starting with
 * "Public-Key: (2048 bit)" / "ED25519 Public-Key:" etc., each prefixed by `indent` spaces, no newlines.
 * In `x509 -text` it is called with indent 16; `pkey -pubin -text` uses 0.
 */
export function printPublicKeyLines(spkiDer: Uint8Array, indent: number): string[] {
  throw new CertbenchError(`not implemented (${spkiDer.length} bytes at ${indent})`);
}

/** Exactly what `openssl pkey -pubin -noout -text` prints for an SPKI, ending in a newline. */
export function printPublicKeyText(spkiDer: Uint8Array): string {
  return printPublicKeyLines(spkiDer, 0).join('\n') + '\n';
}

/** Exactly what `openssl rsa -RSAPublicKey_in -noout -text` prints for a PKCS#1 RSAPublicKey. */
export function printRsaPublicKeyText(pkcs1Der: Uint8Array): string {
  throw new CertbenchError(`not implemented (${pkcs1Der.length} bytes)`);
}
