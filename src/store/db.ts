/**
 * The CA store's IndexedDB: one idb-keyval store, and writes that touch several keys in ONE
 * transaction, aborted as a whole when any part fails, so a failed write leaves the previous state.
 */
import { createStore, entries, get, promisifyRequest, type UseStore } from 'idb-keyval';
import { CertbenchError, msg, type CoreMessage } from '../core/errors.ts';

export const CA_DB_NAME = 'certbench-ca';
const STORE_NAME = 'records';

/** Plain words for what IndexedDB reports, so a person knows what to do. */
export function storageError(e: unknown, doing: CoreMessage): CertbenchError {
  if (e instanceof CertbenchError) return e;
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
  const message =
    name === 'QuotaExceededError'
      ? msg('store.quota')
      : name === 'InvalidStateError'
        ? msg('store.closed')
        : name === 'DataCloneError'
          ? msg('store.notClonable')
          : name === 'SecurityError' || name === 'UnknownError' || typeof indexedDB === 'undefined'
            ? msg('store.noIndexedDb')
            : msg('store.refusedBy', { reason: e instanceof Error ? e.message || e.name : String(e) });
  return CertbenchError.of(message, doing);
}

export interface Db {
  get<T>(key: string): Promise<T | undefined>;
  entries<T>(prefix: string): Promise<[string, T][]>;
  /** Puts and deletes applied together or not at all. */
  write(puts: [string, unknown][], deletes?: string[]): Promise<void>;
  /**
   * Read-modify-write of several keys in one transaction: `change` sees current values and returns the
   * puts (and deletes); throwing aborts the transaction, writing nothing.
   */
  transact(keys: string[], change: (current: Map<string, unknown>) => [string, unknown][] | { puts: [string, unknown][]; deletes: string[] }): Promise<void>;
  clear(): Promise<void>;
}

export function openDb(name = CA_DB_NAME): Db {
  let store: UseStore | undefined;
  const use = (): UseStore => {
    if (typeof indexedDB === 'undefined') throw storageError(undefined, msg('store.openingCaStore'));
    store ??= createStore(name, STORE_NAME);
    return store;
  };
  const guarded = async <T>(doing: CoreMessage, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      throw storageError(e, doing);
    }
  };
  const applyAll = (s: IDBObjectStore, puts: [string, unknown][], deletes: string[]): Promise<void> => {
    try {
      for (const [k, v] of puts) s.put(v, k);
      for (const k of deletes) s.delete(k);
    } catch (e) {
      s.transaction.abort(); // a put that throws (DataCloneError) must not let the earlier puts commit
      return Promise.reject(e);
    }
    return promisifyRequest(s.transaction);
  };
  return {
    get: (key) => guarded(msg('store.readingCaStore'), () => get(key, use())),
    entries: <T>(prefix: string) =>
      guarded(msg('store.readingCaStore'), async () => (await entries<string, T>(use())).filter(([k]) => typeof k === 'string' && k.startsWith(prefix))),
    write: (puts, deletes = []) => guarded(msg('store.writingCaStore'), () => use()('readwrite', (s) => applyAll(s, puts, deletes))),
    transact: (keys, change) =>
      guarded(msg('store.writingCaStore'), () =>
        use()('readwrite', async (s) => {
          const current = new Map<string, unknown>();
          // Reads queued in the same transaction keep it alive; the puts follow in its last callback.
          await Promise.all(keys.map(async (k) => current.set(k, await promisifyRequest(s.get(k)))));
          let changes: ReturnType<typeof change>;
          try {
            changes = change(current);
          } catch (e) {
            s.transaction.abort();
            throw e;
          }
          return Array.isArray(changes) ? applyAll(s, changes, []) : applyAll(s, changes.puts, changes.deletes);
        }),
      ),
    clear: () => guarded(msg('store.clearingCaStore'), () => use()('readwrite', (s) => (s.clear(), promisifyRequest(s.transaction)))),
  };
}
