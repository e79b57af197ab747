/** How a new or imported CA key is kept: passphrase-wrapped (default) or browser-held; exportable or not. */
import { MIN_CA_PASSPHRASE_LENGTH, type KeyProtection } from '../../store/ca.ts';
import { passphraseStrength, type PassphraseStrength } from './passphrase-strength.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as protectionMessages from '../i18n/messages/ca-protection.ts';

const t = translator(protectionMessages);

type ProtectionKind = KeyProtection['kind'];

export class ProtectionChoice {
  kind = $state<ProtectionKind>('passphrase');
  passphrase = $state('');
  confirmation = $state('');
  exportable = $state(false);

  /** Why the choice cannot be used yet, or ''. */
  get problem(): string {
    if (this.kind !== 'passphrase') return '';
    if (!this.passphrase) return t('problem.noPassphrase');
    if (this.strength === 'short') return t('problem.tooShort', { min: MIN_CA_PASSPHRASE_LENGTH, count: [...this.passphrase].length });
    if (this.passphrase !== this.confirmation) return t('problem.passphrasesDiffer');
    return '';
  }

  get strength(): PassphraseStrength {
    return passphraseStrength(this.passphrase);
  }

  /** The strength in plain words, '' before anything is typed. */
  get strengthText(): string {
    return this.passphrase ? t(`strength.${this.strength}`, { min: MIN_CA_PASSPHRASE_LENGTH, count: [...this.passphrase].length }) : '';
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
