/**
 * The languages certbench speaks. Adding one is one entry here plus its catalog files (a file per
 * area under every catalog's <locale>/ folder); tests/unit/i18n-locales.test.ts names each missing file or key.
 * The key is the catalog folder's name; `tag` is the BCP 47 tag the page declares (lang="…");
 * `joins` is how the language strings texts together, so no code decides that per language itself.
 */

/** How texts follow each other: whole sentences, clauses of one sentence ("a; b"), and the items of a list ("a, b"). */
export interface Joins {
  readonly sentences: string;
  readonly clauses: string;
  readonly items: string;
}

interface LocaleInfo {
  readonly label: string;
  readonly tag: string;
  readonly joins: Joins;
}

/** Latin-script languages: a space after a sentence's full stop, "; " and ", " inside one. */
const SPACED: Joins = { sentences: ' ', clauses: '; ', items: ', ' };
/** Japanese and Chinese: a sentence ends in 。 and the next follows without a space; full-width ；and 、 inside one. */
const CJK: Joins = { sentences: '', clauses: '；', items: '、' };

export const LOCALE_INFO = {
  en: { label: 'English', tag: 'en', joins: SPACED },
  de: { label: 'Deutsch', tag: 'de', joins: SPACED },
  ja: { label: '日本語', tag: 'ja', joins: CJK },
  zh: { label: '简体中文', tag: 'zh-Hans', joins: CJK },
} as const satisfies Record<string, LocaleInfo>;

export type Locale = keyof typeof LOCALE_INFO;

export const LOCALES = Object.keys(LOCALE_INFO) as readonly Locale[];

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && Object.hasOwn(LOCALE_INFO, v);
}

/** Texts already in `locale`, strung together as that language does (`how`: sentences, clauses or list items). */
export function joinIn(locale: Locale, how: keyof Joins, texts: readonly string[]): string {
  return texts.join(LOCALE_INFO[locale].joins[how]);
}
