/**
 * UI strings by language. Each area's strings live in src/ui/i18n/messages/<locale>/<area>.ts (en is
 * the reference; the others `satisfies Messages<typeof en>`), gathered per area in messages/<area>.ts;
 * `translator(messages)` gives that area a `t(key, params)` that reads the current locale (a $state),
 * so text re-renders when the language changes. The mechanism (format, pick, the Messages types) is
 * the core's (src/core/i18n/messages.ts), shared with lab texts, explanations and core messages.
 * To add a language: one line in src/core/i18n/locales.ts and a file per area; tests/unit/i18n-locales.test.ts
 * names each missing file, key or placeholder. Messages are plain text with {name} placeholders: no HTML.
 */
import { locale } from './locale.svelte.ts';
import { format, pick, type MessageSet, type Params } from '../../core/i18n/messages.ts';

export { format, type Messages, type MessageSet } from '../../core/i18n/messages.ts';

export function translator<Reference extends Record<string, string>>(messages: MessageSet<Reference>) {
  return function t(key: keyof Reference & string, params?: Params): string {
    return format(pick(messages, locale.current, key), params);
  };
}
