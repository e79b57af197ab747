import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

// The layers stay apart: src/core is pure PKI that runs in Node and the browser alike.
const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

describe('layering', () => {
  const layers = ['src/core', 'src/kube', 'src/workshop'].flatMap((dir) => sourceFiles(join(root, dir)));

  it('the DOM-free layers have files to check', () => {
    expect(layers.length).toBeGreaterThan(50);
  });

  it.each(layers.map((f) => [relative(root, f), f]))('%s imports nothing from the UI, the store, Svelte or the DOM-only libraries', (_name, file) => {
    const bad = importsOf(file).filter((s) => /^svelte|idb-keyval|\/ui\/|\/store\/|\.svelte(\.ts)?$/.test(s));
    expect(bad).toEqual([]);
  });

  it.each(layers.map((f) => [relative(root, f), f]))('%s uses no Node-only module (it runs in the browser too)', (_name, file) => {
    expect(importsOf(file).filter((s) => s.startsWith('node:'))).toEqual([]);
    // tsconfig.core.json keeps Node's types for WebCrypto's names (src/platform): Node's globals stay out by this check.
    const code = readFileSync(file, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/\b(Buffer|process|require|__dirname)\s*[.(]/);
  });
});

// The compiler, not a pattern, keeps the DOM out: tsconfig.core.json has no DOM library, so a `document` or
// `window` in src/core, src/kube or src/workshop fails this check.
describe('tsconfig.core.json', () => {
  it('has no DOM library', () => {
    const config = JSON.parse(readFileSync(join(root, 'tsconfig.core.json'), 'utf8')) as { compilerOptions: { lib: string[] } };
    expect(config.compilerOptions.lib.filter((l) => /dom|webworker/i.test(l))).toEqual([]);
  });

  it('type-checks src/core, src/kube and src/workshop', () => {
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.core.json')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
