/** Backup of the whole CA store as one passphrase-encrypted file, and restore from one (merging). */
import { makeBackup, restoreBackup, type BackupResult, type RestoreResult } from '../../store/ca.ts';
import { downloadText } from '../shared/download.ts';
import type { CaState } from './ca-state.svelte.ts';
import { attempt } from './attempt.ts';

export function backupFileName(now = new Date()): string {
  return `certbench-ca-${now.toISOString().slice(0, 10)}.certbench-backup`;
}

export class BackupState {
  passphrase = $state('');
  confirmation = $state('');
  made = $state.raw<(BackupResult & { fileName: string }) | undefined>(undefined);
  backupError = $state('');

  restoreBytes = $state.raw<Uint8Array | undefined>(undefined);
  restoreFileName = $state('');
  restorePassphrase = $state('');
  restored = $state.raw<RestoreResult | undefined>(undefined);
  restoreError = $state('');
  busy = $state('');

  private readonly ca: CaState;

  constructor(ca: CaState) {
    this.ca = ca;
  }

  get backupProblem(): string {
    if (!this.passphrase) return 'choose a passphrase for the backup file';
    if (this.passphrase !== this.confirmation) return 'the two passphrases differ';
    return '';
  }

  /** Makes the file; `save` defaults to a browser download. */
  async backup(save: (name: string, text: string) => void = (n, t) => downloadText(n, t, 'application/json')): Promise<void> {
    this.backupError = '';
    this.made = undefined;
    if (this.backupProblem) {
      this.backupError = `Fix first: ${this.backupProblem}`;
      return;
    }
    this.busy = 'Encrypting the backup…';
    await attempt(async () => {
      const result = await makeBackup(this.ca.store, this.passphrase);
      const fileName = backupFileName();
      save(fileName, new TextDecoder().decode(result.bytes));
      this.made = { ...result, fileName };
      this.passphrase = '';
      this.confirmation = '';
    }, (m) => (this.backupError = m));
    this.busy = '';
  }

  chooseFile(name: string, bytes: Uint8Array): void {
    this.restoreFileName = name;
    this.restoreBytes = bytes;
    this.restored = undefined;
    this.restoreError = '';
  }

  async restore(): Promise<void> {
    this.restoreError = '';
    this.restored = undefined;
    if (!this.restoreBytes) {
      this.restoreError = 'Choose a backup file first.';
      return;
    }
    this.busy = 'Decrypting and restoring…';
    await attempt(async () => {
      this.restored = await restoreBackup(this.ca.store, this.restoreBytes!, this.restorePassphrase);
      this.restorePassphrase = '';
    }, (m) => (this.restoreError = /wrong passphrase/.test(m) ? `Wrong passphrase for this backup: nothing was restored. (${m})` : m));
    this.busy = '';
    await this.ca.refresh();
  }
}
