/** Japanese: the keys of ../en/where.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/where.ts';

export default {
  'where.blockLabelled': 'ブロック {index}（{label}）',
  'where.caCertificate': 'CA 証明書',
  'where.caKey': 'CA 鍵',
  'where.encryptedPrivateKey': '暗号化された秘密鍵',
  'where.equivalentCommands': '同等のコマンド',
  'where.externalCa': '外部 CA',
  'where.intermediateCa': '中間 CA',
  'where.keyType': '鍵タイプ',
  'where.lab': 'ラボ',
  'where.opensslCommand': 'openssl コマンド',
  'where.profile': 'プロファイル {name}',
  'where.opensslConfig': 'openssl の設定',
  'where.pemBlock': 'PEM ブロック {index}',
  'where.pkcs8PrivateKey': 'PKCS#8 秘密鍵',
  'where.privateKey': '秘密鍵',
  'where.publicKey': '公開鍵',
  'where.san': 'SAN "{entry}"',
  'where.serial': 'シリアル番号 {serial}',
  'where.subject': 'サブジェクト',
  'where.subjectAttribute': 'サブジェクト属性 {index}',
  'where.validity': '有効期間',
  'where.backup': 'バックアップ',
  'where.offset': 'オフセット {offset}',
  'where.block': 'ブロック {index}',
  'where.input': '入力',
} satisfies Messages<typeof en>;
