/** German: the keys of ../en/shared.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/shared.ts';

export default {
  copy: 'Kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren fehlgeschlagen: Markieren Sie den Text und kopieren Sie ihn von Hand',
} as const satisfies Messages<typeof en>;
