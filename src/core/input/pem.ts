import type { NumberedLine } from './base64.ts';
import { msg, type CoreMessage } from '../messages/index.ts';

/** One `-----BEGIN X-----` … `-----END X-----` block found in pasted text. */
export interface PemBlock {
  /** 1-based position among the blocks of this text, for "block 2". */
  index: number;
  label: string;
  /** RFC 1421 headers (Proc-Type, DEK-Info) in the order given. */
  headers: Record<string, string>;
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

/**
 * Finds every PEM block, ignoring any text around them (e.g. `openssl x509 -text` output),
 * indentation, CRLF and a missing final newline. Malformed blocks are returned with `error`
 * so later blocks are still found.
 */
export function findPemBlocks(text: string): PemBlock[] {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim());
  const blocks: PemBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const begin = BEGIN.exec(lines[i]!);
    if (!begin) {
      i++;
      continue;
    }
    const block: PemBlock = { index: blocks.length + 1, label: begin[1]!, headers: {}, body: [], beginLine: i + 1 };
    blocks.push(block);
    i = readBlock(lines, i + 1, block);
  }
  return blocks;
}

/** Reads headers and body after a BEGIN line; returns the index of the next line to scan. */
function readBlock(lines: string[], start: number, block: PemBlock): number {
  let i = start;
  if (i < lines.length && HEADER.test(lines[i]!)) {
    while (i < lines.length && lines[i] !== '' && !END.test(lines[i]!) && !BEGIN.test(lines[i]!)) {
      const h = HEADER.exec(lines[i]!);
      if (!h) break; // no blank line after the headers: treat the rest as body
      block.headers[h[1]!] = h[2]!;
      i++;
    }
  }
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (BEGIN.test(line)) {
      block.error = msg('input.pemNoEnd', { label: block.label, line: block.beginLine });
      return i;
    }
    const end = END.exec(line);
    if (end) {
      if (end[1] !== block.label) block.error = msg('input.pemEndMismatch', { label: block.label, line: block.beginLine, endLabel: end[1]!, endLine: i + 1 });
      return i + 1;
    }
    block.body.push({ text: line, line: i + 1 });
  }
  block.error = msg('input.pemNoEnd', { label: block.label, line: block.beginLine });
  return i;
}
