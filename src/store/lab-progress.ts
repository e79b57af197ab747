/**
 * Workshop progress in IndexedDB: one record per lab (done steps, field values, text artifacts, and
 * the lab's private keys as WebCrypto keys kept by structured clone — the way the CA store keeps
 * browser-held keys — never as PEM text). Its own idb-keyval store, apart from the CA store; lab
 * CAs live in a CaStore of their own (WORKSHOP_CA_DB_NAME) so a leader can export exactly those.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { CertbenchError, msg } from '../core/errors.ts';
import type { LabId, LabState } from '../workshop/types.ts';
import { storageError } from './db.ts';

const LAB_PROGRESS_DB_NAME = 'certbench-workshop';
export const WORKSHOP_CA_DB_NAME = 'certbench-workshop-ca';
const STORE_NAME = 'labs';

export class LabProgressStore {
  private store: UseStore | undefined;
  constructor(private readonly dbName = LAB_PROGRESS_DB_NAME) {}

  private use(): UseStore {
    if (typeof indexedDB === 'undefined') throw storageError(undefined, msg('store.openingProgress'));
    this.store ??= createStore(this.dbName, STORE_NAME);
    return this.store;
  }

  async load(labId: LabId): Promise<LabState | undefined> {
    try {
      return await get<LabState>(`lab:${labId}`, this.use());
    } catch (e) {
      throw storageError(e, msg('store.readingProgress'));
    }
  }

  async save(state: LabState): Promise<void> {
    if (state.labId === undefined) throw new CertbenchError('store.labIdMissing');
    try {
      await set(`lab:${state.labId}`, state, this.use());
    } catch (e) {
      throw storageError(e, msg('store.savingProgress'));
    }
  }

  /** Forgets the lab: its steps, artifacts and keys. */
  async reset(labId: LabId): Promise<void> {
    try {
      await del(`lab:${labId}`, this.use());
    } catch (e) {
      throw storageError(e, msg('store.resettingLab'));
    }
  }

  async labsWithProgress(): Promise<LabId[]> {
    try {
      return (await keys<string>(this.use())).filter((k) => k.startsWith('lab:')).map((k) => k.slice(4) as LabId);
    } catch (e) {
      throw storageError(e, msg('store.readingProgress'));
    }
  }
}
