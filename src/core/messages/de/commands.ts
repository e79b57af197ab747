/** German: the keys of ../en/commands.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/commands.ts';

export default {
  'commands.unsafeValue': '{what} "{value}" {why}',
} satisfies Messages<typeof en>;
