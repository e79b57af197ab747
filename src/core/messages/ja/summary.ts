/** Japanese: the keys of ../en/summary.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/summary.ts';

export default {
  'summary.kind.certificate': '証明書',
  'summary.kind.csr': '証明書署名要求',
  'summary.kind.crl': '証明書失効リスト',
  'summary.kind.private-key': '秘密鍵',
  'summary.kind.rsa-private-key': 'RSA 秘密鍵',
  'summary.kind.ec-private-key': 'EC 秘密鍵',
  'summary.kind.dsa-private-key': 'DSA 秘密鍵',
  'summary.kind.encrypted-private-key': '暗号化された秘密鍵',
  'summary.kind.legacy-encrypted-key': '暗号化された秘密鍵（旧形式の PEM）',
  'summary.kind.public-key': '公開鍵',
  'summary.kind.rsa-public-key': 'RSA 公開鍵',
  'summary.kind.dsa-public-key': 'DSA 公開鍵',
  'summary.kind.parameters': 'ドメインパラメーター',
  'summary.kind.pkcs7': 'PKCS#7 証明書バンドル',
  'summary.kind.pkcs12': 'PKCS#12 ファイル',
  'summary.kind.unknown-der': 'ASN.1 データ',
  'summary.publicKeyOf': '{key} 公開鍵',
  'summary.privateKeyOf': '{key} 秘密鍵',
  'summary.crlFrom': '{issuer} の CRL',
  'summary.crlFromUnnamed': '名前のない発行者の CRL',
  'summary.bundleOne': '{count} 件の証明書を含む PKCS#7 バンドル',
  'summary.bundleMany': '{count} 件の証明書を含む PKCS#7 バンドル',
  'summary.name': '{name}',
} satisfies Messages<typeof en>;
