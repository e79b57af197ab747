/** German: the keys of ../en/inspect-input.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/inspect-input.ts';

export default {
  sizeBytes: '{size} Byte',
  sizeKB: '{size} KB',
  sizeMB: '{size} MB',
  sizeGB: '{size} GB',
  pemBlocksNone: 'keine PEM-Blöcke',
  pemBlocksOne: '{count} PEM-Block',
  pemBlocksMany: '{count} PEM-Blöcke',
  pasted: '{size} Text eingefügt ({blocks}), dekodiert, ohne ihn ins Feld zu setzen (so viel Text würde die Seite einfrieren) — „Leeren“, um neu zu beginnen.',
  dropped: '{size} Text abgelegt ({blocks}), dekodiert, ohne ihn ins Feld zu setzen (so viel Text würde die Seite einfrieren) — „Leeren“, um neu zu beginnen.',
  pastedLost: 'Die {size} Text ({blocks}), die vor dem Neuladen der Seite eingefügt wurden, wurden nicht behalten (zu groß für den Speicher des Tabs): Fügen Sie sie erneut ein, um sie zu sehen.',
  droppedLost: 'Die {size} Text ({blocks}), die vor dem Neuladen der Seite abgelegt wurden, wurden nicht behalten (zu groß für den Speicher des Tabs): Legen Sie sie erneut ab, um sie zu sehen.',
  filesOne: '{count} Datei geöffnet: {list}',
  filesMany: '{count} Dateien geöffnet: {list}',
  filesLostOne: 'Die vor dem Neuladen der Seite geöffnete Datei wurde nicht behalten: {list}. Öffnen Sie sie erneut, um sie zu sehen.',
  filesLostMany: 'Die {count} vor dem Neuladen der Seite geöffneten Dateien wurden nicht behalten: {list}. Öffnen Sie sie erneut, um sie zu sehen.',
  fileEntry: '{name} ({size})',
  listSeparator: ', ',
  filesMore: '{list} und {count} weitere',
  pasteUnread: 'Die Zwischenablage konnte nicht gelesen werden, daher wurde nichts eingefügt: Fügen Sie erneut ein.',
} as const satisfies Messages<typeof en>;
