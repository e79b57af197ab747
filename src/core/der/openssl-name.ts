import { type DerNode, UNIVERSAL } from './node.ts';
import { stringBytes } from './read.ts';
import { bitStringFromContent, checkOidEncoding, parseFail, sequenceOfItems } from './strict.ts';
import { TAG } from './tags.ts';

/**
 * The checks OpenSSL's X509_NAME decoder applies (x509_name_ex_d2i and its canonical form), failing
 * with OpenSSL's reason at the element that breaks them. A certificate, CSR or CRL whose issuer or
 * subject fails them is refused, as openssl refuses to load it; an extension holding such a Name
 * is printed raw. The name printer itself is lenient, so both ask here first.
 */

/** Universal tags an attribute value may carry (ASN1_PRINTABLE: tag2bit & B_ASN1_PRINTABLE). */
const VALUE_TAGS = new Set([3, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19, 20, 22, 28, 29, 30]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! & 0x80) return false;
  return true;
}

function isScalar(cp: number): boolean {
  return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
}

/** ASN1_STRING_to_UTF8 succeeds for the types it converts (asn1_string_canon). */
function checkConvertible(tag: number, bytes: Uint8Array, at: DerNode): void {
  if (tag === TAG.UTF8_STRING) {
    if (isAscii(bytes)) return; // nearly every value: nothing to decode
    try {
      strictUtf8.decode(bytes);
    } catch {
      parseFail('invalid utf8string', at);
    }
  } else if (tag === TAG.BMP_STRING) {
    if (bytes.length % 2) parseFail('invalid bmpstring length', at);
    for (let i = 0; i < bytes.length; i += 2) if (!isScalar((bytes[i]! << 8) | bytes[i + 1]!)) parseFail('invalid bmpstring', at);
  } else if (tag === TAG.UNIVERSAL_STRING) {
    if (bytes.length % 4) parseFail('invalid universalstring length', at);
    for (let i = 0; i < bytes.length; i += 4) {
      const cp = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
      if (!isScalar(cp)) parseFail('invalid universalstring', at);
    }
  }
}

function checkValue(value: DerNode): void {
  if (value.cls !== UNIVERSAL) parseFail('mstring not universal', value);
  if (!VALUE_TAGS.has(value.tag)) parseFail('mstring wrong tag', value);
  if (value.tag === TAG.SEQUENCE) {
    if (!value.constructed) parseFail('type not constructed', value);
    return;
  }
  const bytes = stringBytes(value);
  if (value.tag === TAG.BIT_STRING) bitStringFromContent(bytes, value);
  checkConvertible(value.tag, bytes, value);
}

/** Throws DecoderRefusal (OpenSSL's reason, the failing element) unless OpenSSL would decode this Name. */
export function checkNameDecodes(name: DerNode): void {
  if (name.cls !== UNIVERSAL || name.tag !== TAG.SEQUENCE) parseFail('wrong tag', name);
  for (const rdn of sequenceOfItems(name)) {
    if (rdn.cls !== UNIVERSAL || rdn.tag !== TAG.SET) parseFail('wrong tag', rdn);
    checkRdnEntries(sequenceOfItems(rdn));
  }
}

/** The entries of one RDN (also used for a CRL DP's relative name). */
export function checkRdnEntries(entries: DerNode[]): void {
  for (const atv of entries) {
    if (atv.cls !== UNIVERSAL || atv.tag !== TAG.SEQUENCE || !atv.constructed || atv.children.length !== 2) {
      parseFail(atv.cls !== UNIVERSAL || atv.tag !== TAG.SEQUENCE ? 'wrong tag' : 'sequence length mismatch', atv);
    }
    const [type, value] = atv.children as [DerNode, DerNode];
    if (type.cls !== UNIVERSAL || type.tag !== TAG.OID || type.constructed) parseFail('wrong tag', type);
    checkOidEncoding(type.content, type);
    checkValue(value);
  }
}


/** X509_EXTENSIONS: a SEQUENCE OF Extension, each SEQUENCE { OID, BOOLEAN DEFAULT FALSE, OCTET STRING }. */
export function checkExtensionList(list: DerNode): void {
  if (list.cls !== UNIVERSAL || list.tag !== TAG.SEQUENCE) parseFail('wrong tag', list);
  for (const ext of sequenceOfItems(list)) {
    if (ext.cls !== UNIVERSAL || ext.tag !== TAG.SEQUENCE || !ext.constructed) parseFail('wrong tag', ext);
  }
}
