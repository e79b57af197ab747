/** Strings of the small components every area uses (src/ui/shared): Copy buttons and their status. */
const en = {
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed: select the text and copy it by hand',
  rawByte: 'Byte 0x{hex}, not UTF-8 text: OpenSSL writes it as it is',
} as const;

export default en;
