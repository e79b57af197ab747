/** How a new or imported CA key is kept: passphrase-wrapped (default) or browser-held; exportable or not. */
import type { KeyProtection } from '../../store/ca.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as protectionMessages from '../i18n/messages/ca-protection.ts';

const t = translator(protectionMessages);

export type ProtectionKind = KeyProtection['kind'];

export class ProtectionChoice {
  kind = $state<ProtectionKind>('passphrase');
  passphrase = $state('');
  confirmation = $state('');
  exportable = $state(false);

  /** Why the choice cannot be used yet, or ''. */
  get problem(): string {
    if (this.kind !== 'passphrase') return '';
    if (!this.passphrase) return t('problem.noPassphrase');
    if (this.passphrase !== this.confirmation) return t('problem.passphrasesDiffer');
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
