/**
 * `openssl pkcs12 -info -nodes` as OpenSSL 3.0 prints it: each bag's attributes, then the certificate
 * (subject=/issuer= lines and PEM) or the key (its PKCS#8 attributes and PEM); the lines about the
 * MAC and the encryption go where openssl writes them, to stderr (`infoText`).
 */
import * as asn1js from 'asn1js';
import { concatBytes, toArrayBuffer, toHex } from '../bytes.ts';
import { oidLongName } from '../oids.ts';
import { toPem } from '../pem.ts';
import { type DerNode, parseDer, UNIVERSAL } from '../der/node.ts';
import { child, isContext, oidValue } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { formatName } from '../text/name.ts';
import type { Pkcs12Attribute, Pkcs12Contents } from './read.ts';

/**
 * How OpenSSL 3.0 prints an attribute value. A BMPString goes through OPENSSL_uni2asc: the low byte
 * of each UTF-16 unit, up to a terminating zero — so "ä" comes out as the one byte E4, not UTF-8.
 * Bytes, therefore, not text.
 */
function valueBytes(v: DerNode): Uint8Array {
  if (v.cls === UNIVERSAL && v.tag === BMP_STRING) {
    const units = Array.from({ length: v.content.length >> 1 }, (_, i) => v.content[2 * i + 1]!);
    if (units.at(-1) === 0) units.pop();
    return Uint8Array.from(units);
  }
  if (v.cls === UNIVERSAL && v.tag === UTF8_STRING) return v.content;
  if (v.cls === UNIVERSAL && (v.tag === TAG.OCTET_STRING || v.tag === TAG.BIT_STRING)) return utf8(toHex(v.content, ' ').toUpperCase() + (v.content.length ? ' ' : ''));
  return utf8(`<Unsupported tag ${v.tag}>`);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const BMP_STRING = 30;
const UTF8_STRING = 12;

function attributesBytes(attributes: Pkcs12Attribute[] | undefined, name: string): Uint8Array[] {
  if (!attributes) return [utf8(`${name}: <No Attributes>\n`)];
  if (!attributes.length) return [utf8(`${name}: <Empty Attributes>\n`)];
  const out: Uint8Array[] = [utf8(`${name}\n`)];
  for (const a of attributes) {
    out.push(utf8(`    ${oidLongName(a.oid) ?? a.oid}: `));
    if (!a.values.length) out.push(utf8('<No Values>\n'));
    for (const v of a.values) out.push(valueBytes(v), utf8('\n'));
  }
  return out;
}

function certificateText(der: Uint8Array): string {
  const tbs = child(parseDer(der, 'certificate'), 0, 'tbsCertificate');
  const at = isContext(tbs.children[0], 0) ? 1 : 0;
  const issuer = child(tbs, at + 2, 'issuer');
  const subject = child(tbs, at + 4, 'subject');
  return `subject=${formatName(subject.der, 'oneline')}\nissuer=${formatName(issuer.der, 'oneline')}\n${toPem('CERTIFICATE', der)}`;
}

/** A PKCS#8 PrivateKeyInfo's attributes ([0]), which openssl prints as "Key Attributes", then the key as openssl writes it. */
function keyBytes(der: Uint8Array): Uint8Array[] {
  const info = parseDer(der, 'private key');
  const attrs = info.children.find((c) => isContext(c, 0));
  const attributes = attrs?.children.map((a) => ({ oid: oidValue(child(a, 0, 'attribute type'), 'attribute type'), values: child(a, 1, 'attribute values').children }));
  return [...attributesBytes(attributes, 'Key Attributes'), utf8(toPem('PRIVATE KEY', asOpenSslWritesIt(der)))];
}

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/**
 * openssl prints the key it decoded, encoded again: for an EC key the curve is named once, in the
 * AlgorithmIdentifier, so the ECPrivateKey inside loses its [0] parameters. Other keys come out as they are.
 */
function asOpenSslWritesIt(der: Uint8Array): Uint8Array {
  const outer = asn1js.fromBER(toArrayBuffer(der));
  const [version, algorithm, key, ...rest] = (outer.result as asn1js.Sequence).valueBlock.value;
  const algOid = (algorithm as asn1js.Sequence | undefined)?.valueBlock.value[0];
  if (!(algOid instanceof asn1js.ObjectIdentifier) || algOid.valueBlock.toString() !== EC_PUBLIC_KEY || !(key instanceof asn1js.OctetString)) return der;
  const inner = asn1js.fromBER(toArrayBuffer(key.valueBlock.valueHexView));
  if (inner.offset === -1 || !(inner.result instanceof asn1js.Sequence)) return der;
  const kept = inner.result.valueBlock.value.filter((b) => !(b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 0));
  if (kept.length === inner.result.valueBlock.value.length) return der;
  const ecKey = new asn1js.Sequence({ value: kept }).toBER();
  return new Uint8Array(new asn1js.Sequence({ value: [version!, algorithm!, new asn1js.OctetString({ valueHex: ecKey }), ...rest] }).toBER());
}

/** What `openssl pkcs12 -info -nodes` writes to stdout: bytes, since attribute values come out as raw bytes. */
export function printPkcs12(contents: Pkcs12Contents): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const bag of contents.bags) {
    if (bag.info.startsWith('Warning')) continue;
    parts.push(...attributesBytes(bag.attributes, 'Bag Attributes'));
    if (bag.kind === 'certificate' && bag.der) parts.push(utf8(certificateText(bag.der)));
    else if (bag.kind === 'private-key' && bag.der) parts.push(...keyBytes(bag.der));
  }
  return concatBytes(...parts);
}

/** What it writes to stderr: the MAC, each SafeContents' encryption and each bag's kind. */
export function infoText(contents: Pkcs12Contents): string {
  return contents.info.map((l) => `${l}\n`).join('');
}
