/** A certificate the CA just signed goes on the bench with its chain and its root, ready for a TLS Secret or a kubeconfig. */
import type { IssuedResult } from '../../core/ca/issue.ts';
import { bench } from '../bench/bench.svelte.ts';
import { benchEntryForDer } from '../bench/from-object.ts';

const END = '-----END CERTIFICATE-----';

/** The last certificate of a PEM chain: the root a client trusts (ca.crt, certificate-authority-data). */
function rootOf(fullChainPem: string): string {
  const blocks = fullChainPem.split(END).slice(0, -1);
  return `${blocks[blocks.length - 1]!.trim()}\n${END}\n`;
}

export async function putIssuedOnBench(result: IssuedResult, caTitle: string, fileName: string): Promise<void> {
  const entry = await benchEntryForDer('certificate', result.der, 'signed', { chainPem: result.chainPem, caPem: rootOf(result.fullChainPem), detail: caTitle, fileName });
  if (entry) bench.add(entry);
}
