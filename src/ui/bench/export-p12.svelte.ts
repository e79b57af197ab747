/**
 * "Download .p12" for a certificate whose key is on the bench: the form's state and the hand-over to
 * the core writer (loaded on first use, so the PKCS#12 code and its 3DES stay out of the first chunk).
 */
import { errorText } from '../i18n/core-text.svelte.ts';
import { downloadBytes } from '../shared/download.ts';
import { bench, type BenchItem } from './bench.svelte.ts';

/** Shorter passphrases are refused: the file leaves this page, and 2048 PBKDF2 rounds slow a guesser very little. */
export const P12_MIN_PASSPHRASE = 8;

export class ExportP12State {
  open = $state(false);
  passphrase = $state('');
  friendlyName = $state('');
  legacy = $state(false);
  busy = $state(false);
  error = $state('');
  done = $state('');

  constructor(readonly item: BenchItem) {
    this.friendlyName = item.title;
  }

  get tooShort(): boolean {
    return this.passphrase.length < P12_MIN_PASSPHRASE;
  }

  /** The .p12's name: the certificate's file name with its extension replaced. */
  get fileName(): string {
    return `${this.item.fileName.replace(/\.(pem|crt|cer|der)$/i, '')}.p12`;
  }

  async download(): Promise<void> {
    this.error = '';
    this.done = '';
    if (this.tooShort) return;
    const key = bench.keyFor(this.item);
    // The action is offered only while the key is on the bench; it may have been removed since.
    if (!key) return;
    this.busy = true;
    try {
      const { pkcs12FromBench } = await import('./p12-parts.ts');
      const bytes = await pkcs12FromBench({
        certificatePem: this.item.chainPem ?? (await bench.textOf(this.item)),
        keyPem: await bench.textOf(key),
        caPem: bench.caFor(this.item),
        friendlyName: this.friendlyName.trim() || undefined,
        passphrase: this.passphrase,
        legacy: this.legacy,
      });
      downloadBytes(this.fileName, bytes, 'application/x-pkcs12');
      this.done = this.fileName;
      this.passphrase = '';
    } catch (e) {
      this.error = errorText(e);
    } finally {
      this.busy = false;
    }
  }
}
