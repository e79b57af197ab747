/**
 * The expiry check: pasted text and dropped files (PEM, DER, Secret/kubeconfig YAML, zips of a pki
 * folder) read by the core's detectFiles, then `kubeadm certs check-expiration` as of a date the
 * person can move.
 */
import { bytesEqual, toHex } from '../../core/bytes.ts';
import { certificatesFromPem } from '../../core/ca/input.ts';
import { errorText } from '../i18n/core-text.svelte.ts';
import { toPem } from '../../core/pem.ts';
import type { FoundObject, InputProblem } from '../../core/types.ts';
import { checkExpiration, detectFiles, expiryReportJson, formatExpiryTable, type ExpiryReport, type ExpiryRow } from '../../kube/index.ts';
import { kubeadmDate } from '../../kube/go-format.ts';
import { readFileBytes } from '../shared/file-input.ts';
import { t } from './i18n.ts';
import { ExpiryRenewal } from './expiry-renewal.svelte.ts';

interface LoadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ExpiryRowView {
  name: string;
  origin: string;
  /** Where a row named by its CN came from ("pasted text › block 2"), shown under the name; '' for rows named by their file. */
  originNote: string;
  expires: string;
  residual: string;
  expired: boolean;
  /** Under 30 days left: worth a look. */
  soon: boolean;
  certificateAuthority: string;
  externallyManaged: string;
  der: Uint8Array;
}

const SOON_SECONDS = 30 * 24 * 3600;
const PASTED = 'pasted text';

const yesNo = (v: boolean | undefined) => (v === undefined ? '-' : v ? 'yes' : 'no');

/** A report row as the table shows it (also the Cluster PKI's table of the set it generated). */
export function expiryRowView(r: ExpiryRow): ExpiryRowView {
  return {
    name: r.name,
    origin: r.origin,
    originNote: r.namedByCn ? r.origin : '',
    expires: kubeadmDate(r.notAfter),
    residual: r.residual,
    expired: r.expired,
    soon: !r.expired && r.residualSeconds < SOON_SECONDS,
    certificateAuthority: r.certificateAuthority,
    externallyManaged: yesNo(r.externallyManaged),
    der: r.der,
  };
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The text with every PEM block of this certificate swapped for `pem`; undefined when the text holds none. */
function replacePemCertificate(text: string, der: Uint8Array, pem: string): string | undefined {
  let replaced = false;
  const out = text.replace(PEM_CERTIFICATE, (block) => {
    try {
      if (!bytesEqual(certificatesFromPem(block, 'input')[0] ?? new Uint8Array(), der)) return block;
    } catch {
      return block; // a broken block is left for the reader to report
    }
    replaced = true;
    return pem.trim();
  });
  return replaced ? out : undefined;
}

/** "2026-05-01" → that day at 00:00 UTC; anything else → undefined. */
export function parseAsOf(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export class ExpiryState {
  text = $state('');
  files = $state.raw<LoadedFile[]>([]);
  /** "YYYY-MM-DD" (midnight UTC), or '' for now. */
  asOfText = $state('');
  busy = $state(false);
  error = $state('');
  problems = $state.raw<InputProblem[]>([]);
  report = $state.raw<ExpiryReport | undefined>(undefined);
  #objects: FoundObject[] = [];
  #run = 0;
  /** Renewing a row's certificate with the CA in this browser's store that issued it. */
  readonly renewal = new ExpiryRenewal((der, pem) => this.replaceCertificate(der, pem));

  get asOfProblem(): string {
    return this.asOfText && !parseAsOf(this.asOfText) ? t('expiry.asOfProblem') : '';
  }

  get hasInput(): boolean {
    return this.files.length > 0 || this.text.trim() !== '';
  }

  get certificates(): ExpiryRowView[] {
    return (this.report?.certificates ?? []).map(expiryRowView);
  }

  get certificateAuthorities(): ExpiryRowView[] {
    return (this.report?.certificateAuthorities ?? []).map(expiryRowView);
  }

  get tableText(): string {
    return this.report ? formatExpiryTable(this.report) : '';
  }

  get json(): string {
    return this.report ? `${JSON.stringify(expiryReportJson(this.report), null, 2)}\n` : '';
  }

  get asOfLabel(): string {
    return this.report ? this.report.asOf.toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
  }

  async addFiles(files: readonly File[]): Promise<void> {
    const loaded: LoadedFile[] = [];
    for (const f of files) {
      try {
        loaded.push({ name: f.name, bytes: await readFileBytes(f) });
      } catch (e) {
        this.error = t('couldNotRead', { file: f.name, reason: errorText(e) });
      }
    }
    this.files = [...this.files, ...loaded];
    await this.check();
  }

  async removeFile(index: number): Promise<void> {
    this.files = this.files.filter((_, i) => i !== index);
    await this.check();
  }

  async clear(): Promise<void> {
    this.text = '';
    this.files = [];
    await this.check();
  }

  #read() {
    const inputs = [...this.files];
    if (this.text.trim()) inputs.push({ name: PASTED, bytes: new TextEncoder().encode(this.text) });
    return inputs.length ? detectFiles(inputs) : { objects: [], problems: [] };
  }

  /**
   * Adds the certificates of a PEM text (a certificate sent from the bench) to the pasted text and
   * checks again: what was there stays, and a certificate already in the input is not added twice.
   */
  async addCertificates(pem: string): Promise<void> {
    const present = new Set(this.#read().objects.filter((o) => o.kind === 'certificate').map((o) => toHex(o.der)));
    const added = certificatesFromPem(pem, 'certificate').filter((der) => {
      const key = toHex(der);
      if (present.has(key)) return false;
      present.add(key);
      return true;
    });
    if (added.length) this.text = [this.text.trimEnd(), ...added.map((der) => toPem('CERTIFICATE', der).trimEnd())].filter((p) => p !== '').join('\n') + '\n';
    await this.check();
  }

  /**
   * Puts a renewed certificate where the old one was, as `kubeadm certs renew` rewrites the file: in
   * the pasted text, or in an opened PEM or DER file. A certificate inside a zip or YAML cannot be
   * rewritten there, so the new one is added to the pasted text instead. Says which it did.
   */
  async replaceCertificate(der: Uint8Array, pem: string): Promise<'replaced' | 'added'> {
    let where: 'replaced' | 'added' = 'added';
    const inText = replacePemCertificate(this.text, der, pem);
    if (inText !== undefined) {
      this.text = inText;
      where = 'replaced';
    }
    this.files = this.files.map((f) => {
      if (bytesEqual(f.bytes, der)) {
        where = 'replaced';
        return { name: f.name, bytes: certificatesFromPem(pem, f.name)[0]! };
      }
      const inFile = f.bytes[0] === 0x30 ? undefined : replacePemCertificate(new TextDecoder().decode(f.bytes), der, pem);
      if (inFile === undefined) return f;
      where = 'replaced';
      return { name: f.name, bytes: new TextEncoder().encode(inFile) };
    });
    if (where === 'added') this.text = `${[this.text.trimEnd(), pem.trim()].filter((p) => p !== '').join('\n')}\n`;
    await this.check();
    return where;
  }

  /** Reads every input again, then recomputes the table. */
  async check(): Promise<void> {
    try {
      const found = this.#read();
      this.#objects = found.objects;
      this.problems = found.problems;
    } catch (e) {
      this.#objects = [];
      this.problems = [];
      this.error = errorText(e);
    }
    await this.recompute();
  }

  /** The table again for the current as-of date, without reading the inputs again. */
  async recompute(): Promise<void> {
    const run = ++this.#run;
    if (this.asOfProblem) return;
    if (!this.#objects.some((o) => o.kind === 'certificate')) {
      this.report = undefined;
      this.error = this.hasInput && !this.problems.length ? t('expiry.noCertificates') : '';
      return;
    }
    this.busy = true;
    try {
      const report = await checkExpiration(this.#objects, { asOf: parseAsOf(this.asOfText) ?? new Date(), pastedInputs: [PASTED] });
      if (run !== this.#run) return;
      this.report = report;
      this.error = '';
      void this.renewal.load();
    } catch (e) {
      if (run === this.#run) {
        this.report = undefined;
        this.error = errorText(e);
      }
    } finally {
      if (run === this.#run) this.busy = false;
    }
  }
}
