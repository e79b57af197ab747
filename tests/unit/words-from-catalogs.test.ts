// Every word a person reads comes from a catalog, in their language (#16). What a reading of the
// source can keep so, kept here:
//  - core, kube, workshop and the store throw CertbenchErrors (a message id with params), never a
//    plain Error with English prose;
//  - the interface names a place by a catalog's words, never by an English literal;
//  - two translated sentences are strung together by the language's own rule (sentences()), never
//    by a space in the markup (Japanese and Chinese put none after 。);
//  - the interface words caught errors with errorText (its language), never describeError (English);
//  - the workshop fills its texts with messages (problemsOf, a finding's `said`, errorMessage), never
//    with the English `message` of a verify problem or finding, nor describeError's English.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(root, p)).isDirectory() ? sourceFiles(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });
}

/** The source without comments, each line with its number, for the lines a pattern finds. */
function hits(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((file) => {
    const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
    return code.split('\n').flatMap((line, i) => (pattern.test(line.replace(/(^|\s)\/\/.*$/, '')) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
  });
}

describe('words come from the catalogs', () => {
  it('core, kube, workshop and the store throw CertbenchErrors, not Errors with English prose', () => {
    const files = ['src/core', 'src/kube', 'src/workshop', 'src/store'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    expect(hits(files, /\bnew (Type|Range|Syntax)?Error\(|\bthrow\s+['"`]|Promise\.reject\(\s*['"`]/)).toEqual([]);
  });

  it("what core, kube, workshop and the store catch is kept as a message (errorMessage), not frozen in describeError's English", () => {
    // errors.ts defines it; match.ts fills the English field it keeps beside the message (said).
    const files = ['src/core', 'src/kube', 'src/workshop', 'src/store'].flatMap(sourceFiles).filter((f) => !/core\/(errors|verify\/match)\.ts$/.test(f));
    expect(hits(files, /\bdescribeError\(/)).toEqual([]);
  });

  it('the interface names places with catalog words: a literal place is a file or field name (ca.crt), not an English word', () => {
    const ui = sourceFiles('src/ui');
    // uiError(text, 'Sign') / CertbenchError.wrap(e, 'Create a CA'): a quoted place with a space, or a lone word without a dot.
    expect(hits(ui, /(uiError\(.*|\.wrap\([^,]+),\s*['"`](?![^'"`]*[./#:])[A-Za-z][^'"`]*['"`]\s*\)/)).toEqual([]);
  });

  it('two translated texts side by side are strung together by the language (sentences()), not by a space in the markup', () => {
    const svelte = sourceFiles('src/ui').filter((f) => f.endsWith('.svelte'));
    expect(hits(svelte, /\{\s*(t|ti|lt|said|coreText)\([^{}]*\)\s*\} \{\s*(t|ti|lt|said|coreText)\(/)).toEqual([]);
  });

  it('the interface words what it catches in its current language (errorText), not in the core\'s English (describeError)', () => {
    // The worker has no language of its own (it sends messages); core-text.svelte.ts is where errorText calls describeError.
    const ui = sourceFiles('src/ui').filter((f) => !f.startsWith('src/ui/workers/') && f !== 'src/ui/i18n/core-text.svelte.ts');
    expect(hits(ui, /\bdescribeError\(/)).toEqual([]);
  });

  it("the workshop fills its texts with messages, not a verify problem's or finding's English, nor describeError's", () => {
    const files = [...sourceFiles('src/workshop'), ...sourceFiles('src/ui/workshop')].filter((f) => !/labs\.[a-z]{2}\.ts$/.test(f));
    expect(hits(files, /\.map\(\(?\w+\)?\s*=>\s*\w+\.message\)|\bdescribeError\(/)).toEqual([]);
  });
});
