/**
 * One state per area for the page's life: made the first time the area opens, kept while the person
 * goes elsewhere, so coming back finds every form and sub-tab as it was. A view takes its state as a
 * prop (tests give their own) and falls back to the page's; only a state it was given is its to dispose.
 */
export function pageState<T>(make: () => T): () => T {
  let state: T | undefined;
  return () => {
    // Made in a root of its own, not in the view that asks first: a $derived created while a component
    // sets up belongs to it, and would stop following its inputs once that view is gone.
    if (state === undefined) $effect.root(() => void (state = make()));
    return state!;
  };
}
