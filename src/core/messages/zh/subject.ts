/** Simplified Chinese: the keys of ../en/subject.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/subject.ts';

export default {
  'subject.controlCharacter': '{type} 含有控制字符',
  'subject.country': 'C 必须是两个字母的国家代码（ISO 3166），如 DE 或 US，而不是 "{value}"',
  'subject.email': 'emailAddress "{value}" 不是类似 name@example.com 的 ASCII 地址',
  'subject.empty': '{type} 为空',
  'subject.spaceAtEnd': '{type} "{value}" 以空格开头或结尾',
  'subject.tooLong': '{type} 有 {length} 个字符；最多 {max} 个',
  'subject.unknownType': '未知的主体属性类型 {type}（可用 CN、O、OU、C、ST、L、emailAddress）',
} satisfies Messages<typeof en>;
