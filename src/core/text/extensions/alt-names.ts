import { generalNameConfValue, parseGeneralNames } from '../general-name.ts';
import { decodeFirst, expectSequenceOf } from '../../der/strict.ts';
import { printConfValues } from './conf-values.ts';

/** Subject/Issuer Alternative Name and the CRL entry's Certificate Issuer: i2v_GENERAL_NAMES, one line. */
export function printGeneralNamesExtension(value: Uint8Array, indent: number): string {
  const names = parseGeneralNames(expectSequenceOf(decodeFirst(value)));
  return printConfValues(names.map(generalNameConfValue), indent, false);
}
