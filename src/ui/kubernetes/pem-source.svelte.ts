/**
 * One paste-or-file input: what a person typed, or the file they opened or dropped. A text file
 * lands in the text box so it can be seen and edited; a binary one (DER, zip) is kept as bytes.
 */
import { asText } from '../../core/input/decode.ts';
import { errorText } from '../i18n/core-text.svelte.ts';
import { readFileBytes } from '../shared/file-input.ts';
import { t } from './i18n.ts';

export class PemSource {
  text = $state('');
  /** Bytes of a binary file; cleared as soon as the person types. */
  bytes = $state.raw<Uint8Array | undefined>(undefined);
  fileName = $state('');
  fileError = $state('');

  /** What to hand to the core: the text, the binary file, or undefined when empty. */
  get input(): string | Uint8Array | undefined {
    if (this.bytes) return this.bytes;
    return this.text.trim() ? this.text : undefined;
  }

  /** A short line saying where the input came from, for the field's description. */
  get note(): string {
    if (this.bytes) return t('noteBinary', { file: this.fileName, bytes: this.bytes.length });
    return this.fileName ? t('noteFrom', { file: this.fileName }) : '';
  }

  typed(text: string): void {
    this.text = text;
    this.bytes = undefined;
    this.fileName = '';
    this.fileError = '';
  }

  setBytes(name: string, bytes: Uint8Array): void {
    this.fileError = '';
    this.fileName = name;
    const text = asText(bytes);
    if (text !== undefined) {
      this.text = text;
      this.bytes = undefined;
    } else {
      this.text = '';
      this.bytes = bytes;
    }
  }

  async loadFile(file: File): Promise<void> {
    try {
      this.setBytes(file.name, await readFileBytes(file));
    } catch (e) {
      this.fileError = t('couldNotRead', { file: file.name, reason: errorText(e) });
    }
  }

  clear(): void {
    this.typed('');
  }
}

/** A certificate with its key and CA, as the bench, the CA's last signature or Create hand them over; an absent part leaves its field as it was. */
export interface CertificateKeyCa {
  certificatePem: string;
  keyPem?: string;
  caPem?: string;
}

/** Fills a form's certificate, key and CA fields at once. */
export function fillCertificateKeyCa(fields: { certificate: PemSource; key: PemSource; ca: PemSource }, parts: CertificateKeyCa): void {
  fields.certificate.typed(parts.certificatePem);
  if (parts.keyPem) fields.key.typed(parts.keyPem);
  if (parts.caPem) fields.ca.typed(parts.caPem);
}
