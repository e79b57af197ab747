import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastBufferSource } from '../../scripts/vite-fast-buffer-source.ts';

// The CLI build rewrites @peculiar/utils' tagOf (asn1js's buffer-kind check). These tests read the
// installed library, so an upgrade that changes its code is noticed here rather than as a slower dump.
const require = createRequire(import.meta.url);
const file = join(dirname(require.resolve('@peculiar/utils/package.json')), 'build', 'bytes', 'buffer-source.js');
const source = readFileSync(file, 'utf8');

type Context = { warn(m: string): void; error(m: string): never };
type Transform = (this: Context, code: string, id: string) => { code: string } | null;

/** Runs the hook as Rollup would: `this.error` throws (and fails the build), `this.warn` is recorded. */
function context(warnings: string[]): Context {
  return {
    warn: (m) => void warnings.push(m),
    error: (m) => {
      throw new Error(m);
    },
  };
}

function transform(code: string, id: string, warnings: string[] = []): { code: string } | null {
  const plugin = fastBufferSource();
  return (plugin.transform as Transform).call(context(warnings), code, id);
}

/** The module's own tagOf, taken out of its source and evaluated on its own. */
function tagOfFrom(code: string): (v: unknown) => string {
  const body = /function tagOf\(value\) \{[\s\S]*?\n\}/.exec(code)![0];
  return new Function(`${body}\nreturn tagOf;`)() as (v: unknown) => string;
}

describe('fastBufferSource (CLI build transform)', () => {
  it('rewrites the installed @peculiar/utils tagOf', () => {
    const warnings: string[] = [];
    const out = transform(source, file, warnings);
    expect(warnings).toEqual([]);
    expect(out?.code).toContain('value instanceof Uint8Array');
    expect(out!.code.replace(/function tagOf[\s\S]*?\n\}/, '')).toBe(source.replace(/function tagOf[\s\S]*?\n\}/, ''));
  });

  it('answers exactly as the original for every kind of value', () => {
    const original = tagOfFrom(source);
    const fast = tagOfFrom(transform(source, file)!.code);
    const values: unknown[] = [
      new Uint8Array(0),
      new Uint8Array(new ArrayBuffer(8), 2, 3),
      Buffer.from('ab'),
      new ArrayBuffer(4),
      new SharedArrayBuffer(4),
      new DataView(new ArrayBuffer(2)),
      new Uint16Array(2),
      new Int8Array(1),
      [],
      {},
      'x',
      3,
      null,
      undefined,
    ];
    for (const v of values) expect(fast(v)).toBe(original(v));
  });

  it('leaves other modules alone, and fails the build when the code is not what it expects', () => {
    expect(transform(source, '/x/node_modules/asn1js/build/index.js')).toBeNull();
    expect(() => transform('function tagOf(v) { return String(v); }', file)).toThrow(/tagOf changed/);
  });

  it('fails the build when the module never came by (asn1js no longer uses it)', () => {
    const plugin = fastBufferSource();
    expect(() => (plugin.buildEnd as (this: Context) => void).call(context([]))).toThrow(/not in the bundle/);
  });
});
