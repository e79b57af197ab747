/** Backup of the whole CA store as one passphrase-encrypted file, and restore from one (merging). */
import { makeBackup, restoreBackup, type BackupResult, type RestoreResult } from '../../store/ca.ts';
import { downloadText } from '../shared/download.ts';
import type { CaState } from './ca-state.svelte.ts';
import { attempt } from './attempt.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as caMessages from '../i18n/messages/ca.ts';

const t = translator(caMessages);

function backupFileName(now = new Date()): string {
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
    if (!this.passphrase) return t('problem.noBackupPassphrase');
    if (this.passphrase !== this.confirmation) return t('problem.passphrasesDiffer');
    return '';
  }

  /** Makes the file; `save` defaults to a browser download. */
  async backup(save: (name: string, text: string) => void = (n, t) => downloadText(n, t, 'application/json')): Promise<void> {
    this.backupError = '';
    this.made = undefined;
    if (this.backupProblem) {
      this.backupError = t('fixFirst', { problem: this.backupProblem });
      return;
    }
    this.busy = t('busyBackup');
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
      this.restoreError = t('chooseBackupFile');
      return;
    }
    this.busy = t('busyRestore');
    await attempt(async () => {
      this.restored = await restoreBackup(this.ca.store, this.restoreBytes!, this.restorePassphrase);
      this.restorePassphrase = '';
    }, (m) => (this.restoreError = /wrong passphrase/.test(m) ? t('wrongBackupPassphrase', { message: m }) : m));
    this.busy = '';
    await this.ca.refresh();
  }
}
