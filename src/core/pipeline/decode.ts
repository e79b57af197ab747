/**
 * The one decode pipeline, used by `certbench dump` and by the app's decode worker: find the objects
 * in the input, decode each object's DER once (detection's tree), and print its OpenSSL text and
 * read its summary (core/cert/read.ts) from that tree while it is at hand. Trees are not kept past
 * their object: a 10,000-certificate bundle's would take hundreds of megabytes; an ASN.1 view opened
 * later decodes its one object again (see treeFor in ui/workers/decode-job.ts for the numbers).
 */
import type { DerNode } from '../der/node.ts';
import { detectObjects, type Detected } from '../input/detect.ts';
import { dumpText, printLines } from '../text/dump.ts';
import { renderLines, type TextLine } from '../text/lines.ts';
import type { FoundObject, InputProblem } from '../types.ts';
import { summarize, type Summary } from '../summary.ts';

export interface PrintedObject {
  obj: FoundObject;
  /** OpenSSL's text for the object. */
  text?: string;
  /** The same as the printers' records: the field each line shows and its bytes in obj.der. */
  lines?: TextLine[];
  /** Why there is no text: a CertbenchError naming the object's final origin (or anything else thrown). */
  textError?: unknown;
  /** The summary, read from the same tree (decodeInput). */
  summary?: Promise<Summary>;
  /** Not printed: the input held more objects than decodeInput's printUpTo. */
  unprinted?: true;
}

interface DecodedInput {
  /** Every object found, in input order, with its text or why there is none. */
  objects: PrintedObject[];
  problems: InputProblem[];
}

/**
 * OpenSSL's text for one object, from `tree` (obj.der decoded) when given, else from obj.der, with
 * its line records unless `textOnly` (the CLI prints text alone, and making records costs time).
 */
export function printObject(obj: FoundObject, tree?: DerNode, textOnly = false): PrintedObject {
  try {
    if (textOnly) return { obj, text: dumpText(obj, tree) };
    const lines = printLines(obj, tree);
    return { obj, lines, text: renderLines(lines) };
  } catch (e) {
    return { obj, textError: e };
  }
}

interface DecodeOptions {
  /** The moment validity is judged at (default: now). */
  now?: Date;
  /**
   * An input of more objects than this is not printed: summaries only, each card's text printed when
   * it is opened (5,000 certificates' texts and line records would be hundreds of megabytes).
   */
  printUpTo?: number;
}

/**
 * Detects everything in the input and, from the tree detection decoded, reads each object's summary
 * and prints its text with line records (not for more than `printUpTo` objects); never throws
 * (problems say what could not be read).
 */
export function decodeInput(input: string | Uint8Array, sourceName?: string, options: DecodeOptions = {}): DecodedInput {
  const objects: PrintedObject[] = [];
  const steps = decodeObjects(input, sourceName, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return { objects, problems: r.value };
    objects.push(r.value);
  }
}

/**
 * decodeInput, one object at a time as detection finds it (with its final origin), so a caller can
 * show the first objects of a big input while the rest are decoded; returns the problems at the end.
 * Only whether the input holds more than `printUpTo` objects waits: the first printUpTo are held
 * (with their trees) until the next one or the end says so.
 */
export function* decodeObjects(input: string | Uint8Array, sourceName?: string, options: DecodeOptions = {}): Generator<PrintedObject, InputProblem[], void> {
  const { now = new Date(), printUpTo = Infinity } = options;
  const found = detectObjects(input, sourceName);
  const held: Detected[] = [];
  let next = found.next();
  for (; !next.done && held.length < printUpTo && Number.isFinite(printUpTo); next = found.next()) held.push(next.value);
  // Printed when the input ended within printUpTo objects, or when every object is (printUpTo infinite: nothing held).
  const print = next.done || held.length < printUpTo;
  for (const d of held) yield decoded(d, print, now);
  for (; !next.done; next = found.next()) yield decoded(next.value, print, now);
  return next.value.problems;
}

/** One object's summary, and its text when printing, both read from detection's tree (decoded again without one). */
function decoded({ obj, tree }: Detected, print: boolean, now: Date): PrintedObject {
  if (!print) return { obj, summary: summarize(obj, now, tree), unprinted: true };
  return { ...printObject(obj, tree), summary: summarize(obj, now, tree) };
}
