/**
 * The page's one Inspect state and its decoder: the pasted text and the cards (with the view each
 * shows) are kept across area switches; the text, when it holds no key and is not huge, across reloads.
 * A big paste or files are never stored: only their description, so that after a reload the box says
 * they were not kept (see big-paste.ts).
 */
import { createDecoder } from '../workers/bridge.ts';
import { field, remember } from '../shared/form-memory.svelte.ts';
import { pageState } from '../shared/page-state.svelte.ts';
import type { CardView } from './card-state.svelte.ts';
import { CARDS_PER_PAGE, InspectState } from './inspect-state.svelte.ts';
import { forMemory, isGiven } from './big-paste.ts';

const isString = (v: unknown): v is string => typeof v === 'string';
const isViews = (v: unknown): v is CardView[] => Array.isArray(v) && v.length <= CARDS_PER_PAGE && v.every((x) => x === 'text' || x === 'asn1');

export const sharedInspectState = pageState(() => {
  // The decode worker is started on first use and kept for the page: Inspect is where most people start and return.
  const inspect = new InspectState(createDecoder());
  remember('inspect', {
    // Put back as if pasted again: the cards come back decoded.
    input: field(() => inspect.input, (text) => ((inspect.input = text), void inspect.decodeText()), isString),
    // After the text: putting the text back decodes it, which forgets what was given before.
    given: field(() => forMemory(inspect.given), (given) => (inspect.given = given), isGiven),
    views: field(() => (inspect.cards.length <= CARDS_PER_PAGE ? inspect.views : undefined), (views) => inspect.restoreViews(views), isViews),
  });
  return inspect;
});
