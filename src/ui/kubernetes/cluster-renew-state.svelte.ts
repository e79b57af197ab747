/**
 * "Renew a cluster (kubeadm)": a copy of /etc/kubernetes in, the plan (what will and cannot be
 * renewed), options, the renewed zip out. Reading, planning and renewing are the core's
 * (src/kube/rescue); this class holds the inputs and follows the runs. The files and the passphrase
 * are never remembered (they hold keys).
 */
import { errorText } from '../i18n/core-text.svelte.ts';
import {
  loadCluster, PassphraseNeededError, planRescue, readClusterFiles, renewCluster,
  type LoadedCluster, type PlanItem, type RescueOptions, type RescuePlan, type RescueResult,
} from '../../kube/index.ts';
import { expiryRowView, parseAsOf, type ExpiryRowView } from './expiry-state.svelte.ts';
import { t } from './i18n.ts';

export interface InputFile {
  /** Relative path (a folder's webkitRelativePath or the drop's walk), or the file's name. */
  path: string;
  bytes: Uint8Array;
}

export const RENEWED_ZIP = 'kubernetes-renewed.zip';

export class ClusterRenewState {
  days = $state('365');
  rotateKeys = $state(false);
  renewCas = $state(false);
  /** "" = now, else YYYY-MM-DD. */
  asOfText = $state('');
  passphrase = $state('');

  inputs = $state.raw<InputFile[]>([]);
  /** Encrypted CA keys waiting for a passphrase (and whether the last one was wrong). */
  needsPassphrase = $state.raw<{ paths: string[]; wrong: boolean } | undefined>(undefined);
  cluster = $state.raw<LoadedCluster | undefined>(undefined);
  plan = $state.raw<RescuePlan | undefined>(undefined);
  /** Row name → renew it; rows the plan can renew start checked. */
  chosen = $state<Record<string, boolean>>({});
  result = $state.raw<RescueResult | undefined>(undefined);
  busy = $state(false);
  error = $state('');
  #run = 0;

  get inputLabel(): string {
    const n = this.inputs.length;
    return n === 1 ? this.inputs[0]!.path : n ? t('renew.filesCount', { n }) : '';
  }

  get asOfProblem(): string {
    return this.asOfText && !parseAsOf(this.asOfText) ? t('expiry.asOfProblem') : '';
  }

  get daysProblem(): string {
    return /^\d+$/.test(this.days.trim()) && Number(this.days) > 0 ? '' : t('pki.notDays', { text: this.days });
  }

  get options(): RescueOptions {
    return {
      asOf: parseAsOf(this.asOfText) ?? new Date(),
      days: Number(this.days),
      rotateKeys: this.rotateKeys,
      renewCas: this.renewCas,
    };
  }

  /** Plan rows a checkbox can choose: those the plan would renew. */
  isChoosable(item: PlanItem): boolean {
    return item.action === 'renew';
  }

  get beforeCertificates(): ExpiryRowView[] {
    return (this.plan?.before.certificates ?? []).map(expiryRowView);
  }
  get beforeAuthorities(): ExpiryRowView[] {
    return (this.plan?.before.certificateAuthorities ?? []).map(expiryRowView);
  }
  get afterCertificates(): ExpiryRowView[] {
    return (this.result?.after.certificates ?? []).map(expiryRowView);
  }
  get afterAuthorities(): ExpiryRowView[] {
    return (this.result?.after.certificateAuthorities ?? []).map(expiryRowView);
  }

  get chosenNames(): string[] {
    return (this.plan?.items ?? []).filter((i) => this.isChoosable(i) && this.chosen[i.name]).map((i) => i.name);
  }

  /** Drops the copy, its keys and the result. */
  forget(): void {
    this.#run++;
    this.inputs = [];
    this.cluster = undefined;
    this.plan = undefined;
    this.result = undefined;
    this.needsPassphrase = undefined;
    this.passphrase = '';
    this.chosen = {};
    this.error = '';
    this.busy = false;
  }

  /** Takes a new copy (files of a folder, several files, a .zip or a .tar.gz) and plans. */
  async setInputs(inputs: InputFile[]): Promise<void> {
    this.forget();
    this.inputs = inputs;
    await this.load();
  }

  /** Reads the copy and loads its CA keys (with the passphrase when asked), then plans. */
  async load(): Promise<void> {
    const run = ++this.#run;
    this.error = '';
    this.result = undefined;
    this.busy = true;
    try {
      const files = readClusterFiles(this.inputs);
      const cluster = await loadCluster(files, this.needsPassphrase ? { passphrase: this.passphrase } : {});
      if (run !== this.#run) return;
      this.needsPassphrase = undefined;
      this.cluster = cluster;
      await this.#replan(run, true);
    } catch (e) {
      if (run !== this.#run) return;
      if (e instanceof PassphraseNeededError) this.needsPassphrase = { paths: e.paths, wrong: e.wrong };
      else this.error = errorText(e);
    } finally {
      if (run === this.#run) this.busy = false;
    }
  }

  /** Plans again after an option changed (renew CAs and the date change what can be renewed). */
  async replan(): Promise<void> {
    if (!this.cluster || this.asOfProblem || this.daysProblem) return;
    const run = ++this.#run;
    this.result = undefined;
    try {
      await this.#replan(run, false);
    } catch (e) {
      if (run === this.#run) this.error = errorText(e);
    }
  }

  async #replan(run: number, fresh: boolean): Promise<void> {
    const plan = await planRescue(this.cluster!, this.options);
    if (run !== this.#run) return;
    const chosen: Record<string, boolean> = {};
    // A row keeps the person's choice; a row newly renewable (e.g. a CA once "renew CAs" is on) starts checked.
    for (const i of plan.items) if (this.isChoosable(i)) chosen[i.name] = fresh ? true : (this.chosen[i.name] ?? true);
    this.chosen = chosen;
    this.plan = plan;
    this.error = '';
  }

  /** Renews the chosen rows; resolves to the zip, or undefined when it failed or a newer run took over. */
  async renew(): Promise<Uint8Array | undefined> {
    if (!this.cluster || this.asOfProblem || this.daysProblem) return undefined;
    const run = ++this.#run;
    this.busy = true;
    this.error = '';
    try {
      const result = await renewCluster(this.cluster, { ...this.options, only: this.chosenNames });
      if (run !== this.#run) return undefined;
      this.result = result;
      return result.zip;
    } catch (e) {
      if (run === this.#run) this.error = errorText(e);
      return undefined;
    } finally {
      if (run === this.#run) this.busy = false;
    }
  }
}
