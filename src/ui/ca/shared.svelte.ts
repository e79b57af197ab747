/** The page's one CA state: kept across area switches so unlocked keys stay unlocked for the session. */
import { CaState } from './ca-state.svelte.ts';

let shared: CaState | undefined;

export function sharedCaState(): CaState {
  shared ??= new CaState();
  return shared;
}
