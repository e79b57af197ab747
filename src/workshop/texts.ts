/**
 * The lab texts in every language, looked up by typed key with English as the fallback (the same
 * mechanism as every other catalog: src/core/i18n/messages.ts); a key no catalog has shows itself.
 */
import { format, pick, type MessageSet } from '../core/i18n/messages.ts';
import type { Locale } from '../core/i18n/locales.ts';
import { LAB_TEXTS_EN, type LabTextKey } from './labs.en.ts';
import { LAB_TEXTS_DE } from './labs.de.ts';
import { LAB_TEXTS_JA } from './labs.ja.ts';
import { LAB_TEXTS_ZH } from './labs.zh.ts';
import type { TextItem } from './types.ts';

const EVERY_LOCALE = { en: LAB_TEXTS_EN, de: LAB_TEXTS_DE, ja: LAB_TEXTS_JA, zh: LAB_TEXTS_ZH };
/** Locales not yet in LOCALES are carried but not offered. */
export const LAB_TEXTS: MessageSet<typeof LAB_TEXTS_EN> = EVERY_LOCALE;

export function isLabTextKey(key: string): key is LabTextKey {
  return Object.hasOwn(LAB_TEXTS_EN, key);
}

export function labText(key: LabTextKey, vars: Record<string, string> = {}, locale: Locale = 'en'): string {
  return format(pick(LAB_TEXTS, locale, key), vars);
}

export function itemText(item: TextItem, locale: Locale = 'en'): string {
  return labText(item.key, item.vars, locale);
}
