/**
 * The CA key protection texts (what each way of keeping a CA key does and does not protect against)
 * and the words around them. English is the store's own KEY_PROTECTION_TEXTS, so the two never drift;
 * the German version lives here, in the UI layer. Keys: `<kind>.title|protects|doesNotProtect`.
 */
import { KEY_PROTECTION_TEXTS as K } from '../../../../store/ca.ts';
const en = {
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
  passphraseHelp:
    'At least 12 characters. Anyone with a copy of this browser profile (or any page opened from your disk) can copy the encrypted key and try passphrases offline: length matters most. Four or more unrelated words are strong and easy to remember; do not reuse a password.',
  'strength.short': 'Too short: {count} of at least {min} characters.',
  'strength.repetitive': 'Weak: the same few characters repeated are guessed quickly.',
  'strength.fair': 'Fair. Longer is stronger: four or more unrelated words, like “copper lantern river spoon”, are harder to guess than a short mix of symbols.',
  'strength.good': 'Good: long enough to be hard to guess, as long as it is not a phrase others know.',
  // ProtectionChoice.problem
  'problem.noPassphrase': 'choose a passphrase for the CA key',
  'problem.tooShort': 'the passphrase needs at least {min} characters (it has {count})',
  'problem.passphrasesDiffer': 'the two passphrases differ',
} as const;

export default en;
