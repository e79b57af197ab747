/** German: the keys of ../en/summary.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/summary.ts';

export default {
  'summary.kind.certificate': 'Zertifikat',
  'summary.kind.csr': 'Zertifikatsanforderung (CSR)',
  'summary.kind.crl': 'Sperrliste (CRL)',
  'summary.kind.private-key': 'Privater Schlüssel',
  'summary.kind.rsa-private-key': 'Privater RSA-Schlüssel',
  'summary.kind.ec-private-key': 'Privater EC-Schlüssel',
  'summary.kind.dsa-private-key': 'Privater DSA-Schlüssel',
  'summary.kind.encrypted-private-key': 'Verschlüsselter privater Schlüssel',
  'summary.kind.legacy-encrypted-key': 'Verschlüsselter privater Schlüssel (altes PEM-Format)',
  'summary.kind.public-key': 'Öffentlicher Schlüssel',
  'summary.kind.rsa-public-key': 'Öffentlicher RSA-Schlüssel',
  'summary.kind.dsa-public-key': 'Öffentlicher DSA-Schlüssel',
  'summary.kind.parameters': 'Domänenparameter',
  'summary.kind.pkcs7': 'PKCS#7-Zertifikatsbündel',
  'summary.kind.pkcs12': 'PKCS#12-Datei',
  'summary.kind.unknown-der': 'ASN.1-Daten',
  'summary.publicKeyOf': 'Öffentlicher Schlüssel {key}',
  'summary.privateKeyOf': 'Privater Schlüssel {key}',
  'summary.crlFrom': 'CRL von {issuer}',
  'summary.crlFromUnnamed': 'CRL eines unbenannten Ausstellers',
  'summary.bundleOne': 'PKCS#7-Bündel mit {count} Zertifikat',
  'summary.bundleMany': 'PKCS#7-Bündel mit {count} Zertifikaten',
  'summary.name': '{name}',
} satisfies Messages<typeof en>;
