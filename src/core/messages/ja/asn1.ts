/** Japanese: the keys of ../en/asn1.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/asn1.ts';

export default {
  'asn1.cannotDecode': 'デコードできません：{reason}',
  'asn1.noBytes': 'デコードするバイトがありません',
  'asn1.notBer': '有効な BER/DER ではありません：{reason}',
  'asn1.pkcs8NoAlgorithm': 'PrivateKeyInfo にアルゴリズムがありません',
  'asn1.spkiIncomplete': 'SubjectPublicKeyInfo にアルゴリズムまたは鍵がありません',
} satisfies Messages<typeof en>;
