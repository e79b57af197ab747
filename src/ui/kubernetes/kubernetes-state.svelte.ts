/** The Kubernetes area: which section is open, and each section's state (kept while switching). */
import { ClusterPkiState } from './cluster-pki-state.svelte.ts';
import { ClusterRenewState } from './cluster-renew-state.svelte.ts';
import { CsrManifestState } from './csr-manifest-state.svelte.ts';
import { ExpiryState } from './expiry-state.svelte.ts';
import { KubeconfigState } from './kubeconfig-state.svelte.ts';
import { TlsSecretState } from './tls-secret-state.svelte.ts';
import { tabAfterKey } from '../shared/tab-keys.ts';

export const SECTIONS = [
  { id: 'csr', label: 'CSR manifest' },
  { id: 'secret', label: 'TLS Secret' },
  { id: 'kubeconfig', label: 'kubeconfig' },
  { id: 'cluster-pki', label: 'Cluster PKI' },
  { id: 'expiry', label: 'Expiry check' },
  { id: 'cluster-renew', label: 'Renew a cluster (kubeadm)' },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

/** The section a tab key moves to: arrows wrap, Home/End go to the ends; undefined for other keys. */
export function sectionAfterKey(current: SectionId, key: string): SectionId | undefined {
  return tabAfterKey(SECTIONS.map((s) => s.id), current, key);
}

export class KubernetesState {
  section = $state<SectionId>('csr');
  readonly csr = new CsrManifestState();
  readonly secret = new TlsSecretState();
  readonly kubeconfig = new KubeconfigState();
  readonly clusterPki = new ClusterPkiState();
  readonly expiry = new ExpiryState();
  readonly renew = new ClusterRenewState();

  dispose(): void {
    this.secret.build.dispose();
    this.kubeconfig.build.dispose();
  }
}
