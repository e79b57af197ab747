/**
 * The two field printers of OpenSSL 3.0's key text encoder (providers/implementations/encode_decode/
 * encode_key2text.c), which `pkey -text` uses for every key type. Lines carry no newline.
 */

import { hexLines } from './format.ts';

const PER_LINE = 15;
const INDENT = '    ';

/**
 * A big number: `label value (0xhex)` on one line when its magnitude fits in 8 bytes, otherwise the
 * label (with " (Negative)") and then lowercase colon hex, 15 bytes a line at 4 spaces, with a leading
 * 00 when the top bit is set. The label is printed as given (DSA uses "pub: " and "P:   ").
 */
export function labeledBignumLines(label: string, value: bigint): string[] {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const sign = negative ? '-' : '';
  // OpenSSL prints zero bare ("A:    0"), without the "(0x0)" it gives every other small value.
  if (magnitude === 0n) return [`${label} 0`];
  if (magnitude < 1n << 64n) {
    return [`${label} ${sign}${magnitude.toString()} (${sign}0x${magnitude.toString(16)})`];
  }
  let hex = magnitude.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const bytes: string[] = [];
  if (parseInt(hex[0]!, 16) >= 8) bytes.push('00');
  for (let i = 0; i < hex.length; i += 2) bytes.push(hex.substr(i, 2));
  const lines = [label + (negative ? ' (Negative)' : '')];
  for (let i = 0; i < bytes.length; i += PER_LINE) {
    lines.push(INDENT + bytes.slice(i, i + PER_LINE).join(':') + (i + PER_LINE < bytes.length ? ':' : ''));
  }
  return lines;
}

/** A byte string: the label, then lowercase colon hex, 15 bytes a line at 4 spaces. */
export function labeledBufferLines(label: string, bytes: Uint8Array): string[] {
  return [label, ...hexLines(bytes, INDENT.length, PER_LINE)];
}

/** ossl_rsa_oaeppss_nid2name: the digests OpenSSL allows in RSA-PSS key restrictions, by OID. */
export const PSS_DIGEST_NAMES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'SHA1',
  '2.16.840.1.101.3.4.2.4': 'SHA2-224',
  '2.16.840.1.101.3.4.2.1': 'SHA2-256',
  '2.16.840.1.101.3.4.2.2': 'SHA2-384',
  '2.16.840.1.101.3.4.2.3': 'SHA2-512',
  '2.16.840.1.101.3.4.2.5': 'SHA2-512/224',
  '2.16.840.1.101.3.4.2.6': 'SHA2-512/256',
  '2.16.840.1.101.3.4.2.7': 'SHA3-224',
  '2.16.840.1.101.3.4.2.8': 'SHA3-256',
  '2.16.840.1.101.3.4.2.9': 'SHA3-384',
  '2.16.840.1.101.3.4.2.10': 'SHA3-512',
};

/** rsa_to_text's "PSS parameter restrictions:" block; "(default)" marks the RFC 8017 defaults. */
export function pssRestrictionLines(hashName: string, mgfHashName: string, salt: bigint, trailer: bigint): string[] {
  return [
    'PSS parameter restrictions:',
    `  Hash Algorithm: ${hashName}${hashName === 'SHA1' ? ' (default)' : ''}`,
    `  Mask Algorithm: MGF1 with ${mgfHashName}${mgfHashName === 'SHA1' ? ' (default)' : ''}`,
    `  Minimum Salt Length: ${salt}${salt === 20n ? ' (default)' : ''}`,
    `  Trailer Field: 0x${trailer.toString(16)}${trailer === 1n ? ' (default)' : ''}`,
  ];
}
