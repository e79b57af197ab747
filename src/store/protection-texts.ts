/**
 * What the UI must say about each way of keeping a CA key, in plain words. Both facts behind them
 * were measured (see PLATFORM-FACTS): every file:// page of a browser profile shares ONE IndexedDB.
 */
export const KEY_PROTECTION_TEXTS = {
  passphrase: {
    title: 'Passphrase (recommended)',
    protects:
      'The key is stored encrypted with your passphrase (PBKDF2-SHA256, 600,000 rounds, AES-GCM). Until you unlock it, nothing can sign with it — not another HTML file opened from your disk (all local files share this browser storage), not someone who copies the browser profile.',
    doesNotProtect:
      'While unlocked (until you lock it, close the page or it is idle for a while), this page can sign with it, and so could malicious code running inside this page. A weak passphrase can be guessed offline by someone who has a copy of the profile. Forgetting the passphrase loses the key.',
  },
  browserKey: {
    title: 'Browser-held key (no passphrase)',
    protects:
      'The key lives inside the browser\u2019s crypto engine as a non-extractable key: no page can read or copy its bytes, and it is always ready to sign without typing anything.',
    doesNotProtect:
      'Any other HTML file you open from your disk in this browser shares the same storage and CAN SIGN certificates with this CA (it cannot copy the key, but it can use it). Anyone using this browser profile can sign too. Use it only for throw-away or test CAs.',
  },
  exportable: {
    title: 'Allow backup of the key',
    protects: 'The key is included in backups (a passphrase-protected key stays encrypted with its own passphrase inside the backup), so the CA survives a lost or reset browser.',
    doesNotProtect:
      'A backup file with the key lets whoever has it and its passphrase act as this CA. For a browser-held key, "exportable" also means other local pages could read the key bytes, not just use them.',
  },
  notExportable: {
    title: 'Key never leaves this browser',
    protects: 'There is no way to copy the key out, by you or by anything else.',
    doesNotProtect: 'Backups will not contain this key: if the browser storage is cleared, the CA can no longer sign (its certificates stay valid until they expire).',
  },
} as const;
