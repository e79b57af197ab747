/**
 * What the core says (message ids with parameters, CertbenchErrors) in the interface language. Read
 * inside a component or a $derived, the text follows the language switch like any t(key).
 */
import { CertbenchError, describeError, render, type LocatedMessage, type Where } from '../../core/errors.ts';
import { locale } from './locale.svelte.ts';

export function coreText(message: LocatedMessage): string {
  return render(message, locale.current);
}

/** Words for anything caught: a CertbenchError in the current language, anything else in its own words. */
export function errorText(e: unknown): string {
  return describeError(e, locale.current);
}

/** A failure the interface words itself (already in the current language), thrown like the core's. */
export function uiError(text: string, where?: Where): CertbenchError {
  return new CertbenchError('error.text', { text }, where);
}
