/** Japanese: the keys of ../en/kind.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/kind.ts';

export default {
  'kind.certificate': 'X.509 証明書',
  'kind.csr': 'PKCS#10 リクエスト',
  'kind.crl': 'CRL',
  'kind.private-key': 'PKCS#8 秘密鍵',
  'kind.rsa-private-key': 'PKCS#1 RSA 秘密鍵',
  'kind.ec-private-key': 'SEC1 EC 秘密鍵',
  'kind.dsa-private-key': 'DSA 秘密鍵',
  'kind.encrypted-private-key': '暗号化された PKCS#8 秘密鍵',
  'kind.legacy-encrypted-key': '旧形式で暗号化された PEM 秘密鍵',
  'kind.public-key': '公開鍵（SubjectPublicKeyInfo）',
  'kind.rsa-public-key': 'PKCS#1 RSA 公開鍵',
  'kind.dsa-public-key': 'DSA 公開鍵 (DSAPublicKey)',
  'kind.parameters': 'ドメインパラメータ',
  'kind.pkcs7': 'PKCS#7 バンドル',
  'kind.pkcs12': 'PKCS#12 ファイル',
  'kind.unknown-der': '不明な ASN.1 オブジェクト',
} satisfies Messages<typeof en>;
