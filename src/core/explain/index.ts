/**
 * Plain-language explanations of the fields of certificates, requests, CRLs and keys, for the
 * Inspect view: a printed line says its field id (src/core/text/lines.ts), an ASN.1 node takes its
 * line's; the id is looked up by locale.
 */
import type { Catalog, Explanation, Locale } from './types.ts';
import { FIELD_REFERENCES, GENERIC_FIELD_IDS } from './references.ts';
import { CATALOG_EN } from './catalog.en.ts';
import { CATALOG_DE } from './catalog.de.ts';
import { CATALOG_JA } from './catalog.ja.ts';
import { CATALOG_ZH } from './catalog.zh.ts';
import { inLocale, type LocaleSet } from '../i18n/messages.ts';

export type { Catalog, CatalogEntry, Explanation, Locale } from './types.ts';
export { LOCALES } from './types.ts';
export { explainLine, explainNode, lineAnchors, type LineAnchors, type LineExplanation, type NodeContext } from './nodes.ts';
export { FIELD_REFERENCES, GENERIC_FIELD_IDS, isKnownField } from './references.ts';

/** Every catalog; a locale is offered once it is in LOCALES (src/core/i18n/locales.ts). */
const EVERY_CATALOG = { en: CATALOG_EN, de: CATALOG_DE, ja: CATALOG_JA, zh: CATALOG_ZH };
const CATALOGS: LocaleSet<Catalog> = EVERY_CATALOG;

export interface Explanations {
  locale: Locale;
  /** The entry for `id` with its standard; undefined for an id no catalog knows. */
  get(id: string): Explanation | undefined;
}

/** The explanations in one language (English where a text is missing, which a test forbids). */
export function explanations(locale: Locale): Explanations {
  const catalog = inLocale(CATALOGS, locale);
  return {
    locale,
    get(id) {
      const entry = catalog[id] ?? CATALOG_EN[id];
      const rfc = FIELD_REFERENCES[id];
      return entry && rfc ? { ...entry, id, rfc } : undefined;
    },
  };
}

export function isGenericField(id: string): boolean {
  return GENERIC_FIELD_IDS.has(id);
}
