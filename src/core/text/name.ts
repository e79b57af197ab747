/**
 * X.509 Name printing in OpenSSL 3.0's two layouts:
 *  - 'oneline': X509_NAME_print_ex with XN_FLAG_ONELINE (what `x509 -text` prints after
 *    "Issuer: ", and GENERAL_NAME_print's DirName in name constraints): `C = US, O = "A, B", CN = x`
 *  - 'slash': X509_NAME_oneline (i2v_GENERAL_NAME's DirName in SAN/AKI): `/C=US/O=A, B/CN=x`
 */
import { oidShortName } from '../oids.ts';
import { CertbenchError } from '../errors.ts';
import { concatBytes } from '../bytes.ts';
import { asNode, type DerInput, type DerNode, UNIVERSAL } from '../der/node.ts';
import { oidValue } from '../der/read.ts';
import { latin1, plainHex } from './format.ts';
import { nameParts } from '../explain/parts.ts';

interface NameEntry {
  oid: string;
  /** Index of the RDN (SET) the entry belongs to: entries sharing it form a multi-valued RDN. */
  set: number;
  /** Universal tag of the value, or -1 for a non-universal tag (OpenSSL's V_ASN1_OTHER). */
  type: number;
  /** Content octets for strings; the whole encoding for SEQUENCE/SET/non-universal values. */
  data: Uint8Array;
  /** The value's whole encoding, for the `#hex` dump of types OpenSSL will not print as text. */
  der: Uint8Array;
}

export function formatName(name: DerInput, style: 'oneline' | 'slash'): string {
  const entries = nameEntries(asNode(name, 'Name'));
  return style === 'oneline' ? onelineName(entries) : slashName(entries);
}

/**
 * The one-line form, and the pieces it lists (each attribute type; the Kubernetes identities of a
 * subject) worked out when asked: a printer making text alone never asks.
 */
export function formatNameWithParts(name: DerInput, isSubject: boolean): { text: string; parts: () => string[] } {
  const entries = nameEntries(asNode(name, 'Name'));
  const attributes = () => entries.map((e) => ({ oid: e.oid, value: e.type === 16 || e.type === 17 || e.type < 0 ? '' : latin1(e.data) }));
  return { text: onelineName(entries), parts: () => nameParts(attributes(), isSubject) };
}

function nameEntries(name: DerNode): NameEntry[] {
  if (name.cls !== UNIVERSAL || name.tag !== 16) throw new CertbenchError('print.nameNotSequence');
  const out: NameEntry[] = [];
  name.children.forEach((rdn, set) => {
    for (const atv of rdn.children) {
      const [type, value] = atv.children;
      if (!type || !value) throw new CertbenchError('print.nameAttributeIncomplete');
      out.push({ oid: oidValue(type), set, ...entryValue(value) });
    }
  });
  return out;
}

function entryValue(value: DerNode): Pick<NameEntry, 'type' | 'data' | 'der'> {
  const der = value.der;
  if (value.cls !== UNIVERSAL) return { type: -1, data: der, der };
  const type = value.tag;
  if (type === 16 || type === 17) return { type, data: der, der };
  return { type, data: value.constructed ? joinConstructed(value) : value.content, der };
}

/** BER constructed strings: OpenSSL concatenates the primitive pieces. */
function joinConstructed(b: DerNode): Uint8Array {
  const parts: Uint8Array[] = [];
  const walk = (x: DerNode): void => {
    if (x.constructed) x.children.forEach(walk);
    else parts.push(x.content);
  };
  walk(b);
  return concatBytes(...parts);
}

// ---------------------------------------------------------------------------------------------
// XN_FLAG_ONELINE

/** Bytes per character for each universal string type (OpenSSL's tag2nbyte); -1 = dump as #hex. */
function charWidth(type: number): number {
  switch (type) {
    case 12: // UTF8String: printed byte by byte, not decoded
    case 18: // NumericString
    case 19: // PrintableString
    case 20: // T61String
    case 22: // IA5String
    case 23: // UTCTime
    case 24: // GeneralizedTime
    case 26: // VisibleString
      return 1;
    case 28: // UniversalString
      return 4;
    case 30: // BMPString
      return 2;
    default:
      return -1;
  }
}

function onelineName(entries: NameEntry[]): string {
  let out = '';
  let prev = -1;
  for (const e of entries) {
    if (prev !== -1) out += prev === e.set ? ' + ' : ', ';
    prev = e.set;
    out += (oidShortName(e.oid) ?? e.oid) + ' = ' + onelineValue(e);
  }
  return out;
}

// ASN1_STRFLGS_RFC2253 | ESC_QUOTE escaping. Per ASCII character: what to do in the middle of a
// value. Values with ',', '+', ';', '<', '>', a leading '#' or space, or a trailing space are
// quoted instead of escaped; '"' and '\' get a backslash; controls become \XX.
const enum Esc {
  None,
  Quote,
  Backslash,
  Hex,
}

function escapeKind(c: number, first: boolean, last: boolean): Esc {
  if (c < 0x20 || c === 0x7f) return Esc.Hex;
  switch (c) {
    case 0x22: // "
    case 0x5c: // \
      return Esc.Backslash;
    case 0x2b: // +
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x3c: // <
    case 0x3e: // >
      return Esc.Quote;
    case 0x20: // space
      return first || last ? Esc.Quote : Esc.None;
    case 0x23: // #
      return first && !last ? Esc.Quote : Esc.None;
    default:
      return Esc.None;
  }
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => '\\' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());

function onelineValue(e: NameEntry): string {
  const width = e.type < 0 ? -1 : charWidth(e.type);
  if (width === -1) return '#' + plainHex(e.der, true);
  const data = e.data;
  if ((width === 2 && data.length % 2) || (width === 4 && data.length % 4)) {
    throw new CertbenchError('print.nameOddLength', { type: width === 2 ? 'BMPString' : 'UniversalString' });
  }
  // A UTF8String is treated as one byte per character (OpenSSL avoids converting it twice); the
  // other types are converted to UTF-8, whose non-ASCII bytes are then escaped one by one.
  if (width === 1 && isPlainText(data)) return plainValue(data);
  const utf8Convert = e.type !== 12;
  let quote = false;
  let body = '';
  const n = data.length / width;
  for (let i = 0; i < n; i++) {
    let c: number;
    if (width === 1) c = data[i]!;
    else if (width === 2) c = (data[2 * i]! << 8) | data[2 * i + 1]!;
    else c = ((data[4 * i]! << 24) | (data[4 * i + 1]! << 16) | (data[4 * i + 2]! << 8) | data[4 * i + 3]!) >>> 0;
    // OpenSSL sets "first" before reading a character and overwrites it with "last" after, so a
    // one-character value only gets the last-character rule.
    const last = i === n - 1;
    const first = i === 0 && !last;
    if (c < 0x80) {
      const kind = escapeKind(c, first, last);
      if (kind === Esc.Hex) body += HEX_BYTE[c];
      else if (kind === Esc.Backslash) body += '\\' + String.fromCharCode(c);
      else {
        if (kind === Esc.Quote) quote = true;
        body += String.fromCharCode(c);
      }
    } else if (!utf8Convert) {
      body += HEX_BYTE[c];
    } else {
      for (const b of utf8Bytes(c)) body += HEX_BYTE[b];
    }
  }
  return quote ? `"${body}"` : body;
}

/** Printable ASCII with nothing to escape ('"', '\\', controls, DEL and bytes from 0x80 are escaped). */
function isPlainText(data: Uint8Array): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

/**
 * A plain value (isPlainText) as onelineValue prints it, made in one piece: quoted when it holds
 * ',', '+', ';', '<' or '>', starts with a space or '#' (only as the first of several characters),
 * or ends with a space.
 */
function plainValue(data: Uint8Array): string {
  const text = latin1(data);
  const n = data.length;
  let quote = n > 0 && (data[n - 1] === 0x20 || (n > 1 && (data[0] === 0x20 || data[0] === 0x23)));
  for (let i = 0; i < n && !quote; i++) {
    const c = data[i]!;
    quote = c === 0x2b || c === 0x2c || c === 0x3b || c === 0x3c || c === 0x3e;
  }
  return quote ? `"${text}"` : text;
}

/** OpenSSL's UTF8_putc: up to 6-byte sequences, no surrogate checks. */
function utf8Bytes(c: number): number[] {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  if (c < 0x200000) return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  if (c < 0x4000000) {
    return [0xf8 | (c >>> 24), 0x80 | ((c >> 18) & 0x3f), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  }
  return [
    0xfc | ((c >>> 30) & 1),
    0x80 | ((c >>> 24) & 0x3f),
    0x80 | ((c >> 18) & 0x3f),
    0x80 | ((c >> 12) & 0x3f),
    0x80 | ((c >> 6) & 0x3f),
    0x80 | (c & 0x3f),
  ];
}

// ---------------------------------------------------------------------------------------------
// X509_NAME_oneline

/** i2v_GENERAL_NAME prints into a 256-byte buffer: entries that do not fit are left out. */
const ONELINE_BUFFER = 255;

function slashName(entries: NameEntry[]): string {
  let out = '';
  let prev = -1;
  for (const e of entries) {
    const piece = (prev === e.set ? '+' : '/') + (oidShortName(e.oid) ?? e.oid) + '=' + slashValue(e);
    if (out.length + piece.length > ONELINE_BUFFER) break;
    out += piece;
    prev = e.set;
  }
  return out;
}

function slashValue(e: NameEntry): string {
  const q = e.data;
  // A GeneralString whose length is a multiple of 4 and whose bytes are all zero except every
  // fourth is taken for UCS-4 and only those bytes are printed.
  let step = 1;
  let offset = 0;
  if (e.type === 27 && q.length % 4 === 0) {
    let others = false;
    for (let j = 0; j < q.length; j++) if (j % 4 !== 3 && q[j] !== 0) others = true;
    if (!others) {
      step = 4;
      offset = 3;
    }
  }
  let s = '';
  for (let j = offset; j < q.length; j += step) {
    const n = q[j]!;
    if (n < 0x20 || n > 0x7e) s += '\\x' + HEX_BYTE[n]!.slice(1);
    else s += n === 0x2f || n === 0x2b ? '\\' + String.fromCharCode(n) : String.fromCharCode(n);
  }
  return s;
}
