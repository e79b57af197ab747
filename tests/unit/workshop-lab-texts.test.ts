import { describe, expect, it } from 'vitest';
import { LAB_TEXTS_EN as EN } from '../../src/workshop/labs.en.ts';
import { LAB_TEXTS_DE } from '../../src/workshop/labs.de.ts';
import { labText } from '../../src/workshop/texts.ts';

// The German lab catalog must say the same things with the same holes: a dropped {file} or {problems}
// would print a check without the value that explains it.
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const de: Record<string, string> = LAB_TEXTS_DE;
const LAB_TEXTS_EN: Record<string, string> = EN;

describe('lab texts: German against English', () => {
  it('has exactly the English keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(LAB_TEXTS_EN).sort());
  });

  it.each(Object.keys(LAB_TEXTS_EN))('%s: same placeholders, not empty', (key) => {
    const text = de[key];
    expect(text?.trim(), key).toBeTruthy();
    expect(placeholders(text!)).toEqual(placeholders(LAB_TEXTS_EN[key]!));
  });

  // The UI shows explain() items in an <ol>, which numbers them: a number in the text would show twice ("1. 1.").
  it.each(Object.keys(LAB_TEXTS_EN).filter((k) => /^(handshake|breaks)\./.test(k)))('%s: no number of its own (the list numbers it)', (key) => {
    expect(LAB_TEXTS_EN[key]).not.toMatch(/^\s*\d+[.)]\s/);
    expect(de[key]).not.toMatch(/^\s*\d+[.)]\s/);
  });

  it('fills a German text with the same values', () => {
    expect(labText('workshop.progress', { done: '2', total: '5' }, 'de')).toBe('2 von 5 Schritten erledigt');
    expect(labText('workshop.progress', { done: '2', total: '5' })).toBe('2 of 5 steps done');
  });
});
