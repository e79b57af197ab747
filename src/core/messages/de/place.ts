/** German: the keys of ../en/place.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/place.ts';

export default {
  'place.nthOf': '{noun} {index} von {count}',
  'place.bag': 'Bag {index}',
  'place.bagLabelled': 'Bag {index} ({label})',
  'place.decrypted': 'entschlüsselt',
  'place.noun.certificate': 'Zertifikat',
  'place.noun.request': 'Anfrage',
  'place.noun.crl': 'CRL',
  'place.noun.privateKey': 'privater Schlüssel',
  'place.noun.encryptedKey': 'verschlüsselter privater Schlüssel',
  'place.noun.publicKey': 'öffentlicher Schlüssel',
  'place.noun.parameters': 'Parameter',
  'place.noun.pkcs7': 'PKCS#7-Bündel',
  'place.noun.pkcs12': 'PKCS#12-Datei',
  'place.noun.object': 'Objekt',
} satisfies Messages<typeof en>;
