import { TAG, expectSequence, parseDer, parseFail, readBoolean, readInteger } from './der.ts';
import { integerText } from './bio-text.ts';
import { printConfValues } from './conf-values.ts';
import type { ConfValue } from '../general-name.ts';

/** Basic Constraints (i2v_BASIC_CONSTRAINTS): "CA:TRUE" or "CA:FALSE", then "pathlen:N" if present. */
export function printBasicConstraints(value: Uint8Array, indent: number): string {
  const fields = expectSequence(parseDer(value));
  let i = 0;
  let ca = false;
  if (fields[i]?.tag === TAG.BOOLEAN && fields[i]?.cls === 1) ca = readBoolean(fields[i++]);
  let pathLen: bigint | undefined;
  if (fields[i]) pathLen = readInteger(fields[i++]);
  if (i !== fields.length) parseFail('unexpected field in BasicConstraints');
  const values: ConfValue[] = [{ name: 'CA', value: ca ? 'TRUE' : 'FALSE' }];
  if (pathLen !== undefined) values.push({ name: 'pathlen', value: integerText(pathLen) });
  return printConfValues(values, indent, false);
}
