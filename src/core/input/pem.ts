import { decodeBase64Lines, decodeBase64Run, type NumberedLine } from './base64.ts';
import { msg, type CoreMessage } from '../messages/index.ts';

/** One `-----BEGIN X-----` … `-----END X-----` block found in pasted text. */
export interface PemBlock {
  /** 1-based position among the blocks of this text, for "block 2". */
  index: number;
  label: string;
  /** RFC 1421 headers (Proc-Type, DEK-Info) in the order given. */
  headers: Record<string, string>;
  /** The body's lines, trimmed (made when first read: pemBlockBytes decodes the text itself). */
  body: NumberedLine[];
  beginLine: number;
  /** Set when the block is not well-formed (no END line, END with another label). */
  error?: CoreMessage;
}

const BEGIN = /^-----BEGIN ([^-\s](?:[^-]*[^-\s])?)-----$/;
const END = /^-----END ([^-\s](?:[^-]*[^-\s])?)-----$/;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;

export function hasPemMarker(text: string): boolean {
  return /-----BEGIN [^-\r\n]+-----/.test(text);
}

/** Where a block's body lies in the text it was found in (its lines `from` to `to`, exclusive). */
interface BodyPlace {
  lines: Lines;
  from: number;
  to: number;
}

/** Bodies of the blocks findPemBlocks made, for pemBlockBytes (a block made elsewhere has none). */
const bodyPlaces = new WeakMap<PemBlock, BodyPlace>();

/**
 * Finds every PEM block, ignoring any text around them (e.g. `openssl x509 -text` output),
 * indentation, CRLF and a missing final newline. Malformed blocks are returned with `error`
 * so later blocks are still found.
 *
 * A trust store of 10,000 certificates has 250,000 lines: a line is only made a string when it
 * could be a BEGIN, END or header line (its first character after any indentation is '-' or not
 * ASCII), and the body's lines only when something reads `body`.
 */
export function findPemBlocks(text: string): PemBlock[] {
  const lines = new Lines(text);
  const blocks: PemBlock[] = [];
  let i = 0;
  while (i < lines.count) {
    const begin = lines.mayBeMarker(i) ? BEGIN.exec(lines.trimmed(i)) : null;
    if (!begin) {
      i++;
      continue;
    }
    const block = newBlock(blocks.length + 1, begin[1]!, i + 1);
    blocks.push(block);
    i = readBlock(lines, i + 1, block);
  }
  return blocks;
}

/** A block whose body is read from the text when asked for (see bodyPlaces). */
function newBlock(index: number, label: string, beginLine: number): PemBlock {
  let body: NumberedLine[] | undefined;
  const block: PemBlock = {
    index,
    label,
    headers: {},
    get body(): NumberedLine[] {
      if (!body) {
        const place = bodyPlaces.get(block);
        body = [];
        if (place) for (let i = place.from; i < place.to; i++) body.push({ text: place.lines.trimmed(i), line: i + 1 });
      }
      return body;
    },
    set body(lines: NumberedLine[]) {
      body = lines;
      bodyPlaces.delete(block);
    },
    beginLine,
  };
  return block;
}

/** Reads headers and body after a BEGIN line; returns the index of the next line to scan. */
function readBlock(lines: Lines, start: number, block: PemBlock): number {
  let i = start;
  if (i < lines.count && HEADER.test(lines.trimmed(i))) {
    while (i < lines.count) {
      const line = lines.trimmed(i);
      if (line === '' || END.test(line) || BEGIN.test(line)) break;
      const h = HEADER.exec(line);
      if (!h) break; // no blank line after the headers: treat the rest as body
      block.headers[h[1]!] = h[2]!;
      i++;
    }
  }
  const from = i;
  for (; i < lines.count; i++) {
    if (!lines.mayBeMarker(i)) continue;
    const line = lines.trimmed(i);
    if (BEGIN.test(line)) {
      block.error = msg('input.pemNoEnd', { label: block.label, line: block.beginLine });
      break;
    }
    const end = END.exec(line);
    if (end) {
      if (end[1] !== block.label) block.error = msg('input.pemEndMismatch', { label: block.label, line: block.beginLine, endLabel: end[1]!, endLine: i + 1 });
      bodyPlaces.set(block, { lines, from, to: i });
      return i + 1;
    }
  }
  if (!block.error) block.error = msg('input.pemNoEnd', { label: block.label, line: block.beginLine });
  bodyPlaces.set(block, { lines, from, to: i });
  return i;
}

/**
 * The block's body decoded: as decodeBase64Lines(block.body) decodes it (the same bytes, the same
 * errors), read straight from the text when the block was found by findPemBlocks.
 */
export function pemBlockBytes(block: PemBlock): Uint8Array {
  const place = bodyPlaces.get(block);
  if (place && place.from < place.to) {
    const bytes = decodeBase64Run(place.lines.text, place.lines.start(place.from), place.lines.end(place.to - 1));
    if (bytes) return bytes;
  }
  // Anything unusual (a bad character, padding in the middle, a cut): the line-by-line decoder says where.
  return decodeBase64Lines(block.body);
}

/** The lines of a text as `text.split(/\r\n|\r|\n/)` cuts them, kept as offsets. */
class Lines {
  readonly text: string;
  readonly count: number;
  /** Where each line starts; it ends where the next starts, less its line break. */
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;

  constructor(text: string) {
    this.text = text;
    let starts = new Int32Array(1024);
    let ends = new Int32Array(1024);
    let n = 0;
    const push = (s: number, e: number) => {
      if (n === starts.length) {
        const grownStarts = new Int32Array(n * 2);
        grownStarts.set(starts);
        starts = grownStarts;
        const grownEnds = new Int32Array(n * 2);
        grownEnds.set(ends);
        ends = grownEnds;
      }
      starts[n] = s;
      ends[n++] = e;
    };
    let at = 0;
    if (!text.includes('\r')) {
      // The common case: '\n' alone, found by the engine's fast search.
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
        push(at, nl);
        at = nl + 1;
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        push(at, i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        at = i + 1;
      }
    }
    push(at, text.length);
    this.count = n;
    this.#starts = starts;
    this.#ends = ends;
  }

  start(i: number): number {
    return this.#starts[i]!;
  }

  end(i: number): number {
    return this.#ends[i]!;
  }

  /** The line without the whitespace around it (String.prototype.trim). */
  trimmed(i: number): string {
    return this.text.slice(this.#starts[i], this.#ends[i]).trim();
  }

  /**
   * Whether the line might be a BEGIN or END line: after any ASCII indentation its first character
   * is '-', or one that is not ASCII (trim removes Unicode spaces too: such a line is looked at whole).
   */
  mayBeMarker(i: number): boolean {
    const end = this.#ends[i]!;
    for (let at = this.#starts[i]!; at < end; at++) {
      const c = this.text.charCodeAt(at);
      if (c === 32 || (c >= 9 && c <= 13)) continue;
      return c === 45 || c > 127;
    }
    return false;
  }
}
