/** Certificate chains as TLS servers send them: leaf first, then each issuer in turn. */
import { bytesEqual } from '../core/bytes.ts';
import type { KubeCertificateFacts } from './x509-facts.ts';

const issues = (issuer: KubeCertificateFacts, cert: KubeCertificateFacts) => bytesEqual(issuer.subjectDer, cert.issuerDer) && !bytesEqual(issuer.der, cert.der);

/** Whether each certificate is issued by the next one (by name). */
export function isChainInOrder(chain: readonly KubeCertificateFacts[]): boolean {
  return chain.every((c, i) => i === chain.length - 1 || issues(chain[i + 1]!, c));
}

/**
 * The same certificates leaf first, each followed by its issuer; certificates that belong to no
 * path from the leaf are kept at the end in their given order.
 */
export function orderChain(chain: readonly KubeCertificateFacts[]): KubeCertificateFacts[] {
  const leaf = chain.find((c) => !chain.some((other) => issues(c, other))) ?? chain[0];
  if (!leaf) return [];
  const out = [leaf];
  for (;;) {
    const last = out[out.length - 1]!;
    const next = chain.find((c) => !out.includes(c) && issues(c, last));
    if (!next) break;
    out.push(next);
  }
  return [...out, ...chain.filter((c) => !out.includes(c))];
}
