/** German: the keys of ../en/asn1.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/asn1.ts';

export default {
  'asn1.cannotDecode': 'kann nicht dekodiert werden: {reason}',
  'asn1.noBytes': 'es gibt keine Bytes zum Dekodieren',
  'asn1.notBer': 'kein gültiges BER/DER: {reason}',
  'asn1.pkcs8NoAlgorithm': 'PrivateKeyInfo hat keinen Algorithmus',
  'asn1.spkiIncomplete': 'SubjectPublicKeyInfo hat keinen Algorithmus oder Schlüssel',
} satisfies Messages<typeof en>;
