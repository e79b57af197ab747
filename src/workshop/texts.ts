/** Looking up a lab text by key and filling in its values; a missing key shows itself rather than vanishing. */
import { LAB_TEXTS_EN } from './labs.en.ts';
import type { TextItem } from './types.ts';

export type LabTexts = Record<string, string>;

export function labText(key: string, vars: Record<string, string> = {}, texts: LabTexts = LAB_TEXTS_EN): string {
  const template = texts[key] ?? LAB_TEXTS_EN[key] ?? `[${key}]`;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? vars[name]! : m));
}

export function itemText(item: TextItem, texts: LabTexts = LAB_TEXTS_EN): string {
  return labText(item.key, item.vars, texts);
}
