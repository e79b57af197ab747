/** The "Import a CA" form: certificate PEM (with its chain) and private key, pasted or read from files. */
import type { CaImportInput } from '../../core/ca/index.ts';
import { ProtectionChoice } from './protection-choice.svelte.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as caMessages from '../i18n/messages/ca.ts';

const t = translator(caMessages);

export class ImportCaForm {
  certificate = $state('');
  key = $state('');
  /** A DER file chosen for either: kept as bytes, the text box then names the file. */
  certificateDer = $state.raw<Uint8Array | undefined>(undefined);
  keyDer = $state.raw<Uint8Array | undefined>(undefined);
  /** For an encrypted PKCS#8 key. */
  keyPassphrase = $state('');
  readonly protection = new ProtectionChoice();

  get problem(): string {
    if (!this.certificate.trim()) return t('problem.noCertificate');
    if (!this.key.trim()) return t('problem.noKey');
    return this.protection.problem;
  }

  input(): CaImportInput {
    return { certificate: this.certificateDer ?? this.certificate, key: this.keyDer ?? this.key, ...(this.keyPassphrase ? { passphrase: this.keyPassphrase } : {}) };
  }

  clear(): void {
    this.certificate = '';
    this.key = '';
    this.certificateDer = undefined;
    this.keyDer = undefined;
    this.keyPassphrase = '';
    this.protection.clearSecrets();
  }
}
