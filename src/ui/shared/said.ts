/**
 * Something a state object wants to say, kept as a message key (with parameters) instead of a
 * finished sentence, so the view can word it in the current language and reword it when the
 * language changes. Texts from the core (CertbenchError messages) come as `{ text }`: they stay
 * as they are. A parameter can itself be a Said, for sentences built from translated pieces.
 */
export type Said<Key extends string> = { key: Key; params?: Record<string, string | number | Said<Key>> } | { text: string };

type T<Key extends string> = (key: Key, params?: Record<string, string | number>) => string;

export function sayWith<Key extends string>(t: T<Key>, said: Said<Key>): string {
  if ('text' in said) return said.text;
  if (!said.params) return t(said.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.params)) params[name] = typeof value === 'object' ? sayWith(t, value) : value;
  return t(said.key, params);
}
