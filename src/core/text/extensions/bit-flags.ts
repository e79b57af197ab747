import { bitSet, type BitString, decodeFirst, parseFail, readBitString } from '../../der/strict.ts';
import { printConfValues } from './conf-values.ts';

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

export const NETSCAPE_CERT_TYPE_BITS = [
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
function printNamedBits(names: string[]) {
  return (value: Uint8Array, indent: number): string => {
    const set = setBitNames(readBitString(decodeFirst(value)), names);
    if (set.length === 0) parseFail('no named bit set');
    return printConfValues(
      set.map((n) => ({ name: n, value: null })),
      indent,
      false,
    );
  };
}

export const printKeyUsage = printNamedBits(KEY_USAGE_BITS);
export const printNetscapeCertType = printNamedBits(NETSCAPE_CERT_TYPE_BITS);
