/** Simplified Chinese: the keys of ../en/place.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/place.ts';

export default {
  'place.nthOf': '第 {index} 个{noun}（共 {count} 个）',
  'place.bag': '包 {index}',
  'place.bagLabelled': '包 {index}（{label}）',
  'place.decrypted': '已解密',
  'place.noun.certificate': '证书',
  'place.noun.request': '请求',
  'place.noun.crl': 'CRL',
  'place.noun.privateKey': '私钥',
  'place.noun.encryptedKey': '加密的私钥',
  'place.noun.publicKey': '公钥',
  'place.noun.parameters': '参数',
  'place.noun.pkcs7': 'PKCS#7 包',
  'place.noun.pkcs12': 'PKCS#12 文件',
  'place.noun.object': '对象',
} satisfies Messages<typeof en>;
