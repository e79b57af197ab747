/**
 * jsdom's ArrayBuffers are another realm's: Node's WebCrypto rejects them ("not instance of
 * ArrayBuffer"; see PLATFORM-FACTS). Browsers have one realm, so byte arguments (and byte fields of
 * algorithm parameters such as salt, iv, counter) are copied into Node's realm before the call.
 * Results are Node's own; nothing is faked.
 */
const PATCHED = Symbol.for('certbench.node-webcrypto');
const METHODS = ['digest', 'importKey', 'decrypt', 'encrypt', 'deriveBits', 'deriveKey', 'sign', 'verify'];

const isBytes = (a: unknown) => ArrayBuffer.isView(a) || Object.prototype.toString.call(a) === '[object ArrayBuffer]';

function nodeBytes(a: unknown): Uint8Array {
  const v = a as ArrayBufferView | ArrayBuffer;
  return ArrayBuffer.isView(v) ? new Uint8Array(Buffer.from(v.buffer, v.byteOffset, v.byteLength)) : new Uint8Array(Buffer.from(v));
}

function toNode(a: unknown): unknown {
  if (isBytes(a)) return nodeBytes(a);
  if (a && typeof a === 'object' && Object.getPrototypeOf(a) === Object.prototype) {
    return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, isBytes(v) ? nodeBytes(v) : v]));
  }
  return a; // CryptoKeys, strings, arrays of usages
}

/** Installs the copy once per realm (a second call finds the marker and does nothing). */
export function useNodeWebCrypto(): void {
  const subtle = globalThis.crypto.subtle as unknown as Record<string | symbol, unknown>;
  if (subtle[PATCHED]) return;
  for (const name of METHODS) {
    const original = (subtle[name] as (...a: unknown[]) => Promise<unknown>).bind(globalThis.crypto.subtle);
    subtle[name] = (...args: unknown[]) => original(...args.map(toNode));
  }
  subtle[PATCHED] = true;
}
