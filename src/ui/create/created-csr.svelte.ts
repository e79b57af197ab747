/**
 * What Generate made: the key pair (in memory only), the CSR and everything shown for it, and the
 * private key in the export form chosen. The key leaves the page only through Copy or Download.
 */
import { errorText } from '../i18n/core-text.svelte.ts';
import type { BuiltCsr } from '../../core/csr/build.ts';
import type { CsrRequest } from '../../core/csr/request.ts';
import { exportPrivateKeyPem, type PrivateKeyExportFormat } from '../../core/keys/export.ts';
import type { KeyAlgorithm } from '../../core/keys/key-types.ts';
import { publicKeyPem } from '../../core/keys/spki.ts';
import { dumpText } from '../../core/text/dump.ts';
import { csrEquivalents, type CsrEquivalents } from '../../core/csr/equivalents.ts';
import { outputFileNames, type OutputFileNames } from '../shared/file-names.ts';

import type { CreateSaid } from './key-choice.svelte.ts';

/** The key's export forms by family; each is named by the message `keyFormat.<format>`. */
const KEY_FORMAT_CHOICES: readonly { format: PrivateKeyExportFormat; families: KeyAlgorithm['family'][] }[] = [
  { format: 'pkcs8', families: ['rsa', 'ec', 'ed25519'] },
  { format: 'pkcs1', families: ['rsa'] },
  { format: 'sec1', families: ['ec'] },
  { format: 'encrypted-pkcs8', families: ['rsa', 'ec', 'ed25519'] },
];

interface CreatedInput {
  csr: BuiltCsr;
  keyPair: CryptoKeyPair;
  algorithm: KeyAlgorithm;
  request: CsrRequest;
  existingKey: boolean;
  fileBase: string;
  /** Key generation time, when a key was made. */
  keygenMs?: number;
}

export class CreatedCsr {
  readonly csrPem: string;
  readonly csrText: string;
  readonly files: OutputFileNames;
  readonly equivalents: CsrEquivalents;
  readonly algorithm: KeyAlgorithm;
  readonly keygenMs?: number;
  readonly existingKey: boolean;

  publicKeyPem = $state('');
  keyFormat = $state<PrivateKeyExportFormat>('pkcs8');
  passphrase = $state('');
  confirmation = $state('');
  /** The private key PEM in the chosen form; '' until made (encrypted needs the Encrypt button). */
  keyPem = $state('');
  keyBusy = $state(false);
  keyError = $state.raw<CreateSaid | null>(null);

  #keyPair: CryptoKeyPair;
  #run = 0;

  constructor(input: CreatedInput) {
    this.#keyPair = input.keyPair;
    this.algorithm = input.algorithm;
    this.keygenMs = input.keygenMs;
    this.existingKey = input.existingKey;
    this.csrPem = input.csr.pem;
    this.files = outputFileNames(input.fileBase);
    this.csrText = safeDump(input.csr.der);
    this.equivalents = csrEquivalents(input.request, this.files, input.existingKey);
  }

  /** Exports what is shown at first: the public key and the PKCS#8 private key. */
  async start(): Promise<void> {
    try {
      this.publicKeyPem = await publicKeyPem(this.#keyPair.publicKey);
    } catch (e) {
      this.publicKeyPem = `(could not export the public key: ${errorText(e)})`;
    }
    await this.exportKey();
  }

  get formats() {
    return KEY_FORMAT_CHOICES.filter((c) => c.families.includes(this.algorithm.family));
  }

  /** Why the encrypted key cannot be made yet (a message key), or ''. */
  get passphraseProblem(): 'passphraseMissing' | 'passphrasesDiffer' | '' {
    if (this.keyFormat !== 'encrypted-pkcs8') return '';
    if (this.passphrase === '') return 'passphraseMissing';
    if (this.confirmation !== this.passphrase) return 'passphrasesDiffer';
    return '';
  }

  /** A new format chosen: plain forms are exported at once; the encrypted one waits for its passphrase. */
  async chooseFormat(format: PrivateKeyExportFormat): Promise<void> {
    this.keyFormat = format;
    this.keyPem = '';
    this.keyError = null;
    if (format !== 'encrypted-pkcs8') await this.exportKey();
    else this.#run++;
  }

  /** Passphrase typed: an encrypted key made with the old one is no longer what is asked for. */
  passphraseChanged(): void {
    if (this.keyFormat === 'encrypted-pkcs8') {
      this.#run++;
      this.keyPem = '';
      this.keyBusy = false;
    }
  }

  async exportKey(): Promise<void> {
    if (this.passphraseProblem) {
      this.keyError = { key: this.passphraseProblem };
      return;
    }
    const run = ++this.#run;
    this.keyBusy = true;
    this.keyError = null;
    try {
      const pem = await exportPrivateKeyPem(this.#keyPair.privateKey, {
        format: this.keyFormat,
        passphrase: this.keyFormat === 'encrypted-pkcs8' ? this.passphrase : undefined,
      });
      if (run === this.#run) this.keyPem = pem;
    } catch (e) {
      if (run === this.#run) this.keyError = { text: errorText(e) };
    } finally {
      if (run === this.#run) this.keyBusy = false;
    }
  }

  /** Drops the key from this object (the view drops the object itself). */
  forget(): void {
    this.#run++;
    this.keyPem = '';
    this.passphrase = '';
    this.confirmation = '';
  }
}

function safeDump(der: Uint8Array): string {
  try {
    return dumpText({ kind: 'csr', der, origin: 'new CSR' });
  } catch (e) {
    return `(could not print the request: ${errorText(e)})`;
  }
}
