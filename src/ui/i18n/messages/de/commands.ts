/** German: the keys of ../en/commands.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/commands.ts';

export default {
  heading: 'Entsprechende Befehle',
  intro: 'Dieselbe Aktion mit den Werkzeugen, die Sie kennen, mit Ihren Werten ausgefüllt.',
  'tool.openssl': 'OpenSSL',
  'tool.cfssl': 'cfssl',
  'tool.kubectl': 'kubectl',
  saveAs: 'Speichern als {fileName}',
  copyCommand: 'Kopieren: {title}',
  copyFile: 'Inhalt von {fileName} kopieren',
  noCommand: 'Für diesen Schritt gibt es keinen Befehl.',
} as const satisfies Messages<typeof en>;
