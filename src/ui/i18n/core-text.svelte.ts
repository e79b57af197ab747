/**
 * What the core says (message ids with parameters, CertbenchErrors) in the interface language. Read
 * inside a component or a $derived, the text follows the language switch like any t(key).
 */
import { CertbenchError, describeError, render, renderWhere, type LocatedMessage, type Where } from '../../core/errors.ts';
import { joinIn } from '../../core/i18n/locales.ts';
import type { InputProblem } from '../../core/types.ts';
import { locale } from './locale.svelte.ts';

export function coreText(message: LocatedMessage): string {
  return render(message, locale.current);
}

/** Where an input problem or an object is, in the current language ("Block 2"); a name without words as it is. */
export function problemOrigin(p: Pick<InputProblem, 'origin' | 'originSaid'>): string {
  return p.originSaid !== undefined ? renderWhere(p.originSaid, locale.current) : p.origin;
}

/** Words for anything caught: a CertbenchError in the current language, anything else in its own words. */
export function errorText(e: unknown): string {
  return describeError(e, locale.current);
}

/** A failure the interface words itself (already in the current language), thrown like the core's. */
export function uiError(text: string, where?: Where): CertbenchError {
  return new CertbenchError('error.text', { text }, where);
}

/** Sentences already in the current language, one after the other as the language strings them (no space after 。). */
export function sentences(...texts: string[]): string {
  return joinIn(locale.current, 'sentences', texts);
}

/** Clauses already in the current language, strung into one sentence as the language does ("a; b", "a；b"). */
export function clauses(texts: readonly string[]): string {
  return joinIn(locale.current, 'clauses', texts);
}
