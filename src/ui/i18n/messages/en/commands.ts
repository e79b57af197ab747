/** Strings of the shared "Equivalent commands" panel (src/ui/shared/EquivalentCommands.svelte). */
const en = {
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

export default en;
