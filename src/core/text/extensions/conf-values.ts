import { confValueText, type ConfValue } from '../general-name.ts';
import { pad } from './bio-text.ts';

/**
 * X509V3_EXT_val_prn: the values of an i2v printer, joined by ", " on one line, or one a line
 * when the extension is flagged multiline. An empty list prints "<EMPTY>" and a newline.
 */
export function printConfValues(values: ConfValue[], indent: number, multiline: boolean): string {
  if (values.length === 0) return pad(indent) + '<EMPTY>\n';
  if (!multiline) return pad(indent) + values.map(confValueText).join(', ');
  return values.map((v) => pad(indent) + confValueText(v)).join('\n');
}
