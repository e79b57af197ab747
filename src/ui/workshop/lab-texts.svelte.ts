/**
 * The lab texts in the interface language: the workshop core keeps one catalog per language
 * (labs.en.ts, labs.de.ts); the UI picks by locale.current, so every text follows the switch.
 */
import { locale, type Locale } from '../i18n/locale.svelte.ts';
import { itemText, LAB_TEXTS_EN, labText, type LabTexts, type TextItem } from '../../workshop/index.ts';
import { LAB_TEXTS_DE } from '../../workshop/labs.de.ts';

const CATALOGS: Record<Locale, LabTexts> = { en: LAB_TEXTS_EN, de: LAB_TEXTS_DE };

export function currentLabTexts(): LabTexts {
  return CATALOGS[locale.current] ?? LAB_TEXTS_EN;
}

/** A lab text by key in the current language, with its values filled in. */
export function lt(key: string, vars?: Record<string, string>): string {
  return labText(key, vars, currentLabTexts());
}

export function ltItem(item: TextItem): string {
  return itemText(item, currentLabTexts());
}

/** A message that is either a lab text by key or a text from the core, shown as it is. */
export function said(message: TextItem | string): string {
  return typeof message === 'string' ? message : ltItem(message);
}
