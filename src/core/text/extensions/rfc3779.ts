/** RFC 3779 IP address and AS identifier delegation extensions (i2r_IPAddrBlocks, i2r_ASIdentifiers). */
import { PartialPrintError } from './partial-print.ts';
import { CONTEXT, type DerNode, UNIVERSAL } from '../../der/node.ts';
import { signedBigInt, stringBytes } from '../../der/read.ts';
import { bitStringFromContent, decodeFirst, expectSequence, expectSequenceOf, explicitInner, integerContent, parseFail, readNull, readOctetString } from '../../der/strict.ts';
import { TAG } from '../../der/tags.ts';
import { integerText, pad } from './bio-text.ts';

const SAFI_NAMES: Record<number, string> = {
  1: 'Unicast',
  2: 'Multicast',
  3: 'Unicast/Multicast',
  4: 'MPLS',
  64: 'Tunnel',
  65: 'VPLS',
  66: 'BGP MDT',
  128: 'MPLS-labeled VPN',
};

interface Address {
  bytes: Uint8Array;
  unused: number;
}

function readAddress(node: DerNode | undefined): Address {
  if (!node || node.cls !== UNIVERSAL || node.tag !== TAG.BIT_STRING) parseFail('expected BIT STRING');
  const content = stringBytes(node);
  const bits = bitStringFromContent(content);
  return { bytes: bits.bytes, unused: bits.bytes.length ? content[0]! : 0 };
}

/** addr_expand: the address padded to `length` bytes with `fill`, unused bits set to fill; undefined when too long. */
function expand(a: Address, length: number, fill: number): Uint8Array | undefined {
  if (a.bytes.length > length) return undefined;
  const out = new Uint8Array(length).fill(fill);
  out.set(a.bytes);
  if (a.bytes.length && a.unused) {
    const mask = 0xff >> (8 - a.unused);
    const last = a.bytes.length - 1;
    out[last] = fill === 0 ? out[last]! & ~mask : out[last]! | mask;
  }
  return out;
}

/** i2r_address; undefined where it returns 0. */
function addressText(afi: number, fill: number, a: Address): string | undefined {
  if (afi === 1) {
    const b = expand(a, 4, fill);
    return b && `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  }
  if (afi === 2) {
    const b = expand(a, 16, fill);
    if (!b) return undefined;
    let n = 16;
    while (n > 1 && b[n - 1] === 0 && b[n - 2] === 0) n -= 2;
    let out = '';
    let i = 0;
    for (; i < n; i += 2) out += ((b[i]! << 8) | b[i + 1]!).toString(16) + (i < 14 ? ':' : '');
    if (i < 16) out += ':';
    if (i === 0) out += ':';
    return out;
  }
  return Array.from(a.bytes, (x) => x.toString(16).padStart(2, '0')).join(':') + `[${a.unused}]`;
}

type AddressOrRange = { prefix: Address } | { min: Address; max: Address };

function readAddressOrRange(node: DerNode): AddressOrRange {
  if (node.cls === UNIVERSAL && node.tag === TAG.BIT_STRING) return { prefix: readAddress(node) };
  const [min, max, ...extra] = expectSequence(node, 'IPAddressRange');
  if (extra.length) parseFail('unexpected field in IPAddressRange');
  return { min: readAddress(min), max: readAddress(max) };
}

export function printIpAddrBlocks(value: Uint8Array, indent: number): string {
  const families = expectSequenceOf(decodeFirst(value)).map((f) => {
    const [familyNode, choice, ...extra] = expectSequence(f, 'IPAddressFamily');
    if (extra.length || !choice) parseFail('bad IPAddressFamily');
    const family = readOctetString(familyNode);
    let ranges: AddressOrRange[] | undefined;
    if (choice.cls === UNIVERSAL && choice.tag === TAG.NULL) readNull(choice);
    else ranges = expectSequenceOf(choice, 'addressesOrRanges').map(readAddressOrRange);
    return { family, ranges };
  });
  let out = '';
  for (const { family, ranges } of families) {
    const afi = family.length < 2 ? 0 : (family[0]! << 8) | family[1]!;
    out += pad(indent) + (afi === 1 ? 'IPv4' : afi === 2 ? 'IPv6' : `Unknown AFI ${afi}`);
    if (family.length > 2) {
      const safi = family[2]!;
      out += ` (${SAFI_NAMES[safi] ?? `Unknown SAFI ${safi}`})`;
    }
    if (!ranges) {
      out += ': inherit\n';
      continue;
    }
    out += ':\n';
    for (const r of ranges) {
      out += pad(indent + 2);
      if ('prefix' in r) {
        const text = addressText(afi, 0x00, r.prefix);
        if (text === undefined) throw new PartialPrintError(out);
        out += `${text}/${r.prefix.bytes.length * 8 - r.prefix.unused}\n`;
      } else {
        const min = addressText(afi, 0x00, r.min);
        if (min === undefined) throw new PartialPrintError(out);
        out += min + '-';
        const max = addressText(afi, 0xff, r.max);
        if (max === undefined) throw new PartialPrintError(out);
        out += max + '\n';
      }
    }
  }
  return out;
}

type AsIdOrRange = { id: bigint } | { min: bigint; max: bigint };

function readAsInteger(node: DerNode | undefined): bigint {
  if (!node || node.cls !== UNIVERSAL || node.tag !== TAG.INTEGER) parseFail('expected INTEGER');
  return signedBigInt(integerContent(node));
}

function readAsChoice(wrapper: DerNode): AsIdOrRange[] | 'inherit' {
  const choice = explicitInner(wrapper, 'ASIdentifierChoice');
  if (choice.cls === UNIVERSAL && choice.tag === TAG.NULL) {
    readNull(choice);
    return 'inherit';
  }
  return expectSequenceOf(choice, 'asIdsOrRanges').map((n): AsIdOrRange => {
    if (n.cls === UNIVERSAL && n.tag === TAG.INTEGER) return { id: readAsInteger(n) };
    const [min, max, ...extra] = expectSequence(n, 'ASRange');
    if (extra.length) parseFail('unexpected field in ASRange');
    return { min: readAsInteger(min), max: readAsInteger(max) };
  });
}

function asChoiceText(choice: AsIdOrRange[] | 'inherit', indent: number, title: string): string {
  let out = `${pad(indent)}${title}:\n`;
  if (choice === 'inherit') return out + `${pad(indent + 2)}inherit\n`;
  for (const c of choice) {
    out += 'id' in c ? `${pad(indent + 2)}${integerText(c.id)}\n` : `${pad(indent + 2)}${integerText(c.min)}-${integerText(c.max)}\n`;
  }
  return out;
}

export function printAsIdentifiers(value: Uint8Array, indent: number): string {
  let out = '';
  let next = 0;
  for (const f of expectSequence(decodeFirst(value))) {
    if (f.cls !== CONTEXT || f.tag < next || f.tag > 1) parseFail('unexpected field in ASIdentifiers');
    next = f.tag + 1;
    out += asChoiceText(readAsChoice(f), indent, f.tag === 0 ? 'Autonomous System Numbers' : 'Routing Domain Identifiers');
  }
  return out;
}
