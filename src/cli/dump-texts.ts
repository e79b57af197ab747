/**
 * `certbench dump`'s texts, written while the input is still being read: each object as soon as
 * detection hands it over with its final origin (detectObjects) and its text is printed (here from
 * detection's tree, or in a worker thread), in input order. Nothing is held but the objects whose
 * batch a worker has not answered yet, and the first object until a second one says whether the
 * texts get "==> ORIGIN <==" headers: a 10,000-certificate bundle's 34 MB of text were held until
 * the end before, which the process paid for in memory, page faults and garbage collection.
 */
import type { FoundObject, InputProblem } from '../core/types.ts';
import { CertbenchError, describeError, render } from '../core/errors.ts';
import { printObject } from '../core/pipeline/decode.ts';
import { detectObjects } from '../core/input/detect.ts';
import { summarize, type Summary } from '../core/summary.ts';
import type { DumpOutput } from './dump-bytes.ts';
import { BatchedPrinter, type PrintPool } from './dump-pool.ts';
import type { PrintedBatch } from './dump-worker.ts';

/** An object found, and its text: printed, being printed in a worker (batch and place in it), or why it cannot be. */
interface Found {
  obj: FoundObject;
  text?: string;
  textError?: unknown;
  batch?: Promise<PrintedBatch>;
  index?: number;
  /** The batch has been answered (set when its promise settles: a worker's answer waits for this thread to be free). */
  ready?: boolean;
}

interface TextOptions {
  summary: boolean;
  /** An encrypted key opened (with the passphrase given), any other object as it is. */
  open(obj: FoundObject): Promise<FoundObject>;
  /** Writes a failure to stderr (after what is on stdout so far) and sets the exit status. */
  fail(message: string): void;
}

/** Objects found before the texts ready so far are written (a batch of the printer's). */
const WRITE_EVERY = 200;

/** Writes the texts of every object found, input after input, in order. */
export class TextStream {
  readonly #out: DumpOutput;
  readonly #options: TextOptions;
  readonly #pool: PrintPool | undefined;
  /** Objects found and not written yet, in input order. */
  #queue: Found[] = [];
  /** Objects written (or held: the first one). */
  #count = 0;
  /** The first object, held until it is known whether there are several (then every text gets a header). */
  #first: Found | undefined;

  constructor(out: DumpOutput, options: TextOptions, pool: PrintPool | undefined) {
    this.#out = out;
    this.#options = options;
    this.#pool = pool;
  }

  /** Finds the objects of one input and writes their texts as they are printed; returns what detection could not read. */
  async input(bytes: Uint8Array, source: string | undefined): Promise<{ objects: FoundObject[]; problems: InputProblem[] }> {
    const found = detectObjects(bytes, source);
    if (!this.#pool) {
      // One thread: each object printed from detection's tree and written at once.
      for (;;) {
        const step = found.next();
        if (step.done) return step.value;
        const { obj, tree } = step.value;
        this.#queue.push(printObject(obj, tree, true));
        await this.#write(false);
      }
    }
    const printer = new BatchedPrinter(this.#pool);
    let pending: Found[] = [];
    const send = async () => {
      printer.flush();
      for (const f of pending) takePrinting(printer, f);
      this.#queue.push(...pending);
      pending = [];
      // A worker's answers are read when this thread is free: let them in, then write what is ready.
      await new Promise((resolve) => setImmediate(resolve));
      await this.#write(false);
    };
    for (;;) {
      const step = found.next();
      if (step.done) {
        await send();
        await this.#write(true); // this input's texts before what could not be read in it
        return step.value;
      }
      const { obj, tree } = step.value;
      // Not decoded by detection (an encrypted PEM key): printed when written, as the pipeline does.
      if (tree || obj.kind !== 'legacy-encrypted-key') printer.onDecoded(obj, tree);
      pending.push({ obj });
      if (pending.length >= WRITE_EVERY) await send();
    }
  }

  /** Writes everything still waiting (the first object without a header when it stayed the only one). */
  async finish(): Promise<void> {
    await this.#write(true);
    if (this.#first) await this.#emit(this.#first, false);
    this.#first = undefined;
  }

  /** Writes the queue's objects in order: all of them, or only those whose text is ready. */
  async #write(all: boolean): Promise<void> {
    while (this.#queue.length) {
      const f = this.#queue[0]!;
      if (!all && f.batch && !f.ready) return;
      this.#queue.shift();
      if (this.#count++ === 0) {
        this.#first = f;
        continue;
      }
      if (this.#first) {
        await this.#emit(this.#first, true);
        this.#first = undefined;
      }
      await this.#emit(f, true, true);
    }
  }

  /** One object's header (with several), summary (--summary) and text, or why it has none. */
  async #emit(f: Found, several: boolean, blankBefore = false): Promise<void> {
    const out = this.#out;
    let head = several ? `${blankBefore ? '\n' : ''}==> ${f.obj.origin} <==\n` : '';
    let text: string | Uint8Array;
    try {
      const plain = await this.#options.open(f.obj);
      if (this.#options.summary) head += formatSummary(await summarize(plain));
      text = await printedText(f, plain);
    } catch (e) {
      out.text(head); // the header and summary still stand
      this.#options.fail(e instanceof CertbenchError && e.where ? e.message : `${f.obj.origin}: ${describeError(e)}`);
      return;
    }
    out.text(head);
    if (typeof text === 'string') out.text(text);
    else out.bytes(text);
  }
}

/** Where the printer has the object's text (its batch), or, when it did not take it, the object printed here. */
function takePrinting(printer: BatchedPrinter, f: Found): void {
  const printing = printer.printing.get(f.obj);
  printer.printing.delete(f.obj);
  if (!printing) {
    Object.assign(f, printObject(f.obj, undefined, true));
    return;
  }
  f.batch = printing.batch;
  f.index = printing.index;
  if (printing.here) f.ready = true;
  else void printing.batch.then(() => (f.ready = true));
}

/** The object's text as bytes or text; throws why it cannot be printed. */
async function printedText(f: Found, plain: FoundObject): Promise<string | Uint8Array> {
  if (plain === f.obj && f.batch) {
    const printed = await f.batch;
    const i = f.index!;
    if (!printed.failed.includes(i)) return printed.bytes.subarray(i ? printed.ends[i - 1] : 0, printed.ends[i]);
  }
  // Printed again here when the worker could not: the error then names the object's final origin.
  const printed = plain === f.obj && !f.batch ? f : printObject(plain, undefined, true);
  if (printed.text === undefined) throw printed.textError;
  return printed.text;
}

function formatSummary(s: Summary): string {
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => value !== undefined && value !== '' && lines.push(`${label}: ${value}`);
  add('Subject', s.subject);
  add('Issuer', s.issuer);
  add('SANs', s.sans?.join(', '));
  if (s.validity) add('Validity', `${s.validity.notBefore} to ${s.validity.notAfter} (${s.validity.text})`);
  add('Key', s.key?.description);
  if (s.fingerprints) {
    lines.push(`sha256 Fingerprint=${s.fingerprints.sha256}`);
    lines.push(`sha1 Fingerprint=${s.fingerprints.sha1}`);
  }
  add('SPKI SHA-256 pin', s.spkiSha256);
  for (const n of s.notes) add('Note', render(n));
  return lines.length ? `${lines.join('\n')}\n\n` : '';
}
