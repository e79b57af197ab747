import { confValueText, type ConfValue } from '../general-name.ts';
import { pad } from './bio-text.ts';
import type { TextLine } from '../lines.ts';

/**
 * X509V3_EXT_val_prn: the values of an i2v printer, joined by ", " on one line, or one a line
 * when the extension is flagged multiline. An empty list prints "<EMPTY>" and a newline.
 */
export function printConfValues(values: ConfValue[], indent: number, multiline: boolean): string {
  if (values.length === 0) return pad(indent) + '<EMPTY>\n';
  if (!multiline) return pad(indent) + values.map(confValueText).join(', ');
  return values.map((v) => pad(indent) + confValueText(v)).join('\n');
}

/**
 * The same lines as records: one line lists every value's piece; one value a line shows its own
 * field (or `field`) and piece. `field` is the extension's explanation id.
 */
export function confValueLines(values: ConfValue[], indent: number, multiline: boolean, field: string): TextLine[] {
  if (values.length === 0) return [{ text: pad(indent) + '<EMPTY>', field }, { text: '', field }];
  if (!multiline) {
    const parts = [...new Set(values.flatMap((v) => (v.part ? [v.part] : [])))];
    return [{ text: pad(indent) + values.map(confValueText).join(', '), field, ...(parts.length ? { parts } : {}) }];
  }
  return values.map((v) => ({ text: pad(indent) + confValueText(v), field: v.field ?? field, ...(v.part ? { parts: [v.part] } : {}) }));
}
