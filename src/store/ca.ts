/**
 * What the CA screens import: the store (CaStore: create/import/unlock/lock/plan/issue/revoke/crl),
 * encrypted backup and restore, the storage-persistence request, and the texts that explain each
 * key protection. Everything here runs on IndexedDB + WebCrypto only (tested under fake-indexeddb).
 */
export { CaStore, type CaRecord, type CaSummary } from './ca-store.ts';
export { makeBackup, restoreBackup, type BackupResult, type RestoreResult } from './backup.ts';
export { requestPersistence, type PersistenceAnswer } from './persistence.ts';
export { KEY_PROTECTION_TEXTS } from './protection-texts.ts';
export { KEY_PBKDF2_ITERATIONS, type KeyProtection } from './key-vault.ts';
export { openDb, CA_DB_NAME } from './db.ts';
