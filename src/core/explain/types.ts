/** The shape of the explanations; the texts are in catalog.<locale>.ts. */
export { LOCALES, type Locale } from '../i18n/locales.ts';

/** One field in one language. */
export interface CatalogEntry {
  /** A few words: "Serial number". */
  title: string;
  /** What the field is, in a sentence or two of plain language. */
  what: string;
  /** Why it matters: what breaks, who checks it. */
  why: string;
  /** Which Kubernetes component reads it and how, for fields Kubernetes cares about. */
  kubernetes?: string;
}

export type Catalog = Record<string, CatalogEntry>;

/** A catalog entry with its standard. */
export interface Explanation extends CatalogEntry {
  id: string;
  rfc: string;
}
