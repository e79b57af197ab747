/** Simplified Chinese: the keys of ../en/der.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/der.ts';

export default {
  'der.missingOrWrongType': '缺少 {what}，或其类型错误',
  'der.notDer': '{what} 不是有效的 DER：{reason}',
  'der.noBytes': '偏移 {offset} 处没有字节',
  'der.tagCutShort': '标签在偏移 {offset} 处被截断',
  'der.tagTooLarge': '偏移 {offset} 处的标签号过大',
  'der.lengthCutShort': '长度在偏移 {offset} 处被截断',
  'der.indefinitePrimitive': '偏移 {offset} 处的基本类型元素使用了不定长度',
  'der.lengthTooLong': '偏移 {offset} 处的长度过长',
  'der.tooDeep': '偏移 {offset} 处嵌套过深',
  'der.noEndOfContents': '偏移 {offset} 处的不定长度元素没有内容结束标记',
  'der.pastEnd': '偏移 {offset} 处的长度 {length} 超出了末尾',
  'der.pastEnclosing': '偏移 {offset} 处的长度 {length} 超出了外层元素的末尾',
  'der.trailing': '偏移 {offset} 处的元素结束后还有 {count} 字节',
  'der.missingIn': '偏移 {offset} 处的元素中缺少 {what}',
  'der.wrongType': '偏移 {offset} 处的 {what} 类型错误',
  'der.invalidOid': '偏移 {offset} 处的 {what} 不是有效的 OBJECT IDENTIFIER',
  'der.opensslRefuses': 'openssl 拒绝加载: 偏移 {offset} 处 {reason}',
} satisfies Messages<typeof en>;
