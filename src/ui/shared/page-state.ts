/**
 * One state per area for the page's life: made the first time the area opens, kept while the person
 * goes elsewhere, so coming back finds every form and sub-tab as it was. A view takes its state as a
 * prop (tests give their own) and falls back to the page's; only a state it was given is its to dispose.
 */
export function pageState<T>(make: () => T): () => T {
  let state: T | undefined;
  return () => (state ??= make());
}
