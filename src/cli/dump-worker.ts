/**
 * The other side of dump-pool.ts: a worker thread that prints batches of objects (kind, PEM label,
 * DER) as OpenSSL's text, in bytes, and sends each batch back as one buffer. In the shipped CLI
 * the worker is dist/cli.mjs itself, started with a workerData flag (main.ts asks
 * `serveIfDumpWorker()` before running a command).
 */
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import type { FoundObject, ObjectKind } from '../core/types.ts';
import type { DerNode } from '../core/der/node.ts';
import { printObject } from '../core/pipeline/decode.ts';
import { ByteBuilder } from './dump-bytes.ts';

/** workerData of a dump worker. */
export const DUMP_WORKER_FLAG = 'certbenchDumpWorker';

export interface DumpWorkerData {
  [DUMP_WORKER_FLAG]: true;
  /** Batches printed, one count a worker: the main thread reads them while it is busy (answers wait till it is not). */
  done: Int32Array;
  index: number;
}

/** Objects to print, their DERs end to end in one buffer (one copy over, not one per object). */
export interface PrintBatch {
  id: number;
  kinds: ObjectKind[];
  labels: (string | undefined)[];
  der: Uint8Array;
  /** Where each object's DER ends in `der`. */
  ends: number[];
}

/** The batch's texts as bytes, end to end; `failed` objects have none (the main thread prints them, naming their origin). */
export interface PrintedBatch {
  id: number;
  bytes: Uint8Array;
  ends: number[];
  failed: number[];
  /** The thread that printed it (0: the main thread). */
  thread: number;
}

/** Prints one batch (also used in-thread when no worker can be started). */
export function printBatch(batch: PrintBatch): PrintedBatch {
  // OpenSSL's text is about twice the DER's size: room for that first, growing if it is more.
  const out = new ByteBuilder(Math.max(1 << 16, batch.der.length * 3));
  const ends: number[] = [];
  const failed: number[] = [];
  let from = 0;
  for (let i = 0; i < batch.kinds.length; i++) {
    const obj: FoundObject = { kind: batch.kinds[i]!, der: batch.der.subarray(from, batch.ends[i]), origin: '' };
    const label = batch.labels[i];
    if (label !== undefined) obj.pemLabel = label;
    from = batch.ends[i]!;
    if (!printInto(out, obj)) failed.push(i);
    ends.push(out.length);
  }
  return { id: batch.id, bytes: out.take(), ends, failed, thread: threadId };
}

/**
 * Appends the object's text (from `tree`, its DER decoded, when at hand) as bytes; false when it
 * cannot be printed. Kept as bytes, outside the JavaScript heap: 10,000 texts held as strings
 * until they are written made the garbage collector copy them over and over.
 */
export function printInto(out: ByteBuilder, obj: FoundObject, tree?: DerNode): boolean {
  // The pipeline's print step (text only), as in-thread printing and the app use.
  const { text } = printObject(obj, tree, true);
  if (text === undefined) return false;
  out.text(text);
  return true;
}

/** In a dump worker: serves batches until the main thread lets go, and says so. Else false. */
export function serveIfDumpWorker(): boolean {
  const data = workerData as Partial<DumpWorkerData> | null;
  if (isMainThread || !parentPort || !data?.[DUMP_WORKER_FLAG] || !data.done || data.index === undefined) return false;
  const { done, index } = data;
  const port = parentPort;
  port.on('message', (batch: PrintBatch) => {
    const printed = printBatch(batch);
    port.postMessage(printed, [printed.bytes.buffer as ArrayBuffer]);
    Atomics.add(done, index, 1);
  });
  return true;
}
