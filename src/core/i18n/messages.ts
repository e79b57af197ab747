/**
 * The one translation mechanism, for every catalog (UI strings, lab texts, explanations, core
 * messages): a catalog is English (the reference, whose keys are the type) plus, per other locale, an
 * object with exactly its keys (`satisfies Messages<typeof en>`). A text is plain text with {name}
 * placeholders, filled by `format`; `pick` reads one locale's text with English as the fallback
 * (for a locale whose files are not written yet: the locale test refuses a missing key or file).
 */
import type { Locale } from './locales.ts';

/** Another language's messages: exactly the reference language's keys, each a string. */
export type Messages<Reference> = { readonly [K in keyof Reference]: string };

/** A catalog in every language: English always, the others as their files are added. */
export type MessageSet<Reference> = { readonly en: Reference } & { readonly [L in Exclude<Locale, 'en'>]?: Messages<Reference> };

/**
 * The {placeholders} of a template literal type: `'{count} of {total}'` → `'count' | 'total'`. As in
 * `format`, only a word is a placeholder: braces around anything else (`{ tbsCertificate, … }`) are text.
 */
export type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Word<Name> | Placeholders<Rest> : never;
type Word<S extends string> = S extends '' | `${string}${' ' | ',' | '.' | ':' | '{' | '-' | '/' | '(' | '"' | "'"}${string}` ? never : S;

export type ParamValue = string | number | bigint;
export type Params = Readonly<Record<string, ParamValue>>;

/** Fills {name} with params.name; a placeholder without a value stays visible rather than vanishing. */
export function format(template: string, params?: Readonly<Record<string, ParamValue>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Any catalog (texts, or entries such as the explanations) in every language: English always, the others as their files come. */
export type LocaleSet<T> = { readonly en: T } & { readonly [L in Exclude<Locale, 'en'>]?: T };

/** One locale's catalog, English when that locale has none yet: the one way every catalog is chosen. */
export function inLocale<T>(set: LocaleSet<T>, locale: Locale): T {
  return set[locale as Exclude<Locale, 'en'>] ?? set.en;
}

/** The text for `key` in `locale`, English when that locale lacks it; the key itself only for a key no catalog has. */
export function pick<Reference>(set: MessageSet<Reference>, locale: Locale, key: keyof Reference & string): string {
  const table = inLocale<Readonly<Record<string, string>>>(set as LocaleSet<Readonly<Record<string, string>>>, locale);
  return table[key] ?? (set.en as Readonly<Record<string, string>>)[key] ?? key;
}
