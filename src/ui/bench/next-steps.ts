/** Which forms an object on the bench can go to next, in the order a person usually takes them. */
import type { BenchItem, BenchKind, BenchTarget } from './bench.svelte.ts';

const NEXT_STEPS: Record<BenchKind, readonly BenchTarget[]> = {
  key: [],
  csr: ['ca.sign', 'kubernetes.csr', 'inspect'],
  certificate: ['kubernetes.secret', 'kubernetes.kubeconfig', 'kubernetes.expiry', 'verify.chain', 'inspect'],
  ca: ['verify.chain', 'inspect'],
  crl: ['inspect'],
  manifest: ['inspect'],
  kubeconfig: ['inspect'],
  bundle: ['verify.chain', 'inspect'],
  archive: [],
};

export function nextStepsFor(item: BenchItem): readonly BenchTarget[] {
  return NEXT_STEPS[item.kind];
}

/** The area a target lives in: the part before the dot, which is also its #hash. */
export function areaOf(target: BenchTarget): string {
  return target.split('.')[0]!;
}
