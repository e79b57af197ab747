/**
 * What the CA screens import: the store (CaStore: create/import/unlock/lock/plan/issue/revoke/crl),
 * encrypted backup and restore, the storage-persistence request, and the texts that explain each
 * key protection. Everything here runs on IndexedDB + WebCrypto only (tested under fake-indexeddb).
 */
export { CaStore, type CaIntegrity, type CaSummary } from './ca-store.ts';
export type { CaRecord, Quarantined } from './ca-records.ts';
export { CaIntegrityError, type CaProblem, type Repair } from './ca-integrity.ts';
export { makeBackup, restoreBackup, type BackupResult, type RestoreRefusal, type RestoreResult } from './backup.ts';
export { requestPersistence, type PersistenceAnswer } from './persistence.ts';
export { KEY_PROTECTION_TEXTS } from './protection-texts.ts';
export { KEY_PBKDF2_ITERATIONS, MIN_CA_PASSPHRASE_LENGTH, type KeyProtection } from './key-vault.ts';
export { openDb, CA_DB_NAME } from './db.ts';
