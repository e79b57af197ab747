/**
 * The languages certbench speaks. Adding one is one line here plus its catalog files (a file per
 * area under every catalog's <locale>/ folder); tests/unit/i18n-locales.test.ts names each missing file or key.
 * The key is the catalog folder's name; `tag` is the BCP 47 tag the page declares (lang="…").
 */
export const LOCALE_INFO = {
  en: { label: 'English', tag: 'en' },
  de: { label: 'Deutsch', tag: 'de' },
  ja: { label: '日本語', tag: 'ja' },
  zh: { label: '简体中文', tag: 'zh-Hans' },
} as const;

export type Locale = keyof typeof LOCALE_INFO;

export const LOCALES = Object.keys(LOCALE_INFO) as readonly Locale[];

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && Object.hasOwn(LOCALE_INFO, v);
}
