/**
 * `certbench dump`'s text turned into the bytes OpenSSL writes, gathered into large chunks.
 *
 * Printed text is UTF-8 except for the bytes OpenSSL writes raw (kept as lone surrogates, see
 * core/text/raw-bytes.ts). Each object's text is checked for those on its own — almost none has
 * any — and the rest is encoded by Node straight into the chunk: no intermediate strings of a
 * megabyte, no per-character loop over text that has no kept byte.
 */
import { hasRawBytes, textBytes } from '../core/text/raw-bytes.ts';

const CHUNK = 1 << 20;
const EMPTY = Buffer.alloc(0);

/** A surrogate in U+DC80–U+DCFF: the cheap test; hasRawBytes then checks that it stands alone. */
const MAYBE_KEPT_BYTE = /[\uDC80-\uDCFF]/;

/** Bytes of many texts, appended into one growing buffer (worker side: one buffer per batch). */
export class ByteBuilder {
  readonly #initial: number;
  #buf: Buffer;
  #used = 0;

  constructor(initial = CHUNK) {
    this.#initial = initial;
    this.#buf = Buffer.allocUnsafe(initial);
  }

  get length(): number {
    return this.#used;
  }

  text(s: string): void {
    if (MAYBE_KEPT_BYTE.test(s) && hasRawBytes(s)) return this.bytes(textBytes(s));
    // Three bytes a UTF-16 code unit at most: room is made before writing, so nothing is cut.
    this.#reserve(s.length * 3);
    this.#used += this.#buf.write(s, this.#used, 'utf8');
  }

  bytes(b: Uint8Array): void {
    this.#reserve(b.length);
    this.#buf.set(b, this.#used);
    this.#used += b.length;
  }

  /** What was appended, as its own buffer (the builder starts again empty). */
  take(): Uint8Array {
    const out = this.#buf.subarray(0, this.#used);
    // The next buffer is made when something is appended (a worker's batch builder is not used again).
    this.#buf = EMPTY;
    this.#used = 0;
    return out;
  }

  /** What was appended, to be written at once: the same buffer is filled again after `reuse`. */
  peek(): Uint8Array {
    return this.#buf.subarray(0, this.#used);
  }

  /** Starts again empty in the same buffer (what `peek` gave has been written out and is not held). */
  reuse(): void {
    this.#used = 0;
  }

  #reserve(n: number): void {
    if (this.#used + n <= this.#buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#initial, this.#buf.length * 2, this.#used + n));
    grown.set(this.#buf.subarray(0, this.#used));
    this.#buf = grown;
  }
}

/**
 * Standard output for the dump: text and bytes in order, handed on in chunks of about a
 * megabyte (a write per object made many small writes). `flush` before anything goes to stderr,
 * so the two streams interleave as if each piece were written at once.
 */
export class DumpOutput {
  readonly #builder = new ByteBuilder(CHUNK + (CHUNK >> 2));
  readonly #write: (b: Uint8Array) => void;
  readonly #drained: (() => boolean) | undefined;

  /**
   * `drained` says whether what was written is no longer held by the writer: then one buffer is
   * filled again and again (a fresh megabyte for each chunk was fresh memory for the process to
   * map, page by page, for 34 MB of text).
   */
  constructor(write: (b: Uint8Array) => void, drained?: () => boolean) {
    this.#write = write;
    this.#drained = drained;
  }

  text(s: string): void {
    this.#builder.text(s);
    if (this.#builder.length >= CHUNK) this.flush();
  }

  bytes(b: Uint8Array): void {
    // A large piece (a worker's batch) goes out as it is, after what is pending: no copy.
    if (b.length >= CHUNK >> 1) {
      this.flush();
      this.#write(b);
      return;
    }
    this.#builder.bytes(b);
    if (this.#builder.length >= CHUNK) this.flush();
  }

  flush(): void {
    if (!this.#builder.length) return;
    if (!this.#drained) return this.#write(this.#builder.take());
    this.#write(this.#builder.peek());
    if (this.#drained()) this.#builder.reuse();
    else this.#builder.take(); // still held by the writer: the next chunk goes into a new buffer
  }
}
