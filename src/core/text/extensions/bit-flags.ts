import { bitSet, type BitString, decodeFirst, parseFail, readBitString } from '../../der/strict.ts';
import { confValueLines } from './conf-values.ts';
import { KEY_USAGE_PARTS } from '../../explain/parts.ts';

export const KEY_USAGE_BITS = [
  'Digital Signature',
  'Non Repudiation',
  'Key Encipherment',
  'Data Encipherment',
  'Key Agreement',
  'Certificate Sign',
  'CRL Sign',
  'Encipher Only',
  'Decipher Only',
];

const NETSCAPE_CERT_TYPE_BITS = [
  'SSL Client',
  'SSL Server',
  'S/MIME',
  'Object Signing',
  'Unused',
  'SSL CA',
  'S/MIME CA',
  'Object Signing CA',
];

/** CRL reason flags (ReasonFlags in CRL distribution points and IDP). */
export const REASON_FLAG_BITS = [
  'Unused',
  'Key Compromise',
  'CA Compromise',
  'Affiliation Changed',
  'Superseded',
  'Cessation Of Operation',
  'Certificate Hold',
  'Privilege Withdrawn',
  'AA Compromise',
];

export function setBitNames(bits: BitString, names: string[]): string[] {
  return names.filter((_, i) => bitSet(bits, i));
}

/**
 * i2v_ASN1_BIT_STRING: the names of the set bits, comma separated. With no named bit set the
 * list is NULL, which makes OpenSSL fall back to the raw dump.
 */
function printNamedBits(names: string[], parts?: string[]) {
  return (value: Uint8Array, indent: number, field: string) => {
    const bits = readBitString(decodeFirst(value));
    const set = names.flatMap((name, i) => (bitSet(bits, i) ? [{ name, value: null, part: parts?.[i] }] : []));
    if (set.length === 0) parseFail('no named bit set');
    return confValueLines(set, indent, false, field);
  };
}

export const printKeyUsage = printNamedBits(KEY_USAGE_BITS, KEY_USAGE_PARTS);
export const printNetscapeCertType = printNamedBits(NETSCAPE_CERT_TYPE_BITS);
