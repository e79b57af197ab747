import { get, set, createStore, type UseStore } from 'idb-keyval';

/**
 * Small UI preferences (last area visited, …) in IndexedDB. Preferences are a convenience:
 * when IndexedDB is unavailable (private browsing, a blocked profile) reads give the fallback
 * and writes fail quietly, because losing a preference must never break the page.
 */
let store: UseStore | undefined;
function prefsStore(): UseStore {
  store ??= createStore('certbench-prefs', 'prefs');
  return store;
}

export async function readPreference<T>(key: string, fallback: T): Promise<T> {
  try {
    const v = await get<T>(key, prefsStore());
    return v === undefined ? fallback : v;
  } catch {
    return fallback;
  }
}

export async function writePreference<T>(key: string, value: T): Promise<boolean> {
  try {
    await set(key, value, prefsStore());
    return true;
  } catch {
    return false;
  }
}
