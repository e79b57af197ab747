/**
 * The CA area's state: the CAs in the browser's store (each a CaCard), the forms that add CAs, the
 * Sign panel, backup and restore. Every store call goes through `attempt`, which turns a failure into
 * a message next to the action and leaves what the person typed in place.
 */
import { bench } from '../bench/bench.svelte.ts';
import { benchEntryFor } from '../bench/from-object.ts';
import { commonNameOf } from '../../core/cert/name.ts';
import { caFacts } from '../../core/ca/identity.ts';
import { errorText } from '../i18n/core-text.svelte.ts';
import { toPem } from '../../core/pem.ts';
import { summarize, type Summary } from '../../core/summary.ts';
import { dumpText } from '../../core/text/dump.ts';
import { CaIntegrityError, CaStore, type CaProblem, type CaSummary, type Quarantined } from '../../store/ca.ts';
import { fileBaseName } from '../shared/file-names.ts';
import { BackupState } from './backup-state.svelte.ts';
import { CreateCaForm } from './create-ca-form.svelte.ts';
import { ImportCaForm } from './import-ca-form.svelte.ts';
import { attempt } from './attempt.ts';
import { InventoryState } from './inventory-state.svelte.ts';
import { SignState } from './sign-state.svelte.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as caMessages from '../i18n/messages/ca.ts';
import * as integrityMessages from '../i18n/messages/ca-integrity.ts';
import type { CoreMessage } from '../../core/errors.ts';

const t = translator(caMessages);
const ti = translator(integrityMessages);

/** The idle-lock choices; each one's words are the message `idle.<minutes>` (messages/ca.ts). */
export const IDLE_CHOICES = [{ minutes: 1 }, { minutes: 5 }, { minutes: 15 }, { minutes: 60 }, { minutes: 0 }] as const;

/** One stored CA as the list shows it. */
export class CaCard {
  record = $state.raw<CaSummary>(undefined as unknown as CaSummary);
  summary = $state.raw<Summary | undefined>(undefined);
  unlocked = $state(false);
  /** OpenSSL's `x509 -text` of the CA certificate, '' while hidden. */
  inspectText = $state('');
  unlockPassphrase = $state('');
  unlockError = $state('');
  deleteConfirmation = $state('');
  error = $state('');
  busy = $state(false);
  /** Why acknowledging the integrity problems failed, or ''. */
  acknowledgeError = $state('');
  readonly inventory: InventoryState;

  private readonly ca: CaState;

  constructor(ca: CaState, record: CaSummary) {
    this.ca = ca;
    this.record = record;
    this.unlocked = record.unlocked;
    this.inventory = new InventoryState(ca, record.id);
  }

  get id(): string {
    return this.record.id;
  }
  get name(): string {
    return this.record.name;
  }
  get needsPassphrase(): boolean {
    return this.record.protection === 'passphrase';
  }
  get hasKey(): boolean {
    return this.record.protection !== 'none';
  }
  get fileBase(): string {
    return fileBaseName(commonNameOf(caFacts(this.record.certificate).subject) ?? this.record.name, 'ca');
  }
  get pem(): string {
    return toPem('CERTIFICATE', this.record.certificate);
  }
  get chainPem(): string {
    return [this.record.certificate, ...this.record.chain].map((c) => toPem('CERTIFICATE', c)).join('');
  }

  toggleInspect(): void {
    if (this.inspectText) {
      this.inspectText = '';
      return;
    }
    try {
      this.inspectText = dumpText({ kind: 'certificate', der: this.record.certificate, origin: this.record.name });
    } catch (e) {
      this.error = errorText(e);
    }
  }

  /** What the checks found (see CaCardView): problems, and what acknowledging them does. */
  get integrity() {
    return this.record.integrity;
  }

  /** The CA's certificate or key was swapped: it cannot sign, and its certificate is not offered for download. */
  get refused(): boolean {
    return this.record.integrity.repair === 'refuse';
  }

  async unlock(): Promise<boolean> {
    this.unlockError = '';
    let refused = false;
    const ok = await attempt(
      async () => {
        try {
          await this.ca.store.unlock(this.id, this.unlockPassphrase);
        } catch (e) {
          refused = e instanceof CaIntegrityError;
          throw e;
        }
      },
      (m) => (this.unlockError = refused ? ti('unlockRefused') : /wrong passphrase/.test(m) ? t('wrongUnlockPassphrase', { message: m }) : m),
    );
    this.unlockPassphrase = '';
    this.ca.syncLocks();
    await this.ca.refresh(); // shows what the unlock found
    return ok;
  }

  /** The person read the problems: put back what the passphrase sealed (or seal the records as they are) and continue. */
  async acknowledge(shown: readonly CaProblem[]): Promise<void> {
    this.acknowledgeError = '';
    this.busy = true;
    await attempt(() => this.ca.store.acknowledge(this.id, shown).then(() => undefined), (m) => (this.acknowledgeError = m));
    this.busy = false;
    await this.ca.refresh();
  }

  lock(): void {
    this.ca.store.lock(this.id);
    this.ca.syncLocks();
  }

  get canDelete(): boolean {
    return this.deleteConfirmation.trim() === this.name;
  }

  async delete(): Promise<void> {
    if (!this.canDelete) return;
    this.error = '';
    this.busy = true;
    if (await attempt(() => this.ca.store.deleteCa(this.id), (m) => (this.error = m))) await this.ca.refresh();
    this.busy = false;
  }
}

export class CaState {
  cards = $state.raw<CaCard[]>([]);
  loading = $state(true);
  /** A failure to read the store (the list may be stale). */
  error = $state('');
  /** Records that could not be read: set aside, every other CA still loads. */
  quarantined = $state.raw<Quarantined[]>([]);
  idleMinutes = $state(15);
  /** What the last Create or Import did, in words. */
  message = $state('');
  warnings = $state.raw<CoreMessage[]>([]);
  createError = $state('');
  importError = $state('');
  busy = $state('');

  readonly createForm = new CreateCaForm();
  readonly importForm = new ImportCaForm();
  readonly sign: SignState;
  readonly backup: BackupState;
  #lockTimer: ReturnType<typeof setInterval> | undefined;

  readonly store: CaStore;

  constructor(store: CaStore = new CaStore()) {
    this.store = store;
    this.sign = new SignState(this);
    this.backup = new BackupState(this);
    this.idleMinutes = Math.round(store.session.idleMs / 60_000);
    // The session forgets keys on its own idle timers: reflect that in the list.
    this.#lockTimer = setInterval(() => this.syncLocks(), 1000);
  }

  card(id: string): CaCard | undefined {
    return this.cards.find((c) => c.id === id);
  }

  async refresh(): Promise<void> {
    await attempt(
      async () => {
        const { cas: list, quarantined } = await this.store.loadCas();
        this.quarantined = quarantined;
        list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        const cards = list.map((record) => {
          const card = this.card(record.id) ?? new CaCard(this, record);
          card.record = record;
          card.unlocked = record.unlocked;
          return card;
        });
        await Promise.all(cards.map(async (c) => (c.summary ??= await summarize({ kind: 'certificate', der: c.record.certificate, origin: c.record.name }))));
        await Promise.all(cards.map((c) => c.inventory.load()));
        this.cards = cards;
        putCasOnBench(cards);
        this.error = '';
      },
      (m) => (this.error = t('storeReadFailed', { message: m })),
    );
    this.loading = false;
    if (!this.sign.caId || !this.card(this.sign.caId)) this.sign.caId = this.cards[0]?.id ?? '';
    if (this.createForm.parentId && !this.card(this.createForm.parentId)) this.createForm.parentId = '';
  }

  /** Deletes a record that was set aside. */
  async removeQuarantined(key: string): Promise<void> {
    await attempt(() => this.store.removeQuarantined(key), (m) => (this.error = m));
    await this.refresh();
  }

  syncLocks(): void {
    for (const c of this.cards) {
      const now = c.record.protection === 'browser-key' || this.store.session.isUnlocked(c.id);
      if (c.unlocked !== now) c.unlocked = now;
    }
  }

  setIdleMinutes(minutes: number): void {
    this.idleMinutes = minutes;
    this.store.session.idleMs = minutes * 60_000;
  }

  lockAll(): void {
    this.store.lockAll();
    this.syncLocks();
  }

  async createCa(): Promise<void> {
    const form = this.createForm;
    this.createError = '';
    this.message = '';
    this.warnings = [];
    this.busy = t(form.kind === 'root' ? 'busyRoot' : 'busyIntermediate');
    const ok = await attempt(async () => {
      const options = form.options();
      const protection = form.protection.toProtection();
      const { record, warnings } =
        form.kind === 'root' ? await this.store.createRoot(options, protection) : await this.store.createIntermediate(form.parentId, options, protection);
      this.message = t(form.kind === 'root' ? 'createdRoot' : 'createdIntermediate', { name: record.name });
      this.warnings = warnings;
      this.sign.caId = record.id;
    }, (m) => (this.createError = m));
    if (ok) form.protection.clearSecrets();
    this.busy = '';
    await this.refresh();
    // A request waiting in the sign form for a CA to exist is planned for the new one.
    if (ok && this.sign.source) await this.sign.replan(!this.sign.plan);
  }

  async importCa(): Promise<void> {
    const form = this.importForm;
    this.importError = '';
    this.message = '';
    this.warnings = [];
    if (form.problem) {
      this.importError = t('fixFirst', { problem: form.problem });
      return;
    }
    this.busy = t('busyImport');
    const ok = await attempt(async () => {
      const { record, warnings } = await this.store.importCa(form.input(), form.protection.toProtection());
      this.message = t('imported', { name: record.name });
      this.warnings = warnings;
      this.sign.caId = record.id;
    }, (m) => (this.importError = m));
    if (ok) form.clear();
    this.busy = '';
    await this.refresh();
    if (ok && this.sign.source) await this.sign.replan(!this.sign.plan);
  }

  dispose(): void {
    clearInterval(this.#lockTimer);
  }
}

/** The store's CAs are on the bench too: a kubeconfig or a TLS Secret takes its CA certificate from there. */
function putCasOnBench(cards: readonly CaCard[]): void {
  for (const c of cards) {
    if (!c.summary || c.refused) continue; // a replaced certificate is not offered as this CA
    const entry = benchEntryFor({ kind: 'certificate', der: c.record.certificate, summary: c.summary }, 'ca-store', { kind: 'ca' });
    if (entry) bench.add(entry);
  }
}
