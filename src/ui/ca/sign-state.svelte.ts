/**
 * The Sign panel: a CSR (pasted, dropped or chosen) is verified first, then becomes an issuance plan
 * a person can edit (subject, SANs, profile or a cfssl ca-config.json, validity) before the CA signs.
 * A renewal from the inventory lands here too, as a plan for the same subject, SANs and key.
 */
import { putIssuedOnBench } from './issued-to-bench.ts';
import {
  BUILTIN_PROFILES,
  equivalentCommands,
  parseCfsslConfig,
  planFromRequest,
  planRenewal,
  profileForRequest,
  readVerifiedRequest,
  type CaCertificates,
  type CertificateRequest,
  type EquivalentCommands,
  type IssuancePlan,
  type IssuedCertificate,
  type IssuedResult,
  type Profile,
  type ProfileForRequest,
} from '../../core/ca/index.ts';
import { formatSubjectAltName, parseSubjectAltName, type SubjectAltName } from '../../core/cert/general-names.ts';
import { commonNameOf, formatSubjOption, parseDistinguishedName } from '../../core/cert/name.ts';
import { describeKeyAlgorithm } from '../../core/keys/key-types.ts';
import { visibleText } from '../../core/text/visible.ts';
import { fileBaseName } from '../shared/file-names.ts';
import { session } from '../session.svelte.ts';
import type { CaState } from './ca-state.svelte.ts';
import { attempt } from './attempt.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as signMessages from '../i18n/messages/ca-sign.ts';
import { errorText, uiError } from '../i18n/core-text.svelte.ts';

const t = translator(signMessages);

type ProfileChoice = keyof typeof BUILTIN_PROFILES | 'cfssl';
/** The profile choices; each one's words are the message `profile.<id>` (messages/ca-sign.ts). */
export const PROFILE_CHOICES: readonly { id: ProfileChoice }[] = [{ id: 'server' }, { id: 'client' }, { id: 'peer' }, { id: 'ca' }, { id: 'cfssl' }];

type Source = { kind: 'csr'; request: CertificateRequest } | { kind: 'renewal'; entry: IssuedCertificate };

/** The core's reason for a suggested profile, worded in the current language from what it read. */
function suggestionReason(s: ProfileForRequest): string {
  const list = (s.requestedExtKeyUsage ?? []).join(', ');
  if (s.rule === 'eku') return t(`reason.eku.${s.profile}`, { list });
  const rest = t(`reason.${s.rule}`, { evidence: s.evidence.join(', ') });
  return s.requestedExtKeyUsage ? t('reason.ekuNeither', { list, rest }) : t('reason.noEku', { rest });
}

const sanLines = (sans: readonly SubjectAltName[]) => sans.map(formatSubjectAltName).join('\n');
/** The subject as the form shows it: hidden and bidi characters escaped, so unchanged text keeps the original value. */
const subjectLine = (subject: IssuancePlan['subject']) => visibleText(formatSubjOption(subject));

export class SignState {
  caId = $state('');
  csrText = $state('');
  /** A DER CSR read from a file (the text box then names it). */
  csrDer = $state.raw<Uint8Array | undefined>(undefined);
  csrFileName = $state('');
  /** The request's file name without its extension (registry.csr → registry): the certificate is named after it, registry.crt. */
  requestFileBase = $state('');

  source = $state.raw<Source | undefined>(undefined);
  plan = $state.raw<IssuancePlan | undefined>(undefined);
  /** Editable copies of the plan's subject and SANs; edits apply when signing. */
  subjectText = $state('');
  sansText = $state('');
  profileChoice = $state<ProfileChoice>('server');
  /** The profile the checked CSR asks for (its requested EKU, else its names), which the picker starts on. */
  suggestion = $state.raw<ProfileForRequest | undefined>(undefined);
  cfsslConfig = $state('');
  cfsslProfiles = $state.raw<Record<string, Profile>>({});
  cfsslProfileName = $state('');
  /** Validity in days; empty means the profile's default. */
  days = $state<number | ''>('');

  unlockPassphrase = $state('');
  result = $state.raw<IssuedResult | undefined>(undefined);
  commands = $state.raw<EquivalentCommands | undefined>(undefined);
  outBase = $state('');
  checkError = $state('');
  planError = $state('');
  signError = $state('');
  busy = $state('');

  private readonly ca: CaState;

  constructor(ca: CaState) {
    this.ca = ca;
  }

  get card() {
    return this.ca.card(this.caId);
  }

  /** What the plan is for, in words: "CSR for CN = x (ECDSA P-256)". */
  get sourceText(): string {
    const s = this.source;
    if (!s) return '';
    if (s.kind === 'renewal') return t('renewalOf', { serial: s.entry.serialHex, subject: s.entry.subject });
    return t('verified', { key: describeKeyAlgorithm(s.request.keyAlgorithm) });
  }

  /** Takes a request handed over under a file name (the bench's apiserver.csr), so its certificate is apiserver.crt. */
  takeRequest(text: string, fileName: string): void {
    this.setCsrText(text);
    this.requestFileBase = fileName.replace(/\.(csr|req|pem|der|txt)$/i, '');
  }

  chooseCsrFile(name: string, content: string | Uint8Array): void {
    this.requestFileBase = name.replace(/\.(csr|req|pem|der|txt)$/i, '');
    this.csrFileName = name;
    if (typeof content === 'string') {
      this.csrText = content;
      this.csrDer = undefined;
    } else {
      this.csrText = t('derFile', { name, count: content.length });
      this.csrDer = content;
    }
  }

  setCsrText(text: string): void {
    this.requestFileBase = '';
    this.csrText = text;
    this.csrDer = undefined;
  }

  /** Takes the request Create made last (kept in memory for this page) and checks it. */
  async useSessionCsr(): Promise<void> {
    const csr = session.csr;
    if (!csr) return;
    this.csrFileName = '';
    this.setCsrText(csr.pem);
    await this.check();
  }

  /** The certificate just signed was for Create's request, so the Kubernetes area can use it with Create's key. */
  get resultForSession(): boolean {
    const issued = session.issued;
    return !!this.result && !!issued && issued.certPem === this.result.pem;
  }

  /** Why the picker starts where it does, in words; says so when the person chose another profile. */
  get suggestionText(): string {
    const s = this.suggestion;
    if (!s) return '';
    const reason = suggestionReason(s);
    return this.profileChoice === s.profile ? t('suggested', { profile: s.profile, reason }) : t('suggestedOther', { profile: s.profile, reason });
  }

  /** "2026-…Z (5 minutes before the plan was made, …)" when notBefore was backdated; '' otherwise. */
  get notBeforeText(): string {
    const plan = this.plan;
    if (!plan?.backdateMs) return '';
    return t('notBeforeBackdated', { time: plan.notBefore.toISOString().slice(0, 19), minutes: Math.round(plan.backdateMs / 60_000) });
  }

  #reset(): void {
    this.source = undefined;
    this.suggestion = undefined;
    this.plan = undefined;
    this.result = undefined;
    this.commands = undefined;
    this.checkError = '';
    this.planError = '';
    this.signError = '';
  }

  /** Verifies the CSR's signature, then plans. A bad request is refused with the reason. */
  async check(): Promise<void> {
    this.#reset();
    if (!this.csrDer && !this.csrText.trim()) {
      this.checkError = t('pasteFirst');
      return;
    }
    await attempt(async () => {
      const request = await readVerifiedRequest(this.csrDer ?? this.csrText);
      this.source = { kind: 'csr', request };
      this.suggestion = profileForRequest(request);
      // The picker follows the request; a cfssl config the person chose stays chosen.
      if (this.profileChoice !== 'cfssl') this.profileChoice = this.suggestion.profile;
    }, (m) => (this.checkError = t('refused', { message: m })));
    if (this.source) await this.replan(true);
  }

  async renew(caId: string, serial: string): Promise<void> {
    this.#reset();
    this.caId = caId;
    const entry = await this.ca.store.issued(caId, serial);
    this.source = { kind: 'renewal', entry };
    this.profileChoice = entry.profile in BUILTIN_PROFILES ? (entry.profile as ProfileChoice) : 'server';
    await this.replan(true);
  }

  /** Reads the pasted ca-config.json and offers its profiles. */
  readCfsslConfig(): void {
    this.planError = '';
    try {
      this.cfsslProfiles = parseCfsslConfig(this.cfsslConfig);
      const names = Object.keys(this.cfsslProfiles);
      if (!names.includes(this.cfsslProfileName)) this.cfsslProfileName = names.find((n) => n !== 'default') ?? 'default';
    } catch (e) {
      this.cfsslProfiles = {};
      this.planError = errorText(e);
    }
  }

  profile(): Profile {
    if (this.profileChoice !== 'cfssl') return BUILTIN_PROFILES[this.profileChoice];
    const p = this.cfsslProfiles[this.cfsslProfileName];
    if (!p) throw uiError(t('chooseCfsslProfile'), t('profile'));
    return p;
  }

  async #caCertificates(): Promise<CaCertificates> {
    const record = await this.ca.store.getCa(this.caId);
    return { id: record.id, certificate: record.certificate, chain: record.chain };
  }

  /**
   * Builds the plan again for the chosen CA, profile and validity. `fresh` also resets the editable
   * subject and SANs (and the validity) to what the source asks for.
   */
  async replan(fresh = false): Promise<void> {
    const source = this.source;
    if (!source) return;
    this.planError = '';
    this.result = undefined;
    this.commands = undefined;
    await attempt(async () => {
      if (!this.caId) throw uiError(t('noCa'), t('heading'));
      const profile = this.profile();
      if (fresh) this.days = '';
      const hours = this.days === '' ? undefined : Number(this.days) * 24;
      const options = { profile, ...(hours !== undefined ? { hours } : {}) };
      const ca = await this.#caCertificates();
      const plan = source.kind === 'csr' ? planFromRequest(source.request, ca, options) : planRenewal(source.entry, ca, options);
      this.plan = plan;
      if (fresh || !this.subjectText) this.subjectText = subjectLine(plan.subject);
      if (fresh) this.sansText = sanLines(plan.subjectAltNames);
      if (this.days === '') this.days = Math.round(profile.expiryHours / 24);
    }, (m) => (this.planError = m));
  }

  /** The plan with the person's edits to subject and SANs (unchanged text keeps the exact original values). */
  finalPlan(): IssuancePlan {
    const plan = this.plan;
    if (!plan) throw uiError(t('checkFirst'), t('heading'));
    const subject = this.subjectText.trim() === subjectLine(plan.subject) ? plan.subject : parseDistinguishedName(this.subjectText);
    const originals = new Map(plan.subjectAltNames.map((s) => [formatSubjectAltName(s), s]));
    const subjectAltNames = this.sansText
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((l) => originals.get(l) ?? parseSubjectAltName(l));
    return { ...plan, subject, subjectAltNames };
  }

  get needsUnlock(): boolean {
    const card = this.card;
    return !!card && card.needsPassphrase && !card.unlocked;
  }

  async sign(): Promise<void> {
    this.signError = '';
    this.result = undefined;
    this.commands = undefined;
    const card = this.card;
    if (!card) {
      this.signError = t('chooseCa');
      return;
    }
    if (this.needsUnlock) {
      if (!this.unlockPassphrase) {
        this.signError = t('lockedEnter', { name: card.name });
        return;
      }
      card.unlockPassphrase = this.unlockPassphrase;
      this.unlockPassphrase = '';
      if (!(await card.unlock())) {
        this.signError = card.unlockError;
        return;
      }
    }
    this.busy = t('signing');
    const source = this.source;
    await attempt(async () => {
      const plan = this.finalPlan();
      const result = await this.ca.store.issue(this.caId, plan);
      if (source?.kind === 'csr') session.recordIssued(source.request.der, result.pem, result.chainPem, card.chainPem);
      const base =
        source?.kind === 'csr' && this.requestFileBase
          ? fileBaseName(this.requestFileBase, 'certificate')
          : fileBaseName(commonNameOf(plan.subject) ?? plan.subjectAltNames.flatMap((s) => (s.type === 'dns' ? [s.value] : []))[0], 'certificate');
      this.outBase = base;
      await putIssuedOnBench(result, card.summary?.title ?? card.name, `${base}.crt`);
      this.commands = equivalentCommands(plan, { csr: `${base}.csr`, caCert: `${card.fileBase}.pem`, caKey: `${card.fileBase}.key`, out: `${base}.crt` });
      this.result = result;
    }, (m) => (this.signError = m));
    this.busy = '';
    this.ca.syncLocks();
    await attempt(() => card.inventory.load(), (m) => (card.inventory.error = m));
  }
}
