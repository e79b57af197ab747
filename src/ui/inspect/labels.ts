/**
 * The OpenSSL command Inspect names for each object kind. The kinds' words are UI messages
 * (`kind.<kind>` in src/ui/i18n/messages/inspect.ts); the commands are the same in every language.
 */
import type { ObjectKind } from '../../core/types.ts';

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
  'dsa-public-key': 'openssl pkey -pubin -noout -text',
  parameters: 'openssl pkeyparam -noout -text',
  pkcs7: 'openssl pkcs7 -print_certs -text -noout',
  pkcs12: 'openssl pkcs12 -info -nodes',
  'unknown-der': 'openssl asn1parse -i',
};

/** The OpenSSL command that prints the same text, for a file holding just this object. */
export function opensslCommand(kind: ObjectKind, pem: boolean): string {
  // openssl pkcs12 reads DER only, and has no -inform.
  return `${COMMANDS[kind]}${pem || kind === 'pkcs12' ? '' : ' -inform DER'} -in FILE`;
}
