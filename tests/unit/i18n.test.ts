import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from '../../src/ui/i18n/t.svelte.ts';
import { LOCALES } from '../../src/core/explain/types.ts';

// Every messages file has every language, with exactly English's keys and no empty text, and the
// same {placeholders}: a translation that drops {name} would print a sentence with a hole in it.
const dir = join(import.meta.dirname, '../../src/ui/i18n/messages');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  it('has messages files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)('%s', (file) => {
    it.each(LOCALES.filter((l) => l !== 'en'))('%s has the same keys and placeholders as en, none empty', async (locale) => {
      const mod = (await import(join(dir, file))) as Record<string, Record<string, string>>;
      const en = mod.en!;
      const other = mod[locale];
      expect(other, `${file} has no ${locale}`).toBeDefined();
      expect(Object.keys(other!).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(other!)) {
        expect(text.trim(), `${file} ${locale}.${key}`).not.toBe('');
        expect(placeholders(text), `${file} ${locale}.${key}`).toEqual(placeholders(en[key]!));
      }
    });
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('expires in {days} days', { days: 3 })).toBe('expires in 3 days');
    expect(format('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});
