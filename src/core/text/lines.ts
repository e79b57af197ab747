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
interface LineTag {
  field?: string;
  /** The pieces, or how to work them out: a function is only called when records are made. */
  parts?: string[] | (() => string[]);
  /** The element the line shows (a core/der DerNode): its offset counts in the printed object. */
  at?: Element;
}

/** What a line's byte range is taken from. */
export type Element = { offset: number; der: Uint8Array };

/**
 * Collects the lines of one printout, as records or, for a caller that wants only the text (the
 * CLI's dump of thousands of certificates), as the text alone: then no record is made at all.
 */
export class LineWriter {
  readonly lines: TextLine[] = [];
  readonly #textOnly: boolean;
  /** Text-only mode: the lines' texts, joined once at the end (as flat as the old string printers' output). */
  readonly #texts: string[] = [];

  constructor(textOnly = false) {
    this.#textOnly = textOnly;
  }

  /** Appends one line. */
  line(text: string, tag?: LineTag): void {
    if (this.#textOnly) {
      this.#texts.push(text);
      return;
    }
    // Printed bytes can hold a newline (a raw URI, an attribute value): each printed line is a record.
    if (text.includes('\n')) {
      for (const t of text.split('\n')) this.line(t, tag);
      return;
    }
    this.lines.push(tag ? this.#record(text, tag) : { text });
  }

  /**
   * Appends lines printed by a helper: plain texts take `tag`; records keep what they say and take
   * the tag's field and element where they say nothing (they are the helper's fresh objects, so
   * they are completed in place).
   */
  add(lines: ReadonlyArray<string | TextLine>, tag?: LineTag): void {
    if (this.#textOnly) {
      for (const l of lines) this.#texts.push(typeof l === 'string' ? l : l.text);
      return;
    }
    const bytes = tag && rangeOf(tag.at);
    for (const l of lines) {
      if (typeof l === 'string') this.line(l, tag);
      else if (l.text.includes('\n')) this.add(l.text.split('\n').map((text) => ({ ...l, text })), tag);
      else {
        if (tag?.field && !l.field) l.field = tag.field;
        if (bytes && !l.bytes) l.bytes = bytes;
        this.lines.push(l);
      }
    }
  }

  /** The OpenSSL text: every line followed by a newline. */
  text(): string {
    if (!this.#textOnly) return renderLines(this.lines);
    if (!this.#texts.length) return '';
    // Joined with an empty last line for the final newline: one flat string (`join() + '\n'` makes a
    // two-piece string that has to be copied again when it is written out).
    this.#texts.push('');
    const text = this.#texts.join('\n');
    this.#texts.pop();
    return text;
  }

  #record(text: string, tag: LineTag): TextLine {
    const line: TextLine = { text };
    if (tag.field) line.field = tag.field;
    const parts = typeof tag.parts === 'function' ? tag.parts() : tag.parts;
    if (parts?.length) line.parts = [...new Set(parts)];
    const bytes = rangeOf(tag.at);
    if (bytes) line.bytes = bytes;
    return line;
  }
}

/** [start, end) of an element in the printed object's DER. */
function rangeOf(element: Element | undefined): [number, number] | undefined {
  return element && [element.offset, element.offset + element.der.length];
}

/** The OpenSSL text of these lines, built in one join: each line and a newline. */
export function renderLines(lines: readonly TextLine[]): string {
  if (lines.length === 0) return '';
  const texts = new Array<string>(lines.length + 1);
  for (let i = 0; i < lines.length; i++) texts[i] = lines[i]!.text;
  texts[lines.length] = ''; // the final newline, in the same flat string
  return texts.join('\n');
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
