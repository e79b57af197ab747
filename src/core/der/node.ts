/**
 * The one BER/DER decoder of the core. Every element becomes a DerNode that knows where it sits in
 * the input (`offset`), so a printer can name the bytes behind a line and every error names the
 * byte offset it was found at. Contents of primitive elements (OCTET/BIT STRINGs included) are never
 * decoded speculatively: a printer that wants an embedded structure parses it itself, with `base`
 * set to where those bytes sit, so offsets stay offsets into the original input.
 */
import { CertbenchError, msg, type CoreMessage, type CoreMessageId } from '../errors.ts';
import type { MessageParam } from '../messages/index.ts';

/** X.690 tag classes (the two top bits of the identifier octet; 1 is APPLICATION, 3 PRIVATE). */
export const UNIVERSAL = 0;
export const CONTEXT = 2;

export interface DerNode {
  /** The tag class: 0 universal, 1 application, 2 context-specific, 3 private. */
  cls: number;
  tag: number;
  constructed: boolean;
  /** Offset of the identifier octet in the input (plus the `base` given to parseDer). */
  offset: number;
  /** Length of the identifier and length octets. */
  header: number;
  /** Indefinite-length form (BER): the contents end with an end-of-contents element. */
  indefinite: boolean;
  /** The whole encoding (identifier, length, contents, end-of-contents), a view into the input. */
  der: Uint8Array;
  /** The contents octets (for a constructed node, its children's encodings). */
  content: Uint8Array;
  /** Children of a constructed node, end-of-contents left out; [] for a primitive. */
  children: DerNode[];
}

/** Why an element could not be decoded: a der.* message whose text ends "at offset {offset}". */
type DerReason = CoreMessage<
  | 'der.noBytes'
  | 'der.tagCutShort'
  | 'der.tagTooLarge'
  | 'der.lengthCutShort'
  | 'der.indefinitePrimitive'
  | 'der.lengthTooLong'
  | 'der.tooDeep'
  | 'der.noEndOfContents'
  | 'der.pastEnd'
  | 'der.pastEnclosing'
  | 'der.trailing'
>;

/** CertbenchError with the id chosen at run time (the reason's own, or der.notDer naming the structure). */
const AnyCertbenchError = CertbenchError as new (id: CoreMessageId, params?: Readonly<Record<string, MessageParam>>) => CertbenchError;

/** A decoding failure at a place in the input: `offset` is where the element that failed starts. */
export class DerError extends AnyCertbenchError {
  readonly reason: DerReason;
  readonly offset: number;
  /** `what` names the structure being decoded ("certificate", "Name"), when the caller named it. */
  constructor(reason: DerReason, offset: number, what?: string) {
    super(what ? 'der.notDer' : reason.id, what ? { what, reason } : reason.params);
    this.reason = reason;
    this.offset = offset;
  }
}

const hex = (n: number) => `0x${n.toString(16)}`;

interface ParseOptions {
  /** Names the structure in error messages. */
  what?: string;
  /** Where `bytes` start in the input the offsets should refer to (default 0). */
  base?: number;
  /** Bytes after the first element: left alone ('ignore', default, as d2i does) or refused ('refuse'). */
  trailing?: 'refuse' | 'ignore';
}

/** A primitive element's children: one empty list for all of them (frozen: nothing may add to it). */
const NO_CHILDREN = Object.freeze([]) as unknown as DerNode[];

/** Deeper nesting is refused: OpenSSL's decoder stops at 30 levels of constructed strings and real objects stay under 20. */
const MAX_DEPTH = 100;

/**
 * Decodes the element at the start of `bytes` (with trailing: 'refuse', also that nothing follows
 * it). A string for `options` names the structure in errors.
 */
export function parseDer(bytes: Uint8Array, options: string | ParseOptions = {}): DerNode {
  const opts = typeof options === 'string' ? { what: options } : options;
  if (!bytes.length) throw new DerError(msg('der.noBytes', { offset: hex(opts.base ?? 0) }), opts.base ?? 0, opts.what);
  const p = new Parser(bytes, opts.base ?? 0, opts.what);
  const node = p.element(0, bytes.length, 0);
  if (node.end !== bytes.length && opts.trailing === 'refuse') {
    const at = p.base + node.end;
    throw new DerError(msg('der.trailing', { count: bytes.length - node.end, offset: hex(at) }), at, opts.what);
  }
  return node;
}

/** What a printer takes: the encoding, or the node the caller already decoded from it (decoded once). */
export type DerInput = Uint8Array | DerNode;

/** The node for a DerInput: itself, or the encoding decoded (`what` names it in errors). */
export function asNode(input: DerInput, what: string): DerNode {
  // Not `instanceof Uint8Array`: bytes from another realm (IndexedDB under jsdom, an iframe) are no
  // instance of this realm's Uint8Array, and would be taken for a decoded tree.
  return ArrayBuffer.isView(input) ? parseDer(input as Uint8Array, what) : input;
}

/** Every element in `bytes`, one after another (the contents of a SEQUENCE OF held in a primitive, for example). */
export function parseDerList(bytes: Uint8Array, opts: ParseOptions = {}): DerNode[] {
  const base = opts.base ?? 0;
  const p = new Parser(bytes, base, opts.what);
  const out: DerNode[] = [];
  for (let at = 0; at < bytes.length; ) {
    const n = p.element(at, bytes.length, 0);
    out.push(n);
    at = n.end;
  }
  return out;
}

class Parser {
  constructor(
    readonly bytes: Uint8Array,
    readonly base: number,
    readonly what?: string,
  ) {}

  fail(id: Exclude<DerReason['id'], 'der.pastEnd' | 'der.pastEnclosing' | 'der.trailing' | 'der.noBytes'>, at: number): never {
    throw new DerError(msg(id, { offset: hex(this.base + at) }), this.base + at, this.what);
  }

  header(at: number, end: number): { cls: number; tag: number; constructed: boolean; header: number; length: number | undefined } {
    const b = this.bytes;
    const start = at;
    if (at >= end) this.fail('der.tagCutShort', start);
    const id = b[at++]!;
    let tag = id & 0x1f;
    if (tag === 0x1f) {
      tag = 0;
      for (let n = 0; ; n++) {
        if (at >= end) this.fail('der.tagCutShort', start);
        const t = b[at++]!;
        // ASN1_get_object's bound: the number must fit an int.
        if (tag > 0x7fffffff >> 7) this.fail('der.tagTooLarge', start);
        tag = tag * 128 + (t & 0x7f);
        if (!(t & 0x80)) break;
      }
    }
    if (at >= end) this.fail('der.lengthCutShort', start);
    const first = b[at++]!;
    let length: number | undefined;
    if (first < 0x80) length = first;
    else if (first === 0x80) {
      if (!(id & 0x20)) this.fail('der.indefinitePrimitive', start);
    } else {
      const count = first & 0x7f;
      if (count > 4 || first === 0xff) this.fail('der.lengthTooLong', start);
      if (at + count > end) this.fail('der.lengthCutShort', start);
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + b[at++]!;
    }
    return { cls: id >> 6, tag, constructed: (id & 0x20) !== 0, header: at - start, length };
  }

  /** The element at `at`, which must end by `end` (its parent's end). */
  element(at: number, end: number, depth: number): ParsedNode {
    if (depth > MAX_DEPTH) this.fail('der.tooDeep', at);
    const h = this.header(at, end);
    const contentStart = at + h.header;
    const children: DerNode[] = h.constructed ? [] : NO_CHILDREN;
    let contentEnd: number;
    let elementEnd: number;
    if (h.length === undefined) {
      let p = contentStart;
      for (;;) {
        if (p + 2 > end) this.fail('der.noEndOfContents', at);
        if (this.bytes[p] === 0 && this.bytes[p + 1] === 0) break;
        const c = this.element(p, end, depth + 1);
        children.push(c);
        p = c.end;
      }
      contentEnd = p;
      elementEnd = p + 2;
    } else {
      contentEnd = contentStart + h.length;
      if (contentEnd > end) {
        const id = end < this.bytes.length ? 'der.pastEnclosing' : 'der.pastEnd';
        throw new DerError(msg(id, { length: hex(h.length), offset: hex(this.base + at) }), this.base + at, this.what);
      }
      elementEnd = contentEnd;
      if (h.constructed) {
        for (let p = contentStart; p < contentEnd; ) {
          const c = this.element(p, contentEnd, depth + 1);
          if (!(c.cls === UNIVERSAL && c.tag === 0 && !c.constructed && c.contentEnd === c.start + c.header)) children.push(c);
          p = c.end;
        }
      }
    }
    return new ParsedNode(this.bytes, this.base, h.cls, h.tag, h.constructed, at, h.header, h.length === undefined, contentEnd, elementEnd, children);
  }
}

/**
 * A decoded element. Its `der` and `content` views are made when first read: a certificate has
 * about 150 elements and most of them are never asked for both (a constructed one's contents,
 * a primitive one's whole encoding), and 10,000 certificates' views were a good part of the
 * garbage a dump made.
 */
class ParsedNode implements DerNode {
  readonly #bytes: Uint8Array;
  #der: Uint8Array | undefined;
  #content: Uint8Array | undefined;

  constructor(
    bytes: Uint8Array,
    base: number,
    readonly cls: number,
    readonly tag: number,
    readonly constructed: boolean,
    /** Where the element starts in `bytes` (its offset less the base). */
    readonly start: number,
    readonly header: number,
    readonly indefinite: boolean,
    readonly contentEnd: number,
    /** Where the element ends in `bytes`, end-of-contents included. */
    readonly end: number,
    readonly children: DerNode[],
  ) {
    this.#bytes = bytes;
    this.offset = base + start;
  }

  readonly offset: number;

  get der(): Uint8Array {
    return (this.#der ??= this.#bytes.subarray(this.start, this.end));
  }

  get content(): Uint8Array {
    return (this.#content ??= this.#bytes.subarray(this.start + this.header, this.contentEnd));
  }
}
