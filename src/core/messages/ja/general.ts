/** Japanese: the keys of ../en/general.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/general.ts';

export default {
  'general.daysNotPositive': '{days} は正の日数ではありません',
  'general.notJson': 'JSON ではありません：{reason}',
  'general.notHex': '16 進数の文字列ではありません',
} satisfies Messages<typeof en>;
