/**
 * Distinguished names as an editable list of attributes, one attribute per RDN (a name built as one
 * SET would be a single multi-valued RDN, which OpenSSL prints as `O = X + CN = Y`).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CertbenchError, msg } from '../errors.ts';
import { oidShortName } from '../oids.ts';
import { visibleText } from '../text/visible.ts';
import { UNIVERSAL, type DerNode } from '../der/node.ts';
import { child, oidValue } from '../der/read.ts';
import { TAG } from '../der/tags.ts';

type StringEncoding = 'utf8' | 'printable' | 'ia5' | 'teletex' | 'bmp' | 'universal';

export interface NameAttribute {
  /** Dotted OID of the attribute type (2.5.4.3 for CN). */
  type: string;
  value: string;
  /** The ASN.1 string type; when absent, the usual one for the type (PrintableString for C, IA5String for email/DC, else UTF8String). */
  encoding?: StringEncoding;
}

/** Short names people type in `-subj` or `CN=…, O=…`. */
const TYPE_BY_NAME: Record<string, string> = {
  cn: '2.5.4.3', c: '2.5.4.6', l: '2.5.4.7', st: '2.5.4.8', o: '2.5.4.10', ou: '2.5.4.11',
  serialnumber: '2.5.4.5', street: '2.5.4.9', title: '2.5.4.12', sn: '2.5.4.4', gn: '2.5.4.42',
  givenname: '2.5.4.42', surname: '2.5.4.4', postalcode: '2.5.4.17', emailaddress: '1.2.840.113549.1.9.1',
  email: '1.2.840.113549.1.9.1', dc: '0.9.2342.19200300.100.1.25', uid: '0.9.2342.19200300.100.1.1',
};
const OID_COUNTRY = '2.5.4.6';
const IA5_TYPES = new Set(['1.2.840.113549.1.9.1', '0.9.2342.19200300.100.1.25']);

const OID_COMMON_NAME = '2.5.4.3';

function attributeTypeOf(name: string): string {
  const t = name.trim();
  if (/^\d+(\.\d+)+$/.test(t)) return t;
  const oid = TYPE_BY_NAME[t.toLowerCase()];
  if (!oid) throw new CertbenchError('cert.unknownAttributeType', { type: t }, msg('where.subject'));
  return oid;
}

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/**
 * Reads a subject typed as OpenSSL's `-subj` (`/C=DE/O=Acme/CN=x`) or as `CN=x, O=Acme`. Attributes
 * keep the order written, which is the order of encoding and of OpenSSL's display.
 */
export function parseDistinguishedName(text: string): NameAttribute[] {
  const t = text.trim();
  if (!t) return [];
  const parts = t.startsWith('/') ? splitUnescaped(t.slice(1), '/') : splitUnescaped(t, ',');
  return parts
    .filter((p) => p.trim() !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      if (eq <= 0) throw new CertbenchError('cert.notTypeValue', { part: p.trim() }, msg('where.subject'));
      const value = p.slice(eq + 1).trim();
      if (!value) throw new CertbenchError('cert.emptyValue', { type: p.slice(0, eq).trim() }, msg('where.subject'));
      return { type: attributeTypeOf(p.slice(0, eq)), value };
    });
}

/**
 * OpenSSL's one-line form `C = DE, O = Acme, CN = x` with every character as it is (without the
 * quoting rules): what an inventory row records, so it must not change for rows already stored.
 */
export function distinguishedNameLine(attrs: readonly NameAttribute[]): string {
  return attrs.map((a) => `${oidShortName(a.type) ?? a.type} = ${a.value}`).join(', ');
}

/** The same line for people to read, hidden and bidi characters escaped (text/visible.ts): for labels, not for byte comparison. */
export function formatDistinguishedName(attrs: readonly NameAttribute[]): string {
  return visibleText(distinguishedNameLine(attrs));
}

/** OpenSSL's `-subj` form, `/C=DE/O=Acme/CN=x`, for the equivalent commands (`/`, `+` and `\` escaped: openssl 3 reads `+` as another attribute of the RDN). */
export function formatSubjOption(attrs: readonly NameAttribute[]): string {
  return attrs.map((a) => `/${oidShortName(a.type) ?? a.type}=${a.value.replace(/[/+\\]/g, '\\$&')}`).join('');
}

function encodeValue(a: NameAttribute): asn1js.BaseBlock {
  const enc = a.encoding ?? (a.type === OID_COUNTRY ? 'printable' : IA5_TYPES.has(a.type) ? 'ia5' : 'utf8');
  if (enc === 'printable' && !/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(a.value)) {
    throw new CertbenchError('cert.notPrintableString', { value: a.value }, oidShortName(a.type) ?? a.type);
  }
  switch (enc) {
    case 'printable': return new asn1js.PrintableString({ value: a.value });
    case 'ia5': return new asn1js.IA5String({ value: a.value });
    case 'teletex': return new asn1js.TeletexString({ value: a.value });
    case 'bmp': return new asn1js.BmpString({ value: a.value });
    case 'universal': return new asn1js.UniversalString({ value: a.value });
    default: return new asn1js.Utf8String({ value: a.value });
  }
}

/** DER of the Name: SEQUENCE OF SET { one AttributeTypeAndValue }. */
export function encodeName(attrs: readonly NameAttribute[]): Uint8Array {
  const seq = new asn1js.Sequence({
    value: attrs.map(
      (a) => new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: a.type }), encodeValue(a)] })] }),
    ),
  });
  return new Uint8Array(seq.toBER());
}

/** A pkijs name that re-encodes to exactly these bytes (pkijs keeps the decoded bytes). */
export function pkijsName(der: Uint8Array): pkijs.RelativeDistinguishedNames {
  return pkijs.RelativeDistinguishedNames.fromBER(der.slice().buffer as ArrayBuffer);
}

/** The encoding a NameAttribute records for a universal string tag (undefined: the usual one for its type). */
const ENCODING_OF_TAG: Readonly<Record<number, StringEncoding>> = {
  [TAG.PRINTABLE_STRING]: 'printable',
  [TAG.IA5_STRING]: 'ia5',
  [TAG.T61_STRING]: 'teletex',
  [TAG.BMP_STRING]: 'bmp',
  [TAG.UNIVERSAL_STRING]: 'universal',
  [TAG.UTF8_STRING]: 'utf8',
};

/** String types whose octets are one character each (Numeric, Printable, Teletex, Videotex, IA5, Graphic, Visible, General). */
const ONE_BYTE_STRINGS: ReadonlySet<number> = new Set([18, 19, 20, 21, 22, 25, 26, 27]);
const utf8 = new TextDecoder();

/** An attribute value as a person edits it: UTF-8, UTF-16BE (BMP), UTF-32BE (Universal) or one byte a character; '' for a value that is not a string. */
function attributeValue(v: DerNode): string {
  if (v.cls !== UNIVERSAL || v.constructed) return '';
  const c = v.content;
  if (v.tag === TAG.UTF8_STRING) return utf8.decode(c);
  if (ONE_BYTE_STRINGS.has(v.tag)) return String.fromCharCode(...c);
  let s = '';
  if (v.tag === TAG.BMP_STRING) for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
  else if (v.tag === TAG.UNIVERSAL_STRING) for (let i = 0; i + 3 < c.length; i += 4) s += String.fromCodePoint(Math.min(((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0, 0x10ffff));
  return s;
}

/** The attributes of a Name (SEQUENCE OF SET OF AttributeTypeAndValue) in encoding order; a multi-valued RDN contributes each of its values. */
export function nameAttributes(name: DerNode): NameAttribute[] {
  return name.children.flatMap((rdn) =>
    rdn.children.map((atv) => {
      const type = oidValue(atv.children[0], 'attribute type');
      const v = child(atv, 1, 'AttributeTypeAndValue');
      const encoding = v.cls === UNIVERSAL ? ENCODING_OF_TAG[v.tag] : undefined;
      const value = attributeValue(v);
      return encoding ? { type, value, encoding } : { type, value };
    }),
  );
}

export function commonNameOf(attrs: readonly NameAttribute[]): string | undefined {
  return attrs.find((a) => a.type === OID_COMMON_NAME)?.value;
}
