/**
 * The one decode pipeline, used by `certbench dump` and by the app's decode worker: find the objects
 * in the input, decode each object's DER once (detection's tree), and print its OpenSSL text from
 * that tree while it is at hand. Trees are not kept past their object: a 10,000-certificate bundle's
 * would take hundreds of megabytes, and the text, the summary and an ASN.1 view opened later are
 * each made from one tree at a time (buildAsn1Tree takes the object's DER or a tree).
 */
import type { DerNode } from '../der/node.ts';
import { detectInput } from '../input/detect.ts';
import { dumpText, printLines } from '../text/dump.ts';
import { renderLines, type TextLine } from '../text/lines.ts';
import type { FoundObject, InputProblem } from '../types.ts';

export interface PrintedObject {
  obj: FoundObject;
  /** OpenSSL's text for the object. */
  text?: string;
  /** The same as the printers' records: the field each line shows and its bytes in obj.der. */
  lines?: TextLine[];
  /** Why there is no text: a CertbenchError naming the object's final origin (or anything else thrown). */
  textError?: unknown;
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

/** Detects and prints everything in the input (text alone with `textOnly`); never throws (problems say what could not be read). */
export function decodeInput(input: string | Uint8Array, sourceName?: string, textOnly = false): DecodedInput {
  const printed = new Map<FoundObject, PrintedObject>();
  const found = detectInput(input, sourceName, (obj, tree) => printed.set(obj, printObject(obj, tree, textOnly)));
  const objects = found.objects.map((obj) => {
    const p = printed.get(obj);
    // Not decoded by detection (an encrypted PEM key), or failed before numbering gave the object its
    // final origin ("certificate 2 of 3"): printed (again) here, so an error names that origin.
    return p && p.textError === undefined ? p : printObject(obj, undefined, textOnly);
  });
  return { objects, problems: found.problems };
}
