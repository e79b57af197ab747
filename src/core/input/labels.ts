import { msg, type CoreMessage } from '../errors.ts';
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

/** Short names for counting objects in one value: "certificate 2 of 3" (messages, so the app words them too). */
export const KIND_NOUN: Record<ObjectKind, CoreMessage> = {
  certificate: msg('place.noun.certificate'),
  csr: msg('place.noun.request'),
  crl: msg('place.noun.crl'),
  'private-key': msg('place.noun.privateKey'),
  'rsa-private-key': msg('place.noun.privateKey'),
  'ec-private-key': msg('place.noun.privateKey'),
  'dsa-private-key': msg('place.noun.privateKey'),
  'encrypted-private-key': msg('place.noun.encryptedKey'),
  'legacy-encrypted-key': msg('place.noun.encryptedKey'),
  'public-key': msg('place.noun.publicKey'),
  'rsa-public-key': msg('place.noun.publicKey'),
  'dsa-public-key': msg('place.noun.publicKey'),
  parameters: msg('place.noun.parameters'),
  pkcs7: msg('place.noun.pkcs7'),
  pkcs12: msg('place.noun.pkcs12'),
  'unknown-der': msg('place.noun.object'),
};
