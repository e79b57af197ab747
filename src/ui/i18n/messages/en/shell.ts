/**
 * The app shell's strings. Every UI module keeps its strings in a file like this one: one object per
 * language with the same keys. English is the reference; `satisfies Messages<typeof en>` makes a
 * missing or extra key in another language a type error (tests/unit/i18n.test.ts checks it too).
 */
const en = {
  skip: 'Skip to content',
  tagline: 'offline certificate workbench',
  navLabel: 'Workbench areas',
  noticeStrong: 'Nothing leaves this page.',
  notice: 'certbench runs entirely in your browser from a local file; it makes no network requests, and private keys leave the page only when you export them.',
  language: 'Language',
  theme: 'Theme',
  'theme.system': 'As the system',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'area.inspect': 'Inspect',
  'area.create': 'Create',
  'area.ca': 'CA',
  'area.kubernetes': 'Kubernetes',
  'area.verify': 'Verify',
  'area.workshop': 'Workshop',
  retry: 'Try again',
  loadingArea: 'Loading…',
  areaFailed: 'This area stopped with an error: {message}. Your other areas and stored data are unaffected; reload the page to try again.',
} as const;

export default en;
