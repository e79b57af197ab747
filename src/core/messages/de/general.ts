/** German: the keys of ../en/general.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/general.ts';

export default {
  'general.daysNotPositive': '{days} ist keine positive Anzahl von Tagen',
  'general.notJson': 'kein JSON: {reason}',
  'general.notHex': 'keine Hexadezimalzeichenkette',
} satisfies Messages<typeof en>;
