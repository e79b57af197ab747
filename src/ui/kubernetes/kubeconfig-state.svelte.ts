/**
 * The kubeconfig form: client certificate and key, the cluster CA, the API server URL and the
 * cluster name. buildKubeconfig checks the key and reports the identity (user = CN, groups = O).
 */
import { buildKubeconfig, hasErrors, serverUrlProblem, type KubeconfigResult } from '../../kube/index.ts';
import { fileBaseName } from '../shared/file-names.ts';
import { AsyncBuild } from './async-build.svelte.ts';
import { fillCertificateKeyCa, PemSource, type CertificateKeyCa } from './pem-source.svelte.ts';
import { pickObjects } from './pick-objects.ts';
import { t } from './i18n.ts';
import { coreText } from '../i18n/core-text.svelte.ts';

export class KubeconfigState {
  readonly certificate = new PemSource();
  readonly key = new PemSource();
  readonly ca = new PemSource();
  server = $state('https://');
  clusterName = $state('kubernetes');
  namespace = $state('');
  readonly build = new AsyncBuild<KubeconfigResult>(() => this.#build());

  readonly certificates = $derived(pickObjects(this.certificate.input, 'certificate', 'clientCertificate', this.certificate.fileName || undefined));
  readonly caCertificates = $derived(pickObjects(this.ca.input, 'certificate', 'caCertificate', this.ca.fileName || undefined));

  /** The client certificate, its key and the cluster CA in one step: what the bench and the CA's last signature hand over. */
  fill(parts: CertificateKeyCa): void {
    fillCertificateKeyCa(this, parts);
  }

  get serverProblem(): string {
    const s = this.server.trim();
    if (!s || s === 'https://') return t('kc.serverMissing');
    const problem = serverUrlProblem(s);
    return problem ? coreText(problem) : '';
  }

  get clusterNameProblem(): string {
    return this.clusterName.trim() ? '' : t('kc.clusterMissing');
  }

  get signature(): unknown[] {
    return [this.certificate.input, this.key.input, this.ca.input, this.server, this.clusterName, this.namespace];
  }

  get missing(): string {
    if (!this.certificate.input) return t('kc.pasteCertificate');
    if (this.certificates.problem) return this.certificates.problem;
    if (!this.key.input) return t('kc.pasteKey');
    if (!this.ca.input) return t('kc.pasteCa');
    if (this.caCertificates.problem) return this.caCertificates.problem;
    if (this.serverProblem) return this.serverProblem;
    if (this.clusterNameProblem) return this.clusterNameProblem;
    return '';
  }

  get fileName(): string {
    const user = this.build.result?.identity.user;
    return `${fileBaseName(user, 'user')}.kubeconfig`;
  }

  get exportBlocker(): string {
    if (this.missing) return this.missing;
    const r = this.build.result;
    if (!r) return this.build.error ? t('fixProblemAbove') : t('kc.making');
    return hasErrors(r.findings) ? t('fixErrorsAbove') : '';
  }

  async #build(): Promise<KubeconfigResult | undefined> {
    if (this.missing) return undefined;
    return buildKubeconfig({
      server: this.server.trim(),
      clusterName: this.clusterName.trim(),
      caCertificates: this.caCertificates.ders,
      certificates: this.certificates.ders,
      privateKey: this.key.input!,
      namespace: this.namespace.trim() || undefined,
    });
  }
}
