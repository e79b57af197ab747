/**
 * Inspect's way to the decode work: a worker when the browser has one (the page stays responsive
 * while a thousand certificates decode), else the same functions on the main thread, yielding
 * between objects (jsdom in component tests has no Worker).
 */
import type { DecodeResult, DecodedItem, DecryptResult, Origin, Printed, TreeResult } from './decode-job.ts';
import { startDecodeWorker } from './chunk-worker.ts';
import { TEXT_PART, type DecodeReply, type DecodeRequest } from './protocol.ts';
import type { FoundObject, ObjectKind } from '../../core/types.ts';
import { msg } from '../../core/errors.ts';

export interface Decoder {
  /**
   * With `onItems`, decoded objects arrive in batches through it and the result's `items` is empty.
   * A file (Blob) is read by the worker, not on the page; bytes are handed to the worker, not copied
   * (copying 7 MB is a long task): afterwards the caller's array may be empty (detached).
   */
  decode(input: string | Uint8Array | Blob, sourceName?: string, onItems?: (items: DecodedItem[]) => void): Promise<DecodeResult>;
  tree(der: Uint8Array): Promise<TreeResult>;
  /** The OpenSSL text of an object sent unprinted (DecodedItem.unprinted), printed when its card is opened. */
  print(obj: FoundObject): Promise<Printed>;
  /** Opens an encrypted key (kind 'encrypted-private-key', the default) or a PKCS#12 file (kind 'pkcs12'). */
  decrypt(der: Uint8Array, passphrase: string, from: Origin, kind?: ObjectKind): Promise<DecryptResult>;
  dispose(): void;
}

type Pending = { resolve: (r: DecodeReply) => void; onItems?: (items: DecodedItem[]) => void };
type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

/** Decoder running in a worker made of the page's own chunks; undefined when no worker can be started. */
async function workerDecoder(): Promise<Decoder | undefined> {
  const worker = await startDecodeWorker();
  if (!worker) return undefined;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken: string | undefined;
  worker.onmessage = (e: MessageEvent<DecodeReply>) => {
    const p = pending.get(e.data.id);
    if (e.data.op === 'items') return p?.onItems?.(e.data.items);
    pending.delete(e.data.id);
    p?.resolve(e.data);
  };
  worker.onerror = (e) => {
    broken = e.message || 'the decode worker stopped';
    for (const [id, p] of pending) p.resolve({ id, op: 'error', message: broken });
    pending.clear();
  };
  const call = (body: Body<DecodeRequest>, onItems?: (items: DecodedItem[]) => void, transfer: Transferable[] = [], id = nextId++): Promise<DecodeReply> =>
    new Promise((resolve) => {
      if (broken) return resolve({ id: 0, op: 'error', message: broken });
      pending.set(id, { resolve, onItems });
      worker.postMessage({ ...body, id } as DecodeRequest, transfer);
    });
  /** A long text goes over in parts, each posted in a task of its own; then the request to decode them. */
  const decodeInParts = async (text: string, sourceName: string | undefined, onItems?: (items: DecodedItem[]) => void): Promise<DecodeReply> => {
    const id = nextId++;
    for (let at = 0; at < text.length && !broken; at += TEXT_PART) {
      worker.postMessage({ id, op: 'part', text: text.slice(at, at + TEXT_PART) } satisfies DecodeRequest);
      await new Promise((resolve) => setTimeout(resolve));
    }
    return call({ op: 'decode', input: '', sourceName, inParts: true }, onItems, [], id);
  };
  const fail = (message: string): never => {
    throw new Error(message);
  };
  return {
    async decode(input, sourceName, onItems) {
      const r =
        typeof input === 'string' && input.length > TEXT_PART
          ? await decodeInParts(input, sourceName, onItems)
          : await call({ op: 'decode', input, sourceName }, onItems, input instanceof Uint8Array ? [wholeBuffer(input)] : []);
      return r.op === 'decode' ? r.result : fail(r.op === 'error' ? r.message : 'unexpected reply');
    },
    async tree(der) {
      const r = await call({ op: 'tree', der });
      return r.op === 'tree' ? r.result : { error: msg('error.text', { text: r.op === 'error' ? r.message : 'unexpected reply' }) };
    },
    async print(obj) {
      const r = await call({ op: 'print', obj });
      return r.op === 'print' ? r.result : { textError: msg('error.text', { text: r.op === 'error' ? r.message : 'unexpected reply' }) };
    },
    async decrypt(der, passphrase, from, kind = 'encrypted-private-key') {
      const r = await call({ op: 'decrypt', der, passphrase, from, kind });
      return r.op === 'decrypt' ? r.result : { error: msg('error.text', { text: r.op === 'error' ? r.message : 'unexpected reply' }) };
    },
    dispose: () => worker.terminate(),
  };
}

/** The same work on the main thread, yielding between objects (jsdom, or a browser without workers). */
function mainThreadDecoder(): Decoder {
  const pause = () => new Promise<void>((r) => setTimeout(r, 0));
  // Loaded on first use: the page's start-up code carries no PKI.
  const job = () => import('./decode-job.ts');
  return {
    decode: async (input, sourceName, onItems) => (await job()).decodeInput(input, sourceName, pause, onItems),
    tree: async (der) => (await job()).treeFor(der),
    print: async (obj) => (await job()).printItem(obj),
    decrypt: async (der, passphrase, from, kind) => (await job()).decryptItem(der, passphrase, from, kind),
    dispose: () => {},
  };
}

/** The bytes' own buffer to transfer; a view into a bigger buffer is copied into one of its own first. */
function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

/**
 * A decoder whose worker starts the first time the page is idle after it is made, or on first use if
 * sooner: making the worker's script from the page's chunks is main-thread work (~100-200 ms on a
 * loaded machine) that would otherwise come right after the first paste or drop.
 */
export function createDecoder(): Decoder {
  let real: Promise<Decoder> | undefined;
  const get = () =>
    (real ??= workerDecoder().then(
      (w) => w ?? mainThreadDecoder(),
      () => mainThreadDecoder(),
    ));
  whenIdle(() => void get());
  return {
    decode: async (...a) => (await get()).decode(...a),
    tree: async (...a) => (await get()).tree(...a),
    print: async (...a) => (await get()).print(...a),
    decrypt: async (...a) => (await get()).decrypt(...a),
    dispose: () => void real?.then((d) => d.dispose()),
  };
}

/** Runs `fn` once the page is idle (or after a few seconds at the latest); soon after, where there is no idle callback (jsdom, Safari). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 5000 });
  else setTimeout(fn, 200);
}
