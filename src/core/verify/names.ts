/**
 * Distinguished names compared as RFC 5280 §7.1 asks (a simplified RFC 4518): string values are
 * case-folded with spaces trimmed and collapsed, so "Example CA" issued by "example  ca" chains.
 * Values that are not strings compare by their encoding.
 */
import { toHex } from '../bytes.ts';
import { CertbenchError } from '../errors.ts';
import { oidShortName } from '../oids.ts';
import { type DerNode, UNIVERSAL } from '../der/node.ts';
import { oidValue } from '../der/read.ts';

interface NameAttr {
  oid: string;
  /** Short name for messages (CN, O, …). */
  label: string;
  /** The value as text (strings decoded; other types as #hex). */
  text: string;
  /** Comparison key: normalised text for strings, hex of the encoding otherwise. */
  key: string;
}
export type Rdn = NameAttr[];

const STRING_TAGS: Record<number, string> = { 12: 'utf-8', 19: 'latin1', 22: 'latin1', 20: 'latin1', 26: 'latin1', 30: 'utf-16be' };

function decodeString(b: DerNode): string | undefined {
  const tag = b.tag;
  if (b.cls !== UNIVERSAL || b.constructed) return undefined;
  if (tag === 28) {
    const bytes = b.content;
    let s = '';
    for (let i = 0; i + 3 < bytes.length; i += 4) s += String.fromCodePoint(((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0);
    return s;
  }
  const enc = STRING_TAGS[tag];
  return enc ? new TextDecoder(enc).decode(b.content) : undefined;
}

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

export function parseRdns(name: DerNode): Rdn[] {
  if (!(name.cls === UNIVERSAL && name.tag === 16)) throw new CertbenchError('print.nameNotSequence');
  return name.children.map((set) => {
    if (!(set.cls === UNIVERSAL && set.tag === 17)) throw new CertbenchError('verify.rdnNotSet');
    return set.children.map((atv) => {
      const [type, value] = atv.children;
      if (!type || !value) throw new CertbenchError('verify.attributeIncomplete');
      const oid = oidValue(type);
      const str = decodeString(value);
      return {
        oid,
        label: oidShortName(oid) ?? oid,
        text: str ?? `#${toHex(value.der)}`,
        key: `${oid}=${str !== undefined ? normalise(str) : `#${toHex(value.der)}`}`,
      };
    });
  });
}

function rdnKey(rdn: Rdn): string {
  return rdn.map((a) => a.key).sort().join('+');
}

/** A single string that is equal for two names exactly when they match under RFC 5280 rules. */
export function nameKey(rdns: Rdn[]): string {
  return rdns.map(rdnKey).join('/');
}

/** Whether `name` lies within the subtree `base` (its RDNs start with base's). */
export function nameWithin(name: Rdn[], base: Rdn[]): boolean {
  if (base.length > name.length) return false;
  return base.every((rdn, i) => rdnKey(rdn) === rdnKey(name[i]!));
}

export function commonNames(rdns: Rdn[]): string[] {
  return rdns.flat().filter((a) => a.oid === '2.5.4.3').map((a) => a.text);
}

export function emailAddressesInName(rdns: Rdn[]): string[] {
  return rdns.flat().filter((a) => a.oid === '1.2.840.113549.1.9.1').map((a) => a.text);
}
