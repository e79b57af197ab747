/**
 * Plain-language explanations of the fields of certificates, requests, CRLs and keys, for the
 * Inspect view: resolve a text line or ASN.1 node to a field id, then look the id up by locale.
 */
import type { Catalog, Explanation, Locale } from './types.ts';
import { FIELD_REFERENCES, GENERIC_FIELD_IDS } from './references.ts';
import { CATALOG_EN } from './catalog.en.ts';
import { CATALOG_DE } from './catalog.de.ts';

export type { Catalog, CatalogEntry, Explanation, Locale } from './types.ts';
export { LOCALES } from './types.ts';
export { explainLine, explainLines, type LineExplanation } from './lines.ts';
export { explainNode, type NodeContext } from './nodes.ts';
export { FIELD_REFERENCES, GENERIC_FIELD_IDS, isKnownField } from './references.ts';

const CATALOGS: Record<Locale, Catalog> = { en: CATALOG_EN, de: CATALOG_DE };

export interface Explanations {
  locale: Locale;
  /** The entry for `id` with its standard; undefined for an id no catalog knows. */
  get(id: string): Explanation | undefined;
}

/** The explanations in one language (English where a text is missing, which a test forbids). */
export function explanations(locale: Locale): Explanations {
  const catalog = CATALOGS[locale] ?? CATALOG_EN;
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
