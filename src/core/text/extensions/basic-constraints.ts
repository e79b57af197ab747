import { decodeFirst, expectSequence, parseFail, readBoolean, readInteger } from '../../der/strict.ts';
import { UNIVERSAL } from '../../der/node.ts';
import { TAG } from '../../der/tags.ts';
import { integerText } from './bio-text.ts';
import { confValueLines } from './conf-values.ts';
import type { ConfValue } from '../general-name.ts';

/** Basic Constraints (i2v_BASIC_CONSTRAINTS): "CA:TRUE" or "CA:FALSE", then "pathlen:N" if present. */
export function printBasicConstraints(value: Uint8Array, indent: number, field: string) {
  const fields = expectSequence(decodeFirst(value));
  let i = 0;
  let ca = false;
  if (fields[i]?.tag === TAG.BOOLEAN && fields[i]?.cls === UNIVERSAL) ca = readBoolean(fields[i++]);
  let pathLen: bigint | undefined;
  if (fields[i]) pathLen = readInteger(fields[i++]);
  if (i !== fields.length) parseFail('unexpected field in BasicConstraints');
  const values: ConfValue[] = [{ name: 'CA', value: ca ? 'TRUE' : 'FALSE', part: 'ext.basicConstraints.ca' }];
  if (pathLen !== undefined) values.push({ name: 'pathlen', value: integerText(pathLen), part: 'ext.basicConstraints.pathlen' });
  return confValueLines(values, indent, false, field);
}
