/** Japanese: the keys of ../en/error.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/error.ts';

export default {
  'error.text': '{text}',
  'error.unexpected': '予期しないエラー',
} satisfies Messages<typeof en>;
