/** Simplified Chinese: the keys of ../en/general.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/general.ts';

export default {
  'general.daysNotPositive': '{days} 不是正的天数',
  'general.notJson': '不是 JSON：{reason}',
  'general.notHex': '不是十六进制字符串',
} satisfies Messages<typeof en>;
