import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BIG_TEXT_CHARS, countPemBlocks, forMemory, givenFiles, givenText, isBigText, isGiven, namedFiles, sizeParts, utf8Length } from '../../src/ui/inspect/big-paste.ts';

// A fixed seed, as every property in npm test (FC_SEED=<n> to explore): CI must not fail on a new random case.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261205;

describe('big paste: what was given to Inspect', () => {
  it('counts UTF-8 bytes as Buffer.byteLength does, without encoding', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')), { seed: SEED });
    // Non-ASCII late in a long ASCII text: the count starts where the scan found it.
    expect(utf8Length('a'.repeat(1000) + 'é€😀')).toBe(1000 + 2 + 3 + 4);
    // A lone surrogate is encoded as U+FFFD (3 bytes), as TextEncoder does.
    expect(utf8Length('\ud800')).toBe(3);
    expect(utf8Length('a\udc80b')).toBe(5);
  });

  it('counts PEM blocks by their BEGIN lines', () => {
    expect(countPemBlocks('')).toBe(0);
    expect(countPemBlocks('-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n')).toBe(2);
    expect(countPemBlocks('-----BEGIN -----BEGIN ')).toBe(2);
  });

  it('is big over about a megabyte of text', () => {
    expect(isBigText('x'.repeat(BIG_TEXT_CHARS))).toBe(false);
    expect(isBigText('x'.repeat(BIG_TEXT_CHARS + 1))).toBe(true);
  });

  it('words sizes with one decimal from KB up', () => {
    expect(sizeParts(999)).toEqual({ value: 999, unit: 'bytes' });
    expect(sizeParts(1_234)).toEqual({ value: 1.2, unit: 'KB' });
    expect(sizeParts(7_312_345)).toEqual({ value: 7.3, unit: 'MB' });
    expect(sizeParts(2_050_000_000)).toEqual({ value: 2.1, unit: 'GB' });
  });

  it('names five files, then counts the rest', () => {
    const files = Array.from({ length: 7 }, (_, i) => ({ name: `f${i}.pem`, size: i }));
    expect(namedFiles(files)).toEqual({ named: files.slice(0, 5), more: 2 });
    expect(namedFiles(files.slice(0, 2))).toEqual({ named: files.slice(0, 2), more: 0 });
  });

  it('keeps only the description in memory, marked as not kept, and reads back only that shape', () => {
    const text = '-----BEGIN CERTIFICATE-----\n'.repeat(3);
    const given = givenText(text, 'pasted');
    expect(given).toEqual({ how: 'pasted', bytes: text.length, pemBlocks: 3, kept: true });
    const stored: unknown = JSON.parse(JSON.stringify(forMemory(given)));
    expect(stored).toEqual({ ...given, kept: false });
    expect(isGiven(stored)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('BEGIN');
    expect(forMemory(null)).toBeUndefined();
    const files = givenFiles([{ name: 'a.pem', size: 10, other: 'dropped' } as { name: string; size: number }]);
    expect(files).toEqual({ how: 'files', files: [{ name: 'a.pem', size: 10 }], kept: true });
    expect(isGiven(forMemory(files))).toBe(true);
    for (const bad of [null, 'x', {}, { how: 'pasted', bytes: -1, pemBlocks: 0, kept: false }, { how: 'files', files: [{ name: 1, size: 1 }], kept: false }, { how: 'typed', kept: true }]) {
      expect(isGiven(bad)).toBe(false);
    }
  });
});
