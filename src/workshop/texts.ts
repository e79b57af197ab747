/**
 * The lab texts in every language, looked up by typed key with English as the fallback (the same
 * mechanism as every other catalog: src/core/i18n/messages.ts); a key no catalog has shows itself.
 */
import { render } from '../core/errors.ts';
import { format, pick, type MessageSet } from '../core/i18n/messages.ts';
import { joinIn, type Locale } from '../core/i18n/locales.ts';
import type { VerifyProblem } from '../core/verify/index.ts';
import { LAB_TEXTS_EN, type LabTextKey } from './labs.en.ts';
import { LAB_TEXTS_DE } from './labs.de.ts';
import { LAB_TEXTS_JA } from './labs.ja.ts';
import { LAB_TEXTS_ZH } from './labs.zh.ts';
import type { LabVar, LabVarList, LabVars, TextItem } from './types.ts';

const EVERY_LOCALE = { en: LAB_TEXTS_EN, de: LAB_TEXTS_DE, ja: LAB_TEXTS_JA, zh: LAB_TEXTS_ZH };
/** Locales not yet in LOCALES are carried but not offered. */
export const LAB_TEXTS: MessageSet<typeof LAB_TEXTS_EN> = EVERY_LOCALE;

export function isLabTextKey(key: string): key is LabTextKey {
  return Object.hasOwn(LAB_TEXTS_EN, key);
}

export function labText(key: LabTextKey, vars: LabVars = {}, locale: Locale = 'en'): string {
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) filled[name] = labVarText(value, locale);
  return format(pick(LAB_TEXTS, locale, key), filled);
}

/** One filled-in value in `locale`: names as they are, lab texts and core messages worded, lists strung together. */
export function labVarText(value: LabVar, locale: Locale = 'en'): string {
  if (typeof value === 'string') return value;
  if ('parts' in value) {
    const parts = value.parts.map((p) => labVarText(p, locale));
    return value.join === 'entries' ? parts.join(' | ') : joinIn(locale, value.join, parts);
  }
  return 'key' in value ? itemText(value, locale) : render(value, locale);
}

/** What verification found wrong, worded when shown, as clauses of one sentence ("a; b"). */
export function problemsOf(problems: readonly VerifyProblem[]): LabVarList {
  return listOf('clauses', problems.map((p) => p.said));
}

/** Several values strung together when shown: `listOf('clauses', problems)`. */
export function listOf(join: LabVarList['join'], parts: readonly LabVar[]): LabVarList {
  return { join, parts };
}

export function itemText(item: TextItem, locale: Locale = 'en'): string {
  return labText(item.key, item.vars, locale);
}
