/**
 * Thin views over asn1js blocks for the text printers: the printers need a node's tag, its raw
 * encoding and its content octets, which asn1js keeps but spreads over several sub-objects.
 */
import * as asn1js from 'asn1js';
import { CertbenchError } from '../errors.ts';

export type Block = asn1js.AsnType;

export const UNIVERSAL = 1;
export const CONTEXT = 3;

/**
 * The printers never mutate their input, so asn1js may keep views into it; and they never look
 * inside BIT/OCTET STRINGs through asn1js's speculative embedded parse, which would double the
 * work for every key and extension. Node and length limits are raised to what OpenSSL accepts.
 */
const PARSE_OPTIONS = { copyInput: false, parseEmbedded: false, maxNodes: 1_000_000, maxContentLength: 1 << 30 };

/**
 * A tree that input detection already decoded from exactly these bytes, lent to the printers for
 * the duration of one call so a bundle is not decoded twice (decoding dominates a dump's time).
 */
let lent: { bytes: Uint8Array; root: Block } | undefined;

/**
 * Detection decodes with the same asn1js options except its limits: at most 5,000,000 nodes and
 * depth 64 where the printers allow 1,000,000 and 100. Every node takes at least two bytes, so up
 * to this size a tree detection accepted is the tree parseDer would build.
 */
const MAX_LENT_BYTES = 2_000_000;

/** Runs `print` with `root` (decoded from `bytes` by detection) standing in for parseDer(bytes). */
export function withDecodedTree<T>(bytes: Uint8Array, root: Block | undefined, print: () => T): T {
  if (!root || bytes.length > MAX_LENT_BYTES) return print();
  lent = { bytes, root };
  try {
    return print();
  } finally {
    lent = undefined;
  }
}

/** Parses exactly one BER element from `bytes`; `what` names it in the error. */
export function parseDer(bytes: Uint8Array, what: string): Block {
  if (lent && lent.bytes === bytes) return lent.root;
  const parsed = asn1js.fromBER(bytes as Uint8Array<ArrayBuffer>, PARSE_OPTIONS);
  if (parsed.offset === -1) throw new CertbenchError(`${what} is not valid DER: ${parsed.result.error}`);
  return parsed.result;
}

export function tagClass(b: Block): number {
  return b.idBlock.tagClass;
}

export function tagNumber(b: Block): number {
  return b.idBlock.tagNumber;
}

export function isUniversal(b: Block, tag: number): boolean {
  return b.idBlock.tagClass === UNIVERSAL && b.idBlock.tagNumber === tag;
}

export function isContext(b: Block, tag: number): boolean {
  return b.idBlock.tagClass === CONTEXT && b.idBlock.tagNumber === tag;
}

/** The element's whole encoding (identifier, length, content). */
export function rawBytes(b: Block): Uint8Array {
  return b.valueBeforeDecodeView;
}

/** The content octets as they appear in the encoding (for BIT STRING, unused-bits byte first). */
export function contentBytes(b: Block): Uint8Array {
  const raw = b.valueBeforeDecodeView;
  const header = b.idBlock.blockLength + b.lenBlock.blockLength;
  const end = b.lenBlock.isIndefiniteForm ? raw.length - 2 : raw.length;
  return raw.subarray(header, end);
}

/** Children of a constructed element (empty for primitives). */
export function children(b: Block): Block[] {
  const v = (b.valueBlock as { value?: unknown }).value;
  if (!b.idBlock.isConstructed || !Array.isArray(v)) return [];
  return (v as Block[]).filter((c) => !(c.idBlock.tagClass === UNIVERSAL && c.idBlock.tagNumber === 0));
}

/** Dotted text of an OBJECT IDENTIFIER block. */
export function oidText(b: Block): string {
  if (!(b instanceof asn1js.ObjectIdentifier)) throw new CertbenchError('expected an OBJECT IDENTIFIER');
  return b.valueBlock.toString();
}

/** A BIT STRING's bytes without the unused-bits octet, and that count. */
export function bitStringBytes(b: Block): { bytes: Uint8Array; unusedBits: number } {
  const c = contentBytes(b);
  if (c.length === 0) return { bytes: c, unusedBits: 0 };
  return { bytes: c.subarray(1), unusedBits: c[0]! };
}

/**
 * The encodings of a constructed element's children, found from asn1js's header decoding alone.
 * OpenSSL accepts some content asn1js refuses (a universal tag number of 37 or more in an ANY
 * field, for example); this lets a printer reach the parts it needs around such a field.
 */
export function splitConstructed(bytes: Uint8Array, what: string): Uint8Array[] {
  const outer = elementExtent(bytes, what);
  const out: Uint8Array[] = [];
  let at = outer.header;
  while (at < outer.end) {
    const child = elementExtent(bytes.subarray(at, outer.end), what);
    out.push(bytes.subarray(at, at + child.end));
    at += child.end;
  }
  return out;
}

function elementExtent(bytes: Uint8Array, what: string): { header: number; end: number } {
  const parsed = asn1js.fromBER(bytes as Uint8Array<ArrayBuffer>, PARSE_OPTIONS);
  const b = parsed.result;
  if (parsed.offset !== -1) return { header: b.idBlock.blockLength + b.lenBlock.blockLength, end: parsed.offset };
  if (b.idBlock.error || b.lenBlock.error || b.lenBlock.isIndefiniteForm || b.lenBlock.blockLength === 0) {
    throw new CertbenchError(`${what} is not valid DER: ${b.error || b.idBlock.error || b.lenBlock.error}`);
  }
  const header = b.idBlock.blockLength + b.lenBlock.blockLength;
  const end = header + b.lenBlock.length;
  if (end > bytes.length) throw new CertbenchError(`${what} is not valid DER: an element runs past the end of its container`);
  return { header, end };
}
