/**
 * What the UI must say about each way of keeping a CA key, in plain words. Both facts behind them
 * were measured (see PLATFORM-FACTS): every file:// page of a browser profile shares ONE IndexedDB,
 * and a page can export an extractable CryptoKey it finds there (`exportKey('pkcs8')`).
 * Nothing here claims a protection the store does not give (see ca-integrity.ts for what it checks).
 */
export const KEY_PROTECTION_TEXTS = {
  passphrase: {
    title: 'Passphrase (recommended)',
    protects:
      'The key is stored encrypted with your passphrase (PBKDF2-SHA256, 600,000 rounds, AES-GCM). Until you unlock it, nothing can sign with it \u2014 not another HTML file opened from your disk (all local files share this browser storage), not someone who copies the browser profile. The CA\u2019s records (issued certificates, revocations, CRL number) are sealed with the passphrase too: a change made without it shows at the next unlock.',
    doesNotProtect:
      'While unlocked (until you lock it, close the page or it is idle for a while), this page can sign with it, and so could malicious code running inside this page. Any local page can copy the encrypted key and try passphrases offline, so a weak passphrase can be guessed. A copy of all the CA\u2019s records put back from earlier is not detected. Forgetting the passphrase loses the key.',
  },
  browserKey: {
    title: 'Browser-held key (no passphrase)',
    protects:
      'The key lives inside the browser\u2019s crypto engine and is always ready to sign without typing anything. Unless it is exportable (below), no page can read or copy its bytes.',
    doesNotProtect:
      'Any other HTML file you open from your disk in this browser shares the same storage and CAN SIGN certificates with this CA (and, if the key is exportable, export it). It can also change the CA\u2019s records (issued certificates, revocations, CRL number) without this being detectable. Anyone using this browser profile can sign too. Use it only for throw-away or test CAs.',
  },
  exportable: {
    title: 'Allow backup of the key',
    protects: 'The key is included in backups (a passphrase-protected key stays encrypted with its own passphrase inside the backup), so the CA survives a lost or reset browser.',
    doesNotProtect:
      'A backup file with the key lets whoever has it and its passphrase act as this CA. A browser-held key that is exportable can be exported by ANY HTML file you open from your disk in this browser (its bytes, as PKCS#8), not just used to sign.',
  },
  notExportable: {
    title: 'Key not in backups',
    protects: 'certbench offers no way to copy the key out, and a browser-held key is kept non-extractable: no page can read its bytes.',
    doesNotProtect:
      'Backups will not contain this key: if the browser storage is cleared, the CA can no longer sign (its certificates stay valid until they expire). Any local page can still copy a passphrase-protected key in its encrypted form.',
  },
} as const;
