/**
 * Each language's texts as a chunk of their own in the one-file app, loaded when the language is
 * chosen (scripts/vite-locale-chunks.ts). In the source, and in tests and the CLI, every catalog is
 * imported as usual and LOCALE_CHUNKS is empty: every language is ready at once. In the app's build
 * the plugin replaces each non-English catalog module, where the code imports it, with placeholders
 * (localeTexts: empty objects), and this module's LOCALE_CHUNKS with one import() per language, whose
 * chunk fills those placeholders (fillLocale) with the real texts. Code reads a catalog through its
 * placeholder as it always did; the interface switches to a language only once it is ready
 * (src/ui/i18n/locale.svelte.ts), so no text is looked up in an empty catalog.
 */
import type { Locale } from './locales.ts';

/** The import() of each language's chunk (the build fills this in; see above). */
export const LOCALE_CHUNKS: { readonly [L in Locale]?: () => Promise<unknown> } = {};

const placeholders = new Map<string, Record<string, unknown>>();

/** The object that stands for export `name` of a catalog module until its language is loaded. */
export function localeTexts(file: string, name: string): Record<string, unknown> {
  const key = `${file}#${name}`;
  let p = placeholders.get(key);
  if (!p) placeholders.set(key, (p = {}));
  return p;
}

/** Called by a language's chunk with each catalog module it holds: the placeholders get its exports' entries. */
export function fillLocale(file: string, module: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(module)) Object.assign(localeTexts(file, name), value);
}

const loads = new Map<Locale, Promise<void>>();
const ready = new Set<Locale>();

/** True when `locale`'s texts are in place (always, but for a language whose chunk is not loaded yet). */
export function localeReady(locale: Locale): boolean {
  return !LOCALE_CHUNKS[locale] || ready.has(locale);
}

/** Loads `locale`'s chunk once; resolves when its texts are in place. */
export function loadLocale(locale: Locale): Promise<void> {
  const chunk = LOCALE_CHUNKS[locale];
  if (!chunk) return Promise.resolve();
  let p = loads.get(locale);
  if (!p) {
    p = chunk().then(() => void ready.add(locale));
    // A failed load (it cannot, short of a broken build) may be tried again.
    p.catch(() => loads.delete(locale));
    loads.set(locale, p);
  }
  return p;
}

/** A language's texts given in English's key order (the build leaves the keys out of its chunk), as an object keyed like English's. */
export function keyedLike(english: Readonly<Record<string, string>>, texts: readonly string[]): Record<string, string> {
  const keys = Object.keys(english);
  const out: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = texts[i]!;
  return out;
}
