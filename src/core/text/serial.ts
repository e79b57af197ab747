/**
 * Serial numbers as text, in OpenSSL's two forms, written here once: X509_print_ex's line in a
 * certificate's text (`4660 (0x1234)`, or colon hex on the next line), and i2a_ASN1_INTEGER (uppercase
 * hex) that CRL entries, `openssl x509 -serial`, the summary and the CA inventory (lowercased) use.
 * Both take the INTEGER's content octets (two's complement).
 */
import { signedBigInt } from '../der/read.ts';
import { colonHex, decodeAsn1Integer, spaces } from './format.ts';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * The text after "Serial Number:" in X509_print_ex, as lines: a value that ASN1_INTEGER_get can
 * return (fits a signed 64-bit long and is not -1, its error value) prints on the same line as
 * ` 4660 (0x1234)`; anything else prints on the next line at 12 spaces as colon hex of the
 * magnitude, with " (Negative)" before it for negative numbers.
 * Returns [rest of the header line, ...continuation lines].
 */
export function formatSerialNumber(content: Uint8Array): string[] {
  const int = decodeAsn1Integer(content);
  const fits = int.magnitude.length <= 8 && int.value <= INT64_MAX && int.value >= INT64_MIN && int.value !== -1n;
  if (fits) {
    const neg = int.negative ? '-' : '';
    const mag = int.negative ? -int.value : int.value;
    return [` ${neg}${mag.toString()} (${neg}0x${mag.toString(16)})`];
  }
  return ['', spaces(12) + (int.negative ? ' (Negative)' : '') + colonHex(int.magnitude)];
}

/**
 * i2a_ASN1_INTEGER: uppercase hex of the magnitude (whole bytes, "00" for zero), "-" before a
 * negative one. With `wrap`, "\" and a newline every 35 bytes, as OpenSSL breaks a long one in a
 * CRL's text; without, one line (the summary, the inventory key).
 */
export function serialHex(content: Uint8Array, wrap = false): string {
  const value = signedBigInt(content);
  const magnitude = value < 0n ? -value : value;
  let hex = magnitude === 0n ? '00' : magnitude.toString(16).toUpperCase();
  if (hex.length % 2) hex = '0' + hex;
  const sign = value < 0n ? '-' : '';
  if (!wrap) return sign + hex;
  const pairs = hex.match(/../g)!;
  let out = sign;
  pairs.forEach((pair, i) => (out += (i && i % 35 === 0 ? '\\\n' : '') + pair));
  return out;
}
