import type { Plugin } from 'vite';

const MODULES = /\/node_modules\/(pkijs|asn1js)\/build\/index\.js$/;
// `static { this.CLASS_NAME = "Certificate"; }`: one assignment of a literal or a module constant.
const STATIC_BLOCK = /static \{\n\t\tthis\.([A-Za-z_$][\w$]*) = ("[^"\n\\]*"|[A-Za-z_$][\w$]*);\n\t\}/g;

/**
 * pkijs and asn1js give almost every class a `static { this.CLASS_NAME = "…"; }` block. A bundler
 * must keep any class with a static block (the block could do anything), so every pkijs class
 * stayed in the app even when nothing used it: OCSP, TSP, PKCS#12, CMS enveloping. The same
 * assignment written as a static field with a constant initializer has the same effect (the class
 * gets an own property of that value while it is defined; none of these classes has a setter for it)
 * and lets the bundler drop unused classes. Blocks of any other shape are left as they are.
 *
 * The build fails when the libraries no longer look as this expects (no block of that shape, or neither
 * module in the bundle): a silent miss would put ~100 KB back into the one-file app.
 */
export function rewriteStaticBlocks(code: string): { code: string; count: number } {
  let count = 0;
  const rewritten = code.replace(STATIC_BLOCK, (_block, name: string, value: string) => {
    count++;
    return `static ${name} = ${value};`;
  });
  return { code: rewritten, count };
}

export function shakableStaticBlocks(): Plugin {
  const rewritten = new Set<string>();
  return {
    name: 'certbench-shakable-static-blocks',
    apply: 'build',
    transform(code, id) {
      const path = id.replace(/\\/g, '/');
      const library = MODULES.exec(path)?.[1];
      if (!library) return null;
      const result = rewriteStaticBlocks(code);
      if (result.count === 0) this.error(`${id}: no \`static { this.NAME = … }\` blocks of the expected shape: ${library} changed; update scripts/vite-shakable-static-blocks.ts`);
      rewritten.add(library);
      return { code: result.code, map: null };
    },
    buildEnd(error) {
      if (error) return;
      const missing = ['pkijs', 'asn1js'].filter((l) => !rewritten.has(l));
      if (missing.length) this.error(`${missing.join(', ')}: build/index.js was not in the bundle; the libraries' layout changed, update scripts/vite-shakable-static-blocks.ts`);
    },
  };
}
