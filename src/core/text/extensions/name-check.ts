import { TAG, UNIVERSAL, bitStringFromContent, oidFromContent, parseFail, sequenceOfItems, stringBytes, type DerNode } from './der.ts';

/**
 * The checks OpenSSL's X509_NAME decoder applies (x509_name_ex_d2i and its canonical form):
 * an extension holding a Name that fails them is printed raw. The name printer itself is
 * lenient, so the extension printers ask here first.
 */

/** Universal tags an attribute value may carry (ASN1_PRINTABLE: tag2bit & B_ASN1_PRINTABLE). */
const VALUE_TAGS = new Set([3, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19, 20, 22, 28, 29, 30]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isScalar(cp: number): boolean {
  return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
}

/** ASN1_STRING_to_UTF8 succeeds for the types it converts (asn1_string_canon). */
function checkConvertible(tag: number, bytes: Uint8Array): void {
  if (tag === TAG.UTF8_STRING) {
    try {
      strictUtf8.decode(bytes);
    } catch {
      parseFail('invalid UTF-8 in a name');
    }
  } else if (tag === TAG.BMP_STRING) {
    if (bytes.length % 2) parseFail('BMPString is wrong length');
    for (let i = 0; i < bytes.length; i += 2) if (!isScalar((bytes[i]! << 8) | bytes[i + 1]!)) parseFail('invalid BMPString character');
  } else if (tag === TAG.UNIVERSAL_STRING) {
    if (bytes.length % 4) parseFail('UniversalString is wrong length');
    for (let i = 0; i < bytes.length; i += 4) {
      const cp = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
      if (!isScalar(cp)) parseFail('invalid UniversalString character');
    }
  }
}

function checkValue(value: DerNode): void {
  if (value.cls !== UNIVERSAL || !VALUE_TAGS.has(value.tag)) parseFail('attribute value of a type a Name cannot hold');
  if (value.tag === TAG.SEQUENCE) {
    if (!value.constructed) parseFail('SEQUENCE must be constructed');
    return;
  }
  const bytes = stringBytes(value);
  if (value.tag === TAG.BIT_STRING) bitStringFromContent(bytes);
  checkConvertible(value.tag, bytes);
}

/** Throws ExtensionParseError unless OpenSSL would decode this Name. */
export function checkNameDecodes(name: DerNode): void {
  if (name.cls !== UNIVERSAL || name.tag !== TAG.SEQUENCE) parseFail('a Name must be a SEQUENCE');
  for (const rdn of sequenceOfItems(name)) {
    if (rdn.cls !== UNIVERSAL || rdn.tag !== TAG.SET) parseFail('an RDN must be a SET');
    checkRdnEntries(sequenceOfItems(rdn));
  }
}

/** The entries of one RDN (also used for a CRL DP's relative name). */
export function checkRdnEntries(entries: DerNode[]): void {
  for (const atv of entries) {
    if (atv.cls !== UNIVERSAL || atv.tag !== TAG.SEQUENCE || !atv.constructed || atv.children.length !== 2) {
      parseFail('bad AttributeTypeAndValue');
    }
    const [type, value] = atv.children as [DerNode, DerNode];
    if (type.cls !== UNIVERSAL || type.tag !== TAG.OID || type.constructed) parseFail('bad attribute type');
    oidFromContent(type.content);
    checkValue(value);
  }
}

