/**
 * Readers of DerNodes for code that walks a structure by position (the OpenSSL printers, the
 * verifier, PKCS#12): a wrong or missing field is a CertbenchError naming the field and its offset.
 * The stricter readers that follow OpenSSL's template decoder rule by rule are in strict.ts.
 */
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';
import { CONTEXT, UNIVERSAL, type DerNode } from './node.ts';
import { TAG } from './tags.ts';

const offset = (node: DerNode) => `0x${node.offset.toString(16)}`;

/** Where a node is, for an error about it: "offset 0x1c" (a CertbenchError's `where`). */
export function placeOf(node: DerNode): CoreMessage<'where.offset'> {
  return msg('where.offset', { offset: offset(node) });
}

/** The `index`-th child, or an error naming the structure and field that is missing. */
export function child(node: DerNode, index: number, what: string): DerNode {
  const c = node.children[index];
  if (!c) throw new CertbenchError('der.missingIn', { what, offset: offset(node) });
  return c;
}

// Overloads: a node that is surely there is not narrowed (the else branch must not become never).
export function isUniversal(node: DerNode, tag: number): boolean;
export function isUniversal(node: DerNode | undefined, tag: number): node is DerNode;
export function isUniversal(node: DerNode | undefined, tag: number): boolean {
  return node !== undefined && node.cls === UNIVERSAL && node.tag === tag;
}

export function isContext(node: DerNode, tag: number): boolean;
export function isContext(node: DerNode | undefined, tag: number): node is DerNode;
export function isContext(node: DerNode | undefined, tag: number): boolean {
  return node !== undefined && node.cls === CONTEXT && node.tag === tag;
}

export function expectUniversal(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node) throw new CertbenchError('der.missingOrWrongType', { what });
  if (!isUniversal(node, tag)) throw new CertbenchError('der.wrongType', { what, offset: offset(node) });
  return node;
}

/** An INTEGER's value as a signed BigInt (two's complement content octets). */
export function integerValue(node: DerNode, what: string): bigint {
  expectUniversal(node, TAG.INTEGER, what);
  return signedBigInt(node.content);
}

export function signedBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let v = unsignedBigInt(bytes);
  if (bytes[0]! & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return v;
}

export function unsignedBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const byte of bytes) v = (v << 8n) | BigInt(byte);
  return v;
}

/** Big-endian bytes of a non-negative value, left-padded with zeros to `length` (or minimal). */
export function bigIntBytes(value: bigint, length = 0): Uint8Array {
  let hex = value === 0n ? '' : value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const n = Math.max(length, hex.length / 2);
  const out = new Uint8Array(n);
  const offset = n - hex.length / 2;
  for (let i = 0; i < hex.length / 2; i++) out[offset + i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

/** Dotted form of OBJECT IDENTIFIER content octets (undefined when there are none or the last is cut). */
export function oidFromContent(content: Uint8Array): string | undefined {
  const n = content.length;
  if (!n || content[n - 1]! & 0x80) return undefined;
  let dotted = '';
  // Arcs are numbers while they fit a double exactly; BigInt only for the rare long one.
  let small = 0;
  let big: bigint | undefined;
  for (let i = 0; i < n; i++) {
    const byte = content[i]!;
    if (big !== undefined) big = (big << 7n) | BigInt(byte & 0x7f);
    else if (small < 2 ** 45) small = small * 128 + (byte & 0x7f);
    else big = (BigInt(small) << 7n) | BigInt(byte & 0x7f);
    if (byte & 0x80) continue;
    if (dotted) dotted += '.' + (big ?? small);
    else if (big !== undefined) dotted = `2.${big - 80n}`;
    else dotted = small < 40 ? `0.${small}` : small < 80 ? `1.${small - 40}` : `2.${small - 80}`;
    small = 0;
    big = undefined;
  }
  return dotted;
}

/** Dotted form of an OBJECT IDENTIFIER. */
export function oidValue(node: DerNode | undefined, what = 'OBJECT IDENTIFIER'): string {
  const n = expectUniversal(node, TAG.OID, what);
  const oid = oidFromContent(n.content);
  if (oid === undefined) throw new CertbenchError('der.invalidOid', { what, offset: offset(n) });
  return oid;
}

/**
 * A BIT STRING's bytes after the unused-bits octet, and that count. The unused bits of the last
 * byte read as zero, as c2i_ASN1_BIT_STRING leaves them (and as OpenSSL prints and verifies them).
 */
export function bitStringBytes(node: DerNode): { bytes: Uint8Array; unusedBits: number } {
  const c = node.content;
  if (c.length === 0) return { bytes: c, unusedBits: 0 };
  const unusedBits = c[0]! & 7;
  const mask = (0xff << unusedBits) & 0xff;
  if (c.length === 1 || (c[c.length - 1]! & ~mask) === 0) return { bytes: c.subarray(1), unusedBits: c[0]! };
  const bytes = c.slice(1);
  bytes[bytes.length - 1]! &= mask;
  return { bytes, unusedBits: c[0]! };
}

/** The octets of a string type; a BER constructed string's pieces joined, as OpenSSL joins them. */
export function stringBytes(node: DerNode): Uint8Array {
  if (!node.constructed) return node.content;
  const parts: Uint8Array[] = [];
  const walk = (n: DerNode): void => {
    if (n.constructed) n.children.forEach(walk);
    else parts.push(n.content);
  };
  walk(node);
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
