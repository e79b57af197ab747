/** Japanese: the keys of ../en/place.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/place.ts';

export default {
  'place.nthOf': '{noun} {index}/{count}',
  'place.bag': 'バッグ {index}',
  'place.bagLabelled': 'バッグ {index}（{label}）',
  'place.decrypted': '復号済み',
  'place.noun.certificate': '証明書',
  'place.noun.request': 'リクエスト',
  'place.noun.crl': 'CRL',
  'place.noun.privateKey': '秘密鍵',
  'place.noun.encryptedKey': '暗号化された秘密鍵',
  'place.noun.publicKey': '公開鍵',
  'place.noun.parameters': 'パラメーター',
  'place.noun.pkcs7': 'PKCS#7 バンドル',
  'place.noun.pkcs12': 'PKCS#12 ファイル',
  'place.noun.object': 'オブジェクト',
} satisfies Messages<typeof en>;
