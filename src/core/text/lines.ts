/**
 * The printers' output as data: one record per printed line, saying which field the line shows
 * (an explanation id of core/explain/references.ts), the pieces it lists, and where in the DER the
 * element it shows lies. The OpenSSL text is these lines' texts joined once, so the text and the
 * records cannot disagree, and nothing has to read the printed text back.
 */

export interface TextLine {
  /** The line as OpenSSL prints it, indentation included, without its newline (never holds '\n'). */
  text: string;
  /** The field the line shows: an id of core/explain/references.ts ('cert.serial', 'ext.2.5.29.15', …). */
  field?: string;
  /** The pieces the line lists, in order and without repeats: each key usage bit, each name attribute, each SAN type. */
  parts?: string[];
  /** [start, end) in the printed object's DER of the element the line shows. */
  bytes?: [number, number];
}

/** Where a line's field and element come from, given as it is printed. */
export interface LineTag {
  field?: string;
  parts?: string[];
  /** The element: a decoded node (its offset counts in the printed object), or its encoding as a view into the printed DER. */
  at?: Element;
}

/** A decoded element (core/der DerNode), or an encoding that is a view into the printed DER. */
export type Element = { offset: number; der: Uint8Array } | Uint8Array;

/**
 * Collects the lines of one printout. Elements are located by their offset (a DerNode's) or, for an
 * encoding given as bytes, by where the view sits in `der`, the object being printed.
 */
export class LineWriter {
  readonly lines: TextLine[] = [];
  readonly #base: Uint8Array | undefined;

  constructor(der?: Uint8Array) {
    this.#base = der;
  }

  /** Appends one line. */
  line(text: string, tag?: LineTag): void {
    // Printed bytes can hold a newline (a raw URI, an attribute value): each printed line is a record.
    if (text.includes('\n')) {
      for (const t of text.split('\n')) this.line(t, tag);
      return;
    }
    this.lines.push(tag ? this.#record(text, tag) : { text });
  }

  /**
   * Appends lines printed by a helper: plain texts take `tag`; records keep what they say and take
   * the tag's field and element where they say nothing.
   */
  add(lines: ReadonlyArray<string | TextLine>, tag?: LineTag): void {
    for (const l of lines) {
      if (typeof l === 'string') this.line(l, tag);
      else if (l.text.includes('\n')) this.add(l.text.split('\n').map((text) => ({ ...l, text })), tag);
      else if (!tag || (l.field && l.bytes)) this.lines.push(l);
      else {
        const filled: TextLine = { ...l };
        if (!filled.field && tag.field) filled.field = tag.field;
        if (!filled.bytes) {
          const bytes = this.rangeOf(tag.at);
          if (bytes) filled.bytes = bytes;
        }
        this.lines.push(filled);
      }
    }
  }

  /** [start, end) of an element in the printed object's DER. */
  rangeOf(element: Element | undefined): [number, number] | undefined {
    if (!element) return undefined;
    if (!(element instanceof Uint8Array)) return [element.offset, element.offset + element.der.length];
    const base = this.#base;
    const view = element;
    if (!base || view.buffer !== base.buffer) return undefined;
    const start = view.byteOffset - base.byteOffset;
    if (start < 0 || start + view.length > base.length) return undefined;
    return [start, start + view.length];
  }

  /** The OpenSSL text: every line followed by a newline. */
  text(): string {
    return renderLines(this.lines);
  }

  #record(text: string, tag: LineTag): TextLine {
    const line: TextLine = { text };
    if (tag.field) line.field = tag.field;
    if (tag.parts?.length) line.parts = [...new Set(tag.parts)];
    const bytes = this.rangeOf(tag.at);
    if (bytes) line.bytes = bytes;
    return line;
  }
}

/** The OpenSSL text of these lines, built in one join: each line and a newline. */
export function renderLines(lines: readonly TextLine[]): string {
  if (lines.length === 0) return '';
  const texts = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) texts[i] = lines[i]!.text;
  return texts.join('\n') + '\n';
}

/** Texts printed for one field, as records of it. */
export function fieldLines(field: string, texts: readonly string[]): TextLine[] {
  return texts.map((text) => ({ text, field }));
}

/** Text printed whole (not by a record printer) as records that name no field. */
export function textLines(text: string): TextLine[] {
  return text ? text.replace(/\n$/, '').split('\n').map((t) => ({ text: t })) : [];
}

/** A block whose first line is its heading (`field`) and whose other lines name no field of their own. */
export function headedLines(field: string, texts: readonly string[]): TextLine[] {
  return texts.map((text, i) => (i === 0 ? { text, field } : { text }));
}
