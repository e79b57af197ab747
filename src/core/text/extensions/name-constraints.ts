import { generalNameText, ipAddressText, parseGeneralName } from '../general-name.ts';
import { CONTEXT, type DerNode } from '../../der/node.ts';
import { decodeFirst, expectSequence, integerContent, parseFail, sequenceOfItems } from '../../der/strict.ts';
import { pad } from './bio-text.ts';

/** print_nc_ipadd: an address and mask, split at 16 bytes (or 4), each printed as an address. */
function ipWithMask(bytes: Uint8Array): string {
  const len1 = bytes.length >= 16 ? 16 : bytes.length >= 4 ? 4 : bytes.length;
  return `IP:${ipAddressText(bytes.subarray(0, len1))}/${ipAddressText(bytes.subarray(len1))}`;
}

function subtreeBase(subtree: DerNode): string {
  const [base, ...bounds] = expectSequence(subtree, 'GeneralSubtree');
  if (!base) parseFail('GeneralSubtree without base');
  let next = 0;
  for (const b of bounds) {
    if (b.cls !== CONTEXT || b.tag < next || b.tag > 1) parseFail('unexpected field in GeneralSubtree');
    next = b.tag + 1;
    integerContent(b);
  }
  const name = parseGeneralName(base);
  return name.kind === 'ip' ? ipWithMask(name.value) : generalNameText(name);
}

/** do_i2r_name_constraints */
function printSubtrees(subtrees: DerNode[], indent: number, title: string): string {
  if (subtrees.length === 0) return '';
  return `${pad(indent)}${title}:\n` + subtrees.map((s) => pad(indent + 2) + subtreeBase(s)).join('\n');
}

/** Name Constraints (i2r_NAME_CONSTRAINTS). */
export function printNameConstraints(value: Uint8Array, indent: number): string {
  let permitted: DerNode[] | undefined;
  let excluded: DerNode[] | undefined;
  let next = 0;
  for (const f of expectSequence(decodeFirst(value))) {
    if (f.cls !== CONTEXT || f.tag < next || f.tag > 1) parseFail('unexpected field in NameConstraints');
    next = f.tag + 1;
    if (f.tag === 0) permitted = sequenceOfItems(f);
    else excluded = sequenceOfItems(f);
  }
  // Decode everything first: a bad subtree anywhere makes OpenSSL print the raw value.
  const p = permitted ? printSubtrees(permitted, indent, 'Permitted') : '';
  const e = excluded ? printSubtrees(excluded, indent, 'Excluded') : '';
  return p + (permitted && excluded ? '\n' : '') + e;
}
