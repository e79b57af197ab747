/** What the Kubernetes area does with an object sent from the bench: opens the section and fills its form. */
import { bytesEqual } from '../../core/bytes.ts';
import { errorText } from '../i18n/core-text.svelte.ts';
import { kubeCertificateFacts } from '../../kube/x509-facts.ts';
import { bench, type BenchHandoff, type BenchItem } from '../bench/bench.svelte.ts';
import { benchEntryForDer } from '../bench/from-object.ts';
import { areaOf } from '../bench/next-steps.ts';
import type { KubernetesState } from './kubernetes-state.svelte.ts';
import type { CertificateKeyCa } from './pem-source.svelte.ts';

/** A certificate hand-off as the parts a form fills: the certificate (its chain), and the key and CA the bench knows for it. */
export function handoffParts(h: BenchHandoff): CertificateKeyCa {
  return { certificatePem: h.text, keyPem: h.keyPem, caPem: h.caPem };
}

export function receiveFromBench(kube: KubernetesState, h: BenchHandoff): void {
  switch (h.target) {
    case 'kubernetes.csr':
      kube.section = 'csr';
      kube.csr.source.typed(h.text);
      break;
    case 'kubernetes.secret':
      kube.section = 'secret';
      kube.secret.fill(handoffParts(h));
      break;
    case 'kubernetes.kubeconfig':
      kube.section = 'kubeconfig';
      kube.kubeconfig.fill(handoffParts(h));
      break;
    case 'kubernetes.expiry':
      // Added to what is being checked, as of the date already chosen: a second certificate joins the first.
      kube.section = 'expiry';
      kube.expiry.addCertificates(h.text).catch((e) => (kube.expiry.error = errorText(e)));
      break;
  }
}

/** A certificate on the bench for this public key (the one a CA signed for the request), newest first. */
export function certificateOnBenchFor(spki: Uint8Array): BenchItem | undefined {
  return bench.ofKind('certificate').find((item) => {
    if (!item.der) return false;
    try {
      return bytesEqual(kubeCertificateFacts(item.der).spki, spki);
    } catch {
      return false;
    }
  });
}

/** Puts the request on the bench (once) and sends it to the CA's sign form, as the bench's "Sign with a CA…" does. */
export async function sendCsrToCa(der: Uint8Array, fileName: string): Promise<void> {
  const entry = await benchEntryForDer('csr', der, 'opened', { fileName });
  if (!entry) return;
  await bench.send('ca.sign', bench.add(entry));
  const hash = `#${areaOf('ca.sign')}`;
  if (location.hash !== hash) location.hash = hash;
}
