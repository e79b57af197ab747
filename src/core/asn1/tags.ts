/** Names of ASN.1 tags as X.680 spells them (and as Lapo's decoder and `openssl asn1parse` show them). */

export type TagClass = 'universal' | 'application' | 'context' | 'private';

const UNIVERSAL_NAMES: Record<number, string> = {
  0: 'END OF CONTENT',
  1: 'BOOLEAN',
  2: 'INTEGER',
  3: 'BIT STRING',
  4: 'OCTET STRING',
  5: 'NULL',
  6: 'OBJECT IDENTIFIER',
  7: 'ObjectDescriptor',
  8: 'EXTERNAL',
  9: 'REAL',
  10: 'ENUMERATED',
  11: 'EMBEDDED PDV',
  12: 'UTF8String',
  13: 'RELATIVE-OID',
  14: 'TIME',
  16: 'SEQUENCE',
  17: 'SET',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  21: 'VideotexString',
  22: 'IA5String',
  23: 'UTCTime',
  24: 'GeneralizedTime',
  25: 'GraphicString',
  26: 'VisibleString',
  27: 'GeneralString',
  28: 'UniversalString',
  29: 'CHARACTER STRING',
  30: 'BMPString',
  31: 'DATE',
  32: 'TIME-OF-DAY',
  33: 'DATE-TIME',
  34: 'DURATION',
};

export function tagName(tagClass: TagClass, tagNumber: number): string {
  switch (tagClass) {
    case 'universal':
      return UNIVERSAL_NAMES[tagNumber] ?? `[UNIVERSAL ${tagNumber}]`;
    case 'application':
      return `[APPLICATION ${tagNumber}]`;
    case 'context':
      return `[${tagNumber}]`;
    case 'private':
      return `[PRIVATE ${tagNumber}]`;
  }
}

/** Universal string types whose content is text (preview shows the characters). */
export const TEXT_TAGS = new Set([12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30]);
