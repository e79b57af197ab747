/** Simplified Chinese: the keys of ../en/asn1.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/asn1.ts';

export default {
  'asn1.cannotDecode': '无法解码：{reason}',
  'asn1.noBytes': '没有可解码的字节',
  'asn1.notBer': '不是有效的 BER/DER：{reason}',
  'asn1.pkcs8NoAlgorithm': 'PrivateKeyInfo 没有算法',
  'asn1.spkiIncomplete': 'SubjectPublicKeyInfo 没有算法或密钥',
} satisfies Messages<typeof en>;
