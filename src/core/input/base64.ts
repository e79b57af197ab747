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
