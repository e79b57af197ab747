/** The Verify area: which section is open, and each section's state (kept while switching). */
import { CaStore, type CaSummary } from '../../store/ca.ts';
import { ChainState } from './chain-state.svelte.ts';
import { CompareState } from './compare-state.svelte.ts';
import { HostnameState } from './hostname-state.svelte.ts';
import { LintState } from './lint-state.svelte.ts';
import { MatchState } from './match-state.svelte.ts';
import { tabAfterKey } from '../shared/tab-keys.ts';

/** The sections in tab order; each one's name is the message `section.<id>` (messages/verify.ts). */
export const VERIFY_SECTIONS = [{ id: 'chain' }, { id: 'hostname' }, { id: 'match' }, { id: 'lints' }, { id: 'compare' }] as const;

type VerifySectionId = (typeof VERIFY_SECTIONS)[number]['id'];

/** The section a tab key moves to: arrows wrap, Home/End go to the ends; undefined for other keys. */
export function verifySectionAfterKey(current: VerifySectionId, key: string): VerifySectionId | undefined {
  return tabAfterKey(VERIFY_SECTIONS.map((s) => s.id), current, key);
}

/** Stored CAs, read only: opening the store never writes to it. */
function storedCaLister(): () => Promise<CaSummary[]> {
  let store: CaStore | undefined;
  return () => {
    store ??= new CaStore();
    return store.listCas();
  };
}

export class VerifyState {
  section = $state<VerifySectionId>('chain');
  readonly chain: ChainState;
  readonly hostname = new HostnameState();
  readonly match = new MatchState();
  readonly lints = new LintState();
  readonly compare = new CompareState();

  constructor(listCas: (() => Promise<CaSummary[]>) | undefined = storedCaLister()) {
    this.chain = new ChainState(listCas);
  }
}
