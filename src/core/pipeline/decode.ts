/**
 * The one decode pipeline, used by `certbench dump` and by the app's decode worker: find the objects
 * in the input, decode each object's DER once (detection's tree), and print its OpenSSL text and
 * read its summary (core/cert/read.ts) from that tree while it is at hand. Trees are not kept past
 * their object: a 10,000-certificate bundle's would take hundreds of megabytes; an ASN.1 view opened
 * later decodes its one object again (see treeFor in ui/workers/decode-job.ts for the numbers).
 */
import type { DerNode } from '../der/node.ts';
import { detectInput } from '../input/detect.ts';
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
  const { now = new Date(), printUpTo = Infinity } = options;
  const printed = new Map<FoundObject, PrintedObject>();
  const found = detectInput(input, sourceName, (obj, tree) => {
    // Objects are printed as they come while there are few; past printUpTo no more are, and the
    // first ones' texts are dropped below (at most printUpTo texts made for nothing).
    const p: PrintedObject = printed.size < printUpTo ? printObject(obj, tree) : { obj };
    p.summary = summarize(obj, now, tree);
    printed.set(obj, p);
  });
  const print = found.objects.length <= printUpTo;
  const objects = found.objects.map((obj): PrintedObject => {
    const p = printed.get(obj);
    const summary = p?.summary ?? summarize(obj, now);
    if (!print) return { obj, summary, unprinted: true };
    if (p && p.textError === undefined && p.text !== undefined) return p;
    // Not decoded by detection (an encrypted PEM key), or failed before numbering gave the object its
    // final origin ("certificate 2 of 3"): printed (again) here, so an error names that origin.
    return { ...printObject(obj), summary };
  });
  return { objects, problems: found.problems };
}
