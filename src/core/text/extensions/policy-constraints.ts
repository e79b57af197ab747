import type { ConfValue } from '../general-name.ts';
import { truncatedOid } from '../general-name.ts';
import { CONTEXT } from '../../der/node.ts';
import { signedBigInt } from '../../der/read.ts';
import { decodeFirst, expectSequence, expectSequenceOf, integerContent, parseFail, readInteger, readOid } from '../../der/strict.ts';
import { integerText, pad } from './bio-text.ts';
import { printConfValues } from './conf-values.ts';

/** Policy Mappings (i2v_POLICY_MAPPINGS): issuer:subject policy pairs. */
export function printPolicyMappings(value: Uint8Array, indent: number): string {
  const pairs = expectSequenceOf(decodeFirst(value)).map((m): ConfValue => {
    const [issuer, subject, ...extra] = expectSequence(m, 'PolicyMapping');
    if (extra.length) parseFail('extra field in PolicyMapping');
    return { name: truncatedOid(readOid(issuer), 80), value: truncatedOid(readOid(subject), 80) };
  });
  if (pairs.length === 0) parseFail('empty PolicyMappings');
  return printConfValues(pairs, indent, false);
}

/** Policy Constraints (i2v_POLICY_CONSTRAINTS); with neither field the list is NULL (raw dump). */
export function printPolicyConstraints(value: Uint8Array, indent: number): string {
  const values: ConfValue[] = [];
  let next = 0;
  for (const f of expectSequence(decodeFirst(value))) {
    if (f.cls !== CONTEXT || f.tag < next || f.tag > 1) parseFail('unexpected field in PolicyConstraints');
    next = f.tag + 1;
    const n = integerText(signedBigInt(integerContent(f)));
    values.push({ name: f.tag === 0 ? 'Require Explicit Policy' : 'Inhibit Policy Mapping', value: n });
  }
  if (values.length === 0) parseFail('empty PolicyConstraints');
  return printConfValues(values, indent, false);
}

/** Inhibit anyPolicy, CRL Number, Delta CRL Indicator: i2s_ASN1_INTEGER. */
export function printIntegerValue(value: Uint8Array, indent: number): string {
  return pad(indent) + integerText(readInteger(decodeFirst(value)));
}
