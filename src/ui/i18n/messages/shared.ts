/** Strings of the small components every area uses (src/ui/shared): Copy buttons and their status. */
import type { Messages } from '../t.svelte.ts';

export const en = {
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed: select the text and copy it by hand',
} as const;

export const de = {
  copy: 'Kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren fehlgeschlagen: Markieren Sie den Text und kopieren Sie ihn von Hand',
} as const satisfies Messages<typeof en>;
