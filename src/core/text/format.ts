/**
 * Text helpers shared by the OpenSSL-compatible printers: hex layouts, indentation, times,
 * integers. Each reproduces one OpenSSL routine's output byte for byte.
 */

const HEX = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));
const HEX_UPPER = HEX.map((h) => h.toUpperCase());

/** Indentations made once: printers ask for the same few widths thousands of times. */
const SPACES = Array.from({ length: 129 }, (_, n) => ' '.repeat(n));

/** `n` spaces (OpenSSL's BIO_indent). */
export function spaces(n: number): string {
  return n > 0 ? (SPACES[n] ?? ' '.repeat(n)) : '';
}

/** Each byte's two hex digits as ASCII codes, lowercase then uppercase: [2b], [2b + 1] and 512 + the same. */
const HEX_CODES = new Uint8Array(1024);
for (let b = 0; b < 256; b++) {
  for (const [at, digits] of [[0, HEX[b]!], [512, HEX_UPPER[b]!]] as const) {
    HEX_CODES[at + 2 * b] = digits.charCodeAt(0);
    HEX_CODES[at + 2 * b + 1] = digits.charCodeAt(1);
  }
}

/** Where hex text is spelled out as ASCII bytes before it becomes one string (grown when a longer one comes). */
let hexScratch = new Uint8Array(4096);
const asciiText = new TextDecoder();

/**
 * The bytes' hex digits, `separator` (a character code, or 0 for none) between bytes, made as
 * ASCII bytes and decoded once: a key's modulus or a signature is hundreds of bytes, and a string
 * a byte joined was most of the time a certificate's text took.
 */
function hexText(bytes: Uint8Array, upper: boolean, separator: number): string {
  const n = bytes.length;
  if (n === 0) return '';
  const step = separator ? 3 : 2;
  const length = n * step - (separator ? 1 : 0);
  if (hexScratch.length < length + 1) hexScratch = new Uint8Array(length * 2);
  const out = hexScratch;
  const table = upper ? 512 : 0;
  for (let i = 0, o = 0; i < n; i++, o += step) {
    const at = table + 2 * bytes[i]!;
    out[o] = HEX_CODES[at]!;
    out[o + 1] = HEX_CODES[at + 1]!;
    if (separator) out[o + 2] = separator;
  }
  return asciiText.decode(out.subarray(0, length));
}

/** Lowercase two-digit hex of each byte joined by ':' ("0a:ff"), or uppercase ("0A:FF"). */
export function colonHex(bytes: Uint8Array, upper = false): string {
  return hexText(bytes, upper, 0x3a);
}

/** Hex digits without separators, uppercase (OpenSSL's "#0403..." dumps) or lowercase. */
export function plainHex(bytes: Uint8Array, upper = false): string {
  return hexText(bytes, upper, 0);
}

/**
 * OpenSSL's colon hex block (ASN1_buf_print, X509_signature_dump, the key dumps): `perLine` bytes
 * a line, each line prefixed by `indent` spaces, every byte but the last followed by ':' (so a
 * full line ends with ':'). Keys use 15 a line, signatures 18. No bytes gives one empty line
 * without indentation, which is what OpenSSL prints for an empty buffer.
 */
export function hexLines(bytes: Uint8Array, indent: number, perLine: number): string[] {
  if (bytes.length === 0) return [''];
  const pad = spaces(Math.min(indent, 128));
  // All the bytes' colon hex made at once, then cut into lines ("xx:" is 3 characters a byte): a
  // string a byte, as `line += hex` made, was most of the garbage a certificate's text made.
  const hex = colonHex(bytes);
  const width = perLine * 3;
  const lines: string[] = [];
  for (let at = 0; at < hex.length; at += width) lines.push(pad + hex.slice(at, at + width));
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Times (ASN1_TIME_print)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!;
}

/**
 * What ASN1_TIME_print writes for a UTCTime (tag 23) or GeneralizedTime (tag 24) with these
 * content bytes: `Jan  2 03:04:05 2026 GMT`, fractional seconds kept as written, a "+hhmm"
 * offset applied (the result is still labelled GMT, as OpenSSL 3.0.19 does), and
 * "Bad time value" for anything ossl_asn1_time_to_tm refuses.
 */
export function formatAsn1Time(tag: number, content: Uint8Array): string {
  const s = latin1(content);
  const tm = parseAsn1Time(tag, s);
  if (!tm) return 'Bad time value';
  let frac = '';
  if (tag === 24 && s.length > 15 && s[14] === '.') {
    let n = 1;
    while (14 + n < s.length && isDigit(s.charCodeAt(14 + n))) n++;
    frac = s.slice(14, 14 + n);
  }
  const day = tm.day < 10 ? ' ' + tm.day : String(tm.day);
  return `${MONTHS[tm.month]} ${day} ${two(tm.hour)}:${two(tm.minute)}:${two(tm.second)}${frac} ${tm.year} GMT`;
}

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

interface BrokenDownTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A port of the rules of ossl_asn1_time_to_tm (non-strict mode, as used when printing). */
function parseAsn1Time(tag: number, s: string): BrokenDownTime | undefined {
  const utc = tag === 23;
  if (!utc && tag !== 24) return undefined;
  const end = utc ? 6 : 7;
  const secondsField = utc ? 5 : 6;
  const minLength = utc ? 11 : 13;
  const l = s.length;
  if (l < minLength) return undefined;
  // Indexed by field: century, year, month, day, hour, minute, second (UTCTime starts at year).
  const min = [0, 0, 1, 1, 0, 0, 0];
  const max = [99, 99, 12, 31, 23, 59, 59];
  const fields: number[] = [];
  let o = 0;
  let i = 0;
  for (; i < end; i++) {
    const c = s[o];
    if (i === secondsField && (c === 'Z' || c === '+' || c === '-')) {
      i++;
      break;
    }
    // Every field must be followed by more input: a time zone is mandatory.
    if (o + 2 >= l || !isDigit(s.charCodeAt(o)) || !isDigit(s.charCodeAt(o + 1))) return undefined;
    const n = (s.charCodeAt(o) - 48) * 10 + (s.charCodeAt(o + 1) - 48);
    o += 2;
    // UTCTime fields start at the two-digit year; GeneralizedTime has a century field first.
    const k = utc ? i + 1 : i;
    if (n < min[k]! || n > max[k]!) return undefined;
    fields.push(n);
  }
  while (fields.length < end) fields.push(0);
  let year: number;
  let rest: number[];
  if (utc) {
    year = fields[0]! < 50 ? 2000 + fields[0]! : 1900 + fields[0]!;
    rest = fields.slice(1);
  } else {
    year = fields[0]! * 100 + fields[1]!;
    rest = fields.slice(2);
  }
  const [month1, day, hour, minute, second] = rest as [number, number, number, number, number];
  const month = month1 - 1;
  if (day > daysInMonth(year, month)) return undefined;
  // Fractional seconds (GeneralizedTime only): a '.' followed by at least one digit.
  if (!utc && s[o] === '.') {
    o++;
    const start = o;
    while (o < l && isDigit(s.charCodeAt(o))) o++;
    if (o === start) return undefined;
  }
  let offsetMinutes = 0;
  if (s[o] === 'Z') {
    o++;
  } else if (s[o] === '+' || s[o] === '-') {
    const sign = s[o] === '-' ? -1 : 1;
    o++;
    if (o + 4 > l) return undefined;
    for (let k = 0; k < 4; k++) if (!isDigit(s.charCodeAt(o + k))) return undefined;
    const hh = Number(s.slice(o, o + 2));
    const mm = Number(s.slice(o + 2, o + 4));
    if (hh > 12 || mm > 59) return undefined;
    o += 4;
    offsetMinutes = sign * (hh * 60 + mm);
  } else if (o < l) {
    return undefined;
  }
  if (o !== l) return undefined;
  if (offsetMinutes === 0) return { year, month, day, hour, minute, second };
  const t = Date.UTC(year, month, day, hour, minute, second) - offsetMinutes * 60_000;
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Bytes as ISO-8859-1 characters (one char per byte). */
export function latin1(bytes: Uint8Array): string {
  // Short ones (times, names) in one call: no array of arguments made for them.
  if (bytes.length <= 0x2000) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x2000, bytes.length)));
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Integers

/** An ASN.1 INTEGER's content octets (two's complement) as what OpenSSL stores: sign + magnitude. */
interface Asn1IntegerValue {
  negative: boolean;
  /** Big-endian magnitude, minimal (no leading zero bytes); empty for zero. */
  magnitude: Uint8Array;
  value: bigint;
}

export function decodeAsn1Integer(content: Uint8Array): Asn1IntegerValue {
  const negative = content.length > 0 && (content[0]! & 0x80) !== 0;
  return integerFromMagnitude(negative, negative ? negateTwosComplement(content) : stripLeadingZeros(content));
}

/** The content octets read as an unsigned number (OpenSSL's BIGNUM ASN.1 type ignores the sign). */
export function decodeUnsignedInteger(content: Uint8Array): Asn1IntegerValue {
  return integerFromMagnitude(false, stripLeadingZeros(content));
}

function integerFromMagnitude(negative: boolean, magnitude: Uint8Array): Asn1IntegerValue {
  const isNegative = negative && magnitude.length > 0;
  // Only small values need an exact number (decimal printing); big ones (moduli, signatures) print
  // as hex bytes, so their value is only worked out if something asks for it.
  if (magnitude.length > 16) {
    return {
      negative: isNegative,
      magnitude,
      get value() {
        const value = BigInt('0x' + plainHex(magnitude));
        return negative ? -value : value;
      },
    };
  }
  let value = 0n;
  for (let i = 0; i < magnitude.length; i++) value = (value << 8n) | BigInt(magnitude[i]!);
  return { negative: isNegative, magnitude, value: negative ? -value : value };
}

function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

/** |x| for a two's complement negative x, as minimal big-endian bytes. */
function negateTwosComplement(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let carry = 1;
  for (let i = bytes.length - 1; i >= 0; i--) {
    const v = (~bytes[i]! & 0xff) + carry;
    out[i] = v & 0xff;
    carry = v >> 8;
  }
  return stripLeadingZeros(out);
}

/** A 00 byte in front when the top bit is set, as OpenSSL's bignum dumps show. */
export function withSignPad(magnitude: Uint8Array): Uint8Array {
  if (!(magnitude[0]! & 0x80)) return magnitude;
  const out = new Uint8Array(magnitude.length + 1);
  out.set(magnitude, 1);
  return out;
}
