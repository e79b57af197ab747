/**
 * The TLS Secret form: certificate chain, private key and optional ca.crt (pasted or from files),
 * name and namespace. buildTlsSecret does the work and refuses a key that is not the leaf's; this
 * class turns inputs into its options and keeps the newest outcome.
 */
import { kubeCertificateFacts } from '../../kube/x509-facts.ts';
import { buildTlsSecret, dns1123LabelProblem, dns1123SubdomainProblem, hasErrors, secretPlaceFor, type TlsSecretResult } from '../../kube/index.ts';
import { msg } from '../../core/errors.ts';
import { AsyncBuild } from './async-build.svelte.ts';
import { fillCertificateKeyCa, PemSource, type CertificateKeyCa } from './pem-source.svelte.ts';
import { pickObjects } from './pick-objects.ts';
import { t } from './i18n.ts';
import { coreText, uiError } from '../i18n/core-text.svelte.ts';

export class TlsSecretState {
  readonly chain = new PemSource();
  readonly key = new PemSource();
  readonly ca = new PemSource();
  name = $state('');
  /** Whether the person has typed in the name field: an empty name is only marked once they have, or once the rest is ready. */
  nameEdited = $state(false);
  namespace = $state('');
  /** The certificate name the name and namespace were taken from, while they are still as taken. */
  placeFrom = $state('');
  reorderChain = $state(false);
  containerName = $state('app');
  mountPath = $state('/etc/tls');
  readonly build = new AsyncBuild<TlsSecretResult>(() => this.#build());

  readonly certificates = $derived(pickObjects(this.chain.input, 'certificate', 'certificate', this.chain.fileName || undefined));
  readonly caCertificates = $derived(pickObjects(this.ca.input, 'certificate', 'caCertificate', this.ca.fileName || undefined));

  get nameProblem(): string {
    const n = this.name.trim();
    if (!n) return t('secret.nameMissing');
    const p = dns1123SubdomainProblem(n);
    return p ? coreText(msg('kube.badName', { value: n, problem: p })) : '';
  }

  /** The name's problem as the field shows it: not before the person typed there or the Secret could otherwise be made. */
  get shownNameProblem(): string {
    return this.nameEdited || !this.missing ? this.nameProblem : '';
  }

  get namespaceProblem(): string {
    const n = this.namespace.trim();
    if (!n) return '';
    const p = dns1123LabelProblem(n);
    return p ? coreText(msg('kube.badName', { value: n, problem: p })) : '';
  }

  /** The certificate (and chain), its key and the CA in one step: what the bench and the CA's last signature hand over. */
  fill(parts: CertificateKeyCa): void {
    fillCertificateKeyCa({ certificate: this.chain, key: this.key, ca: this.ca }, parts);
    this.#placeFromCertificate();
  }

  /**
   * A name and namespace nobody has typed follow the certificate: its Service SAN
   * (`registry.docker-registry.svc…` → registry-tls in docker-registry), else its CN.
   */
  #placeFromCertificate(): void {
    if (this.nameEdited && this.name.trim()) return;
    if (this.namespace.trim() && !this.placeFrom) return;
    const leaf = this.certificates.ders[0];
    if (!leaf) return;
    let facts;
    try {
      facts = kubeCertificateFacts(leaf);
    } catch {
      return; // the form names what is wrong with the certificate
    }
    const place = secretPlaceFor({ dns: facts.sans.dns, commonName: facts.commonName });
    if (!place) return;
    this.name = place.name;
    this.nameEdited = false;
    this.namespace = place.namespace ?? '';
    this.placeFrom = place.from;
  }

  /** Everything the inputs are, so a view can rebuild when any of them changes. */
  get signature(): unknown[] {
    return [this.chain.input, this.key.input, this.ca.input, this.name, this.namespace, this.reorderChain, this.containerName, this.mountPath];
  }

  /** What is missing before a Secret can be made, or ''. */
  get missing(): string {
    if (!this.chain.input) return t('secret.pasteCertificate');
    if (this.certificates.problem) return this.certificates.problem;
    if (!this.key.input) return t('secret.pasteKey');
    return '';
  }

  get exportBlocker(): string {
    const r = this.build.result;
    if (this.missing) return this.missing;
    if (!r) return this.build.error ? t('fixProblemAbove') : t('secret.making');
    if (this.nameProblem || this.namespaceProblem || hasErrors(r.findings)) return t('fixErrorsAbove');
    return '';
  }

  async #build(): Promise<TlsSecretResult | undefined> {
    if (this.missing) return undefined;
    if (this.ca.input && this.caCertificates.problem) throw uiError(this.caCertificates.problem, 'ca.crt');
    const namespace = this.namespace.trim();
    return buildTlsSecret({
      name: this.name.trim(),
      namespace: namespace || undefined,
      certificates: this.certificates.ders,
      privateKey: this.key.input!,
      caCertificates: this.caCertificates.ders.length ? this.caCertificates.ders : undefined,
      reorderChain: this.reorderChain,
      containerName: this.containerName.trim() || undefined,
      mountPath: this.mountPath.trim() || undefined,
    });
  }
}
