/**
 * The kubeconfig form: client certificate and key, the cluster CA, the API server URL and the
 * cluster name. buildKubeconfig checks the key and reports the identity (user = CN, groups = O).
 */
import { buildKubeconfig, hasErrors, serverUrlProblem, type KubeconfigResult } from '../../kube/index.ts';
import { fileBaseName } from '../shared/file-names.ts';
import { AsyncBuild } from './async-build.svelte.ts';
import { PemSource } from './pem-source.svelte.ts';
import { pickObjects } from './pick-objects.ts';

export class KubeconfigState {
  readonly certificate = new PemSource();
  readonly key = new PemSource();
  readonly ca = new PemSource();
  server = $state('https://');
  clusterName = $state('kubernetes');
  namespace = $state('');
  readonly build = new AsyncBuild<KubeconfigResult>(() => this.#build());

  readonly certificates = $derived(pickObjects(this.certificate.input, 'certificate', 'client certificate', this.certificate.fileName || undefined));
  readonly caCertificates = $derived(pickObjects(this.ca.input, 'certificate', 'CA certificate', this.ca.fileName || undefined));

  get serverProblem(): string {
    const s = this.server.trim();
    if (!s || s === 'https://') return 'enter the API server URL, e.g. https://10.0.0.10:6443';
    return serverUrlProblem(s) ?? '';
  }

  get clusterNameProblem(): string {
    return this.clusterName.trim() ? '' : 'enter a cluster name (kubeadm calls it "kubernetes")';
  }

  get signature(): unknown[] {
    return [this.certificate.input, this.key.input, this.ca.input, this.server, this.clusterName, this.namespace];
  }

  get missing(): string {
    if (!this.certificate.input) return 'paste or open the client certificate';
    if (this.certificates.problem) return this.certificates.problem;
    if (!this.key.input) return 'paste or open the client’s private key';
    if (!this.ca.input) return 'paste or open the cluster CA certificate (pki/ca.crt)';
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
    if (!r) return this.build.error ? 'fix the problem above first' : 'making the kubeconfig…';
    return hasErrors(r.findings) ? 'fix the errors listed above first' : '';
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
