/**
 * Every failure certbench reports to a person is a CertbenchError: a message id with parameters (the
 * words live in src/core/messages/, one file per language) and where in the input it happened.
 * `message` is the English text, which the CLI prints; the UI words `said` and `where` in its locale.
 * Anything else escaping the core is a bug; callers wrap it with `CertbenchError.wrap` / `errorMessage`.
 */
import { msg, render, renderWhere, wherePath, type CoreMessage, type CoreMessageId, type LocatedMessage, type MessageParam, type ParamsOf, type Where, type WherePart } from './messages/index.ts';
import type { Locale } from './i18n/locales.ts';

export { msg, render, renderWhere, wherePath, type CoreMessage, type CoreMessageId, type LocatedMessage, type MessageParam, type Where, type WherePart };

/** A subclass (or code that picks among many ids) passes the id as CoreMessageId: then any params go. */
type ErrorArgs<Id extends CoreMessageId> = CoreMessageId extends Id
  ? [params?: Readonly<Record<string, MessageParam>>, where?: Where]
  : ParamsOf<Id> extends undefined | Readonly<Record<string, never>> ? [params?: ParamsOf<Id>, where?: Where] : [params: ParamsOf<Id>, where?: Where];

export class CertbenchError<Id extends CoreMessageId = CoreMessageId> extends Error {
  override name = 'CertbenchError';
  readonly said: CoreMessage<Id>;
  readonly where?: Where;
  constructor(id: Id, ...[params, where]: ErrorArgs<Id>) {
    const said: CoreMessage<Id> = params && Object.keys(params).length ? { id, params: params as Record<string, MessageParam> } : { id };
    super(render(where !== undefined ? { ...said, where } : said));
    this.said = said;
    if (where !== undefined) this.where = where;
  }

  /** A message made elsewhere (a validator's verdict, a shared helper's), thrown as it is. */
  static of(message: CoreMessage, where?: Where): CertbenchError {
    return new (CertbenchError as unknown as new (id: CoreMessageId, params: unknown, where?: Where) => CertbenchError)(message.id, message.params, where);
  }

  /** Anything caught, told at `where`: the words of the caught error (its own place included) after it. */
  static wrap(e: unknown, where?: Where): CertbenchError {
    return new CertbenchError('error.text', { text: errorMessage(e) }, where);
  }
}

/** Anything caught, as data that survives postMessage: a CertbenchError's id, params and place, else the error's own text. */
export function errorMessage(e: unknown): LocatedMessage {
  if (e instanceof CertbenchError) return e.where !== undefined ? { ...e.said, where: e.where } : e.said;
  return msg('error.text', { text: foreignText(e) });
}

/** The message a chain of `CertbenchError.wrap`s carries at its core (what went wrong, without the places). */
export function innermost(m: LocatedMessage): LocatedMessage {
  const inner = m.id === 'error.text' ? m.params?.text : undefined;
  return typeof inner === 'object' ? innermost(inner) : m;
}

/** Words for anything caught, never "[object Object]" and never a stack trace; English unless told otherwise. */
export function describeError(e: unknown, locale: Locale = 'en'): string {
  if (e instanceof CertbenchError && locale === 'en') return e.message;
  return e instanceof CertbenchError ? render(errorMessage(e), locale) : foreignText(e);
}

/** A library's or the platform's own words (not ours to translate). */
function foreignText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  return render(msg('error.unexpected'));
}
