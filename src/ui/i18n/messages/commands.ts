/** Strings of the shared "Equivalent commands" panel (src/ui/shared/EquivalentCommands.svelte). */
import type { Messages } from '../t.svelte.ts';

export const en = {
  heading: 'Equivalent commands',
  intro: 'The same action with the tools you know, filled with your values.',
  'tool.openssl': 'OpenSSL',
  'tool.cfssl': 'cfssl',
  'tool.kubectl': 'kubectl',
  saveAs: 'Save as {fileName}',
  copyCommand: 'Copy: {title}',
  copyFile: 'Copy the content of {fileName}',
  noCommand: 'No command for this step.',
} as const;

export const de = {
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
