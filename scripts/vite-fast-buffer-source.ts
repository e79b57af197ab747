import type { Plugin } from 'vite';

const MODULE = '/@peculiar/utils/build/bytes/buffer-source.js';
const ORIGINAL = 'function tagOf(value) {\n\treturn Object.prototype.toString.call(value);\n}';

// Same answers as Object.prototype.toString for Uint8Arrays and ArrayBuffers (the arguments asn1js
// passes in practice; callers only compare the tag with the ArrayBuffer ones), without the generic
// @@toStringTag lookup; anything else still goes the original way.
const FAST = `function tagOf(value) {
\tif (value instanceof Uint8Array) return "[object Uint8Array]";
\tif (value instanceof ArrayBuffer) return "[object ArrayBuffer]";
\treturn Object.prototype.toString.call(value);
}`;

/**
 * asn1js 4 checks what kind of buffer it holds (@peculiar/utils' tagOf, i.e.
 * Object.prototype.toString) about thirty times for every ASN.1 element it decodes: measured, a
 * quarter of the CPU time of `certbench dump` on a large bundle. This answers the common cases
 * first. If the library's code changes, or the module is no longer in the bundle, the build fails: a silent
 * miss would make every decode a quarter slower.
 */
export function fastBufferSource(): Plugin {
  let patched = false;
  return {
    name: 'certbench-fast-buffer-source',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith(MODULE)) return null;
      if (!code.includes(ORIGINAL)) this.error(`${id}: @peculiar/utils' tagOf changed; update scripts/vite-fast-buffer-source.ts`);
      patched = true;
      return { code: code.replace(ORIGINAL, FAST), map: null };
    },
    buildEnd(error) {
      if (!error && !patched) this.error(`${MODULE} was not in the bundle: asn1js's dependencies changed; update scripts/vite-fast-buffer-source.ts`);
    },
  };
}
