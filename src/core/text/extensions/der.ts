import * as asn1js from 'asn1js';
import { concatBytes } from '../../bytes.ts';

/**
 * A thin, strict view over the asn1js tree for the extension printers. OpenSSL prints an
 * extension with its own printer only when its template decoder accepts the value; when it does
 * not, the raw bytes are printed instead. The checks here mirror the decoder rules that decide
 * between the two (tags, BOOLEAN length, INTEGER padding, BIT STRING padding, OID encoding).
 */

/** The value does not decode the way OpenSSL's decoder requires: print the raw fallback. */
export class ExtensionParseError extends Error {
  override name = 'ExtensionParseError';
}

/**
 * The value decoded but OpenSSL's printer gave up part-way (its i2r returned 0): what it printed
 * so far stays, and the raw dump follows.
 */
export class PartialPrintError extends Error {
  override name = 'PartialPrintError';
  constructor(readonly printed: string) {
    super('printer stopped part-way');
  }
}

export const UNIVERSAL = 1;
export const CONTEXT = 3;

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  ENUMERATED: 10,
  UTF8_STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  NUMERIC_STRING: 18,
  PRINTABLE_STRING: 19,
  T61_STRING: 20,
  IA5_STRING: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  VISIBLE_STRING: 26,
  UNIVERSAL_STRING: 28,
  BMP_STRING: 30,
} as const;

export interface DerNode {
  /** asn1js tag class: 1 universal, 2 application, 3 context-specific, 4 private. */
  cls: number;
  tag: number;
  constructed: boolean;
  /** The whole encoding (identifier, length, contents). */
  der: Uint8Array;
  /** The contents octets (for a constructed node, its children's encodings). */
  content: Uint8Array;
  children: DerNode[];
}

function fail(what: string): never {
  throw new ExtensionParseError(what);
}

function toNode(block: asn1js.AsnType): DerNode {
  const b = block as asn1js.BaseBlock;
  if (b.error) fail(b.error);
  const der = b.valueBeforeDecodeView;
  const header = b.idBlock.blockLength + b.lenBlock.blockLength;
  const indefinite = b.lenBlock.isIndefiniteForm;
  // asn1js quietly shortens an element whose length runs past its parent; OpenSSL refuses it.
  if (!indefinite && der.length !== header + b.lenBlock.length) fail('element longer than its container');
  const end = der.length - (indefinite ? 2 : 0);
  const node: DerNode = {
    cls: b.idBlock.tagClass,
    tag: b.idBlock.tagNumber,
    constructed: b.idBlock.isConstructed,
    der,
    content: der.subarray(header, end),
    children: [],
  };
  if (node.constructed) {
    const value = (b.valueBlock as { value?: unknown }).value;
    if (!Array.isArray(value)) fail('constructed value without children');
    for (const child of value as asn1js.AsnType[]) {
      if (child instanceof asn1js.EndOfContent) continue;
      node.children.push(toNode(child));
    }
    if (!indefinite && node.children.reduce((n, c) => n + c.der.length, 0) !== node.content.length) {
      fail('contents do not match the length');
    }
  }
  return node;
}

/** Consecutive elements filling `bytes` exactly. */
function parseAll(bytes: Uint8Array): DerNode[] {
  const out: DerNode[] = [];
  for (let at = 0; at < bytes.length; ) {
    const node = parseDer(bytes.subarray(at));
    out.push(node);
    at += node.der.length;
  }
  return out;
}

/**
 * The elements of a SEQUENCE OF / SET OF (universal or implicitly tagged). OpenSSL's template
 * decoder does not insist on the constructed form for these, so a primitive encoding whose
 * contents hold the elements is read the same way.
 */
export function sequenceOfItems(node: DerNode): DerNode[] {
  return node.constructed ? node.children : parseAll(node.content);
}

export function expectSequenceOf(node: DerNode | undefined, what = 'SEQUENCE OF'): DerNode[] {
  if (!node || node.cls !== UNIVERSAL || node.tag !== TAG.SEQUENCE) fail(`expected ${what}`);
  return sequenceOfItems(node);
}

/**
 * Decodes the first element of `bytes`. Like d2i, bytes after that element are not looked at
 * (OpenSSL prints an extension whose value has trailing data as if the data were absent).
 */
export function parseDer(bytes: Uint8Array): DerNode {
  if (bytes.length === 0) fail('empty value');
  // The printers only read the bytes, so asn1js may keep views into them instead of a copy.
  const { offset, result } = asn1js.fromBER(bytes as Uint8Array<ArrayBuffer>, { parseEmbedded: false, copyInput: false });
  if (offset === -1) fail(result.error || 'not DER');
  return toNode(result);
}

export function expectUniversal(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.cls !== UNIVERSAL || node.tag !== tag) fail(`expected ${what}`);
  const mustBeConstructed = tag === TAG.SEQUENCE || tag === TAG.SET;
  if (mustBeConstructed !== node.constructed && (mustBeConstructed || !isStringTag(tag))) {
    fail(`${what} has the wrong form`);
  }
  return node;
}

export function expectSequence(node: DerNode | undefined, what = 'SEQUENCE'): DerNode[] {
  return expectUniversal(node, TAG.SEQUENCE, what).children;
}

function isStringTag(tag: number): boolean {
  return tag === TAG.OCTET_STRING || tag === TAG.BIT_STRING || (tag >= 12 && tag <= 30 && tag !== 16 && tag !== 17);
}

/** The octets of a string type; BER constructed strings are concatenated, as OpenSSL does. */
export function stringBytes(node: DerNode): Uint8Array {
  if (!node.constructed) return node.content;
  return concatBytes(...node.children.map(stringBytes));
}

/** A BOOLEAN's value: any non-zero octet is TRUE; OpenSSL rejects any length but 1. */
export function readBoolean(node: DerNode | undefined): boolean {
  const n = expectUniversal(node, TAG.BOOLEAN, 'BOOLEAN');
  if (n.constructed || n.content.length !== 1) fail('BOOLEAN is wrong length');
  return n.content[0] !== 0;
}

/** INTEGER contents (also for implicitly tagged integers), with OpenSSL's padding checks. */
export function integerContent(node: DerNode): Uint8Array {
  const c = node.content;
  if (node.constructed) fail('constructed INTEGER');
  if (c.length === 0) fail('INTEGER has no content');
  if (c.length > 1 && ((c[0] === 0 && !(c[1]! & 0x80)) || (c[0] === 0xff && c[1]! & 0x80))) {
    fail('INTEGER has illegal padding');
  }
  return c;
}

export function integerValue(content: Uint8Array): bigint {
  let v = 0n;
  for (const b of content) v = (v << 8n) | BigInt(b);
  if (content[0]! & 0x80) v -= 1n << BigInt(content.length * 8);
  return v;
}

export function readInteger(node: DerNode | undefined, tag: number = TAG.INTEGER): bigint {
  return integerValue(integerContent(expectUniversal(node, tag, 'INTEGER')));
}

/**
 * The magnitude octets OpenSSL keeps for an INTEGER (it stores sign separately), as printed
 * by i2s_ASN1_OCTET_STRING for an AKI serial.
 */
export function integerMagnitude(content: Uint8Array): Uint8Array {
  const v = integerValue(content);
  let m = v < 0n ? -v : v;
  if (m === 0n) return new Uint8Array([0]);
  const out: number[] = [];
  while (m > 0n) {
    out.unshift(Number(m & 0xffn));
    m >>= 8n;
  }
  return new Uint8Array(out);
}

/** Dotted OID from content octets, with the checks of OpenSSL's c2i_ASN1_OBJECT. */
export function oidFromContent(c: Uint8Array): string {
  if (c.length === 0 || c[c.length - 1]! & 0x80) fail('invalid OBJECT IDENTIFIER encoding');
  for (let i = 0; i < c.length; i++) {
    if (c[i] === 0x80 && (i === 0 || !(c[i - 1]! & 0x80))) fail('invalid OBJECT IDENTIFIER encoding');
  }
  const arcs: bigint[] = [];
  let v = 0n;
  for (const b of c) {
    v = (v << 7n) | BigInt(b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0n;
    }
  }
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

export function readOid(node: DerNode | undefined): string {
  const n = expectUniversal(node, TAG.OID, 'OBJECT IDENTIFIER');
  if (n.constructed) fail('constructed OBJECT IDENTIFIER');
  return oidFromContent(n.content);
}

export interface BitString {
  /** Data octets with the unused bits of the last octet cleared, as c2i_ASN1_BIT_STRING leaves them. */
  bytes: Uint8Array;
}

export function bitStringFromContent(c: Uint8Array): BitString {
  if (c.length < 1) fail('BIT STRING too short');
  const unused = c[0]!;
  if (unused > 7) fail('invalid BIT STRING bits left');
  const bytes = c.slice(1);
  if (bytes.length) bytes[bytes.length - 1]! &= (0xff << unused) & 0xff;
  return { bytes };
}

export function readBitString(node: DerNode | undefined): BitString {
  const n = expectUniversal(node, TAG.BIT_STRING, 'BIT STRING');
  return bitStringFromContent(stringBytes(n));
}

/** ASN1_BIT_STRING_get_bit. */
export function bitSet(bits: BitString, n: number): boolean {
  const byte = bits.bytes[n >> 3];
  return byte !== undefined && (byte & (0x80 >> (n & 7))) !== 0;
}

export function readOctetString(node: DerNode | undefined): Uint8Array {
  return stringBytes(expectUniversal(node, TAG.OCTET_STRING, 'OCTET STRING'));
}

export function readNull(node: DerNode | undefined): void {
  const n = expectUniversal(node, TAG.NULL, 'NULL');
  if (n.constructed || n.content.length) fail('NULL is wrong length');
}

/** Children of a context-specific [tag] node (explicit tagging, or implicitly tagged SEQUENCE). */
export function contextChildren(node: DerNode, what: string): DerNode[] {
  if (!node.constructed) fail(`${what} must be constructed`);
  return node.children;
}

/** The single element inside an explicit [tag] wrapper. */
export function explicitInner(node: DerNode, what: string): DerNode {
  const kids = contextChildren(node, what);
  if (kids.length !== 1) fail(`${what} must hold exactly one element`);
  return kids[0]!;
}

export { fail as parseFail };
