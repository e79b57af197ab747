/**
 * What the core says to a person, as message ids with parameters, in every language: one file per
 * area per locale (en/<area>.ts is the reference; de/ja/zh/<area>.ts have exactly its keys and
 * placeholders). The CLI renders English from here, the UI the current locale.
 */
import en from './en/index.ts';
import de from './de/index.ts';
import ja from './ja/index.ts';
import zh from './zh/index.ts';
import { format, pick, type MessageSet, type ParamValue, type Placeholders } from '../i18n/messages.ts';
import type { Locale } from '../i18n/locales.ts';

type CoreCatalog = typeof en;
export type CoreMessageId = keyof CoreCatalog & string;

const everyLocale = { en, de, ja, zh };
/** Locales not yet in LOCALES are carried but not offered (their files are checked all the same). */
export const CORE_MESSAGES: MessageSet<CoreCatalog> = everyLocale;

/** A parameter is a value (a name, a number, text quoted from the input) or a message of its own. */
export type MessageParam = ParamValue | CoreMessage;

/** The parameters message `Id` needs: exactly its {placeholders}. */
export type ParamsOf<Id extends CoreMessageId> = [Placeholders<CoreCatalog[Id]>] extends [never]
  ? Readonly<Record<string, never>> | undefined
  : { readonly [P in Placeholders<CoreCatalog[Id]>]: MessageParam };

/** A sentence or phrase the core produced, not yet worded: the id picks the text, params fill it. */
export interface CoreMessage<Id extends CoreMessageId = CoreMessageId> {
  readonly id: Id;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/**
 * Where in the input: a name that is the same in every language (a file path, a field such as
 * "tls.crt", a PEM label), a message ("block 2", "offset 0x40"), or a path of those, outermost first.
 */
export type WherePart = string | CoreMessage;
export type Where = WherePart | readonly WherePart[];

/** A message with its place ("validity: …"): what crosses from the core (or a worker) to whoever words it. */
export interface LocatedMessage<Id extends CoreMessageId = CoreMessageId> extends CoreMessage<Id> {
  readonly where?: Where;
}

/** A typed message value: `msg('where.block', { index: 2 })`. */
export function msg<Id extends CoreMessageId>(id: Id, ...params: ParamsOf<Id> extends undefined | Readonly<Record<string, never>> ? [ParamsOf<Id>?] : [ParamsOf<Id>]): CoreMessage<Id> {
  return params[0] ? { id, params: params[0] } : { id };
}

/** The message in `locale` (English by default, which is what the CLI prints), nested messages worded too. */
export function render(message: LocatedMessage, locale: Locale = 'en'): string {
  const filled: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) filled[name] = typeof value === 'object' ? render(value, locale) : value;
  const text = format(pick(CORE_MESSAGES, locale, message.id), filled);
  const where = message.where === undefined ? [] : wherePath(message.where);
  return where.length ? `${renderWhere(where, locale)}: ${text}` : text;
}

export function wherePath(where: Where): readonly WherePart[] {
  return Array.isArray(where) ? where : [where as WherePart];
}

/** "block 2 › offset 0x40", in `locale`. */
export function renderWhere(where: Where, locale: Locale = 'en'): string {
  return wherePath(where)
    .map((part) => (typeof part === 'string' ? part : render(part, locale)))
    .join(' › ');
}
