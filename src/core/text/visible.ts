/**
 * Names as people may safely read them outside the OpenSSL text: every character that is invisible
 * or changes how the text around it is laid out is written as an escape, so
 * `www.\u202Etset.live\u202C.com` can never display as "www.evil.test.com". Go's x509 errors quote
 * such names with strconv.Quote and openssl escapes them as `\XX`; this is the same idea in one form:
 *  - C0 controls (NUL, newline, ESC, …), DEL and C1 controls: `\x00` … `\x9F`;
 *  - Unicode format characters (category Cf: the bidi embeddings, overrides and isolates
 *    U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F and U+061C, the zero-width
 *    U+200B–U+200D, U+2060, U+FEFF, soft hyphen U+00AD, tag characters …), the line and paragraph
 *    separators U+2028/U+2029 and unpaired surrogates: `\u202E`, or `\u{E0041}` beyond the BMP;
 *  - bytes that are not UTF-8, which the printed text keeps as U+DC80–U+DCFF (raw-bytes.ts): `\xC0`.
 * Everything else, including a backslash, stays as it is: the result is for reading, not for
 * parsing back, and the OpenSSL-style `\XX` escapes some names already carry stay readable.
 * Pure and idempotent (its output has nothing left to escape).
 */
import type { CoreMessage, MessageParam } from '../errors.ts';

const ESCAPED = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

function escapeOne(ch: string): string {
  const cp = ch.codePointAt(0)!;
  // A lone U+DC80–U+DCFF is a byte that is not UTF-8, kept as a byte (raw-bytes.ts): written as that byte.
  if (cp >= 0xdc80 && cp <= 0xdcff) return `\\x${(cp - 0xdc00).toString(16).toUpperCase()}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0x9f) return `\\x${hex.padStart(2, '0')}`; // the controls: C0, DEL, C1
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\u{${hex}}`;
}

/** `s` with invisible and layout-changing characters written as escapes (see the module comment). */
export function visibleText(s: string): string {
  return s.replace(ESCAPED, escapeOne);
}

/** `m` with every text param (nested messages included) escaped for display. */
export function visibleMessage<M extends CoreMessage>(m: M): M {
  if (!m.params) return m;
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(m.params)) {
    params[name] = typeof value === 'string' ? visibleText(value) : typeof value === 'object' ? visibleMessage(value) : value;
  }
  return { ...m, params };
}
