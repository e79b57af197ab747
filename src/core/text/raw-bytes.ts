/**
 * Bytes OpenSSL writes as they are, kept as bytes in a JS string.
 *
 * OpenSSL's text is bytes, not UTF-8: a DNS name in an IA5String holding 0xC0 0xA8 is written as
 * those two bytes. A printer that decoded them as UTF-8 would turn each into U+FFFD and write
 * EF BF BD, which is not what OpenSSL wrote. So the printed text carries such bytes the way
 * Python's "surrogateescape" (PEP 383) does: valid UTF-8 is decoded as usual, and every byte that
 * is not part of a valid UTF-8 sequence becomes the lone surrogate U+DC00 + byte (U+DC80–U+DCFF).
 * `textBytes` turns the text back into exactly the bytes OpenSSL wrote (the CLI writes those), and
 * `escapeRawBytes` / `rawByteSegments` show each kept byte visibly as `\xC3` (the app). A lone
 * surrogate can come from nowhere else: the printers' other text is ASCII or valid Unicode.
 */

const FIRST = 0xdc80;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LAST = 0xdcff;

/** One UTF-8 sequence starting at `i`: its code point and length, or undefined when not valid UTF-8. */
function utf8At(bytes: Uint8Array, i: number): { cp: number; len: number } | undefined {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return { cp: b0, len: 1 };
  let len: number;
  let cp: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) (len = 2), (cp = b0 & 0x1f), (min = 0x80);
  else if (b0 >= 0xe0 && b0 <= 0xef) (len = 3), (cp = b0 & 0x0f), (min = 0x800);
  else if (b0 >= 0xf0 && b0 <= 0xf4) (len = 4), (cp = b0 & 0x07), (min = 0x10000);
  else return undefined;
  if (i + len > bytes.length) return undefined;
  for (let k = 1; k < len; k++) {
    const b = bytes[i + k]!;
    if ((b & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (b & 0x3f);
  }
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not valid UTF-8.
  if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return undefined;
  return { cp, len };
}

/** `bytes` as text: valid UTF-8 decoded, every other byte kept as U+DC00 + byte. */
export function decodeKeepingBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // not all valid UTF-8: decoded sequence by sequence below
  }
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const seq = utf8At(bytes, i);
    if (seq) {
      s += String.fromCodePoint(seq.cp);
      i += seq.len;
    } else s += String.fromCharCode(0xdc00 + bytes[i++]!);
  }
  return s;
}

/** A kept byte at code unit `i` of `s`: a surrogate U+DC80–U+DCFF not preceded by a high surrogate. */
function keptByteAt(s: string, i: number): number | undefined {
  const u = s.charCodeAt(i);
  if (u < FIRST || u > LAST) return undefined;
  const before = i ? s.charCodeAt(i - 1) : 0;
  return before >= 0xd800 && before <= 0xdbff ? undefined : u - 0xdc00;
}

/** A kept byte: a low surrogate U+DC80–U+DCFF with no high surrogate before it (code units, no u flag). */
const KEPT_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** Whether the text holds kept bytes. */
export function hasRawBytes(s: string): boolean {
  return KEPT_BYTE.test(s);
}

/** The bytes OpenSSL wrote for this text: UTF-8, with every kept byte written as itself. */
export function textBytes(s: string): Uint8Array<ArrayBuffer> {
  const utf8 = new TextEncoder();
  if (!KEPT_BYTE.test(s)) return utf8.encode(s);
  // Encoded runs and kept bytes joined once at the end: the CLI passes megabyte chunks, and a
  // number[] of every byte made `certbench dump` of a bundle take seconds longer.
  const parts: Uint8Array[] = [];
  let total = 0;
  const push = (p: Uint8Array) => {
    parts.push(p);
    total += p.length;
  };
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const b = keptByteAt(s, i);
    if (b === undefined) continue;
    if (i > from) push(utf8.encode(s.slice(from, i)));
    push(Uint8Array.of(b));
    from = i + 1;
  }
  if (s.length > from) push(utf8.encode(s.slice(from)));
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

interface TextSegment {
  text: string;
  /** The segment is one kept byte, written as `\xC3`. */
  rawByte?: number;
}

/** The text cut where kept bytes are, each byte its own segment written `\xHH` (for styling). */
export function rawByteSegments(s: string): TextSegment[] {
  if (!KEPT_BYTE.test(s)) return [{ text: s }];
  const out: TextSegment[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const b = keptByteAt(s, i);
    if (b === undefined) continue;
    if (i > from) out.push({ text: s.slice(from, i) });
    out.push({ text: `\\x${b.toString(16).toUpperCase()}`, rawByte: b });
    from = i + 1;
  }
  if (from < s.length) out.push({ text: s.slice(from) });
  return out;
}

/** The text with every kept byte written as `\xHH`: for the clipboard and other places that hold only text. */
export function escapeRawBytes(s: string): string {
  return KEPT_BYTE.test(s)
    ? rawByteSegments(s)
        .map((seg) => seg.text)
        .join('')
    : s;
}
