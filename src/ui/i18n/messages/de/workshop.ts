/** German: the keys of ../en/workshop.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/workshop.ts';

export default {
  loading: 'Wird geladen…',
  copyArtifact: '{name} kopieren',
  download: '{file} herunterladen',
  passed: 'bestanden:',
  failed: 'nicht bestanden:',
  copyCommand: '{tool}-Befehl {n} kopieren',
} as const satisfies Messages<typeof en>;
