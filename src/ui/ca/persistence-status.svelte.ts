/**
 * The browser's answer to "keep this storage": asked once at start-up (main.ts, never awaited:
 * Firefox on file:// never answers) and shown in the CA view whenever it arrives.
 */
import { requestPersistence, type PersistenceAnswer } from '../../store/persistence.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as caMessages from '../i18n/messages/ca.ts';

const t = translator(caMessages);

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
    return t(`persistence.${this.answer}`);
  }
}

export const persistenceStatus = new PersistenceStatus();
