/** Writing PKCS#12 files. */
export default {
  'pkcs12.doesNotDecrypt': '{where}: does not decrypt with this passphrase',
  'pkcs12.desKeyLength': '3DES needs a 24-byte key, not {length}',
  'pkcs12.friendlyNameOutsideBmp': 'the friendly name holds a character outside the Basic Multilingual Plane, which a BMPString cannot carry',
  'pkcs12.keyDoesNotDecrypt': '{what}: the key does not decrypt with this passphrase',
  'pkcs12.keyMismatch': 'the private key does not belong to the certificate (their public keys differ)',
  'pkcs12.macDigestUnsupported': 'MAC digest {algorithm} is not supported',
  'pkcs12.macFailed': 'MAC verification failed: the passphrase opens the contents, so the file was changed after it was made',
  'pkcs12.notPfx': 'not a PKCS#12 PFX (version 3 with a data ContentInfo)',
  'pkcs12.passphraseNeeded': 'give a passphrase: Java and Windows do not open a PKCS#12 file without one',
  'pkcs12.unsupportedEncryption': 'unsupported encryption {algorithm}',
  'pkcs12.wrongPassphrase': 'wrong passphrase (the MAC does not verify with it)',
} as const;
