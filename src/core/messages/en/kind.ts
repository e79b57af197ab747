/** What each kind of object is, in a phrase that follows "this is …" (also: "labelled X but this is …"). */
import type { ObjectKind } from '../../types.ts';

export default {
  'kind.certificate': 'an X.509 certificate',
  'kind.csr': 'a PKCS#10 request',
  'kind.crl': 'a CRL',
  'kind.private-key': 'a PKCS#8 private key',
  'kind.rsa-private-key': 'a PKCS#1 RSA private key',
  'kind.ec-private-key': 'a SEC1 EC private key',
  'kind.dsa-private-key': 'a DSA private key',
  'kind.encrypted-private-key': 'an encrypted PKCS#8 private key',
  'kind.legacy-encrypted-key': 'a legacy-encrypted PEM private key',
  'kind.public-key': 'a public key (SubjectPublicKeyInfo)',
  'kind.rsa-public-key': 'a PKCS#1 RSA public key',
  'kind.dsa-public-key': 'a DSA public key (DSAPublicKey)',
  'kind.parameters': 'domain parameters',
  'kind.pkcs7': 'a PKCS#7 bundle',
  'kind.pkcs12': 'a PKCS#12 file',
  'kind.unknown-der': 'an unknown ASN.1 object',
} as const satisfies Record<`kind.${ObjectKind}`, string>;
