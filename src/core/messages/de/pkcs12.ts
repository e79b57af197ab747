/** German: the keys of ../en/pkcs12.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/pkcs12.ts';

export default {
  'pkcs12.doesNotDecrypt': '{where}: lässt sich mit dieser Passphrase nicht entschlüsseln',
  'pkcs12.desKeyLength': '3DES braucht einen 24-Byte-Schlüssel, nicht {length}',
  'pkcs12.friendlyNameOutsideBmp': 'der Anzeigename enthält ein Zeichen außerhalb der Basic Multilingual Plane, das ein BMPString nicht aufnehmen kann',
  'pkcs12.keyDoesNotDecrypt': '{what}: Der Schlüssel lässt sich mit dieser Passphrase nicht entschlüsseln',
  'pkcs12.keyMismatch': 'der private Schlüssel gehört nicht zum Zertifikat (ihre öffentlichen Schlüssel unterscheiden sich)',
  'pkcs12.macDigestUnsupported': 'der MAC-Hash {algorithm} wird nicht unterstützt',
  'pkcs12.macFailed': 'MAC-Prüfung fehlgeschlagen: Die Passphrase öffnet den Inhalt, also wurde die Datei nach ihrer Erstellung verändert',
  'pkcs12.notPfx': 'keine PKCS#12-PFX (Version 3 mit einer data-ContentInfo)',
  'pkcs12.passphraseNeeded': 'geben Sie eine Passphrase an: Java und Windows öffnen keine PKCS#12-Datei ohne',
  'pkcs12.unsupportedEncryption': 'nicht unterstützte Verschlüsselung {algorithm}',
  'pkcs12.wrongPassphrase': 'falsche Passphrase (der MAC lässt sich damit nicht verifizieren)',
} satisfies Messages<typeof en>;
