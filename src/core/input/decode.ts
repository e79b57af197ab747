import type { FoundObject, ObjectKind } from '../types.ts';
import { errorMessage, msg, render, type Where, type WherePart } from '../errors.ts';
import { decodeBase64Text, looksLikeBase64 } from './base64.ts';
import { decodeHex, looksLikeHex } from './hex.ts';
import { findPemBlocks, hasPemMarker, pemBlockBytes, type PemBlock } from './pem.ts';
import { DerError, parseDer, type DerNode } from '../der/node.ts';
import { classifyDer } from './der-kind.ts';
import { KIND_NOUN, LABEL_DECIDES, LABEL_KINDS } from './labels.ts';
import { addCaught, addProblem, joinOrigin, NOTHING_RECOGNISABLE, type Sink, type Steps } from './sink.ts';

/** How origins are named: a paste says "block 2 (CERTIFICATE)", "base64", "DER"; a Kubernetes value only counts objects. */
interface DecodeContext {
  origin: string;
  /** `origin` as parts, its words as messages; absent while it has none (then `origin` is a name). */
  place?: readonly WherePart[];
  inKube: boolean;
  depth: number;
  /** The text being read is the input as given, so its line numbers are the file's (see FoundObject.line). */
  givenText?: boolean;
  /** The line the current PEM block begins on, for the objects found in it. */
  line?: number;
}

function placeOf(ctx: Pick<DecodeContext, 'origin' | 'place'>): WherePart[] {
  return ctx.place ? [...ctx.place] : ctx.origin ? [ctx.origin] : [];
}

/** The origin one part further in: its text as the CLI prints it, and its parts when any of them are words. */
function within(ctx: DecodeContext, part: WherePart): Pick<DecodeContext, 'origin' | 'place'> {
  const origin = joinOrigin(ctx.origin, typeof part === 'string' ? part : render(part));
  return typeof part === 'string' && !ctx.place ? { origin } : { origin, place: [...placeOf(ctx), part] };
}

function problemPlace(at: Pick<DecodeContext, 'origin' | 'place'>): Where {
  return at.place ?? at.origin;
}

/** The object's origin fields from a context: `originSaid` only when some part is a message. */
function originFields(at: Pick<DecodeContext, 'origin' | 'place'>): Pick<FoundObject, 'origin' | 'originSaid'> {
  return at.place ? { origin: at.origin, originSaid: at.place } : { origin: at.origin };
}

const MAX_NESTING = 4; // base64 of PEM of base64 …: each level shrinks the input, this just bounds the work

/** Every object certbench shows is a SEQUENCE; other decoded bytes mean the text was not base64/hex after all. */
const SEQUENCE = 0x30;

/** The first line of an authorized_keys / .pub file: key type, then base64 starting with its length (AAAA). */
const OPENSSH_PUBLIC_KEY = /^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) AAAA/m;

const hex = (n: number) => `0x${n.toString(16)}`;

/** Text that is PEM, hex or base64 (of DER or of PEM). */
export function* decodeText(text: string, ctx: DecodeContext, sink: Sink): Steps {
  const unescaped = unescapeNewlines(text);
  if (hasPemMarker(unescaped)) return yield* decodePem(unescaped, ctx.depth === 0 && !ctx.inKube && unescaped === text ? { ...ctx, givenText: true } : ctx, sink);
  const trimmed = unescaped.trim();
  // An OpenSSH public key line is base64 too, but of SSH's wire format: openssl refuses it, and so do we, saying what it is.
  if (OPENSSH_PUBLIC_KEY.test(trimmed)) return addProblem(sink, ctx.place ?? ctx.origin, msg('input.openssh'));
  if (ctx.depth < MAX_NESTING && looksLikeHex(trimmed)) {
    const bytes = decodeHex(trimmed);
    if (bytes[0] === SEQUENCE) return yield* decodeDerElements(bytes, child(ctx, 'hex'), sink);
  }
  if (ctx.depth < MAX_NESTING && looksLikeBase64(trimmed)) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = decodeBase64Text(trimmed);
    } catch (e) {
      // Only text that is plainly meant as base64 (DER's "MI…", PEM's "LS0t…") earns a base64 message.
      if (/^(MI|LS0t)/.test(trimmed)) return addCaught(sink, problemPlace(within(ctx, 'base64')), e);
    }
    if (bytes && (bytes[0] === SEQUENCE || asText(bytes) !== undefined)) return yield* decodeBytes(bytes, child(ctx, 'base64'), sink);
  }
  addProblem(sink, ctx.place ?? ctx.origin, NOTHING_RECOGNISABLE);
}

/** Bytes that are either text (PEM, base64, hex) or BER/DER. */
export function* decodeBytes(bytes: Uint8Array, ctx: DecodeContext, sink: Sink): Steps {
  const text = asText(bytes);
  if (text !== undefined) return yield* decodeText(text, ctx, sink);
  // Only a dropped binary file is called "DER"; base64 or hex of DER is named by its text form.
  yield* decodeDerElements(bytes, ctx.depth === 0 ? child(ctx, 'DER') : ctx, sink);
}

function child(ctx: DecodeContext, format: string): DecodeContext {
  return { ...(ctx.inKube ? { origin: ctx.origin, ...(ctx.place ? { place: ctx.place } : {}) } : within(ctx, format)), inKube: ctx.inKube, depth: ctx.depth + 1 };
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

function* decodePem(text: string, ctx: DecodeContext, sink: Sink): Steps {
  const blocks = findPemBlocks(text);
  const before = sink.objects.length;
  for (const block of blocks) yield* decodePemBlock(block, ctx, sink);
  if (ctx.inKube) numberObjects(sink, before, ctx);
}

function* decodePemBlock(block: PemBlock, ctx: DecodeContext, sink: Sink): Steps {
  const where: Where = [...placeOf(ctx), msg('where.block', { index: block.index })];
  const at = within(ctx, msg('where.blockLabelled', { index: block.index, label: block.label }));
  if (block.error) return addProblem(sink, where, block.error);
  if (block.label === 'OPENSSH PRIVATE KEY') return addProblem(sink, where, msg('input.openssh'));
  let bytes: Uint8Array;
  try {
    bytes = pemBlockBytes(block);
  } catch (e) {
    const said = errorMessage(e);
    return addProblem(sink, where, said.id === 'input.noBase64' ? msg('input.emptyPemBlock', { label: block.label, line: block.beginLine }) : said);
  }
  const headers = Object.keys(block.headers).length ? { ...block.headers } : undefined;
  const line = ctx.givenText ? { line: block.beginLine } : {};
  if (/ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '')) {
    sink.objects.push({ kind: 'legacy-encrypted-key', der: bytes, ...originFields(at), pemLabel: block.label, pemHeaders: headers, ...line });
    return yield;
  }
  yield* decodeDerElements(bytes, { ...ctx, ...at, ...line }, sink, block.label, headers, where);
}

/**
 * Classifies each DER element in the bytes. Raw binary may hold several concatenated elements (a run,
 * numbered once its count is known); a PEM block holds one (a TRUSTED CERTIFICATE's trailing trust
 * settings are not an object).
 */
function* decodeDerElements(
  bytes: Uint8Array,
  ctx: DecodeContext,
  sink: Sink,
  label?: string,
  headers?: Record<string, string>,
  where: Where = problemPlace(ctx),
): Steps {
  const before = sink.objects.length;
  if (!label) sink.numbering = (sink.numbering ?? 0) + 1;
  let offset = 0;
  while (offset < bytes.length) {
    let parsed: DerNode;
    try {
      // Offsets in the tree are from the start of this element (the object's own DER)...
      parsed = parseDer(bytes.subarray(offset));
    } catch (e) {
      // ...and in messages from the start of this input.
      addProblem(sink, where, errorMessage(offset && e instanceof DerError ? reparseError(bytes, offset) : e));
      break;
    }
    const shape = classifyDer(parsed);
    const promised = label ? LABEL_KINDS[label] : undefined;
    let kind: ObjectKind;
    if (label && promised && LABEL_DECIDES.has(label)) {
      kind = promised[0]!; // read as OpenSSL reads it: by the label (the printer names what is wrong inside)
    } else if (shape.kind) {
      kind = shape.kind;
      if (promised && !promised.includes(kind)) addProblem(sink, where, msg('input.labelledButIs', { label: label ?? '', kind: msg(`kind.${kind}`) }));
    } else if (promised) {
      kind = promised[0]!; // the printer names what is wrong inside
    } else {
      kind = 'unknown-der';
      if (shape.note) addProblem(sink, where, shape.note);
    }
    const obj: FoundObject = {
      kind,
      der: parsed.der.slice(),
      ...originFields(ctx),
      ...(label ? { pemLabel: label } : {}),
      ...(headers ? { pemHeaders: headers } : {}),
      ...(ctx.line ? { line: ctx.line } : {}),
    };
    sink.objects.push(obj);
    sink.onDecoded?.(obj, parsed);
    yield;
    offset += parsed.der.length;
    if (label && offset < bytes.length) {
      if (label !== 'TRUSTED CERTIFICATE') addProblem(sink, where, msg('input.bytesAfterDer', { count: bytes.length - offset, offset: hex(offset) }));
      break;
    }
  }
  if (!label) {
    numberObjects(sink, before, ctx);
    sink.numbering!--;
  }
}

/** Several objects from one source get "certificate 2 of 3" after the source's origin. */
function numberObjects(sink: Sink, from: number, ctx: DecodeContext): void {
  const n = sink.objects.length - from;
  // The source's own origin replaces the inner one ("block 1 (PRIVATE KEY)"), its words included.
  const rename = (o: FoundObject, at: Pick<DecodeContext, 'origin' | 'place'>) => {
    delete o.originSaid;
    Object.assign(o, originFields(at));
  };
  if (n === 1) rename(sink.objects[from]!, ctx);
  if (n < 2) return;
  for (let i = from; i < sink.objects.length; i++) {
    const o = sink.objects[i]!;
    rename(o, within(ctx, msg('place.nthOf', { noun: KIND_NOUN[o.kind], index: i - from + 1, count: n })));
  }
}

/** The error of the element at `offset`, its offset counted from the start of `bytes`. */
function reparseError(bytes: Uint8Array, offset: number): unknown {
  try {
    parseDer(bytes.subarray(offset), { base: offset });
  } catch (e) {
    return e;
  }
  return undefined;
}
