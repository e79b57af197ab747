/**
 * The CA key protection texts (what each way of keeping a CA key does and does not protect against)
 * and the words around them. English is the store's own KEY_PROTECTION_TEXTS, so the two never drift;
 * the German version lives here, in the UI layer. Keys: `<kind>.title|protects|doesNotProtect`.
 */
import { KEY_PROTECTION_TEXTS as K } from '../../../store/ca.ts';
import type { Messages } from '../t.svelte.ts';

export const en = {
  legend: 'Key protection',
  protectsLabel: 'Protects:',
  doesNotProtectLabel: 'Does not protect:',
  exportableSuffix: '(exportable)',
  exportWhat: '{title}:',
  caPassphrase: 'CA key passphrase',
  repeatPassphrase: 'Repeat passphrase',
  'passphrase.title': K.passphrase.title,
  'passphrase.protects': K.passphrase.protects,
  'passphrase.doesNotProtect': K.passphrase.doesNotProtect,
  'browserKey.title': K.browserKey.title,
  'browserKey.protects': K.browserKey.protects,
  'browserKey.doesNotProtect': K.browserKey.doesNotProtect,
  'exportable.title': K.exportable.title,
  'exportable.protects': K.exportable.protects,
  'exportable.doesNotProtect': K.exportable.doesNotProtect,
  'notExportable.title': K.notExportable.title,
  'notExportable.protects': K.notExportable.protects,
  'notExportable.doesNotProtect': K.notExportable.doesNotProtect,
  // ProtectionChoice.problem
  'problem.noPassphrase': 'choose a passphrase for the CA key',
  'problem.passphrasesDiffer': 'the two passphrases differ',
} as const;

export const de = {
  legend: 'Schutz des Schlüssels',
  protectsLabel: 'Schützt:',
  doesNotProtectLabel: 'Schützt nicht:',
  exportableSuffix: '(exportierbar)',
  exportWhat: '{title}:',
  caPassphrase: 'Passphrase des CA-Schlüssels',
  repeatPassphrase: 'Passphrase wiederholen',
  'passphrase.title': 'Passphrase (empfohlen)',
  'passphrase.protects':
    'Der Schlüssel wird mit Ihrer Passphrase verschlüsselt gespeichert (PBKDF2-SHA256, 600.000 Runden, AES-GCM). Bis Sie ihn entsperren, kann nichts damit signieren – weder eine andere HTML-Datei, die Sie von Ihrer Festplatte öffnen (alle lokalen Dateien teilen sich diesen Browser-Speicher), noch jemand, der das Browser-Profil kopiert.',
  'passphrase.doesNotProtect':
    'Solange er entsperrt ist (bis Sie ihn sperren, die Seite schließen oder eine Weile nichts signiert wird), kann diese Seite damit signieren – und ebenso bösartiger Code, der in dieser Seite läuft. Eine schwache Passphrase kann offline erraten werden, wenn jemand eine Kopie des Profils hat. Wer die Passphrase vergisst, verliert den Schlüssel.',
  'browserKey.title': 'Im Browser gehaltener Schlüssel (ohne Passphrase)',
  'browserKey.protects':
    'Der Schlüssel liegt als nicht extrahierbarer Schlüssel in der Krypto-Engine des Browsers: Keine Seite kann seine Bytes lesen oder kopieren, und er ist jederzeit ohne Eingabe zum Signieren bereit.',
  'browserKey.doesNotProtect':
    'Jede andere HTML-Datei, die Sie in diesem Browser von Ihrer Festplatte öffnen, teilt denselben Speicher und KANN mit dieser CA Zertifikate SIGNIEREN (sie kann den Schlüssel nicht kopieren, aber benutzen). Auch jeder, der dieses Browser-Profil nutzt, kann signieren. Nur für Wegwerf- oder Test-CAs verwenden.',
  'exportable.title': 'Sicherung des Schlüssels erlauben',
  'exportable.protects':
    'Der Schlüssel ist in Sicherungen enthalten (ein mit Passphrase geschützter Schlüssel bleibt darin mit seiner eigenen Passphrase verschlüsselt), sodass die CA einen verlorenen oder zurückgesetzten Browser übersteht.',
  'exportable.doesNotProtect':
    'Eine Sicherungsdatei mit dem Schlüssel erlaubt jedem, der sie und ihre Passphrase hat, als diese CA aufzutreten. Bei einem im Browser gehaltenen Schlüssel bedeutet „exportierbar“ außerdem, dass andere lokale Seiten die Bytes des Schlüssels lesen und nicht nur benutzen könnten.',
  'notExportable.title': 'Schlüssel verlässt diesen Browser nie',
  'notExportable.protects': 'Es gibt keinen Weg, den Schlüssel herauszukopieren – weder für Sie noch für irgendetwas anderes.',
  'notExportable.doesNotProtect':
    'Sicherungen enthalten diesen Schlüssel nicht: Wird der Browser-Speicher gelöscht, kann die CA nicht mehr signieren (ihre Zertifikate bleiben bis zu ihrem Ablauf gültig).',
  'problem.noPassphrase': 'wählen Sie eine Passphrase für den CA-Schlüssel',
  'problem.passphrasesDiffer': 'die beiden Passphrasen unterscheiden sich',
} as const satisfies Messages<typeof en>;
