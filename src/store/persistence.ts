/**
 * Asks the browser to keep certbench's storage when space runs low. Never awaited at start-up:
 * Firefox on file:// never settles the promise (it waits on a prompt), Chromium answers false.
 */
export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported' | 'failed';

export function requestPersistence(onAnswer: (answer: PersistenceAnswer) => void): void {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) {
    onAnswer('unsupported');
    return;
  }
  let p: Promise<boolean>;
  try {
    p = storage.persist();
  } catch {
    onAnswer('failed');
    return;
  }
  p.then(
    (granted) => onAnswer(granted ? 'granted' : 'denied'),
    () => onAnswer('failed'),
  );
}
