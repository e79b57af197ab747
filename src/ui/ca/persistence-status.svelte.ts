/**
 * The browser's answer to "keep this storage": asked once at start-up (main.ts, never awaited:
 * Firefox on file:// never answers) and shown in the CA view whenever it arrives.
 */
import { requestPersistence, type PersistenceAnswer } from '../../store/persistence.ts';

export const PERSISTENCE_TEXTS: Record<PersistenceAnswer | 'waiting', string> = {
  waiting: 'Asked the browser to keep this storage; no answer yet (Firefox waits for a prompt that file:// pages never show). Keep a backup.',
  granted: 'The browser promised to keep this storage even when space runs low.',
  denied: 'The browser did not promise to keep this storage: it may clear it when space runs low, or when you clear site data. Keep a backup.',
  unsupported: 'This browser cannot be asked to keep storage. Keep a backup.',
  failed: 'The request to keep storage failed. Keep a backup.',
};

class PersistenceStatus {
  answer = $state<PersistenceAnswer | 'waiting'>('waiting');
  #asked = false;

  /** Starts the request once; the answer lands in `answer` when (if) it comes. */
  ask(request: typeof requestPersistence = requestPersistence): void {
    if (this.#asked) return;
    this.#asked = true;
    request((a) => (this.answer = a));
  }

  get text(): string {
    return PERSISTENCE_TEXTS[this.answer];
  }
}

export const persistenceStatus = new PersistenceStatus();
