/**
 * Worker threads that print `certbench dump`'s objects while the main thread is still finding
 * them, so a big bundle is printed on every core (OpenSSL's `crl2pkcs7 | pkcs7` pipeline runs two
 * processes). Batches go round the workers; each answer is the batch's texts as bytes, and the
 * main thread writes them in input order. Whatever cannot be printed in a worker (a worker that
 * failed to start or died, an object whose printing throws) is printed by the main thread, so the
 * output is the same either way.
 */
import { threadId, Worker } from 'node:worker_threads';
import type { FoundObject } from '../core/types.ts';
import type { DerNode } from '../core/der/node.ts';
import { ByteBuilder } from './dump-bytes.ts';
import { DUMP_WORKER_FLAG, printBatch, printInto, type DumpWorkerData, type PrintBatch, type PrintedBatch } from './dump-worker.ts';

/** Objects per batch: small enough that a worker's first answers are back while detection goes on. */
const BATCH = 200;

interface Waiting {
  resolve(p: PrintedBatch): void;
  /** The batch, printed here if its worker dies. */
  batch: PrintBatch;
}

/** Batches a worker may have in hand before this thread prints the next one itself. */
const AHEAD = 2;

/**
 * How a worker is started: in the shipped CLI (one bundled .mjs file) that file itself, flagged by
 * workerData; from the TypeScript sources (vitest runs the CLI in-process), an eval worker that
 * loads dump-worker.ts through scripts/ts-worker-loader.mjs.
 */
function startWorker(data: DumpWorkerData): Worker {
  const here = new URL(import.meta.url);
  const options = { workerData: data };
  if (!here.pathname.endsWith('.ts')) return new Worker(here, options);
  const loader = new URL('../../scripts/ts-worker-loader.mjs', here).href;
  const entry = new URL('./dump-worker.ts', here).href;
  const code = `import(${JSON.stringify(loader)}).then(() => import(${JSON.stringify(entry)})).then((m) => m.serveIfDumpWorker());`;
  return new Worker(code, { ...options, eval: true });
}

interface Member {
  worker: Worker;
  waiting: Map<number, Waiting>;
  /** Batches sent to it; how many it has printed is in `#done` (answers wait until this thread is free to read them). */
  sent: number;
  index: number;
}

export class PrintPool {
  readonly #members: Member[] = [];
  /** Batches each worker has printed, counted by the worker: readable while detection still holds this thread. */
  readonly #done: Int32Array;
  #id = 0;

  /** `count` workers; none when they cannot be started (then every batch is printed in this thread). */
  constructor(count: number) {
    this.#done = new Int32Array(new SharedArrayBuffer(4 * count));
    for (let index = 0; index < count; index++) {
      let worker: Worker;
      try {
        worker = startWorker({ [DUMP_WORKER_FLAG]: true, done: this.#done, index });
      } catch {
        break;
      }
      const member: Member = { worker, waiting: new Map(), sent: 0, index };
      this.#members.push(member);
      worker.on('message', (p: PrintedBatch) => {
        member.waiting.get(p.id)?.resolve(p);
        member.waiting.delete(p.id);
      });
      // A worker that cannot start or dies leaves its batches to this thread.
      const lost = () => {
        this.#members.splice(this.#members.indexOf(member), 1);
        for (const w of member.waiting.values()) w.resolve(printBatch(w.batch));
        member.waiting.clear();
      };
      worker.once('error', lost);
      worker.once('exit', () => this.#members.includes(member) && lost());
    }
  }

  /** The worker with the fewest batches in hand, when it has fewer than AHEAD. */
  #free(): Member | undefined {
    let best: Member | undefined;
    let least = AHEAD;
    for (const m of this.#members) {
      const ahead = m.sent - Atomics.load(this.#done, m.index);
      if (ahead < least) (best = m), (least = ahead);
    }
    return best;
  }

  /** Whether every worker has its hands full: then this thread prints the next batch itself. */
  busy(): boolean {
    return !this.#free();
  }

  /** The objects' texts as bytes, in the freest worker (here when none is left). */
  print(objects: readonly FoundObject[]): Promise<PrintedBatch> {
    const batch = packBatch(this.#id++, objects);
    const member = this.#free() ?? this.#members[0];
    if (!member) return Promise.resolve(printBatch(batch));
    member.sent++;
    return new Promise((resolve) => {
      member.waiting.set(batch.id, { resolve, batch });
      member.worker.postMessage(batch);
    });
  }

  /** Stops the workers (their answers have all been read). */
  close(): void {
    for (const m of this.#members.splice(0)) void m.worker.terminate();
  }
}

function packBatch(id: number, objects: readonly FoundObject[]): PrintBatch {
  let size = 0;
  for (const o of objects) size += o.der.length;
  const der = new Uint8Array(size);
  const ends: number[] = [];
  let at = 0;
  for (const o of objects) {
    der.set(o.der, at);
    ends.push((at += o.der.length));
  }
  return { id, kinds: objects.map((o) => o.kind), labels: objects.map((o) => o.pemLabel), der, ends };
}

/** Where an object found is being printed: its batch, and its place in it. */
interface Printing {
  batch: Promise<PrintedBatch>;
  index: number;
  /** Printed in this thread already (the batch's promise is settled). */
  here: boolean;
}

/**
 * Prints objects in batches as detection finds them (detectInput's onDecoded): in the pool's
 * workers, or without a pool here and at once, from the tree detection decoded.
 */
export class BatchedPrinter {
  readonly printing = new Map<FoundObject, Printing>();
  readonly #pool: PrintPool | undefined;
  /** The batch begun is printed here, at once, from detection's trees (no pool, or every worker busy). */
  #here = true;
  #objects: FoundObject[] = [];
  #out = new ByteBuilder();
  #ends: number[] = [];
  #failed: number[] = [];

  constructor(pool: PrintPool | undefined) {
    this.#pool = pool;
  }

  readonly onDecoded = (obj: FoundObject, tree?: DerNode): void => {
    if (!this.#objects.length) this.#here = !this.#pool || this.#pool.busy();
    if (this.#here) {
      if (!printInto(this.#out, obj, tree)) this.#failed.push(this.#objects.length);
      this.#ends.push(this.#out.length);
    }
    this.#objects.push(obj);
    if (this.#objects.length >= BATCH) this.flush();
  };

  /** Sends (or, printed here, settles) the batch begun. */
  flush(): void {
    if (!this.#objects.length) return;
    const batch = this.#here
      ? Promise.resolve({ id: -1, bytes: this.#out.take(), ends: this.#ends, failed: this.#failed, thread: threadId })
      : this.#pool!.print(this.#objects);
    const here = this.#here;
    this.#objects.forEach((obj, index) => this.printing.set(obj, { batch, index, here }));
    this.#objects = [];
    this.#ends = [];
    this.#failed = [];
  }
}
