import type { FoundObject, ObjectKind } from '../types.ts';
import { describeError } from '../errors.ts';
import { decodeBase64Lines, decodeBase64Text, looksLikeBase64 } from './base64.ts';
import { decodeHex, looksLikeHex } from './hex.ts';
import { findPemBlocks, hasPemMarker, type PemBlock } from './pem.ts';
import { parseDer } from './der.ts';
import { classifyDer } from './der-kind.ts';
import { KIND_DESCRIPTION, KIND_NOUN, LABEL_DECIDES, LABEL_KINDS } from './labels.ts';
import { addProblem, joinOrigin, NOTHING_RECOGNISABLE, type Sink } from './sink.ts';

/** How origins are named: a paste says "block 2 (CERTIFICATE)", "base64", "DER"; a Kubernetes value only counts objects. */
export interface DecodeContext {
  origin: string;
  inKube: boolean;
  depth: number;
}

const MAX_NESTING = 4; // base64 of PEM of base64 …: each level shrinks the input, this just bounds the work

/** Every object certbench shows is a SEQUENCE; other decoded bytes mean the text was not base64/hex after all. */
const SEQUENCE = 0x30;

const LENGTH_ERROR = /length|cut short|runs past|no bytes|end-of-contents/;

const hex = (n: number) => `0x${n.toString(16)}`;

/** Text that is PEM, hex or base64 (of DER or of PEM). */
export function decodeText(text: string, ctx: DecodeContext, sink: Sink): void {
  const unescaped = unescapeNewlines(text);
  if (hasPemMarker(unescaped)) return decodePem(unescaped, ctx, sink);
  const trimmed = unescaped.trim();
  if (ctx.depth < MAX_NESTING && looksLikeHex(trimmed)) {
    const bytes = decodeHex(trimmed);
    if (bytes[0] === SEQUENCE) return decodeDerElements(bytes, child(ctx, 'hex'), sink);
  }
  if (ctx.depth < MAX_NESTING && looksLikeBase64(trimmed)) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = decodeBase64Text(trimmed);
    } catch (e) {
      // Only text that is plainly meant as base64 (DER's "MI…", PEM's "LS0t…") earns a base64 message.
      if (/^(MI|LS0t)/.test(trimmed)) return addProblem(sink, joinOrigin(ctx.origin, 'base64'), describeError(e));
    }
    if (bytes && (bytes[0] === SEQUENCE || asText(bytes) !== undefined)) return decodeBytes(bytes, child(ctx, 'base64'), sink);
  }
  addProblem(sink, ctx.origin, NOTHING_RECOGNISABLE);
}

/** Bytes that are either text (PEM, base64, hex) or BER/DER. */
export function decodeBytes(bytes: Uint8Array, ctx: DecodeContext, sink: Sink): void {
  const text = asText(bytes);
  if (text !== undefined) return decodeText(text, ctx, sink);
  // Only a dropped binary file is called "DER"; base64 or hex of DER is named by its text form.
  decodeDerElements(bytes, ctx.depth === 0 ? child(ctx, 'DER') : ctx, sink);
}

function child(ctx: DecodeContext, format: string): DecodeContext {
  return { origin: ctx.inKube ? ctx.origin : joinOrigin(ctx.origin, format), inKube: ctx.inKube, depth: ctx.depth + 1 };
}

/** A JSON string pasted with its escapes ("-----BEGIN CERTIFICATE-----\nMII…") has no real newlines. */
function unescapeNewlines(text: string): string {
  if (!/-----BEGIN [^\n]*?\\n/.test(text)) return text;
  const t = text.trim();
  if (t.startsWith('"') && t.endsWith('"')) {
    try {
      return String(JSON.parse(t));
    } catch {
      // not a whole JSON string: fall through to plain unescaping
    }
  }
  return text.replace(/\\r\\n|\\n/g, '\n');
}

/** UTF-8 text without control characters, or undefined for binary. */
export function asText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x08\x0b\x0e-\x1f\x7f]/.test(text) ? undefined : text.replace(/^\ufeff/, '');
}

function decodePem(text: string, ctx: DecodeContext, sink: Sink): void {
  const blocks = findPemBlocks(text);
  const before = sink.objects.length;
  for (const block of blocks) decodePemBlock(block, ctx, sink);
  if (ctx.inKube) numberObjects(sink, before, ctx.origin);
}

function decodePemBlock(block: PemBlock, ctx: DecodeContext, sink: Sink): void {
  const where = joinOrigin(ctx.origin, `block ${block.index}`);
  const origin = joinOrigin(ctx.origin, `block ${block.index} (${block.label})`);
  if (block.error) return addProblem(sink, where, block.error);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64Lines(block.body);
  } catch (e) {
    const msg = describeError(e);
    return addProblem(sink, where, msg === 'no base64 data' ? `empty ${block.label} block at line ${block.beginLine}` : msg);
  }
  const headers = Object.keys(block.headers).length ? { ...block.headers } : undefined;
  if (/ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '')) {
    sink.objects.push({ kind: 'legacy-encrypted-key', der: bytes, origin, pemLabel: block.label, pemHeaders: headers });
    return;
  }
  decodeDerElements(bytes, { ...ctx, origin }, sink, block.label, headers, where);
}

/**
 * Classifies each DER element in the bytes. Raw binary may hold several concatenated elements; a
 * PEM block holds one (a TRUSTED CERTIFICATE's trailing trust settings are not an object).
 */
export function decodeDerElements(
  bytes: Uint8Array,
  ctx: DecodeContext,
  sink: Sink,
  label?: string,
  headers?: Record<string, string>,
  where = ctx.origin,
): void {
  const before = sink.objects.length;
  let offset = 0;
  while (offset < bytes.length) {
    let parsed;
    try {
      parsed = parseDer(bytes.subarray(offset));
    } catch (e) {
      const msg = describeError(e);
      const promised = label ? LABEL_KINDS[label] : undefined;
      if (promised && offset === 0 && !LENGTH_ERROR.test(msg)) {
        // Lengths are sound but asn1js refuses a tag that OpenSSL accepts (e.g. UNIVERSAL 37 in an
        // algorithm's parameters): trust the label and let the printer judge.
        sink.objects.push({ kind: promised[0]!, der: bytes.slice(), origin: ctx.origin, pemLabel: label, ...(headers ? { pemHeaders: headers } : {}) });
        break;
      }
      // Offsets in messages are from the start of this input, not of the element.
      addProblem(sink, where, offset ? shiftOffsets(msg, offset) : msg);
      break;
    }
    const shape = classifyDer(parsed.root);
    const promised = label ? LABEL_KINDS[label] : undefined;
    let kind: ObjectKind;
    if (label && promised && LABEL_DECIDES.has(label)) {
      kind = promised[0]!; // read as OpenSSL reads it: by the label (the printer names what is wrong inside)
    } else if (shape.kind) {
      kind = shape.kind;
      if (promised && !promised.includes(kind)) addProblem(sink, where, `labelled ${label} but this is ${KIND_DESCRIPTION[kind]}`);
    } else if (promised) {
      kind = promised[0]!; // the printer names what is wrong inside
    } else {
      kind = 'unknown-der';
      if (shape.note) addProblem(sink, where, shape.note);
    }
    const obj: FoundObject = { kind, der: parsed.der.slice(), origin: ctx.origin, ...(label ? { pemLabel: label } : {}), ...(headers ? { pemHeaders: headers } : {}) };
    sink.objects.push(obj);
    sink.onDecoded?.(obj, parsed.root);
    offset += parsed.der.length;
    if (label && offset < bytes.length) {
      if (label !== 'TRUSTED CERTIFICATE') addProblem(sink, where, `${bytes.length - offset} bytes after the end of the DER at offset ${hex(offset)} ignored`);
      break;
    }
  }
  if (!label) numberObjects(sink, before, ctx.origin);
}

/** Several objects from one source get "certificate 2 of 3" after the source's origin. */
function numberObjects(sink: Sink, from: number, origin: string): void {
  const n = sink.objects.length - from;
  if (n === 1) sink.objects[from]!.origin = origin;
  if (n < 2) return;
  for (let i = from; i < sink.objects.length; i++) {
    const o = sink.objects[i]!;
    o.origin = joinOrigin(origin, `${KIND_NOUN[o.kind]} ${i - from + 1} of ${n}`);
  }
}

function shiftOffsets(message: string, by: number): string {
  return message.replace(/offset 0x([0-9a-f]+)/g, (_, h: string) => `offset ${hex(parseInt(h, 16) + by)}`);
}
