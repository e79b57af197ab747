/**
 * Readers that follow OpenSSL's template decoder rule by rule (tags, forms, BOOLEAN length, INTEGER
 * padding, BIT STRING unused bits, OID encoding). OpenSSL prints an extension with its own printer
 * only when that decoder accepts the value, and prints the raw bytes when it does not: a reader here
 * throws DecoderRefusal exactly where the decoder would fail, and the printer falls back.
 */
import { UNIVERSAL, parseDer, parseDerList, type DerNode } from './node.ts';
import { oidFromContent, signedBigInt, stringBytes } from './read.ts';
import { TAG } from './tags.ts';
import { CertbenchError } from '../errors.ts';

/** The value does not decode the way OpenSSL's decoder requires: `reason`, at `node` when known. */
export class DecoderRefusal extends Error {
  override name = 'DecoderRefusal';
  readonly reason: string;
  readonly node?: DerNode;
  constructor(reason: string, node?: DerNode) {
    // A refusal is an answer, caught by the printer that asked (some certificates of a trust store
    // have a policy qualifier OpenSSL refuses): no stack trace is taken for it, which cost more
    // than printing the rest of the certificate.
    const engine = Error as { stackTraceLimit?: number };
    const limit = engine.stackTraceLimit;
    engine.stackTraceLimit = 0;
    super(reason);
    engine.stackTraceLimit = limit;
    this.reason = reason;
    if (node) this.node = node;
  }
}

/**
 * Runs OpenSSL's checks for a whole object (its d2i): a refusal becomes the CertbenchError certbench
 * reports, with OpenSSL's reason and the offset of the element that fails.
 */
export function asOpensslLoads(check: () => void, object: DerNode): void {
  try {
    check();
  } catch (e) {
    if (!(e instanceof DecoderRefusal)) throw e;
    const at = e.node ?? object;
    throw new CertbenchError('der.opensslRefuses', { reason: e.reason, offset: `0x${at.offset.toString(16)}` });
  }
}

function fail(what: string, at?: DerNode): never {
  throw new DecoderRefusal(what, at);
}

/**
 * The elements of a SEQUENCE OF / SET OF (universal or implicitly tagged). OpenSSL's template
 * decoder does not insist on the constructed form for these, so a primitive encoding whose
 * contents hold the elements is read the same way.
 */
export function sequenceOfItems(node: DerNode): DerNode[] {
  return node.constructed ? node.children : parseDerList(node.content, { base: node.offset + node.header });
}

export function expectSequenceOf(node: DerNode | undefined, what = 'SEQUENCE OF'): DerNode[] {
  if (!node || node.cls !== UNIVERSAL || node.tag !== TAG.SEQUENCE) fail(`expected ${what}`);
  return sequenceOfItems(node);
}

/**
 * Decodes the first element of `bytes` as d2i does: bytes after that element are not looked at
 * (OpenSSL prints an extension whose value has trailing data as if the data were absent).
 */
export function decodeFirst(bytes: Uint8Array): DerNode {
  if (bytes.length === 0) fail('empty value');
  return parseDer(bytes);
}

export function expectUniversalStrict(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.cls !== UNIVERSAL || node.tag !== tag) fail(`expected ${what}`);
  const mustBeConstructed = tag === TAG.SEQUENCE || tag === TAG.SET;
  if (mustBeConstructed !== node.constructed && (mustBeConstructed || !isStringTag(tag))) {
    fail(`${what} has the wrong form`);
  }
  return node;
}

export function expectSequence(node: DerNode | undefined, what = 'SEQUENCE'): DerNode[] {
  return expectUniversalStrict(node, TAG.SEQUENCE, what).children;
}

function isStringTag(tag: number): boolean {
  return tag === TAG.OCTET_STRING || tag === TAG.BIT_STRING || (tag >= 12 && tag <= 30 && tag !== 16 && tag !== 17);
}

/** A BOOLEAN's value: any non-zero octet is TRUE; OpenSSL rejects any length but 1. */
export function readBoolean(node: DerNode | undefined): boolean {
  const n = expectUniversalStrict(node, TAG.BOOLEAN, 'BOOLEAN');
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

export function readInteger(node: DerNode | undefined, tag: number = TAG.INTEGER): bigint {
  return signedBigInt(integerContent(expectUniversalStrict(node, tag, 'INTEGER')));
}

/**
 * The magnitude octets OpenSSL keeps for an INTEGER (it stores sign separately), as printed
 * by i2s_ASN1_OCTET_STRING for an AKI serial.
 */
export function integerMagnitude(content: Uint8Array): Uint8Array {
  const v = signedBigInt(content);
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
export function strictOidFromContent(c: Uint8Array, at?: DerNode): string {
  checkOidEncoding(c, at);
  return oidFromContent(c)!;
}

/** The checks of c2i_ASN1_OBJECT alone (a Name's attribute types are checked, not printed, here). */
export function checkOidEncoding(c: Uint8Array, at?: DerNode): void {
  if (c.length === 0 || c[c.length - 1]! & 0x80) fail('invalid object encoding', at);
  for (let i = 0; i < c.length; i++) {
    if (c[i] === 0x80 && (i === 0 || !(c[i - 1]! & 0x80))) fail('invalid object encoding', at);
  }
}

export function readOid(node: DerNode | undefined): string {
  const n = expectUniversalStrict(node, TAG.OID, 'OBJECT IDENTIFIER');
  if (n.constructed) fail('constructed OBJECT IDENTIFIER');
  return strictOidFromContent(n.content);
}

export interface BitString {
  /** Data octets with the unused bits of the last octet cleared, as c2i_ASN1_BIT_STRING leaves them. */
  bytes: Uint8Array;
}

export function bitStringFromContent(c: Uint8Array, at?: DerNode): BitString {
  if (c.length < 1) fail('string too short', at);
  const unused = c[0]!;
  if (unused > 7) fail('invalid bit string bits left', at);
  const bytes = c.slice(1);
  if (bytes.length) bytes[bytes.length - 1]! &= (0xff << unused) & 0xff;
  return { bytes };
}

export function readBitString(node: DerNode | undefined): BitString {
  const n = expectUniversalStrict(node, TAG.BIT_STRING, 'BIT STRING');
  return bitStringFromContent(stringBytes(n));
}

/** ASN1_BIT_STRING_get_bit. */
export function bitSet(bits: BitString, n: number): boolean {
  const byte = bits.bytes[n >> 3];
  return byte !== undefined && (byte & (0x80 >> (n & 7))) !== 0;
}

export function readOctetString(node: DerNode | undefined): Uint8Array {
  return stringBytes(expectUniversalStrict(node, TAG.OCTET_STRING, 'OCTET STRING'));
}

export function readNull(node: DerNode | undefined): void {
  const n = expectUniversalStrict(node, TAG.NULL, 'NULL');
  if (n.constructed || n.content.length) fail('NULL is wrong length');
}

/** Children of a context-specific [tag] node (explicit tagging, or implicitly tagged SEQUENCE). */
function contextChildren(node: DerNode, what: string): DerNode[] {
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
