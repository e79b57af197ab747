import { describe, expect, it } from 'vitest';
import { wrapChunk } from '../../scripts/vite-single-file-chunks.ts';

const fail = (m: string): never => {
  throw new Error(m);
};

/** Runs wrapped chunks the way the page's loader does: define them all, then require an entry. */
function run(wrapped: string[], entry: string) {
  const factories = new Map<string, (req: (s: string) => unknown, m: { exports: object }, e: object) => void>();
  const cache = new Map<string, { exports: object }>();
  const loaded: string[] = [];
  const require = (spec: string): unknown => {
    const name = spec.replace(/^\.\//, '');
    let m = cache.get(name);
    if (m) return m.exports;
    m = { exports: {} };
    cache.set(name, m);
    factories.get(name)!(require, m, m.exports);
    return m.exports;
  };
  const __certbench = {
    define: (name: string, f: (req: (s: string) => unknown, m: { exports: object }, e: object) => void) => void factories.set(name, f),
    load: async (name: string) => (loaded.push(name), require(name)),
  };
  for (const w of wrapped) new Function('__certbench', w)(__certbench);
  return { exports: require(entry) as Record<string, unknown>, loaded };
}

describe('wrapChunk (single-file build)', () => {
  it('turns the bundler’s import() into a load through the page’s loader, and keeps require for static imports', async () => {
    const lib = wrapChunk('lib-1.js', 'exports.answer = 42;', fail);
    const area = wrapChunk('area-2.js', 'const l=require("./lib-1.js");exports.area = () => l.answer + 1;', fail);
    const main = wrapChunk('main.js', 'exports.open = () => Promise.resolve().then(()=>require("./area-2.js")).then((m) => m.area());', fail);
    expect(main).toContain('__certbench.load("area-2.js")');
    const { exports, loaded } = run([lib, area, main], 'main.js');
    await expect((exports.open as () => Promise<number>)()).resolves.toBe(43);
    expect(loaded).toEqual(['area-2.js']);
  });

  it('runs chunk code in strict mode, as the ES modules it was written as', () => {
    const { exports } = run([wrapChunk('main.js', 'exports.strict = (function () { return this === undefined; })();', fail)], 'main.js');
    expect(exports.strict).toBe(true);
  });

  it('refuses an import() it cannot rewrite rather than leave a require that would throw at run time', () => {
    expect(() => wrapChunk('main.js', 'Promise.resolve().then(()=>require(name))', fail)).toThrow('main.js: an import() the loader cannot rewrite');
  });
});
