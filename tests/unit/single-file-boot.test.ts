import { readFileSync } from 'node:fs';
import { resolveObjectURL } from 'node:buffer';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { packBytes, wrapChunk } from '../../scripts/vite-single-file-chunks.ts';

/**
 * The page's loader (scripts/single-file-boot.js) run in Node against a fake document: it must
 * give every chunk back byte for byte while it inflates the pack slice by slice (32 KiB of the
 * page's text at a time) — also where a slice ends inside an escape or a windows-1252 character.
 * The pack here is deflated as stored blocks, so the page's text holds the chunks' bytes as they
 * are: bytes the build escapes (NUL, CR, '<', '=') and bytes 0x80-0x9F (which the page reads as
 * other characters) fall on slice boundaries.
 */
const BOOT = readFileSync(join(import.meta.dirname, '../../scripts/single-file-boot.js'), 'utf8');
const fail = (m: string): never => {
  throw new Error(m);
};

// Bytes the page must carry through: the build's escapes, and UTF-8 whose bytes are 0x80-0x9F (€ is E2 82 AC, … is E2 80 A6).
const AWKWARD = '=<\0\r=A=B€…‚ƒ„†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ=';
function chunk(name: string, body: string, filler: number): string {
  return wrapChunk(name, `/*${AWKWARD.repeat(filler)}*/\n${body}`, fail);
}

interface Pack {
  html: string;
  sources: Record<string, string>;
  css: string;
}

/** A page's pack as the build lays it out: the manifest's line, the stylesheet, then the chunks, start-up first. */
function pack(chunks: { name: string; source: string; imports: string[]; dynamic: string[]; language?: string }[], css: string, corrupt = false): Pack {
  const encoder = new TextEncoder();
  const parts = [encoder.encode(css), ...chunks.map((c) => encoder.encode(c.source))];
  const ends: number[] = [];
  parts.reduce((at, p) => (ends.push(at + p.length), at + p.length), 0);
  const manifest = {
    css: [0, ends[0]],
    chunks: Object.fromEntries(chunks.map((c, i) => [c.name, { imports: c.imports, dynamic: c.dynamic, ...(c.language ? { language: c.language } : {}), at: [ends[i], ends[i + 1]] }])),
  };
  const stream = Buffer.concat([Buffer.from(`${JSON.stringify(manifest)}\n`), ...parts]);
  const compressed = deflateRawSync(stream, { level: 0 });
  // A stored block's length and its complement no longer agree: the inflater refuses the stream.
  if (corrupt) compressed[1] ^= 0xff;
  // The page is windows-1252: the browser hands the block's text over as that decoding of its bytes.
  const html = new TextDecoder('windows-1252').decode(Buffer.from(packBytes(compressed), 'latin1'));
  return { html, css, sources: Object.fromEntries(chunks.map((c) => [c.name, c.source])) };
}

interface FakeElement {
  tag: string;
  textContent: string;
  children: FakeElement[];
  attributes: Record<string, string>;
  setAttribute(name: string, value: string): void;
  appendChild(child: FakeElement): FakeElement;
  remove(): void;
}

/** Runs the loader in a fake page; an inserted inline script runs as the browser would run it. */
function openPage(p: Pack) {
  const element = (tag: string): FakeElement => ({
    tag,
    textContent: '',
    children: [],
    attributes: {},
    setAttribute(name, value) {
      this.attributes[name] = value;
    },
    appendChild(child) {
      this.children.push(child);
      if (child.tag === 'script') new Function(child.textContent)();
      return child;
    },
    remove() {},
  });
  const head = element('head');
  const app = element('div');
  const block = element('script');
  block.textContent = p.html;
  const document = {
    head,
    body: element('body'),
    documentElement: element('html'),
    getElementById: (id: string) => (id === 'certbench-pack' ? block : id === 'app' ? app : null),
    createElement: element,
    addEventListener() {},
  };
  new Function('self', 'document', BOOT)(globalThis, document);
  return { head, app, api: (globalThis as unknown as { __certbench: Record<string, (...a: unknown[]) => Promise<unknown>> }).__certbench };
}

const started = () => (globalThis as { __bootTest?: string[] }).__bootTest ?? [];
afterEach(() => {
  delete (globalThis as { __certbench?: unknown }).__certbench;
  delete (globalThis as { __bootTest?: unknown }).__bootTest;
});

function app(corrupt = false): Pack {
  const log = (what: string) => `(globalThis.__bootTest ??= []).push(${JSON.stringify(what)});`;
  return pack(
    [
      { name: 'main.js', source: chunk('main.js', `${log('main')}require("./lib.js");`, 900), imports: ['lib.js'], dynamic: ['late.js', 'texts-ja.js'] },
      { name: 'lib.js', source: chunk('lib.js', `${log('lib')}exports.lib = 1;`, 900), imports: [], dynamic: [] },
      { name: 'worker.js', source: chunk('worker.js', `${log('worker')}require("./lib.js");`, 3000), imports: ['lib.js'], dynamic: [] },
      { name: 'late.js', source: chunk('late.js', `${log('late')}exports.late = require("./lib.js").lib + 41;`, 6000), imports: ['lib.js'], dynamic: [] },
      { name: 'texts-ja.js', source: chunk('texts-ja.js', `${log('ja')}exports.hello = "こんにちは";`, 100), imports: [], dynamic: [], language: 'ja' },
    ],
    `body { color: red; } /* ${AWKWARD.repeat(50).replace(/\*\//g, '')} */`,
    corrupt,
  );
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('the page loader (scripts/single-file-boot.js)', () => {
  it('applies the stylesheet and runs the start-up chunks, byte for byte across slice boundaries', async () => {
    const p = app();
    expect(p.html.length).toBeGreaterThan(4 * 32768);
    const page = openPage(p);
    await until(() => started().includes('main'));
    expect(started().slice(0, 2)).toEqual(['main', 'lib']);
    expect(page.head.children.find((e) => e.tag === 'style')?.textContent).toBe(p.css);
    const ran = (await page.api.ran!()) as { name: string; text: string }[];
    expect(ran.map((r) => r.name).sort()).toEqual(['lib.js', 'main.js']);
    for (const r of ran) expect(r.text).toBe(p.sources[r.name]);
  });

  it('inflates a chunk further on in the stream when it is asked for', async () => {
    const p = app();
    const page = openPage(p);
    await until(() => started().includes('main'));
    await expect(page.api.load!('late.js')).resolves.toEqual({ late: 42 });
    const ran = (await page.api.ran!()) as { name: string; text: string }[];
    expect(ran.find((r) => r.name === 'late.js')?.text).toBe(p.sources['late.js']);
  });

  it("compiles the other chunks while idle, but not a language's texts until that language is asked for", async () => {
    const p = app();
    const page = openPage(p);
    const defined = async () => ((await page.api.ran!()) as { name: string }[]).map((r) => r.name).sort();
    await until(() => started().includes('main'));
    for (let i = 0; i < 100 && !(await defined()).includes('late.js'); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(await defined()).toEqual(['late.js', 'lib.js', 'main.js']);
    await expect(page.api.load!('texts-ja.js')).resolves.toEqual({ hello: 'こんにちは' });
    expect(await defined()).toEqual(['late.js', 'lib.js', 'main.js', 'texts-ja.js']);
  });

  it('makes the worker script from the chunks its entry needs, as they are', async () => {
    const p = app();
    const page = openPage(p);
    await until(() => started().includes('main'));
    const url = (await page.api.workerUrl!('worker.js')) as string;
    const script = await resolveObjectURL(url)!.text();
    expect(script).toContain(p.sources['worker.js']);
    expect(script).toContain(p.sources['lib.js']);
    expect(script.endsWith('self.__certbench.require("worker.js");\n')).toBe(true);
  });

  it('says the page cannot start when its pack is damaged', async () => {
    const page = openPage(app(true));
    await until(() => page.app.children.length > 0);
    expect(page.app.children[0]!.attributes.role).toBe('alert');
    expect(page.app.children[0]!.textContent).toMatch(/^certbench could not start: /);
    expect(started()).toEqual([]);
  });
});
