import { CertbenchError } from '../errors.ts';

/** One line of base64 text and its 1-based line number in the whole paste, for messages. */
export interface NumberedLine {
  text: string;
  line: number;
}

const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL_LINE = /^[A-Za-z0-9_-]*={0,2}$/;

/** True when the text (whitespace ignored) could be base64: only base64 characters, at least one group. */
export function looksLikeBase64(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return compact.length >= 4 && (BASE64_LINE.test(compact) || BASE64URL_LINE.test(compact));
}

/**
 * Decodes base64 spread over lines, checking every line so a bad character or a stray `=` is
 * reported at its own line ("invalid base64 at line 7"). Throws CertbenchError.
 */
export function decodeBase64Lines(lines: NumberedLine[]): Uint8Array {
  let compact = '';
  let paddedAt: number | undefined;
  for (const { text, line } of lines) {
    const t = text.replace(/\s+/g, '');
    if (!t) continue;
    if (!BASE64_LINE.test(t) || paddedAt !== undefined) throw new CertbenchError('input.badBase64Line', { line });
    if (t.endsWith('=')) paddedAt = line;
    compact += t;
  }
  if (!compact) throw new CertbenchError('input.noBase64');
  const last = lines.length ? lines[lines.length - 1]!.line : 1;
  // Unpadded base64 is common outside PEM (e.g. copied from JSON); a remainder of 1 is never valid.
  if (compact.length % 4 === 1 || (paddedAt !== undefined && compact.length % 4 !== 0)) {
    throw new CertbenchError('input.base64Cut', { line: last, count: compact.length });
  }
  return decodeCompact(compact.replace(/=+$/, ''));
}

/** Decodes base64 or base64url text in one piece (whitespace ignored). Throws CertbenchError. */
export function decodeBase64Text(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  const standard = BASE64URL_LINE.test(compact) && !BASE64_LINE.test(compact) ? compact.replace(/-/g, '+').replace(/_/g, '/') : compact;
  const numbered = text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
  if (standard === compact) return decodeBase64Lines(numbered);
  return decodeBase64Lines([{ text: standard, line: numbered.length }]);
}

/** Each base64 character's value; -1 for anything else. */
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/**
 * Base64 lines text[start, end) decoded in one pass, without a string per line: the same bytes
 * decodeBase64Lines gives for those lines when they are plain (base64 characters, ASCII spaces,
 * '=' padding at the very end). Anything else — another character, padding before more text, a
 * cut — is undefined: decodeBase64Lines then says what is wrong and on which line.
 */
export function decodeBase64Run(text: string, start: number, end: number): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor(((end - start) * 3) / 4) + 3);
  let n = 0; // base64 characters
  let padding = 0;
  /** Padding was followed by a line break: only spaces may come after it. */
  let closed = false;
  let bits = 0;
  let o = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? BASE64_VALUE[c]! : -1;
    if (v >= 0) {
      if (padding) return undefined;
      bits = (bits << 6) | v;
      if ((++n & 3) === 0) {
        out[o++] = bits >> 16;
        out[o++] = (bits >> 8) & 0xff;
        out[o++] = bits & 0xff;
        bits = 0;
      }
    } else if (c === 61 /* = */) {
      if (closed || ++padding > 2) return undefined;
    } else if (c === 10 || c === 13) {
      if (padding) closed = true;
    } else if (c !== 32 && c !== 9 && c !== 11 && c !== 12) return undefined;
  }
  const total = n + padding;
  if (total === 0 || total % 4 === 1 || (padding && total % 4 !== 0)) return undefined;
  // The last 2 or 3 characters: 1 or 2 bytes (their unused low bits are ignored, as atob ignores them).
  if ((n & 3) === 2) out[o++] = bits >> 4;
  else if ((n & 3) === 3) {
    out[o++] = bits >> 10;
    out[o++] = (bits >> 2) & 0xff;
  }
  return out.subarray(0, o);
}

function decodeCompact(b64: string): Uint8Array {
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(padded);
  } catch {
    throw new CertbenchError('input.badBase64');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
