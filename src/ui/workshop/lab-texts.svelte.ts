/**
 * The lab texts in the interface language (src/workshop/texts.ts holds every language's catalog);
 * read with locale.current, so every text follows the language switch.
 */
import { locale } from '../i18n/locale.svelte.ts';
import { isLabTextKey, itemText, labText, type TextItem } from '../../workshop/index.ts';

/**
 * A lab text by key in the current language, with its values filled in. The view composes some keys
 * (`lab.<lab>.<step>.title`, `field.<id>`), so a key is checked here: one no catalog has shows as [key].
 */
export function lt(key: string, vars?: Record<string, string>): string {
  return isLabTextKey(key) ? labText(key, vars, locale.current) : `[${key}]`;
}

export function ltItem(item: TextItem): string {
  return itemText(item, locale.current);
}

/** A message that is either a lab text by key or a text from the core, shown as it is. */
export function said(message: TextItem | string): string {
  return typeof message === 'string' ? message : ltItem(message);
}
