/**
 * Which private keys and certificates of one input belong together, by the SHA-256 of the public key
 * (what `openssl x509 -pubkey` and `openssl pkey -pubout` agree on). A pasted Secret says at once
 * whether tls.key is tls.crt's key; a key that matches none of the certificates beside it is named.
 */
import type { FoundObject, ObjectKind } from '../../core/types.ts';
import type { Summary } from '../../core/summary.ts';

const PRIVATE_KEYS: ReadonlySet<ObjectKind> = new Set(['private-key', 'rsa-private-key', 'ec-private-key', 'dsa-private-key']);

/** The other object: its summary (for its title) and where it came from, both worded by the view. */
export interface Partner extends Pick<FoundObject, 'origin' | 'originSaid'> {
  summary: Pick<Summary, 'title' | 'titleSaid'>;
}

/** A key's or certificate's partners in the input; `none` marks a key whose public key no certificate here has. */
export type KeyMatch = { kind: 'key-of'; certificates: Partner[] } | { kind: 'certificate-of'; keys: Partner[] } | { kind: 'none'; certificateCount: number };

interface Item extends Pick<FoundObject, 'origin' | 'originSaid'> {
  kind: ObjectKind;
  summary: Pick<Summary, 'title' | 'titleSaid' | 'spkiSha256'>;
}

/** By position in `items`; only inputs holding both a certificate and a private key get any entry. */
export function keyMatches(items: readonly Item[]): Map<number, KeyMatch> {
  const out = new Map<number, KeyMatch>();
  const certificates = items.flatMap((it, i) => (it.kind === 'certificate' ? [{ i, it }] : []));
  const keys = items.flatMap((it, i) => (PRIVATE_KEYS.has(it.kind) ? [{ i, it }] : []));
  if (!certificates.length || !keys.length) return out;
  const partner = ({ it }: { it: Item }): Partner => ({ summary: it.summary, origin: it.origin, ...(it.originSaid ? { originSaid: it.originSaid } : {}) });
  for (const key of keys) {
    const pin = key.it.summary.spkiSha256;
    const mine = pin ? certificates.filter((c) => c.it.summary.spkiSha256 === pin) : [];
    out.set(key.i, mine.length ? { kind: 'key-of', certificates: mine.map(partner) } : { kind: 'none', certificateCount: certificates.length });
  }
  for (const cert of certificates) {
    const pin = cert.it.summary.spkiSha256;
    const mine = pin ? keys.filter((k) => k.it.summary.spkiSha256 === pin) : [];
    if (mine.length) out.set(cert.i, { kind: 'certificate-of', keys: mine.map(partner) });
  }
  return out;
}
