/** One-line previews of ASN.1 values for the tree view; never throws (a preview is a courtesy). */
import type { DerNode } from '../der/node.ts';
import { toHex } from '../bytes.ts';
import { TEXT_TAGS } from './tags.ts';
import type { Asn1Node } from './tree.ts';

const MAX_TEXT = 80;
const MAX_HEX_BYTES = 16;

export function previewOf(d: DerNode, node: Asn1Node): string | undefined {
  try {
    if (node.constructed) return `${d.children.length} elem`;
    const content = d.content;
    if (node.tagClass !== 'universal') return hexPreview(content);
    switch (node.tagNumber) {
      case 1:
        return content[0] ? 'TRUE' : 'FALSE';
      case 2:
      case 10:
        return integerPreview(content);
      case 3:
        return bitStringPreview(content);
      case 4:
        return `(${content.length} byte)${content.length ? ' ' + hexPreview(content) : ''}`;
      case 5:
        return undefined;
      case 6:
        return node.oidLongName ? `${node.oid} ${node.oidLongName}` : node.oid;
      case 23:
      case 24:
        return ascii(content);
      default:
        if (TEXT_TAGS.has(node.tagNumber)) return clip(textOf(node.tagNumber, content));
        return hexPreview(content);
    }
  } catch {
    return undefined;
  }
}

function integerPreview(content: Uint8Array): string {
  if (content.length === 0) return '';
  let value = BigInt.asUintN(content.length * 8, BigInt('0x' + toHex(content)));
  if (content[0]! & 0x80) value -= 1n << BigInt(content.length * 8);
  if (content.length <= 8) return value.toString();
  const bits = value < 0n ? (-value).toString(2).length : value.toString(2).length;
  return `(${bits} bit) ${hexPreview(content)}`;
}

function bitStringPreview(content: Uint8Array): string {
  const unused = content[0] ?? 0;
  const bits = Math.max(0, (content.length - 1) * 8 - unused);
  if (bits <= 32) {
    let s = '';
    for (let i = 0; i < bits; i++) s += (content[1 + (i >> 3)]! >> (7 - (i & 7))) & 1;
    return s;
  }
  return `(${bits} bit) ${hexPreview(content.subarray(1))}`;
}

function hexPreview(bytes: Uint8Array): string {
  const shown = toHex(bytes.subarray(0, MAX_HEX_BYTES)).toUpperCase();
  return bytes.length > MAX_HEX_BYTES ? `${shown}…` : shown;
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16be');

/** A string type's characters: UTF8String as UTF-8, BMPString as UTF-16, UniversalString as UTF-32, others a byte each. */
function textOf(tag: number, content: Uint8Array): string {
  if (tag === 12) return utf8.decode(content);
  if (tag === 30) return utf16.decode(content);
  if (tag === 28) {
    let s = '';
    for (let i = 0; i + 3 < content.length; i += 4) {
      const cp = ((content[i]! << 24) | (content[i + 1]! << 16) | (content[i + 2]! << 8) | content[i + 3]!) >>> 0;
      s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return s;
  }
  let s = '';
  for (const b of content) s += String.fromCharCode(b);
  return s;
}

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  return clip(s);
}

function clip(s: string): string {
  const one = s.replace(/[\u0000-\u001f\u007f]/g, '.');
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT)}…` : one;
}
