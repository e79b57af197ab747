/**
 * Re-running an async build as inputs change: a short pause after the last change, and only the
 * newest run's outcome is kept (an older, slower one must not overwrite it).
 */
import { errorText } from '../i18n/core-text.svelte.ts';

export class AsyncBuild<T> {
  result = $state.raw<T | undefined>(undefined);
  error = $state('');
  busy = $state(false);
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #build: () => Promise<T | undefined>;
  readonly #delayMs: number;

  constructor(build: () => Promise<T | undefined>, delayMs = 150) {
    this.#build = build;
    this.#delayMs = delayMs;
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.now(), this.#delayMs);
  }

  /** Builds at once; resolves when this run is done (never rejects). */
  async now(): Promise<void> {
    clearTimeout(this.#timer);
    const run = ++this.#run;
    this.busy = true;
    try {
      const r = await this.#build();
      if (run !== this.#run) return;
      this.result = r;
      this.error = '';
    } catch (e) {
      if (run !== this.#run) return;
      this.result = undefined;
      this.error = errorText(e);
    } finally {
      if (run === this.#run) this.busy = false;
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#run++;
  }
}
