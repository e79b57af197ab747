/**
 * A card's title as a message id (the UI words it in its language) and, for the CLI, in English.
 * A name taken from the object (a CN, a subject) is data, shown as it is in every language.
 */
import { msg, render, type CoreMessage } from '../errors.ts';
import type { ObjectKind } from '../types.ts';
import type { Summary } from './types.ts';

export function setTitle(s: Summary, said: CoreMessage): void {
  s.titleSaid = said;
  s.title = render(said);
}

export const kindTitle = (kind: ObjectKind): CoreMessage => msg(`summary.kind.${kind}`);
export const nameTitle = (name: string): CoreMessage => msg('summary.name', { name });
