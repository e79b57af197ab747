/**
 * The bench: every object made or opened since the page was opened — keys, CSRs, certificates, CAs,
 * CRLs, manifests, kubeconfigs, archives — in one list, so the next step never means downloading from
 * one area and opening in another. In memory only: a reload forgets it, and private keys never go to
 * storage from here (the CA store keeps its own keys under its own protection).
 *
 * Objects are tied together by their public key (the SPKI SHA-256 pin the summary computes), not by
 * where they were made: a certificate pasted in Inspect finds the key Create made for it.
 */
import { bytesEqual } from '../../core/bytes.ts';
import { visibleText } from '../../core/text/visible.ts';

export type BenchKind = 'key' | 'csr' | 'certificate' | 'ca' | 'crl' | 'manifest' | 'kubeconfig' | 'bundle' | 'archive';

/** Where an object came from, in words the panel shows. */
export type BenchOrigin = 'created' | 'signed' | 'opened' | 'ca-store' | 'made';

export interface BenchItemInput {
  kind: BenchKind;
  /** The subject's CN, a manifest's name, a file name: what a person recognises it by. */
  title: string;
  /** One more line: the key type, the issuer, the number of certificates. */
  detail?: string;
  origin: BenchOrigin;
  /** PEM or YAML text; for keys made in Create, absent until exported (see privateKey). */
  text?: string;
  /** Binary content (zips). */
  bytes?: Uint8Array;
  /** DER of certificates, CSRs, CRLs and keys: what identifies the object (the same DER is one object). */
  der?: Uint8Array;
  fileName: string;
  /** base64 SHA-256 of the public key: ties a key, its CSR and its certificates together. */
  spkiPin?: string;
  /** Certificates: the subject and issuer as OpenSSL prints them (for finding the issuing CA). */
  subject?: string;
  issuer?: string;
  /** Certificates: the leaf then its intermediates, when known (what tls.crt holds). */
  chainPem?: string;
  /** Certificates: the certificate of the CA that signed it, when known. */
  caPem?: string;
  /** Keys made in Create: held as a CryptoKey and exported only when a step needs the PEM. */
  privateKey?: CryptoKey;
  /**
   * A form's current output (a manifest being edited): later outputs of the same slot replace it
   * instead of piling up one object per keystroke.
   */
  slot?: string;
}

export interface BenchItem extends BenchItemInput {
  id: number;
  /** Milliseconds since the page opened; newest first in the panel. */
  addedAt: number;
}

/** Where a next step lands: an area and, inside it, the form that receives the object. */
export type BenchTarget =
  | 'inspect'
  | 'ca.sign'
  | 'kubernetes.csr'
  | 'kubernetes.secret'
  | 'kubernetes.kubeconfig'
  | 'kubernetes.expiry'
  | 'verify.chain';

/** What a form receives: the object's text and whatever the bench knows goes with it. */
export interface BenchHandoff {
  target: BenchTarget;
  item: BenchItem;
  text: string;
  keyPem?: string;
  caPem?: string;
}

/** The names the panel and pickers show, hidden and bidi characters escaped (core/text/visible.ts); idempotent. */
function withVisibleNames(input: BenchItemInput): BenchItemInput {
  const out: BenchItemInput = { ...input, title: visibleText(input.title) };
  if (input.detail !== undefined) out.detail = visibleText(input.detail);
  if (input.subject !== undefined) out.subject = visibleText(input.subject);
  if (input.issuer !== undefined) out.issuer = visibleText(input.issuer);
  return out;
}

/** A pasted trust store is one object on the bench, not ten thousand. */
export const BENCH_OBJECTS_PER_INPUT = 20;

export class Bench {
  items = $state.raw<BenchItem[]>([]);
  /** A next step on its way to an area that is still loading; the area takes it when it mounts. */
  pending = $state.raw<BenchHandoff | undefined>(undefined);
  open = $state(true);
  #next = 1;

  /**
   * Puts an object on the bench and returns it. A form's new output replaces its slot's
   * earlier one; an object already on the bench (the same DER) stays one entry, and what was known
   * about it first (signed by which CA, with which chain) is kept, filled up with anything new.
   */
  add(given: BenchItemInput): BenchItem {
    const input = withVisibleNames(given);
    const earlier = this.items.find((i) => (input.slot !== undefined && i.slot === input.slot) || (!!input.der && !!i.der && bytesEqual(i.der, input.der)));
    const sameObject = earlier && input.slot === undefined;
    const item: BenchItem = {
      ...withoutUndefined(input),
      ...(sameObject ? earlier : {}),
      id: earlier?.id ?? this.#next++,
      addedAt: performance.now(),
    };
    // A new object goes on top; one already there keeps its place (reopening the CA area must not reshuffle the list).
    this.items = sameObject ? this.items.map((i) => (i === earlier ? item : i)) : [item, ...this.items.filter((i) => i !== earlier)];
    return item;
  }

  remove(id: number): void {
    this.items = this.items.filter((i) => i.id !== id);
  }

  clear(): void {
    this.items = [];
  }

  get(id: number): BenchItem | undefined {
    return this.items.find((i) => i.id === id);
  }

  /** Objects of these kinds, newest first (what a form's picker offers). */
  ofKind(...kinds: BenchKind[]): BenchItem[] {
    return this.items.filter((i) => kinds.includes(i.kind));
  }

  /** The private key on the bench for this object's public key. */
  keyFor(item: BenchItem): BenchItem | undefined {
    if (!item.spkiPin || item.kind === 'key') return undefined;
    return this.items.find((i) => i.kind === 'key' && i.spkiPin === item.spkiPin);
  }

  /** The CA certificate that signed this certificate: recorded when the CA signed it, else a CA on the bench named as its issuer. */
  caFor(item: BenchItem): string | undefined {
    if (item.caPem) return item.caPem;
    if (!item.issuer || item.issuer === item.subject) return undefined;
    return this.items.find((i) => i.kind === 'ca' && i.subject === item.issuer)?.text;
  }

  /** Sends an object to a form: fills in its key and CA where the bench has them, then the area takes it. */
  async send(target: BenchTarget, item: BenchItem): Promise<BenchHandoff> {
    const handoff: BenchHandoff = { target, item, text: await this.textOf(item) };
    if (item.kind === 'certificate' || item.kind === 'ca') {
      handoff.text = item.chainPem ?? handoff.text;
      const key = this.keyFor(item);
      if (key) handoff.keyPem = await this.textOf(key);
      const ca = this.caFor(item);
      if (ca) handoff.caPem = ca;
    }
    this.pending = handoff;
    return handoff;
  }

  /** The hand-off waiting for this area (its target starts with the area's id), taken once. */
  take(area: string): BenchHandoff | undefined {
    const h = this.pending;
    if (!h || (h.target !== area && !h.target.startsWith(`${area}.`))) return undefined;
    this.pending = undefined;
    return h;
  }

  /** The object's text; a key made in Create is exported as unencrypted PKCS#8 PEM (what tls.key and a kubeconfig hold). */
  async textOf(item: BenchItem): Promise<string> {
    if (item.text !== undefined) return item.text;
    if (item.privateKey) {
      const { exportPrivateKeyPem } = await import('../../core/keys/export.ts');
      return exportPrivateKeyPem(item.privateKey, { format: 'pkcs8' });
    }
    return '';
  }
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const bench = new Bench();
