import { errorText } from '../i18n/core-text.svelte.ts';

/** Runs `work`, reporting its failure in words through `fail`; true when it succeeded. Nothing typed is cleared on failure. */
export async function attempt(work: () => Promise<void>, fail: (message: string) => void): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (e) {
    fail(errorText(e));
    return false;
  }
}
