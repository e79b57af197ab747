/**
 * The Lints section: every certificate of the input through the core's lintCertificate, in the
 * context chosen: a public TLS certificate (CA/Browser Forum limits), a private PKI, or a
 * Kubernetes cluster (the k8s-* rules shown, with the cluster's service IP).
 */
import { errorText } from '../i18n/core-text.svelte.ts';
import { lintCertificate, type LintFinding } from '../../core/lint/index.ts';
import { PemSource } from '../kubernetes/pem-source.svelte.ts';
import { parseAsOf } from './chain-state.svelte.ts';
import { pileProblemsText, readPile, shownLabel, shownOrigin } from './pile.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as verifyMessages from '../i18n/messages/verify.ts';

const t = translator(verifyMessages);

type LintContext = 'public' | 'private' | 'kubernetes';

/** The contexts offered; each one's name is the message `lint.context.<id>` (messages/verify.ts). */
export const LINT_CONTEXTS: readonly { id: LintContext }[] = [{ id: 'public' }, { id: 'private' }, { id: 'kubernetes' }];

interface CertLints {
  label: string;
  subject: string;
  origin: string;
  findings: LintFinding[];
  /** Kubernetes findings left out because the context is not Kubernetes. */
  hiddenKubernetes: number;
  /** The certificate could not be linted at all. */
  error?: string;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export class LintState {
  readonly source = new PemSource();
  context = $state<LintContext>('private');
  usage = $state<'' | 'server' | 'client'>('');
  serviceIp = $state('10.96.0.1');
  asOf = $state('');
  error = $state('');
  results = $state.raw<CertLints[] | undefined>(undefined);

  changed(): void {
    this.results = undefined;
    this.error = '';
  }

  /** Never throws. */
  lint(): void {
    this.changed();
    const at = parseAsOf(this.asOf);
    if (typeof at === 'string') {
      this.error = at;
      return;
    }
    const pile = readPile(this.source.input, this.source.fileName || 'certificates');
    if (!pile.certs.length) {
      this.error = pile.problems.length ? t('noCertificateFound', { problems: pileProblemsText(pile.problems) }) : t('lint.pasteFirst');
      return;
    }
    const kube = this.context === 'kubernetes';
    this.results = pile.certs.map((c): CertLints => {
      const base = { label: shownLabel(c.view), subject: c.view.subjectText, origin: shownOrigin(c), hiddenKubernetes: 0 };
      try {
        const all = lintCertificate(c.obj.der, {
          pki: this.context === 'public' ? 'public' : 'private',
          ...(this.usage ? { usage: this.usage } : {}),
          ...(at ? { at } : {}),
          ...(kube && this.serviceIp.trim() ? { kubeServiceIp: this.serviceIp.trim() } : {}),
        }, c.origin);
        const findings = all.filter((f) => kube || !f.id.startsWith('k8s-')).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
        return { ...base, findings, hiddenKubernetes: all.length - findings.length };
      } catch (e) {
        return { ...base, findings: [], error: errorText(e) };
      }
    });
  }
}
