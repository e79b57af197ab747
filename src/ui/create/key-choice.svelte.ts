/**
 * The key half of Create: a new key of a chosen type, or an existing one pasted or dropped (PEM,
 * passphrase for encrypted PKCS#8). An imported key lives in this object only.
 */
import { errorText } from '../i18n/core-text.svelte.ts';
import { supportsEd25519 } from '../../core/keys/generate.ts';
import { importPrivateKey, type ImportedKey } from '../../core/keys/import.ts';
import { describeKeyAlgorithm, keyAlgorithmOf, type KeyAlgorithm, type KeyType } from '../../core/keys/key-types.ts';
import type { Said } from '../shared/said.ts';
import type { en } from '../i18n/messages/create.ts';

/** Something Create says: one of its messages (src/ui/i18n/messages/create.ts), or the core's words. */
export type CreateSaid = Said<keyof typeof en>;

type KeySource = 'new' | 'existing';

export const KEY_TYPE_CHOICES: readonly { type: KeyType; label: string }[] = [
  { type: 'rsa2048', label: 'RSA 2048' },
  { type: 'rsa3072', label: 'RSA 3072' },
  { type: 'rsa4096', label: 'RSA 4096' },
  { type: 'ec-p256', label: 'ECDSA P-256' },
  { type: 'ec-p384', label: 'ECDSA P-384' },
  { type: 'ec-p521', label: 'ECDSA P-521' },
  { type: 'ed25519', label: 'Ed25519' },
];


export class KeyChoice {
  source = $state<KeySource>('new');
  keyType = $state<KeyType>('ec-p256');
  /** undefined while the check runs. */
  ed25519 = $state<boolean | undefined>(undefined);

  pem = $state('');
  passphrase = $state('');
  imported = $state.raw<ImportedKey | undefined>(undefined);
  importError = $state.raw<CreateSaid | null>(null);
  importing = $state(false);
  /** The key is encrypted and the passphrase field should show. */
  needsPassphrase = $state(false);

  #importRun = 0;

  constructor(subtle?: SubtleCrypto) {
    void supportsEd25519(subtle).then((ok) => (this.ed25519 = ok));
  }

  /** The algorithm the CSR will be signed with, for the key usage shown. */
  get algorithm(): KeyAlgorithm | undefined {
    if (this.source === 'existing') return this.imported?.algorithm;
    return keyAlgorithmOf(this.keyType);
  }

  /** Why there is no usable key yet, or null. */
  get problem(): CreateSaid | null {
    if (this.source === 'existing') {
      if (this.importing) return { key: 'keyStillLoading' };
      if (!this.imported) return this.importError ?? { key: 'keyMissing' };
      return null;
    }
    if (this.keyType === 'ed25519' && this.ed25519 === false) return { key: 'ed25519Unsupported' };
    return null;
  }

  /** "ECDSA P-384 key (encrypted PKCS#8) loaded", or null. */
  get importedSummary(): CreateSaid | null {
    const k = this.imported;
    return k ? { key: 'keyLoaded', params: { key: describeKeyAlgorithm(k.algorithm), format: { key: `format.${k.format}` } } } : null;
  }

  async load(): Promise<void> {
    const run = ++this.#importRun;
    this.imported = undefined;
    this.importError = null;
    if (!this.pem.trim()) {
      this.importError = { key: 'keyPasteFirst' };
      return;
    }
    this.importing = true;
    try {
      const key = await importPrivateKey(this.pem, { passphrase: this.passphrase === '' ? undefined : this.passphrase });
      if (run !== this.#importRun) return;
      this.imported = key;
      this.needsPassphrase = key.format === 'encrypted-pkcs8';
    } catch (e) {
      if (run !== this.#importRun) return;
      this.importError = { text: errorText(e) };
    } finally {
      if (run === this.#importRun) this.importing = false;
    }
  }

  /** New text in the key field: the old key no longer stands. */
  keyTextChanged(): void {
    this.#importRun++;
    this.imported = undefined;
    this.importError = null;
    this.importing = false;
    this.needsPassphrase = /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(this.pem);
  }

  /** Drops the loaded key and its text. */
  forget(): void {
    this.pem = '';
    this.passphrase = '';
    this.keyTextChanged();
  }
}
