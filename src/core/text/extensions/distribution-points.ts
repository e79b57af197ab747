import { formatName } from '../name.ts';
import { generalNameText, parseGeneralNames } from '../general-name.ts';
import { CONTEXT, type DerNode } from '../../der/node.ts';
import { stringBytes } from '../../der/read.ts';
import { bitStringFromContent, decodeFirst, expectSequence, expectSequenceOf, explicitInner, parseFail, sequenceOfItems } from '../../der/strict.ts';
import { pad } from './bio-text.ts';
import { checkRdnEntries } from '../../der/openssl-name.ts';
import { REASON_FLAG_BITS, setBitNames } from './bit-flags.ts';
import { concatBytes } from '../../bytes.ts';

/** print_gens: each GeneralName on its own line at indent + 2, no newline after the last. */
function printGeneralNameLines(node: DerNode, indent: number): string {
  return parseGeneralNames(sequenceOfItems(node))
    .map((g) => pad(indent + 2) + generalNameText(g))
    .join('\n');
}

/** print_distpoint: "Full Name:" with the names, or "Relative Name:" with the RDN in oneline form. */
function printDistPointName(wrapper: DerNode, indent: number): string {
  const choice = explicitInner(wrapper, 'distributionPoint');
  if (choice.cls !== CONTEXT || choice.tag > 1) parseFail('bad DistributionPointName');
  if (choice.tag === 0) return `${pad(indent)}Full Name:\n${printGeneralNameLines(choice, indent)}`;
  checkRdnEntries(sequenceOfItems(choice));
  // X509_NAME_print_ex over the RDN's entries, all in one set: the same as a Name with that one RDN.
  const set = concatBytes(new Uint8Array([0x31]), derLength(choice.content.length), choice.content);
  const name = concatBytes(new Uint8Array([0x30]), derLength(set.length), set);
  let text: string;
  try {
    text = formatName(name, 'oneline');
  } catch {
    parseFail('bad RelativeDistinguishedName');
  }
  return `${pad(indent)}Relative Name:\n${pad(indent + 2)}${text}\n`;
}

function derLength(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

/** print_reasons: the title, then the set reason names (or "<EMPTY>") and a newline. */
function printReasons(title: string, node: DerNode, indent: number): string {
  const names = setBitNames(bitStringFromContent(stringBytes(node)), REASON_FLAG_BITS);
  return `${pad(indent)}${title}:\n${pad(indent + 2)}${names.length ? names.join(', ') : '<EMPTY>'}\n`;
}

/** CRL Distribution Points and Freshest CRL (i2r_crldp). */
export function printCrlDistributionPoints(value: Uint8Array, indent: number): string {
  return expectSequenceOf(decodeFirst(value))
    .map((point) => {
      let out = '';
      let next = 0;
      for (const f of expectSequence(point, 'DistributionPoint')) {
        if (f.cls !== CONTEXT || f.tag < next || f.tag > 2) parseFail('unexpected field in DistributionPoint');
        next = f.tag + 1;
        if (f.tag === 0) out += printDistPointName(f, indent);
        else if (f.tag === 1) out += printReasons('Reasons', f, indent);
        else out += `${pad(indent)}CRL Issuer:\n${printGeneralNameLines(f, indent)}`;
      }
      return out;
    })
    .join('\n');
}

function implicitBoolean(node: DerNode): boolean {
  if (node.constructed || node.content.length !== 1) parseFail('BOOLEAN is wrong length');
  return node.content[0] !== 0;
}

/** Issuing Distribution Point (i2r_idp). */
export function printIssuingDistributionPoint(value: Uint8Array, indent: number): string {
  let out = '';
  let next = 0;
  let any = false;
  const flags: Array<[number, string]> = [];
  let reasons = '';
  let dp = '';
  for (const f of expectSequence(decodeFirst(value))) {
    if (f.cls !== CONTEXT || f.tag < next || f.tag > 5) parseFail('unexpected field in IssuingDistributionPoint');
    next = f.tag + 1;
    if (f.tag === 0) {
      dp = printDistPointName(f, indent);
      any = true;
    } else if (f.tag === 3) {
      reasons = printReasons('Only Some Reasons', f, indent);
      any = true;
    } else if (implicitBoolean(f)) {
      flags.push([f.tag, f.tag === 1 ? 'Only User Certificates' : f.tag === 2 ? 'Only CA Certificates' : f.tag === 4 ? 'Indirect CRL' : 'Only Attribute Certificates']);
      any = true;
    }
  }
  out += dp;
  for (const [tag, text] of flags) if (tag < 3) out += `${pad(indent)}${text}\n`;
  for (const [tag, text] of flags) if (tag === 4) out += `${pad(indent)}${text}\n`;
  out += reasons;
  for (const [tag, text] of flags) if (tag === 5) out += `${pad(indent)}${text}\n`;
  if (!any) out += `${pad(indent)}<EMPTY>\n`;
  return out;
}

