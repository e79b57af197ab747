/** The Workshop area's state: the chosen lab, its progress (saved after every step), lab CAs, leader export/import. */
import { errorMessage } from '../../core/errors.ts';
import { makeBackup, restoreBackup } from '../../store/backup.ts';
import type { CaStore } from '../../store/ca-store.ts';
import { LabProgressStore } from '../../store/lab-progress.ts';
import { emptyLabState, isLabId, labById, runStep, type LabCaInfo, type LabDefinition, type LabEnv, type LabId, type LabState, type LabVar } from '../../workshop/index.ts';
import { storeLabEnv, workshopCaStore } from './store-env.ts';

/** A message as said: a lab text by key or a core message (a caught error), shown in the current language; or a name as it is. */
export type Said = LabVar;

/** Step fields typed but not run yet, by step id, and the lab state they were typed over. */
export interface StepDrafts {
  basis: string;
  steps: Record<string, Record<string, string>>;
}

/** What the step fields start from: a run, a reset or another lab changes it, and the drafts give way. */
const draftBasis = (lab: LabState) => JSON.stringify([lab.labId, lab.done, lab.values]);

export class WorkshopState {
  labId = $state<LabId>('registry');
  /** Raw: it holds CryptoKeys and is written to IndexedDB as it is (a proxy cannot be cloned). */
  #lab = $state.raw<LabState>(emptyLabState('registry'));
  /** Kept in the state, not in the step cards, so what was typed is there after a look at another area. */
  drafts = $state<StepDrafts>({ basis: draftBasis(this.#lab), steps: {} });
  cas = $state.raw<LabCaInfo[]>([]);
  busyStep = $state<string | undefined>(undefined);
  /** Last action's failure per step. */
  errors = $state<Record<string, Said>>({});
  notice = $state<Said>('');
  loaded = $state(false);
  leaderMessage = $state<Said>('');
  leaderError = $state<Said>('');
  importedNames = $state<string[]>([]);
  leaderBusy = $state(false);
  /** Files a step offered once (private keys, kubeconfigs): in memory only, gone on a lab switch, reset or reload. */
  offered = $state.raw<{ stepId: string; files: Record<string, string> } | undefined>(undefined);

  readonly caStore: CaStore;
  readonly env: LabEnv;
  readonly progress: LabProgressStore;

  constructor(options: { caStore?: CaStore; progress?: LabProgressStore } = {}) {
    this.caStore = options.caStore ?? workshopCaStore();
    this.env = storeLabEnv(this.caStore);
    this.progress = options.progress ?? new LabProgressStore();
  }

  get lab(): LabState {
    return this.#lab;
  }

  set lab(lab: LabState) {
    this.#lab = lab;
    const basis = draftBasis(lab);
    if (basis !== this.drafts.basis) this.drafts = { basis, steps: {} };
  }

  /** A step's fields as typed now (before it runs). */
  keepDraft(stepId: string, values: Record<string, string>): void {
    this.drafts.steps[stepId] = values;
  }

  get definition(): LabDefinition {
    return labById(this.labId)!;
  }

  private opening = 0;

  async open(labId: string): Promise<void> {
    if (!isLabId(labId)) return;
    // A later choice wins over a load still under way (the saved lab at start-up vs. a quick click).
    const ticket = ++this.opening;
    this.labId = labId;
    this.errors = {};
    this.notice = '';
    this.offered = undefined;
    let lab: LabState;
    try {
      lab = (await this.progress.load(labId)) ?? emptyLabState(labId);
      await this.refreshCas();
    } catch (e) {
      this.notice = errorMessage(e);
      lab = emptyLabState(labId);
    }
    if (ticket !== this.opening) return;
    this.lab = lab;
    this.loaded = true;
  }

  async refreshCas(): Promise<void> {
    this.cas = await this.env.listCas();
  }

  async run(stepId: string, values: Record<string, string>): Promise<void> {
    this.busyStep = stepId;
    this.notice = '';
    const { [stepId]: _dropped, ...rest } = this.errors;
    this.errors = rest;
    try {
      const outcome = await runStep(this.definition, stepId, this.lab, this.env, values);
      if (outcome.error) {
        this.errors = { ...this.errors, [stepId]: outcome.error };
        return;
      }
      this.lab = outcome.state;
      if (outcome.offered) this.offered = { stepId, files: outcome.offered };
      else if (this.offered?.stepId === stepId) this.offered = undefined;
      await this.progress.save(outcome.state);
      await this.refreshCas();
    } catch (e) {
      this.errors = { ...this.errors, [stepId]: errorMessage(e) };
    } finally {
      this.busyStep = undefined;
    }
  }

  async reset(): Promise<void> {
    await this.progress.reset(this.labId);
    this.lab = emptyLabState(this.labId);
    this.offered = undefined;
    this.errors = {};
    this.notice = { key: 'workshop.reset-done' };
  }

  progressOf(): { done: number; total: number } {
    return { done: this.lab.done.length, total: this.definition.steps.length };
  }

  /** The workshop CA store as one passphrase-encrypted file (the CA backup format). */
  async exportCas(passphrase: string): Promise<{ bytes: Uint8Array; fileName: string } | undefined> {
    this.leaderBusy = true;
    this.leaderError = '';
    this.leaderMessage = '';
    try {
      const backup = await makeBackup(this.caStore, passphrase);
      const count = (await this.caStore.listCas()).length;
      const fileName = 'workshop-ca.certbench-backup';
      this.leaderMessage = { key: 'workshop.exported', vars: { count: String(count), file: fileName } };
      return { bytes: backup.bytes, fileName };
    } catch (e) {
      this.leaderError = errorMessage(e);
      return undefined;
    } finally {
      this.leaderBusy = false;
    }
  }

  async importCas(bytes: Uint8Array, passphrase: string): Promise<void> {
    this.leaderBusy = true;
    this.leaderError = '';
    this.leaderMessage = '';
    this.importedNames = [];
    try {
      const before = new Set((await this.caStore.listCas()).map((c) => c.id));
      const r = await restoreBackup(this.caStore, bytes, passphrase);
      await this.refreshCas();
      this.importedNames = this.cas.filter((c) => !before.has(c.id)).map((c) => c.name);
      this.leaderMessage =
        r.casAdded === 0 && r.keysAdded === 0
          ? { key: 'workshop.imported-nothing' }
          : { key: 'workshop.imported', vars: { cas: String(r.casAdded), keys: String(r.keysAdded), certs: String(r.certificatesAdded) } };
    } catch (e) {
      this.leaderError = errorMessage(e);
    } finally {
      this.leaderBusy = false;
    }
  }
}
