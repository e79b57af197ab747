/**
 * The CSR-manifest form: a pasted PKCS#10 request, the signer, metadata.name, usages and
 * expirationSeconds. The manifest, its findings and the kubectl commands all come from the core
 * (buildCsrManifest); this class only holds the inputs and says what stops an export.
 */
import { describeError } from '../../core/errors.ts';
import {
  BUILT_IN_SIGNERS, buildCsrManifest, dns1123SubdomainProblem, hasErrors, KUBE_USAGES, MIN_EXPIRATION_SECONDS,
  SIGNER_API_SERVER_CLIENT, SIGNER_LEGACY_UNKNOWN, signerNameProblem, type CsrManifestResult, type KubeUsage,
} from '../../kube/index.ts';
import { PemSource } from './pem-source.svelte.ts';
import { pickObjects } from './pick-objects.ts';
import { t } from './i18n.ts';

export const CUSTOM_SIGNER = 'custom';

export const SIGNER_CHOICES: readonly { value: string; label: string; purpose: string }[] = [
  ...BUILT_IN_SIGNERS.map((s) => ({ value: s.name, label: s.name, purpose: s.purpose })),
  { value: SIGNER_LEGACY_UNKNOWN, label: `${SIGNER_LEGACY_UNKNOWN} (refused)`, purpose: 'not accepted by certificates.k8s.io/v1' },
  { value: CUSTOM_SIGNER, label: 'Custom signer (example.com/name)', purpose: 'a signer of your own, such as cert-manager’s' },
];

/** The usages people pick most, shown first; the rest follow in the API's order. */
const COMMON_USAGES: KubeUsage[] = ['digital signature', 'key encipherment', 'client auth', 'server auth'];
export const USAGE_CHOICES: readonly KubeUsage[] = [...COMMON_USAGES, ...KUBE_USAGES.filter((u) => !COMMON_USAGES.includes(u))];

export type ManifestOutcome = { ok: CsrManifestResult } | { error: string } | undefined;

export class CsrManifestState {
  readonly source = new PemSource();
  signerChoice = $state<string>(SIGNER_API_SERVER_CLIENT);
  customSigner = $state('example.com/my-signer');
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

  get signerName(): string {
    return this.signerChoice === CUSTOM_SIGNER ? this.customSigner.trim() : this.signerChoice;
  }

  get signerProblem(): string {
    return signerNameProblem(this.signerName) ?? '';
  }

  get nameProblem(): string {
    const n = this.name.trim();
    if (!n) return '';
    const p = dns1123SubdomainProblem(n);
    return p ? `"${n}" ${p}` : '';
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
      return { error: describeError(e) };
    }
  });

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
