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
 */
export function shakableStaticBlocks(): Plugin {
  return {
    name: 'certbench-shakable-static-blocks',
    apply: 'build',
    transform(code, id) {
      if (!MODULES.test(id.replace(/\\/g, '/'))) return null;
      const rewritten = code.replace(STATIC_BLOCK, (_block, name: string, value: string) => `static ${name} = ${value};`);
      if (rewritten === code) {
        this.warn(`${id}: no static blocks of the expected shape (library changed?); left as it is, unused classes stay in the bundle`);
        return null;
      }
      return { code: rewritten, map: null };
    },
  };
}
