// An export nothing else names is dead code that still has to be read and kept working: each exported
// declaration in src/ must be named in some other file of src/, tests/ or scripts/ (a re-export counts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte|mjs|js)$/.test(f) ? [p] : [];
  });
}

const all = ['src', 'tests', 'scripts'].flatMap((d) => files(join(root, d)));
const texts = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));
const declared = /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum|abstract class)\s+([A-Za-z_$][\w$]*)/gm;

describe('exports', () => {
  const sources = all.filter((f) => f.startsWith(join(root, 'src')) && f.endsWith('.ts'));

  it('src has exports to check', () => {
    expect(sources.length).toBeGreaterThan(200);
  });

  it('every export in src/ is named by another file', () => {
    const unused: string[] = [];
    for (const file of sources) {
      for (const [, name] of texts.get(file)!.matchAll(declared)) {
        const word = new RegExp(`\\b${name!.replace(/\$/g, '\\$')}\\b`);
        if (![...texts].some(([other, text]) => other !== file && word.test(text))) unused.push(`${relative(root, file)}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
