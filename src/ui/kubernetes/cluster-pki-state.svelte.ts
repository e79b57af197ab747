/**
 * The cluster-PKI form: kubeadm's or Kubernetes The Hard Way's inputs, Generate with progress, the
 * zip, and the set's expiry report. The generators, the zip writer and the expiry check are the
 * core's; this class parses the text fields into their options and follows the run.
 */
import {
  checkExpiration, clusterZipName, CLUSTER_KEY_TYPES, detectFiles, generateHardWayPki, generateKubeadmPki, zipPkiFiles,
  type ClusterKeyType, type ClusterPki, type ExpiryReport, type HardWayWorker,
} from '../../kube/index.ts';
import { expiryRowView, type ExpiryRowView } from './expiry-state.svelte.ts';
import { t } from './i18n.ts';
import { errorText, uiError } from '../i18n/core-text.svelte.ts';

export type PkiLayout = 'kubeadm' | 'hard-way';

export const LAYOUT_CHOICES: readonly { value: PkiLayout; label: string }[] = [
  { value: 'kubeadm', label: 'kubeadm (/etc/kubernetes)' },
  { value: 'hard-way', label: 'Kubernetes The Hard Way' },
];

const KEY_TYPE_LABELS: Record<ClusterKeyType, string> = {
  'ec-p256': 'ECDSA P-256',
  'ec-p384': 'ECDSA P-384',
  rsa2048: 'RSA 2048',
  rsa3072: 'RSA 3072',
  rsa4096: 'RSA 4096',
};
export const CLUSTER_KEY_CHOICES = CLUSTER_KEY_TYPES.map((t) => ({ value: t, label: KEY_TYPE_LABELS[t] }));

/** Each layout's own default lifetimes (kubeadm: 1 y / 10 y; the guide's cfssl: 1 y / 5 y). */
const DEFAULT_DAYS: Record<PkiLayout, { leaf: string; ca: string }> = { kubeadm: { leaf: '365', ca: '3650' }, 'hard-way': { leaf: '365', ca: '1825' } };
export const MAX_WORKERS = 50;

const defaultWorker = (i: number): HardWayWorker & { externalIp: string } => ({ hostname: `worker-${i}`, internalIp: `10.240.0.${20 + i}`, externalIp: '' });

/** "a, b c\nd" → ["a", "b", "c", "d"]. */
export const listOf = (text: string): string[] => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

function days(text: string, what: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) <= 0) throw uiError(t('pki.notDays', { text }), what);
  return Number(trimmed);
}

interface PkiProgressView {
  done: number;
  total: number;
  label: string;
}

export class ClusterPkiState {
  layout = $state<PkiLayout>('kubeadm');
  keyType = $state<ClusterKeyType>('ec-p256');
  leafDays = $state(DEFAULT_DAYS.kubeadm.leaf);
  caDays = $state(DEFAULT_DAYS.kubeadm.ca);

  // kubeadm
  nodeName = $state('control-plane');
  advertiseAddress = $state('192.168.0.10');
  controlPlaneEndpoint = $state('');
  serviceSubnet = $state('10.96.0.0/12');
  dnsDomain = $state('cluster.local');
  certSANs = $state('');
  clusterName = $state('kubernetes');

  // The Hard Way
  workers = $state([0, 1, 2].map(defaultWorker));
  controllerIps = $state('10.240.0.10, 10.240.0.11, 10.240.0.12');
  publicAddress = $state('');
  serviceClusterIpRange = $state('10.32.0.0/24');

  generating = $state(false);
  progress = $state<PkiProgressView | undefined>(undefined);
  error = $state('');
  pki = $state.raw<ClusterPki | undefined>(undefined);
  zip = $state.raw<Uint8Array | undefined>(undefined);
  /** The generated set as the Expiry check would show its zip. */
  expiry = $state.raw<ExpiryReport | undefined>(undefined);
  #run = 0;

  /** kubeadm-pki.zip or hard-way-pki.zip: two downloads never land on one name. */
  get zipName(): string {
    return clusterZipName(this.pki?.layout ?? this.layout);
  }

  get expiryCertificates(): ExpiryRowView[] {
    return (this.expiry?.certificates ?? []).map(expiryRowView);
  }

  get expiryAuthorities(): ExpiryRowView[] {
    return (this.expiry?.certificateAuthorities ?? []).map(expiryRowView);
  }

  setLayout(layout: PkiLayout): void {
    if (layout === this.layout) return;
    // Only lifetimes still at the old layout's defaults follow the new layout.
    if (this.leafDays === DEFAULT_DAYS[this.layout].leaf) this.leafDays = DEFAULT_DAYS[layout].leaf;
    if (this.caDays === DEFAULT_DAYS[this.layout].ca) this.caDays = DEFAULT_DAYS[layout].ca;
    this.layout = layout;
    this.forget();
  }

  setWorkerCount(count: number): void {
    const n = Math.max(0, Math.min(MAX_WORKERS, Math.trunc(Number.isFinite(count) ? count : 0)));
    const next = this.workers.slice(0, n);
    for (let i = next.length; i < n; i++) next.push(defaultWorker(i));
    this.workers = next;
  }

  /** Drops the last result (the zip holds private keys: keep it no longer than needed). */
  forget(): void {
    this.pki = undefined;
    this.zip = undefined;
    this.expiry = undefined;
    this.progress = undefined;
    this.error = '';
  }

  get progressText(): string {
    const p = this.progress;
    if (!p) return '';
    return p.label ? t('pki.progressLast', { done: p.done, total: p.total, label: p.label }) : t('pki.progress', { done: p.done, total: p.total });
  }

  /** Generates the set; resolves to its zip, or undefined when it failed or a newer run took over. */
  async generate(): Promise<Uint8Array | undefined> {
    const run = ++this.#run;
    this.forget();
    this.generating = true;
    const onProgress = (step: PkiProgressView) => {
      if (run === this.#run) this.progress = { ...step };
    };
    try {
      const leafDays = days(this.leafDays, t('pki.leafValidity'));
      const caDays = days(this.caDays, t('pki.caValidity'));
      const pki =
        this.layout === 'kubeadm'
          ? await generateKubeadmPki({
              nodeName: this.nodeName,
              advertiseAddress: this.advertiseAddress,
              controlPlaneEndpoint: this.controlPlaneEndpoint.trim() || undefined,
              serviceSubnet: this.serviceSubnet.trim(),
              dnsDomain: this.dnsDomain,
              certSANs: listOf(this.certSANs),
              clusterName: this.clusterName.trim() || undefined,
              keyType: this.keyType,
              leafDays,
              caDays,
              onProgress,
            })
          : await generateHardWayPki({
              workers: this.workers.map((w) => ({ hostname: w.hostname.trim(), internalIp: w.internalIp.trim(), externalIp: w.externalIp.trim() || undefined })),
              controllerIps: listOf(this.controllerIps),
              publicAddress: this.publicAddress.trim() || undefined,
              serviceClusterIpRange: this.serviceClusterIpRange.trim(),
              keyType: this.keyType,
              leafDays,
              caDays,
              onProgress,
            });
      if (run !== this.#run) return undefined;
      const zip = zipPkiFiles(pki.files);
      this.zip = zip;
      this.pki = pki;
      // Read from the files in hand, labelled by their path in the zip, so the rows are named as the Expiry check names them.
      const found = detectFiles(pki.files.map((f) => ({ name: f.path, bytes: new TextEncoder().encode(f.contents) })));
      const report = await checkExpiration(found.objects);
      if (run !== this.#run) return undefined;
      this.expiry = report;
      return zip;
    } catch (e) {
      if (run === this.#run) this.error = errorText(e);
      return undefined;
    } finally {
      if (run === this.#run) this.generating = false;
    }
  }
}
