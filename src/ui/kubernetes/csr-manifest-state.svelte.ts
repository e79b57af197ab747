/**
 * The CSR-manifest form: a pasted PKCS#10 request, the signer, metadata.name, usages and
 * expirationSeconds. The manifest, its findings and the kubectl commands all come from the core
 * (buildCsrManifest); this class only holds the inputs and says what stops an export.
 */
import { toHex } from '../../core/bytes.ts';
import { msg, type LocatedMessage } from '../../core/errors.ts';
import {
  BUILT_IN_SIGNERS, buildCsrManifest, buildCsrStatusPatch, csrSignatureProblem, DEFAULT_CUSTOM_SIGNER, dns1123SubdomainProblem, hasErrors,
  isSelfSigned, KUBE_USAGES, MIN_EXPIRATION_SECONDS, SIGNER_API_SERVER_CLIENT, SIGNER_LEGACY_UNKNOWN, signerNameProblem, suggestSigner,
  type CsrManifestResult, type CsrStatusResult, type KubeUsage, type SignerSuggestion,
} from '../../kube/index.ts';
import { kubeCsrFacts, type X509Facts } from '../../kube/x509-facts.ts';
import { PemSource } from './pem-source.svelte.ts';
import { pickObjects } from './pick-objects.ts';
import { t } from './i18n.ts';
import { coreText, errorText } from '../i18n/core-text.svelte.ts';

export const CUSTOM_SIGNER = 'custom';

export const SIGNER_CHOICES: readonly { value: string; label: string; purpose: string }[] = [
  ...BUILT_IN_SIGNERS.map((s) => ({ value: s.name, label: s.name, purpose: s.purpose })),
  { value: SIGNER_LEGACY_UNKNOWN, label: `${SIGNER_LEGACY_UNKNOWN} (refused)`, purpose: 'not accepted by certificates.k8s.io/v1' },
  { value: CUSTOM_SIGNER, label: 'Custom signer (example.com/name)', purpose: 'a signer of your own, such as cert-manager’s' },
];

/** The usages people pick most, shown first; the rest follow in the API's order. */
const COMMON_USAGES: KubeUsage[] = ['digital signature', 'key encipherment', 'client auth', 'server auth'];
export const USAGE_CHOICES: readonly KubeUsage[] = [...COMMON_USAGES, ...KUBE_USAGES.filter((u) => !COMMON_USAGES.includes(u))];

type ManifestOutcome = { ok: CsrManifestResult } | { error: string } | undefined;

type StatusOutcome = { ok: CsrStatusResult } | { error: string } | undefined;

export class CsrManifestState {
  readonly source = new PemSource();
  /** The signer the person picked and the request (hex) it was picked for; undefined: follow the suggestion. */
  #picked = $state<{ choice: string; forCsr: string | undefined } | undefined>(undefined);
  #customSigner = $state<string | undefined>(undefined);
  /** metadata.name as typed; '' means "use the name suggested from the CN". */
  name = $state('');
  /** false: usages come from the CSR's extensions or the signer's defaults. */
  chooseUsages = $state(false);
  usages = $state<KubeUsage[]>([]);
  /** spec.expirationSeconds as typed; '' leaves it out. */
  expiration = $state('');

  readonly csr = $derived.by(() => {
    const picked = pickObjects(this.source.input, 'csr', 'csr', this.source.fileName || undefined);
    return { der: picked.ders[0], count: picked.ders.length, problem: picked.problem };
  });

  /** The request's key (hex of its DER), so a signer picked for one request does not stick to the next. */
  readonly #csrKey = $derived(this.csr.der ? toHex(this.csr.der) : undefined);

  readonly facts: X509Facts | undefined = $derived.by(() => {
    const der = this.csr.der;
    if (!der) return undefined;
    try {
      return kubeCsrFacts(der);
    } catch {
      return undefined;
    }
  });

  /** The signer this request is meant for, and why (suggestSigner). */
  readonly suggestion: SignerSuggestion | undefined = $derived(this.facts ? suggestSigner(this.facts) : undefined);

  /** The signer select's value: the person's pick for this request, else the suggestion's. */
  get signerChoice(): string {
    const p = this.#picked;
    if (p && (p.forCsr === undefined || p.forCsr === this.#csrKey)) return p.choice;
    const s = this.suggestion;
    if (s) return s.custom ? CUSTOM_SIGNER : s.signerName;
    return SIGNER_API_SERVER_CLIENT;
  }

  set signerChoice(choice: string) {
    this.#picked = { choice, forCsr: this.#csrKey };
  }

  /** The custom signerName as typed, else the suggested one (example.com/serving). */
  get customSigner(): string {
    return this.#customSigner ?? (this.suggestion?.custom ? this.suggestion.signerName : DEFAULT_CUSTOM_SIGNER);
  }

  set customSigner(name: string) {
    this.#customSigner = name;
  }

  /** Whether the signer in use is the suggested one (then the reason is all there is to say). */
  get followsSuggestion(): boolean {
    const s = this.suggestion;
    return !!s && (s.custom ? this.signerChoice === CUSTOM_SIGNER : this.signerChoice === s.signerName);
  }

  /** Back to the suggested signer. */
  useSuggestion(): void {
    this.#picked = undefined;
  }

  /** A signer of your own: nothing in the cluster signs, so your CA does and you write .status.certificate. */
  get selfSigned(): boolean {
    return isSelfSigned(this.signerName);
  }

  get signerName(): string {
    return this.signerChoice === CUSTOM_SIGNER ? this.customSigner.trim() : this.signerChoice;
  }

  get signerProblem(): string {
    const problem = signerNameProblem(this.signerName);
    return problem ? coreText(problem) : '';
  }

  get nameProblem(): string {
    const n = this.name.trim();
    if (!n) return '';
    const p = dns1123SubdomainProblem(n);
    return p ? coreText(msg('kube.badName', { value: n, problem: p })) : '';
  }

  get expirationProblem(): string {
    const typed = this.expiration.trim();
    if (!typed) return '';
    if (!/^\d+$/.test(typed)) return t('csr.expirationNotNumber', { min: MIN_EXPIRATION_SECONDS });
    const n = Number(typed);
    if (n < MIN_EXPIRATION_SECONDS) return t('csr.expirationTooShort', { min: MIN_EXPIRATION_SECONDS });
    if (n > 2 ** 31 - 1) return t('csr.expirationTooLong');
    return '';
  }

  get usagesProblem(): string {
    return this.chooseUsages && this.usages.length === 0 ? t('csr.chooseOneUsage') : '';
  }

  readonly outcome: ManifestOutcome = $derived.by(() => {
    const der = this.csr.der;
    if (!der) return undefined;
    try {
      const exp = this.expiration.trim();
      return {
        ok: buildCsrManifest({
          csrDer: der,
          signerName: this.signerName,
          name: this.name.trim() || undefined,
          usages: this.chooseUsages && this.usages.length ? [...this.usages] : undefined,
          expirationSeconds: exp && /^\d+$/.test(exp) ? Number(exp) : undefined,
        }),
      };
    } catch (e) {
      return { error: errorText(e) };
    }
  });

  /** Why the request's self-signature does not verify (kube-apiserver refuses it), or '' (also while unchecked). */
  #signatureSaid = $state.raw<LocatedMessage | null>(null);
  /** Why the request's self-signature does not verify, in the page's language ('' when it does). */
  readonly signatureProblem = $derived(this.#signatureSaid ? coreText(this.#signatureSaid) : '');
  #signatureFor: Uint8Array | undefined;

  /** Checks the current request's signature; an answer for a request no longer in the field is dropped. */
  async checkSignature(): Promise<void> {
    const der = this.csr.der;
    this.#signatureFor = der;
    if (!der) {
      this.#signatureSaid = null;
      return;
    }
    const problem = (await csrSignatureProblem(der)) ?? null;
    if (this.#signatureFor === der) this.#signatureSaid = problem;
  }

  /** The certificate your CA signed for this request (signer of your own), for .status.certificate. */
  readonly signed = new PemSource();
  readonly signedCertificates = $derived(pickObjects(this.signed.input, 'certificate', 'certificate', this.signed.fileName || undefined));

  /** The .status.certificate patch for the signed certificate, once there is a manifest and a certificate. */
  readonly status: StatusOutcome = $derived.by(() => {
    const r = this.result;
    const der = this.csr.der;
    const certificates = this.signedCertificates.ders;
    if (!r || !der || !this.signed.input || !certificates.length) return undefined;
    try {
      return { ok: buildCsrStatusPatch({ csrDer: der, name: r.manifest.metadata.name, certificates }) };
    } catch (e) {
      return { error: errorText(e) };
    }
  });

  get statusResult(): CsrStatusResult | undefined {
    return this.status && 'ok' in this.status ? this.status.ok : undefined;
  }

  /** What is wrong with the signed certificate field, or ''. */
  get signedProblem(): string {
    if (!this.signed.input) return '';
    if (this.signedCertificates.problem) return this.signedCertificates.problem;
    return this.status && 'error' in this.status ? this.status.error : '';
  }

  get result(): CsrManifestResult | undefined {
    return this.outcome && 'ok' in this.outcome ? this.outcome.ok : undefined;
  }

  get error(): string {
    return this.outcome && 'error' in this.outcome ? this.outcome.error : '';
  }

  /** Why the YAML is not offered yet, or '' when it can be copied and downloaded. */
  get exportBlocker(): string {
    const r = this.result;
    if (!r) return t('csr.pasteFirst');
    if (this.signatureProblem) return t('csr.signatureBroken');
    if (this.expirationProblem || this.usagesProblem) return t('csr.fixFields');
    if (hasErrors(r.findings)) return t('csr.wouldRefuse');
    return '';
  }

  /** Switching to chosen usages starts from the ones in use now, so nothing changes until a box is ticked. */
  setChooseUsages(on: boolean): void {
    if (on && this.usages.length === 0) this.usages = [...(this.result?.usages ?? [])];
    this.chooseUsages = on;
  }

  toggleUsage(usage: KubeUsage, on: boolean): void {
    const rest = this.usages.filter((u) => u !== usage);
    this.usages = on ? [...rest, usage] : rest;
  }
}
