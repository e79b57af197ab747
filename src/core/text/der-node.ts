import * as asn1js from 'asn1js';
import { CertbenchError } from '../errors.ts';
import { toArrayBuffer } from '../bytes.ts';

/**
 * A uniform view of an asn1js block for printers that walk structures by position:
 * tag, the complete encoding and the content octets, whatever class asn1js chose for it.
 */
export interface DerNode {
  tagClass: 'universal' | 'application' | 'context' | 'private';
  tag: number;
  constructed: boolean;
  /** Identifier, length and contents, exactly as in the input. */
  raw: Uint8Array;
  /** The contents octets only. */
  content: Uint8Array;
  children: DerNode[];
}

const TAG_CLASSES = ['universal', 'universal', 'application', 'context', 'private'] as const;

function toNode(block: asn1js.AsnType): DerNode {
  const b = block as asn1js.BaseBlock;
  const raw = new Uint8Array(b.valueBeforeDecodeView);
  const headerLength = b.idBlock.blockLength + b.lenBlock.blockLength;
  const constructed = b.idBlock.isConstructed;
  const inner = (b.valueBlock as { value?: unknown }).value;
  const children = constructed && Array.isArray(inner) ? (inner as asn1js.AsnType[]).map(toNode) : [];
  return {
    tagClass: TAG_CLASSES[b.idBlock.tagClass] ?? 'universal',
    tag: b.idBlock.tagNumber,
    constructed,
    raw,
    content: raw.subarray(headerLength),
    children,
  };
}

/** Parses one DER element; `what` names the structure in the error message. */
export function parseDer(der: Uint8Array, what: string): DerNode {
  // asn1js stops at 10,000 nodes by default, which a CRL with a few thousand entries exceeds;
  // embedded parsing of OCTET/BIT STRING contents is not needed here (printers re-parse what they use).
  const parsed = asn1js.fromBER(toArrayBuffer(der), { maxNodes: 5_000_000, parseEmbedded: false });
  if (parsed.offset === -1 || parsed.result.error) {
    throw new CertbenchError(`${what} is not valid DER: ${parsed.result.error || 'cannot decode'}`);
  }
  return toNode(parsed.result);
}

/** The `index`-th child, or an error naming the structure and field that is missing. */
export function child(node: DerNode, index: number, what: string): DerNode {
  const c = node.children[index];
  if (!c) throw new CertbenchError(`${what} is missing`);
  return c;
}

export function isUniversal(node: DerNode | undefined, tag: number): node is DerNode {
  return node !== undefined && node.tagClass === 'universal' && node.tag === tag;
}

export function isContext(node: DerNode | undefined, tag: number): node is DerNode {
  return node !== undefined && node.tagClass === 'context' && node.tag === tag;
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  SEQUENCE: 16,
  SET: 17,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
} as const;

export function expectUniversal(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!isUniversal(node, tag)) throw new CertbenchError(`${what} is missing or has the wrong type`);
  return node;
}

/** An INTEGER's value as a signed BigInt (two's complement content octets). */
export function integerValue(node: DerNode, what: string): bigint {
  expectUniversal(node, TAG.INTEGER, what);
  return signedBigInt(node.content);
}

export function signedBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let v = 0n;
  for (const byte of bytes) v = (v << 8n) | BigInt(byte);
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
  let hex = value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (value === 0n) hex = '';
  const n = Math.max(length, hex.length / 2);
  const out = new Uint8Array(n);
  const offset = n - hex.length / 2;
  for (let i = 0; i < hex.length / 2; i++) out[offset + i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

/** Dotted form of an OBJECT IDENTIFIER's content octets. */
export function oidValue(node: DerNode, what: string): string {
  expectUniversal(node, TAG.OID, what);
  const arcs: bigint[] = [];
  let v = 0n;
  for (const byte of node.content) {
    v = (v << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(v);
      v = 0n;
    }
  }
  if (!arcs.length) throw new CertbenchError(`${what} is an empty OBJECT IDENTIFIER`);
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

/** A BIT STRING's bytes after the unused-bits octet. */
export function bitStringBytes(node: DerNode, what: string): Uint8Array {
  expectUniversal(node, TAG.BIT_STRING, what);
  return node.content.subarray(1);
}
