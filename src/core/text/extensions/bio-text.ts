/**
 * How OpenSSL's BIO calls turn string bytes into output text. The printers return JS strings;
 * bytes that OpenSSL writes unchanged are decoded as UTF-8 where they are valid UTF-8 and kept
 * as bytes where they are not (raw-bytes.ts), so `textBytes` of the text is the oracle's bytes.
 */
import { decodeKeepingBytes } from '../raw-bytes.ts';
import { colonHex, spaces } from '../format.ts';

/** Bytes written unchanged (BIO_write, BIO_puts). */
export function rawText(bytes: Uint8Array): string {
  return decodeKeepingBytes(bytes);
}

/** Bytes written through "%s" or "%.*s": output stops at the first NUL. */
export function cText(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return rawText(nul < 0 ? bytes : bytes.subarray(0, nul));
}

/**
 * ASN1_STRING_print: bytes above '~' and control characters other than '\n' and '\r' become
 * '.' (the bytes are read as signed chars, so everything from 0x80 is a dot too).
 */
export function dottedText(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b > 0x7e || (b < 0x20 && b !== 0x0a && b !== 0x0d) ? '.' : String.fromCharCode(b);
  return s;
}

/** OpenSSL's buf2hexstr: uppercase colon hex ("0A:FF"), empty for no bytes. */
export function upperColonHex(bytes: Uint8Array): string {
  return colonHex(bytes, true);
}

/**
 * BIO_hex_string: uppercase colon hex, `width` bytes a line; continuation lines start with
 * `indent` spaces; the first line is not indented (the caller has already written a label).
 */
export function hexString(bytes: Uint8Array, indent: number, width: number): string {
  if (bytes.length < 1) return '';
  let out = '';
  let j = 0;
  let i = 0;
  for (; i < bytes.length - 1; i++) {
    if (i && !j) out += ' '.repeat(indent);
    out += hex2(bytes[i]!) + ':';
    j = (j + 1) % width;
    if (!j) out += '\n';
  }
  if (i && !j) out += ' '.repeat(indent);
  return out + hex2(bytes[bytes.length - 1]!);
}

function hex2(b: number): string {
  return (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
}

/** i2s_ASN1_INTEGER / bignum_to_string: decimal below 128 bits, otherwise "0x" + uppercase hex. */
export function integerText(v: bigint): string {
  const neg = v < 0n;
  const mag = neg ? -v : v;
  if (mag.toString(2).length < 128 || mag === 0n) return v.toString();
  let h = mag.toString(16).toUpperCase();
  if (h.length & 1) h = '0' + h;
  return (neg ? '-0x' : '0x') + h;
}

/** "%*s": `n` spaces. */
export function pad(n: number): string {
  return spaces(n);
}
