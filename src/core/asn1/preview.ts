/** One-line previews of ASN.1 values for the tree view; never throws (a preview is a courtesy). */
import * as asn1js from 'asn1js';
import { toHex } from '../bytes.ts';
import { TEXT_TAGS } from './tags.ts';
import type { Asn1Node } from './tree.ts';

const MAX_TEXT = 80;
const MAX_HEX_BYTES = 16;

export function previewOf(block: asn1js.BaseBlock, node: Asn1Node): string | undefined {
  try {
    if (node.constructed) return `${(block.valueBlock as { value?: unknown[] }).value?.length ?? 0} elem`;
    const content = contentBytes(block);
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
        if (TEXT_TAGS.has(node.tagNumber)) return clip(textOf(block, content));
        return hexPreview(content);
    }
  } catch {
    return undefined;
  }
}

function contentBytes(block: asn1js.BaseBlock): Uint8Array {
  const view = block.valueBeforeDecodeView;
  const header = block.idBlock.blockLength + block.lenBlock.blockLength;
  return view.subarray(header, view.length - (block.lenBlock.isIndefiniteForm ? 2 : 0));
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

function textOf(block: asn1js.BaseBlock, content: Uint8Array): string {
  const value = (block.valueBlock as { value?: unknown }).value;
  if (typeof value === 'string') return value;
  return ascii(content);
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
