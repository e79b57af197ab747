/** German: the keys of ../en/shell.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/shell.ts';

export default {
  skip: 'Zum Inhalt springen',
  tagline: 'Offline-Zertifikatswerkbank',
  navLabel: 'Bereiche der Werkbank',
  noticeStrong: 'Nichts verlässt diese Seite.',
  notice: 'certbench läuft vollständig in Ihrem Browser aus einer lokalen Datei; es stellt keine Netzwerkverbindungen her, und private Schlüssel verlassen die Seite nur, wenn Sie sie exportieren.',
  language: 'Sprache',
  theme: 'Farbschema',
  'theme.system': 'Wie das System',
  'theme.light': 'Hell',
  'theme.dark': 'Dunkel',
  'area.inspect': 'Untersuchen',
  'area.create': 'Erstellen',
  'area.ca': 'CA',
  'area.kubernetes': 'Kubernetes',
  'area.verify': 'Prüfen',
  'area.workshop': 'Workshop',
  retry: 'Erneut versuchen',
  loadingArea: 'Wird geladen…',
  areaFailed: 'Dieser Bereich wurde mit einem Fehler beendet: {message}. Die anderen Bereiche und gespeicherte Daten sind nicht betroffen; laden Sie die Seite neu, um es erneut zu versuchen.',
} as const satisfies Messages<typeof en>;
