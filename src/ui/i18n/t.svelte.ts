/**
 * UI strings by language. Each module's strings live in src/ui/i18n/messages/<module>.ts as
 * `{ en, de }` objects with the same keys; `translator(messages)` gives that module a `t(key, params)`
 * that reads the current locale (a $state), so text re-renders when the language changes.
 * To add a language: add it to LOCALES (src/core/explain/types.ts) and an object to every messages file;
 * the compiler names each missing key. Messages are plain text with {name} placeholders: no HTML.
 */
import { locale, type Locale } from './locale.svelte.ts';

/** Another language's messages: exactly the reference language's keys, each a string. */
export type Messages<Reference> = { readonly [K in keyof Reference]: string };

export type MessageSet<Reference extends Record<string, string>> = { en: Reference } & Record<Exclude<Locale, 'en'>, Messages<Reference>>;

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator<Reference extends Record<string, string>>(messages: MessageSet<Reference>) {
  return function t(key: keyof Reference & string, params?: Record<string, string | number>): string {
    const table = (messages[locale.current as Locale] ?? messages.en) as Record<string, string>;
    return format(table[key] ?? (messages.en as Record<string, string>)[key] ?? key, params);
  };
}
