/** What the Kubernetes area does with an object sent from the bench: opens the section and fills its form. */
import type { BenchHandoff } from '../bench/bench.svelte.ts';
import type { KubernetesState } from './kubernetes-state.svelte.ts';
import type { PemSource } from './pem-source.svelte.ts';

/** A certificate with the key and CA the bench knows for it; a field stays as it was when the bench has nothing for it. */
export function fillCertificateKeyCa(fields: { certificate: PemSource; key: PemSource; ca: PemSource }, h: BenchHandoff): void {
  fields.certificate.typed(h.text);
  if (h.keyPem) fields.key.typed(h.keyPem);
  if (h.caPem) fields.ca.typed(h.caPem);
}

export function receiveFromBench(kube: KubernetesState, h: BenchHandoff): void {
  switch (h.target) {
    case 'kubernetes.csr':
      kube.section = 'csr';
      kube.csr.source.typed(h.text);
      break;
    case 'kubernetes.secret':
      kube.section = 'secret';
      fillCertificateKeyCa({ certificate: kube.secret.chain, key: kube.secret.key, ca: kube.secret.ca }, h);
      break;
    case 'kubernetes.kubeconfig':
      kube.section = 'kubeconfig';
      fillCertificateKeyCa(kube.kubeconfig, h);
      break;
  }
}
