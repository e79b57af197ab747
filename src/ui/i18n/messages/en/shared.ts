/** Strings of the small components every area uses (src/ui/shared): Copy buttons and their status. */
const en = {
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed: select the text and copy it by hand',
} as const;

export default en;
