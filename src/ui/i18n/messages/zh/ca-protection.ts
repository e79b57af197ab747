/** Simplified Chinese: the keys of ../en/ca-protection.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/ca-protection.ts';

export default {
  legend: '密钥保护',
  protectsLabel: '可以防范：',
  doesNotProtectLabel: '无法防范：',
  exportableSuffix: '（可导出）',
  exportWhat: '{title}：',
  caPassphrase: 'CA 密钥的口令',
  repeatPassphrase: '再次输入口令',
  'passphrase.title': '口令（推荐）',
  'passphrase.protects':
    '密钥以您的口令加密后存储（PBKDF2-SHA256，600,000 轮，AES-GCM）。在您解锁之前，任何东西都无法用它签名：无论是您从磁盘打开的另一个 HTML 文件（所有本地文件共享此浏览器存储），还是复制了浏览器配置文件的人。CA 的记录（已签发的证书、吊销、CRL 编号）也用该口令封存：未经口令所做的更改会在下次解锁时显现。',
  'passphrase.doesNotProtect':
    '在解锁期间（直到您锁定它、关闭页面，或一段时间内没有签名操作），此页面可以用它签名，在此页面中运行的恶意代码也同样可以。任何本地页面都能复制加密后的密钥并离线尝试口令，因此弱口令可能被猜出。将 CA 全部记录的早先副本放回原处，不会被检测到。忘记口令就会失去该密钥。',
  'browserKey.title': '浏览器持有的密钥（无口令）',
  'browserKey.protects':
    '密钥保存在浏览器的加密引擎中，无需输入任何内容即可随时签名。除非它是可导出的（见下文），否则任何页面都无法读取或复制它的字节。',
  'browserKey.doesNotProtect':
    '您在此浏览器中从磁盘打开的任何其他 HTML 文件都共享同一存储，并且能够用此 CA 签名证书（如果密钥可导出，还能将其导出）。它还能更改 CA 的记录（已签发的证书、吊销、CRL 编号），而这种更改无法被检测到。使用此浏览器配置文件的任何人也都能签名。仅用于一次性或测试用的 CA。',
  'exportable.title': '允许备份密钥',
  'exportable.protects': '密钥会包含在备份中（受口令保护的密钥在备份中仍以它自己的口令加密），因此即使浏览器丢失或被重置，CA 也能保留下来。',
  'exportable.doesNotProtect':
    '包含密钥的备份文件，使任何拥有该文件及其口令的人都能充当此 CA。可导出的浏览器持有密钥，可以被您在此浏览器中从磁盘打开的任何 HTML 文件导出（导出其字节，格式为 PKCS#8），而不仅仅是用来签名。',
  'notExportable.title': '备份中不含密钥',
  'notExportable.protects': 'certbench 不提供任何将密钥复制出去的途径，浏览器持有的密钥保持为不可提取：任何页面都无法读取它的字节。',
  'notExportable.doesNotProtect':
    '备份中不会包含此密钥：如果浏览器存储被清除，该 CA 将无法再签名（它签发的证书在到期前仍然有效）。受口令保护的密钥，任何本地页面仍可复制其加密形式。',
  passphraseHelp:
    '至少 12 个字符。任何拥有此浏览器配置文件副本的人（或从您磁盘打开的任何页面）都能复制加密后的密钥并离线尝试口令：长度最重要。四个或更多互不相关的词既安全又好记；不要重复使用已有的密码。',
  'strength.short': '太短：{count} 个字符，至少需要 {min} 个。',
  'strength.repetitive': '弱：重复相同的几个字符很快就会被猜出。',
  'strength.fair': '一般。越长越安全：四个或更多互不相关的词，例如“铜 灯笼 河流 汤匙”，比一串简短的符号组合更难猜出。',
  'strength.good': '好：长度足以难以被猜出，只要它不是别人熟知的句子。',
  'problem.noPassphrase': '请为 CA 密钥设置口令',
  'problem.tooShort': '口令至少需要 {min} 个字符（当前为 {count} 个）',
  'problem.passphrasesDiffer': '两次输入的口令不一致',
} as const satisfies Messages<typeof en>;
