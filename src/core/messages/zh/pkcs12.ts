/** Simplified Chinese: the keys of ../en/pkcs12.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/pkcs12.ts';

export default {
  'pkcs12.doesNotDecrypt': '{where}：无法用此口令解密',
  'pkcs12.desKeyLength': '3DES 需要 24 字节的密钥，而不是 {length} 字节',
  'pkcs12.friendlyNameOutsideBmp': '友好名称含有基本多文种平面之外的字符，BMPString 无法容纳',
  'pkcs12.keyDoesNotDecrypt': '{what}：无法用此口令解密密钥',
  'pkcs12.keyMismatch': '私钥不属于该证书（它们的公钥不同）',
  'pkcs12.macDigestUnsupported': '不支持 MAC 摘要 {algorithm}',
  'pkcs12.macFailed': 'MAC 验证失败：口令能打开内容，因此文件在创建后被修改过',
  'pkcs12.notPfx': '不是 PKCS#12 PFX（带 data ContentInfo 的版本 3）',
  'pkcs12.passphraseNeeded': '请提供口令：Java 和 Windows 不会打开没有口令的 PKCS#12 文件',
  'pkcs12.unsupportedEncryption': '不支持的加密 {algorithm}',
  'pkcs12.wrongPassphrase': '口令错误（无法用它验证 MAC）',
} satisfies Messages<typeof en>;
