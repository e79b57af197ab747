/** German: the keys of ../en/kind.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/kind.ts';

export default {
  'kind.certificate': 'ein X.509-Zertifikat',
  'kind.csr': 'eine PKCS#10-Anforderung',
  'kind.crl': 'eine CRL',
  'kind.private-key': 'ein privater PKCS#8-Schlüssel',
  'kind.rsa-private-key': 'ein privater PKCS#1-RSA-Schlüssel',
  'kind.ec-private-key': 'ein privater SEC1-EC-Schlüssel',
  'kind.dsa-private-key': 'ein privater DSA-Schlüssel',
  'kind.encrypted-private-key': 'ein verschlüsselter privater PKCS#8-Schlüssel',
  'kind.legacy-encrypted-key': 'ein alt verschlüsselter privater PEM-Schlüssel',
  'kind.public-key': 'ein öffentlicher Schlüssel (SubjectPublicKeyInfo)',
  'kind.rsa-public-key': 'ein öffentlicher PKCS#1-RSA-Schlüssel',
  'kind.dsa-public-key': 'ein öffentlicher DSA-Schlüssel (DSAPublicKey)',
  'kind.parameters': 'Domänenparameter',
  'kind.pkcs7': 'ein PKCS#7-Bündel',
  'kind.pkcs12': 'eine PKCS#12-Datei',
  'kind.unknown-der': 'ein unbekanntes ASN.1-Objekt',
} satisfies Messages<typeof en>;
