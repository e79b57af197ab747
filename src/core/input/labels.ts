import type { ObjectKind } from '../types.ts';

/** The kinds a PEM label promises. Labels not listed here promise nothing; the DER shape decides. */
export const LABEL_KINDS: Record<string, ObjectKind[]> = {
  CERTIFICATE: ['certificate'],
  'X509 CERTIFICATE': ['certificate'],
  'TRUSTED CERTIFICATE': ['certificate'],
  'CERTIFICATE REQUEST': ['csr'],
  'NEW CERTIFICATE REQUEST': ['csr'],
  'X509 CRL': ['crl'],
  'PRIVATE KEY': ['private-key'],
  'ENCRYPTED PRIVATE KEY': ['encrypted-private-key'],
  'RSA PRIVATE KEY': ['rsa-private-key'],
  'EC PRIVATE KEY': ['ec-private-key'],
  'DSA PRIVATE KEY': ['dsa-private-key'],
  'PUBLIC KEY': ['public-key'],
  'RSA PUBLIC KEY': ['rsa-public-key'],
  'DSA PUBLIC KEY': ['dsa-public-key'],
  'DSA PARAMETERS': ['parameters'],
  'DH PARAMETERS': ['parameters'],
  'X9.42 DH PARAMETERS': ['parameters'],
  'EC PARAMETERS': ['parameters'],
  PKCS7: ['pkcs7'],
  'PKCS #7 SIGNED DATA': ['pkcs7'],
  CMS: ['pkcs7'],
};

/**
 * Labels whose DER OpenSSL reads only by the label: the same SEQUENCE of INTEGERs is DH parameters
 * under "DH PARAMETERS" and an RSA key under "RSA PUBLIC KEY". Under these the label decides the
 * kind, never the shape.
 */
export const LABEL_DECIDES: ReadonlySet<string> = new Set(['DSA PUBLIC KEY', 'DSA PARAMETERS', 'DH PARAMETERS', 'X9.42 DH PARAMETERS', 'EC PARAMETERS']);

/** Short names for counting objects in one value: "certificate 2 of 3". */
export const KIND_NOUN: Record<ObjectKind, string> = {
  certificate: 'certificate',
  csr: 'request',
  crl: 'CRL',
  'private-key': 'private key',
  'rsa-private-key': 'private key',
  'ec-private-key': 'private key',
  'dsa-private-key': 'private key',
  'encrypted-private-key': 'encrypted private key',
  'legacy-encrypted-key': 'encrypted private key',
  'public-key': 'public key',
  'rsa-public-key': 'public key',
  'dsa-public-key': 'public key',
  parameters: 'parameters',
  pkcs7: 'PKCS#7 bundle',
  pkcs12: 'PKCS#12 file',
  'unknown-der': 'object',
};
