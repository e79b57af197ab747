import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { joinIn, LOCALE_INFO, LOCALES } from '../../src/core/i18n/locales.ts';
import { format, pick, type MessageSet } from '../../src/core/i18n/messages.ts';
import { stepNotes } from '../../src/core/equivalent-command.ts';
import { CORE_MESSAGES, msg, render } from '../../src/core/messages/index.ts';
import { LAB_TEXTS } from '../../src/workshop/texts.ts';

// Every catalog — UI strings, core messages, lab texts, explanations — in every language: exactly
// English's keys, none empty, each with exactly its {placeholders} (a translation that drops {name}
// prints a sentence with a hole in it; one that adds {nmae} prints the braces). A locale is checked
// as soon as any catalog has a folder or file for it, before it is offered in LOCALES; a locale in
// LOCALES that lacks a file fails naming that file.
const root = join(import.meta.dirname, '../..');
const at = (...parts: string[]) => join(root, ...parts);
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const areas = (dir: string) => readdirSync(at(dir, 'en')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
const folderLocales = (dir: string) => readdirSync(at(dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const fileLocales = (dir: string, prefix: string) =>
  readdirSync(at(dir)).flatMap((f) => (f.startsWith(prefix) && /^[a-z]{2}\.ts$/.test(f.slice(prefix.length)) ? [f.slice(prefix.length, -3)] : []));

const catalogLocales = [
  ...folderLocales('src/ui/i18n/messages'),
  ...folderLocales('src/core/messages'),
  ...fileLocales('src/workshop', 'labs.'),
  ...fileLocales('src/core/explain', 'catalog.'),
];
const others = [...new Set<string>([...LOCALES, ...catalogLocales])].filter((l) => l !== 'en').sort();

/** Same keys, none empty, same placeholders; `name` says which file is wrong. */
function sameShape(name: string, en: Record<string, string>, other: Record<string, string>): void {
  expect(Object.keys(other).sort(), `${name}: keys`).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(other)) {
    expect(text.trim(), `${name} ${key}: empty`).not.toBe('');
    expect(placeholders(text), `${name} ${key}: placeholders`).toEqual(placeholders(en[key]!));
  }
}

async function loadDefault(file: string): Promise<Record<string, string>> {
  expect(existsSync(file), `missing file ${relative(root, file)}`).toBe(true);
  return ((await import(file)) as { default: Record<string, string> }).default;
}

describe.each(others)('locale %s', (locale) => {
  describe.each([
    ['UI strings', 'src/ui/i18n/messages'],
    ['core messages', 'src/core/messages'],
  ])('%s', (_what, dir) => {
    it.each(areas(dir))(`${dir}/${locale}/%s has en's keys and placeholders`, async (file) => {
      const en = await loadDefault(at(dir, 'en', file));
      sameShape(`${dir}/${locale}/${file}`, en, await loadDefault(at(dir, locale, file)));
    });
  });

  it('every UI area gathers this locale (messages/<area>.ts exports it)', async () => {
    for (const file of areas('src/ui/i18n/messages')) {
      const set = (await import(at('src/ui/i18n/messages', file))) as Record<string, unknown>;
      expect(set[locale], `src/ui/i18n/messages/${file} does not export ${locale}`).toBeDefined();
    }
  });

  it('the core catalog gathers every area of this locale (src/core/messages/<locale>/index.ts)', () => {
    const all = (CORE_MESSAGES as Record<string, Record<string, string> | undefined>)[locale];
    expect(all, `src/core/messages/index.ts does not carry ${locale}`).toBeDefined();
    expect(Object.keys(all!).sort()).toEqual(Object.keys(CORE_MESSAGES.en).sort());
  });

  it(`src/workshop/labs.${locale}.ts has the lab texts' keys and placeholders`, () => {
    const file = `src/workshop/labs.${locale}.ts`;
    expect(existsSync(at(file)), `missing file ${file}`).toBe(true);
    const texts = (LAB_TEXTS as Record<string, Record<string, string> | undefined>)[locale];
    expect(texts, `src/workshop/texts.ts does not carry ${locale}`).toBeDefined();
    sameShape(file, LAB_TEXTS.en, texts!);
  });

  it(`src/core/explain/catalog.${locale}.ts explains every field en explains`, async () => {
    const file = `src/core/explain/catalog.${locale}.ts`;
    expect(existsSync(at(file)), `missing file ${file}`).toBe(true);
    type Entry = Record<string, string | undefined>;
    const en = (await import(at('src/core/explain/catalog.en.ts'))).CATALOG_EN as Record<string, Entry>;
    const other = (await import(at(file)))[`CATALOG_${locale.toUpperCase()}`] as Record<string, Entry> | undefined;
    expect(other, `${file} exports no CATALOG_${locale.toUpperCase()}`).toBeDefined();
    expect(Object.keys(other!).sort(), `${file}: field ids`).toEqual(Object.keys(en).sort());
    for (const [id, entry] of Object.entries(other!)) {
      const parts = Object.keys(en[id]!).sort();
      expect(Object.keys(entry).sort(), `${file} ${id}: parts`).toEqual(parts);
      for (const part of parts) expect(entry[part]?.trim(), `${file} ${id}.${part}: empty`).toBeTruthy();
    }
  });
});

describe('the one mechanism', () => {
  const set: MessageSet<{ a: string; b: string }> = { en: { a: 'A {n}', b: 'B' }, de: { a: 'Ä {n}', b: '' } };

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('expires in {days} days', { days: 3 })).toBe('expires in 3 days');
    expect(format('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it("picks the locale's text, English only for a locale without a catalog", () => {
    expect(format(pick(set, 'de', 'a'), { n: 1 })).toBe('Ä 1');
    expect(pick({ en: set.en }, 'de', 'b')).toBe('B');
  });

  it('core messages are English for the CLI and the locale for the UI, nested messages worded too', () => {
    const m = { id: 'input.labelledButIs', params: { label: 'CERTIFICATE', kind: { id: 'kind.csr' } } } as const;
    expect(render(m)).toBe('labelled CERTIFICATE but this is a PKCS#10 request');
    expect(render(m, 'de')).toBe('als CERTIFICATE beschriftet, aber dies ist eine PKCS#10-Anforderung');
    expect(render({ ...m, where: [{ id: 'where.pemBlock', params: { index: 2 } }, 'tls.crt'] }, 'de')).toBe(
      'PEM-Block 2 › tls.crt: als CERTIFICATE beschriftet, aber dies ist eine PKCS#10-Anforderung',
    );
  });

  it("how texts are strung together is the locale's own (LOCALE_INFO.joins), and fits how its sentences end", () => {
    for (const locale of LOCALES) {
      // A language whose core sentences mostly end in 。 strings them without a space; one ending in '.' with one.
      const texts = Object.values(CORE_MESSAGES[locale] ?? {}) as string[];
      const fullStops = texts.filter((t) => t.endsWith('。')).length;
      const periods = texts.filter((t) => t.endsWith('.')).length;
      expect(LOCALE_INFO[locale].joins.sentences, `${locale}: sentences`).toBe(fullStops > periods ? '' : ' ');
    }
    const notes = { tool: 'cfssl' as const, title: msg('step.cfssl'), text: '', notes: [msg('step.note.cfsslNoNameConstraints'), msg('step.note.cfsslInitcaUsages')] };
    expect(stepNotes(notes)).toBe(`${render(notes.notes[0]!)} ${render(notes.notes[1]!)}`);
    expect(stepNotes(notes, 'ja')).toBe(`${render(notes.notes[0]!, 'ja')}${render(notes.notes[1]!, 'ja')}`);
    expect(stepNotes(notes, 'ja')).not.toMatch(/。 /);
    expect(joinIn('zh', 'items', ['甲', '乙'])).toBe('甲、乙');
    expect(joinIn('de', 'clauses', ['a', 'b'])).toBe('a; b');
  });
});
