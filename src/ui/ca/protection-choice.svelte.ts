/** How a new or imported CA key is kept: passphrase-wrapped (default) or browser-held; exportable or not. */
import type { KeyProtection } from '../../store/ca.ts';

export type ProtectionKind = KeyProtection['kind'];

export class ProtectionChoice {
  kind = $state<ProtectionKind>('passphrase');
  passphrase = $state('');
  confirmation = $state('');
  exportable = $state(false);

  /** Why the choice cannot be used yet, or ''. */
  get problem(): string {
    if (this.kind !== 'passphrase') return '';
    if (!this.passphrase) return 'choose a passphrase for the CA key';
    if (this.passphrase !== this.confirmation) return 'the two passphrases differ';
    return '';
  }

  toProtection(): KeyProtection {
    return this.kind === 'passphrase'
      ? { kind: 'passphrase', passphrase: this.passphrase, exportable: this.exportable }
      : { kind: 'browser-key', exportable: this.exportable };
  }

  /** Forgets the typed passphrases once they have been used. */
  clearSecrets(): void {
    this.passphrase = '';
    this.confirmation = '';
  }
}
