/**
 * The expiry check: pasted text and dropped files (PEM, DER, Secret/kubeconfig YAML, zips of a pki
 * folder) read by the core's detectFiles, then `kubeadm certs check-expiration` as of a date the
 * person can move.
 */
import { describeError } from '../../core/errors.ts';
import type { FoundObject, InputProblem } from '../../core/types.ts';
import { checkExpiration, detectFiles, expiryReportJson, formatExpiryTable, type ExpiryReport, type ExpiryRow } from '../../kube/index.ts';
import { kubeadmDate } from '../../kube/go-format.ts';
import { readFileBytes } from '../shared/file-input.ts';
import { t } from './i18n.ts';

export interface LoadedFile {
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
  };
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
        this.error = t('couldNotRead', { file: f.name, reason: describeError(e) });
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

  /** Reads every input again, then recomputes the table. */
  async check(): Promise<void> {
    try {
      const inputs = [...this.files];
      if (this.text.trim()) inputs.push({ name: PASTED, bytes: new TextEncoder().encode(this.text) });
      const found = inputs.length ? detectFiles(inputs) : { objects: [], problems: [] };
      this.#objects = found.objects;
      this.problems = found.problems;
    } catch (e) {
      this.#objects = [];
      this.problems = [];
      this.error = describeError(e);
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
    } catch (e) {
      if (run === this.#run) {
        this.report = undefined;
        this.error = describeError(e);
      }
    } finally {
      if (run === this.#run) this.busy = false;
    }
  }
}
