import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
  const core = sourceFiles(join(root, 'src/core'));

  it('src/core has files to check', () => {
    expect(core.length).toBeGreaterThan(5);
  });

  it.each(core.map((f) => [relative(root, f), f]))('%s imports nothing from the UI, the store, Svelte or the DOM-only libraries', (_name, file) => {
    const bad = importsOf(file).filter((s) => /^svelte|idb-keyval|\/ui\/|\/store\/|\.svelte(\.ts)?$/.test(s));
    expect(bad).toEqual([]);
  });

  it.each(core.map((f) => [relative(root, f), f]))('%s uses no DOM globals', (_name, file) => {
    const src = readFileSync(file, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
    expect(src).not.toMatch(/\b(document|window|localStorage|indexedDB)\./);
  });
});
