/**
 * The app shell's strings. Every UI module keeps its strings in a file like this one: one object per
 * language with the same keys. English is the reference; `satisfies Messages<typeof en>` makes a
 * missing or extra key in another language a type error (tests/unit/i18n.test.ts checks it too).
 */
import type { Messages } from '../t.svelte.ts';

export const en = {
  skip: 'Skip to content',
  tagline: 'offline certificate workbench',
  navLabel: 'Workbench areas',
  noticeStrong: 'Nothing leaves this page.',
  notice: 'certbench runs entirely in your browser from a local file; it makes no network requests, and private keys leave the page only when you export them.',
  language: 'Language',
  theme: 'Theme',
  'theme.system': 'As the system',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'area.inspect': 'Inspect',
  'area.create': 'Create',
  'area.ca': 'CA',
  'area.kubernetes': 'Kubernetes',
  'area.verify': 'Verify',
  'area.workshop': 'Workshop',
  retry: 'Try again',
  loadingArea: 'Loading…',
  areaFailed: 'This area stopped with an error: {message}. Your other areas and stored data are unaffected; reload the page to try again.',
} as const;

export const de = {
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
