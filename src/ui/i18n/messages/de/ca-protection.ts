/** German: the keys of ../en/ca-protection.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/ca-protection.ts';

export default {
  legend: 'Schutz des Schlüssels',
  protectsLabel: 'Schützt:',
  doesNotProtectLabel: 'Schützt nicht:',
  exportableSuffix: '(exportierbar)',
  exportWhat: '{title}:',
  caPassphrase: 'Passphrase des CA-Schlüssels',
  repeatPassphrase: 'Passphrase wiederholen',
  'passphrase.title': 'Passphrase (empfohlen)',
  'passphrase.protects':
    'Der Schlüssel wird mit Ihrer Passphrase verschlüsselt gespeichert (PBKDF2-SHA256, 600.000 Runden, AES-GCM). Bis Sie ihn entsperren, kann nichts damit signieren – weder eine andere HTML-Datei, die Sie von Ihrer Festplatte öffnen (alle lokalen Dateien teilen sich diesen Browser-Speicher), noch jemand, der das Browser-Profil kopiert. Die Daten der CA (ausgestellte Zertifikate, Widerrufe, CRL-Nummer) sind ebenfalls mit der Passphrase versiegelt: Eine Änderung ohne sie zeigt sich beim nächsten Entsperren.',
  'passphrase.doesNotProtect':
    'Solange er entsperrt ist (bis Sie ihn sperren, die Seite schließen oder eine Weile nichts signiert wird), kann diese Seite damit signieren – und ebenso bösartiger Code, der in dieser Seite läuft. Jede lokale Seite kann den verschlüsselten Schlüssel kopieren und offline Passphrasen durchprobieren, eine schwache Passphrase kann also erraten werden. Eine früher gemachte Kopie aller Daten der CA, zurückgespielt, wird nicht erkannt. Wer die Passphrase vergisst, verliert den Schlüssel.',
  'browserKey.title': 'Im Browser gehaltener Schlüssel (ohne Passphrase)',
  'browserKey.protects':
    'Der Schlüssel liegt in der Krypto-Engine des Browsers und ist jederzeit ohne Eingabe zum Signieren bereit. Sofern er nicht exportierbar ist (unten), kann keine Seite seine Bytes lesen oder kopieren.',
  'browserKey.doesNotProtect':
    'Jede andere HTML-Datei, die Sie in diesem Browser von Ihrer Festplatte öffnen, teilt denselben Speicher und KANN mit dieser CA Zertifikate SIGNIEREN (und den Schlüssel exportieren, wenn er exportierbar ist). Sie kann auch die Daten der CA (ausgestellte Zertifikate, Widerrufe, CRL-Nummer) ändern, ohne dass sich das erkennen lässt. Auch jeder, der dieses Browser-Profil nutzt, kann signieren. Nur für Wegwerf- oder Test-CAs verwenden.',
  'exportable.title': 'Sicherung des Schlüssels erlauben',
  'exportable.protects':
    'Der Schlüssel ist in Sicherungen enthalten (ein mit Passphrase geschützter Schlüssel bleibt darin mit seiner eigenen Passphrase verschlüsselt), sodass die CA einen verlorenen oder zurückgesetzten Browser übersteht.',
  'exportable.doesNotProtect':
    'Eine Sicherungsdatei mit dem Schlüssel erlaubt jedem, der sie und ihre Passphrase hat, als diese CA aufzutreten. Einen exportierbaren, im Browser gehaltenen Schlüssel kann JEDE HTML-Datei exportieren, die Sie in diesem Browser von Ihrer Festplatte öffnen (seine Bytes, als PKCS#8), nicht nur zum Signieren benutzen.',
  'notExportable.title': 'Schlüssel nicht in Sicherungen',
  'notExportable.protects':
    'certbench bietet keinen Weg, den Schlüssel herauszukopieren, und ein im Browser gehaltener Schlüssel bleibt nicht extrahierbar: Keine Seite kann seine Bytes lesen.',
  'notExportable.doesNotProtect':
    'Sicherungen enthalten diesen Schlüssel nicht: Wird der Browser-Speicher gelöscht, kann die CA nicht mehr signieren (ihre Zertifikate bleiben bis zu ihrem Ablauf gültig). Einen mit Passphrase geschützten Schlüssel kann jede lokale Seite trotzdem in verschlüsselter Form kopieren.',
  passphraseHelp:
    'Mindestens 12 Zeichen. Wer eine Kopie dieses Browser-Profils hat (oder eine von Ihrer Festplatte geöffnete Seite), kann den verschlüsselten Schlüssel kopieren und offline Passphrasen durchprobieren: Auf die Länge kommt es an. Vier oder mehr unzusammenhängende Wörter sind stark und leicht zu merken; verwenden Sie kein Passwort wieder.',
  'strength.short': 'Zu kurz: {count} von mindestens {min} Zeichen.',
  'strength.repetitive': 'Schwach: Dieselben wenigen Zeichen wiederholt sind schnell erraten.',
  'strength.fair': 'Mittel. Länger ist stärker: Vier oder mehr unzusammenhängende Wörter wie „Kupfer Laterne Fluss Löffel“ sind schwerer zu erraten als eine kurze Mischung aus Sonderzeichen.',
  'strength.good': 'Gut: lang genug, um schwer erraten zu werden, solange es kein Satz ist, den andere kennen.',
  'problem.noPassphrase': 'wählen Sie eine Passphrase für den CA-Schlüssel',
  'problem.tooShort': 'die Passphrase braucht mindestens {min} Zeichen (sie hat {count})',
  'problem.passphrasesDiffer': 'die beiden Passphrasen unterscheiden sich',
} as const satisfies Messages<typeof en>;
