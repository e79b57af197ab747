/** What the cluster PKI generators produce and report while they work. */
import type { Finding } from '../findings.ts';

export interface PkiFile {
  /** Path inside the zip, with folders: "pki/etcd/ca.crt", "admin.conf", "worker-0-key.pem". */
  path: string;
  contents: string;
  kind: 'certificate' | 'private-key' | 'public-key' | 'kubeconfig';
}

/** Called after each key pair is made (keys are the slow part: RSA-4096 takes ~0.5 s each in a browser). */
export type PkiProgress = (step: { done: number; total: number; label: string }) => void;

export interface ClusterPki {
  layout: 'kubeadm' | 'hard-way';
  files: PkiFile[];
  findings: Finding[];
  /** Milliseconds spent, for the person and for benchmarks. */
  elapsedMs: number;
}
