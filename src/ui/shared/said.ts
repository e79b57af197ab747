/**
 * Something a state object wants to say, kept as a message key (with parameters) instead of a
 * finished sentence, so the view can word it in the current language and reword it when the
 * language changes. What the core said (a CertbenchError, a problem) comes as `{ core }`, worded from
 * the core's catalog in the current language; `{ text }` is text that has no words of ours (a file
 * name, a library's message). A parameter can itself be a Said, for sentences built from translated pieces.
 */
import type { LocatedMessage } from '../../core/errors.ts';
import { coreText } from '../i18n/core-text.svelte.ts';
export type Said<Key extends string> =
  | { key: Key; params?: Record<string, string | number | Said<Key>> }
  | { core: LocatedMessage }
  | { text: string };

type T<Key extends string> = (key: Key, params?: Record<string, string | number>) => string;

export function sayWith<Key extends string>(t: T<Key>, said: Said<Key>): string {
  if ('text' in said) return said.text;
  if ('core' in said) return coreText(said.core);
  if (!said.params) return t(said.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.params)) params[name] = typeof value === 'object' ? sayWith(t, value) : value;
  return t(said.key, params);
}
