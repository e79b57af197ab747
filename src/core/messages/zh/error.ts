/** Simplified Chinese: the keys of ../en/error.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/error.ts';

export default {
  'error.text': '{text}',
  'error.unexpected': '意外错误',
} satisfies Messages<typeof en>;
