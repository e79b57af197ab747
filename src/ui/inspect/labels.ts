/** Words and commands Inspect shows for each object kind. */
import type { ObjectKind } from '../../core/types.ts';

const LABELS: Record<ObjectKind, string> = {
  certificate: 'Certificate',
  csr: 'Certificate signing request',
  crl: 'Certificate revocation list',
  'private-key': 'Private key (PKCS#8)',
  'rsa-private-key': 'RSA private key (PKCS#1)',
  'ec-private-key': 'EC private key (SEC1)',
  'dsa-private-key': 'DSA private key',
  'encrypted-private-key': 'Encrypted private key (PKCS#8)',
  'legacy-encrypted-key': 'Encrypted private key (legacy PEM)',
  'public-key': 'Public key',
  'rsa-public-key': 'RSA public key (PKCS#1)',
  pkcs7: 'PKCS#7 bundle',
  'unknown-der': 'Unrecognised DER',
};

export function kindLabel(kind: ObjectKind): string {
  return LABELS[kind];
}

const COMMANDS: Record<ObjectKind, string> = {
  certificate: 'openssl x509 -noout -text',
  csr: 'openssl req -noout -text',
  crl: 'openssl crl -noout -text',
  'private-key': 'openssl pkey -noout -text',
  'rsa-private-key': 'openssl pkey -noout -text',
  'ec-private-key': 'openssl pkey -noout -text',
  'dsa-private-key': 'openssl pkey -noout -text',
  'encrypted-private-key': 'openssl pkey -noout -text',
  'legacy-encrypted-key': 'openssl pkey -noout -text',
  'public-key': 'openssl pkey -pubin -noout -text',
  'rsa-public-key': 'openssl rsa -RSAPublicKey_in -noout -text',
  pkcs7: 'openssl pkcs7 -print_certs -text -noout',
  'unknown-der': 'openssl asn1parse -i',
};

/** The OpenSSL command that prints the same text, for a file holding just this object. */
export function opensslCommand(kind: ObjectKind, pem: boolean): string {
  return `${COMMANDS[kind]}${pem ? '' : ' -inform DER'} -in FILE`;
}
