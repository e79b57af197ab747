/**
 * certbench's Kubernetes layer: the public API the UI and the CLI build on. Everything here is
 * pure (no DOM, no Node APIs) and runs on `globalThis.crypto`; failures a person can see are
 * CertbenchErrors, and everything else a person should know comes back as `Finding`s.
 *
 * Manifests — each builder returns the object, its YAML (written by the `yaml` package), findings
 * (error = the API server or signer will refuse it; warning; info) and the kubectl commands:
 * - buildCsrManifest({ csrDer, signerName, name?, usages?, expirationSeconds? })  → CsrManifestResult (sync)
 *     certificates.k8s.io/v1 CSR; name suggested from the CN; usages from the CSR, else the signer's
 *     defaults; checked against kube-apiserver-client / -kubelet / kubelet-serving rules.
 *     A signer of your own (not kubernetes.io/…) gets the steps for signing it yourself (selfSigningCommands).
 * - suggestSigner(csrFacts(der)) → { signerName, reason, custom, rule }: the signer the CSR is meant for
 *     (system:node: client → kube-apiserver-client-kubelet, serving → kubelet-serving; other clients →
 *     kube-apiserver-client; other serving certificates → a custom signer, example.com/serving).
 * - buildCsrStatusPatch({ csrDer, name, certificates }) → the .status.certificate merge patch and its kubectl commands.
 * - csrSignatureProblem(der) → Promise<LocatedMessage | undefined>: the self-signature check kube-apiserver (and `sign`) makes.
 * - csrApiVersionNote(apiVersion) → Finding | undefined   (v1beta1 is gone since 1.22)
 * - buildTlsSecret({ name, namespace?, certificates, privateKey, caCertificates?, reorderChain? }) → Promise<TlsSecretResult>
 *     throws when the key is not the leaf's; warns on chain order and expiry; includes a Deployment mount patch.
 * - buildKubeconfig({ server, clusterName?, caCertificates, certificates, privateKey, … }) → Promise<KubeconfigResult>
 *     reports the identity (user = CN, groups = O).
 *
 * Cluster PKI — ClusterPki.files are { path, contents, kind } with the layout's exact paths; zip them with zipPkiFiles:
 * - generateKubeadmPki(options)  (/etc/kubernetes: pki/…, admin.conf, super-admin.conf, kubelet.conf, controller-manager.conf, scheduler.conf)
 * - generateHardWayPki(options)  (ca.pem, admin.pem, worker-N.pem, kubernetes.pem, service-account.pem, … and kubeconfigs)
 *   Both take `onProgress({ done, total, label })`, called after each key pair.
 *
 * Expiry — `kubeadm certs check-expiration` for anything pasted or dropped:
 * - detectFiles([{ name, bytes }]) (unzips .zip, labels by path) → checkExpiration(objects, { asOf }) →
 *   formatExpiryTable(report) | expiryReportJson(report)
 */
export { buildCsrManifest, csrApiVersionNote, csrCommands, csrStatusPath, CSR_API_VERSION, isSelfSigned, MIN_EXPIRATION_SECONDS, selfSigningCommands } from './csr-manifest.ts';
export { buildCsrStatusPatch, csrSignatureProblem, type CsrStatusOptions, type CsrStatusResult } from './csr-status.ts';
export type { CertificateSigningRequestManifest, CsrManifestOptions, CsrManifestResult } from './csr-manifest.ts';
export { buildTlsSecret, secretVolumeSnippet } from './tls-secret.ts';
export type { TlsSecretManifest, TlsSecretOptions, TlsSecretResult } from './tls-secret.ts';
export { buildKubeconfig, kubeconfigObject, kubeconfigTryCommands, serverUrlProblem } from './kubeconfig.ts';
export type { KubeconfigObject, KubeconfigOptions, KubeconfigParts, KubeconfigResult } from './kubeconfig.ts';
export {
  BUILT_IN_SIGNERS, SIGNER_API_SERVER_CLIENT, SIGNER_KUBELET_CLIENT, SIGNER_KUBELET_SERVING, SIGNER_LEGACY_UNKNOWN,
  checkSignerRules, DEFAULT_CUSTOM_SIGNER, defaultUsagesFor, isBuiltInSigner, signerNameProblem, suggestSigner,
  type SignerRule, type SignerSuggestion,
} from './signers.ts';
export { KUBE_USAGES, isKubeUsage, usagesOfFacts, type KubeUsage } from './usages.ts';
export { secretPlaceFor, type SecretPlace } from './secret-place.ts';
export { dns1123LabelProblem, dns1123SubdomainProblem, isDns1123Label, isDns1123Subdomain, suggestDns1123Name } from './dns-names.ts';
export { formatFindings, hasErrors, type Finding, type FindingSeverity } from './findings.ts';
export { generateKubeadmPki, apiServerSans, type KubeadmPkiOptions } from './cluster-pki/kubeadm.ts';
export { generateHardWayPki, hardWayApiServerSans, HARD_WAY_CLUSTER, type HardWayPkiOptions, type HardWayWorker } from './cluster-pki/hard-way.ts';
export { CLUSTER_KEY_TYPES, type ClusterKeyType } from './cluster-pki/issue.ts';
export { firstServiceIp } from './cluster-pki/ip-math.ts';
export { clusterZipName, zipPkiFiles, unzipFiles, isZip } from './cluster-pki/zip.ts';
export type { ClusterPki, PkiFile, PkiProgress } from './cluster-pki/types.ts';
export { detectFiles } from './expiry-input.ts';
export { checkExpiration, expiryReportJson, formatExpiryTable, rowNameOf, type ExpiryOptions, type ExpiryReport, type ExpiryRow } from './expiry.ts';
export { isChainInOrder, orderChain } from './chain.ts';
// Cluster rescue — an expired kubeadm /etc/kubernetes renewed offline (readClusterFiles → loadCluster → planRescue / renewCluster).
export { KUBEADM_KUBECONFIGS, loadCluster, PassphraseNeededError, readClusterFiles, type LoadedCluster } from './rescue/input.ts';
export { planRescue, type PlanItem, type RescueOptions, type RescuePlan } from './rescue/plan.ts';
export { renewCluster, type RescueResult } from './rescue/renew.ts';
export { STEPS_FILE } from './rescue/steps.ts';
