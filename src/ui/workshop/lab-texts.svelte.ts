/**
 * The lab texts in the interface language (src/workshop/texts.ts holds every language's catalog);
 * read with locale.current, so every text follows the language switch.
 */
import { locale } from '../i18n/locale.svelte.ts';
import { isLabTextKey, itemText, labText, labVarText, type LabVar, type LabVars, type TextItem } from '../../workshop/index.ts';

/**
 * A lab text by key in the current language, with its values filled in. The view composes some keys
 * (`lab.<lab>.<step>.title`, `field.<id>`), so a key is checked here: one no catalog has shows as [key].
 */
export function lt(key: string, vars?: LabVars): string {
  return isLabTextKey(key) ? labText(key, vars, locale.current) : `[${key}]`;
}

export function ltItem(item: TextItem): string {
  return itemText(item, locale.current);
}

/** A message as said (a lab text by key, a core message such as a caught error, or a text as it is), in the current language. */
export function said(message: LabVar): string {
  return labVarText(message, locale.current);
}
