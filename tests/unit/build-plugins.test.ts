// The build plugins that rewrite third-party code, run on the libraries installed here (the tagOf patch:
// vite-fast-buffer-source.test.ts): each still finds what it
// rewrites, the rewritten code behaves as the original, and a library that changed shape fails the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { JSON_DATA_MODULES, jsonDataModules, jsonModule } from '../../scripts/vite-json-data-modules.ts';
import { rewriteStaticBlocks, shakableStaticBlocks } from '../../scripts/vite-shakable-static-blocks.ts';

const root = join(import.meta.dirname, '../..');
const installed = (path: string) => join(root, 'node_modules', path);

/** Runs a plugin hook as Rollup would: `this.error` throws, `this.warn` is recorded. */
async function runHook(plugin: Plugin, hook: 'transform' | 'buildEnd', ...args: unknown[]) {
  const warnings: string[] = [];
  const context = {
    warn: (m: string) => void warnings.push(m),
    error: (m: string) => {
      throw new Error(m);
    },
  };
  const fn = plugin[hook] as ((...a: unknown[]) => unknown) | undefined;
  const result = await fn!.apply(context, args);
  return { result: result as { code: string } | null, warnings };
}

describe('shakable static blocks (pkijs, asn1js)', () => {
  it.each(['pkijs', 'asn1js'])('rewrites the installed %s: every block of the one-assignment shape, none left', async (library) => {
    const file = installed(`${library}/build/index.js`);
    const code = readFileSync(file, 'utf8');
    const { count, code: rewritten } = rewriteStaticBlocks(code);
    expect(count).toBeGreaterThan(50);
    expect(rewritten).not.toMatch(/static \{\n\t\tthis\.\w+ = ("[^"\n]*"|\w+);\n\t\}/);
    const plugin = shakableStaticBlocks();
    expect((await runHook(plugin, 'transform', code, file)).result!.code).toBe(rewritten);
  });

  it('the rewritten pkijs defines the same class names as the installed one', async () => {
    const file = installed('pkijs/build/index.js');
    const original = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const className = (v: unknown) => (typeof v === 'function' ? (v as { CLASS_NAME?: string }).CLASS_NAME : undefined);
    // The rewritten module is loaded from beside the original, so its own imports (asn1js, …) resolve the same way.
    const rewritten = rewriteStaticBlocks(readFileSync(file, 'utf8')).code;
    const copy = file.replace(/index\.js$/, `index.rewritten-${process.pid}.mjs`);
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(copy, rewritten);
    try {
      const loaded = (await import(pathToFileURL(copy).href)) as Record<string, { CLASS_NAME?: string }>;
      const names = Object.keys(original).filter((k) => className(original[k]));
      expect(names.length).toBeGreaterThan(100);
      for (const name of names) expect(loaded[name]!.CLASS_NAME, name).toBe(className(original[name]));
    } finally {
      rmSync(copy);
    }
  });

  it('fails the build when the library has no block of that shape, or is not in the bundle', async () => {
    const plugin = shakableStaticBlocks();
    const changed = 'export class Certificate { static CLASS_NAME = "Certificate"; }';
    await expect(runHook(plugin, 'transform', changed, '/x/node_modules/pkijs/build/index.js')).rejects.toThrow(/pkijs changed/);
    await expect(runHook(shakableStaticBlocks(), 'buildEnd')).rejects.toThrow(/pkijs, asn1js: build\/index\.js was not in the bundle/);
  });
});

describe('JSON data modules', () => {
  const stripped = (path: string) =>
    ts.transpileModule(readFileSync(join(root, path), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } }).outputText;

  it.each(JSON_DATA_MODULES.map((m) => [m]))('%s becomes JSON.parse data equal to the module', async (path) => {
    const result = await jsonModule(stripped(path));
    expect('code' in result).toBe(true);
    const code = (result as { code: string }).code;
    expect(code).toMatch(/^export const \w+ = \/\* @__PURE__ \*\/ JSON\.parse\(/);
    const fromJson = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
    const fromSource = (await import(pathToFileURL(join(root, path)).href)) as Record<string, unknown>;
    expect({ ...fromJson }).toEqual({ ...fromSource });
  });

  it('fails the build for a module that imports, holds a non-JSON value, or is missing from the bundle', async () => {
    const plugin = jsonDataModules('/repo', ['src/a.ts']);
    await expect(runHook(plugin, 'transform', "import x from './x.js';\nexport const A = x;", '/repo/src/a.ts')).rejects.toThrow(/imports at run time/);
    await expect(runHook(plugin, 'transform', 'export const A = { f() {} };', '/repo/src/a.ts')).rejects.toThrow(/export A is not plain JSON data/);
    await expect(runHook(plugin, 'transform', 'export const A = -0;', '/repo/src/a.ts')).rejects.toThrow(/not plain JSON/);
    await expect(runHook(jsonDataModules('/repo', ['src/a.ts']), 'buildEnd')).rejects.toThrow(/not in the bundle: \/repo\/src\/a\.ts/);
  });
});
