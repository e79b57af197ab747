/** Japanese: the keys of ../en/pkcs12.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/pkcs12.ts';

export default {
  'pkcs12.doesNotDecrypt': '{where}：このパスフレーズでは復号できません',
  'pkcs12.desKeyLength': '3DES には 24 バイトの鍵が必要です（{length} バイトではありません）',
  'pkcs12.friendlyNameOutsideBmp': 'フレンドリー名に基本多言語面（BMP）外の文字が含まれており、BMPString では表せません',
  'pkcs12.keyDoesNotDecrypt': '{what}：このパスフレーズでは鍵を復号できません',
  'pkcs12.keyMismatch': '秘密鍵が証明書のものではありません（公開鍵が異なります）',
  'pkcs12.macDigestUnsupported': 'MAC のダイジェスト {algorithm} には対応していません',
  'pkcs12.macFailed': 'MAC の検証に失敗しました：パスフレーズで中身は開けるので、ファイルは作成後に変更されています',
  'pkcs12.notPfx': 'PKCS#12 PFX（data の ContentInfo を持つバージョン 3）ではありません',
  'pkcs12.passphraseNeeded': 'パスフレーズを指定してください：Java と Windows はパスフレーズのない PKCS#12 ファイルを開きません',
  'pkcs12.unsupportedEncryption': '対応していない暗号化 {algorithm}',
  'pkcs12.wrongPassphrase': 'パスフレーズが違います（このパスフレーズでは MAC を検証できません）',
} satisfies Messages<typeof en>;
