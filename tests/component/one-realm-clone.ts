/**
 * fake-indexeddb's structuredClone under jsdom: its Uint8Arrays come back from Node's realm, so
 * `instanceof Uint8Array` (the backup's JSON encoder, the state log's row check) fails. Browsers have
 * one realm; this makes clones come back in jsdom's. (WebCrypto's side of the same problem is handled
 * for every component test in setup.ts.) Call it in beforeAll.
 */
export function cloneIntoThisRealm(): void {
  const clone = globalThis.structuredClone;
  const toHere = (v: unknown): unknown => {
    if (v instanceof Uint8Array || v === null || typeof v !== 'object') return v;
    if (Object.prototype.toString.call(v) === '[object Uint8Array]') return new Uint8Array(v as ArrayLike<number>);
    if (Array.isArray(v)) return v.map(toHere);
    if (Object.prototype.toString.call(v) === '[object Object]') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toHere(x)]));
    return v; // CryptoKeys, Dates
  };
  globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => toHere(clone(value, options))) as typeof structuredClone;
}
