import { generalNameConfValue, generalNamesParts, parseGeneralNames } from '../general-name.ts';
import { decodeFirst, expectSequenceOf } from '../../der/strict.ts';
import { confValueLines } from './conf-values.ts';
import type { TextLine } from '../lines.ts';

/** Subject/Issuer Alternative Name and the CRL entry's Certificate Issuer: i2v_GENERAL_NAMES, one line. */
export function printGeneralNamesExtension(value: Uint8Array, indent: number, field: string): TextLine[] {
  const names = parseGeneralNames(expectSequenceOf(decodeFirst(value)));
  const lines = confValueLines(names.map(generalNameConfValue), indent, false, field);
  const parts = generalNamesParts(names);
  if (parts.length) lines[0]!.parts = [...new Set(parts)];
  return lines;
}
