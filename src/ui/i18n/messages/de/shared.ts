/** German: the keys of ../en/shared.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/shared.ts';

export default {
  copy: 'Kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren fehlgeschlagen: Markieren Sie den Text und kopieren Sie ihn von Hand',
  rawByte: 'Byte 0x{hex}, kein UTF-8-Text: OpenSSL schreibt es unverändert',
} as const satisfies Messages<typeof en>;
