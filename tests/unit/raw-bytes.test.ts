// The printed text keeps bytes OpenSSL writes as they are (surrogateescape): every byte string
// survives decode → encode unchanged, valid UTF-8 decodes as UTF-8, and the app's escapes show
// each kept byte as \xHH.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBase64 } from '../../src/core/bytes.ts';
import { summarize } from '../../src/core/summary.ts';
import { decodeKeepingBytes, escapeRawBytes, hasRawBytes, rawByteSegments, textBytes } from '../../src/core/text/raw-bytes.ts';
import { visibleText } from '../../src/core/text/visible.ts';

describe('raw bytes kept in text', () => {
  it('any bytes come back unchanged (property, 2,000 runs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect([...textBytes(decodeKeepingBytes(bytes))]).toEqual([...bytes]);
      }),
      { numRuns: 2000 },
    );
  });

  it('valid UTF-8 decodes as UTF-8, a byte-order mark included, with no kept bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 32 }), (s) => {
        const bytes = new TextEncoder().encode('\uFEFF' + s);
        expect(decodeKeepingBytes(bytes)).toBe('\uFEFF' + s);
        expect(hasRawBytes(decodeKeepingBytes(bytes))).toBe(false);
      }),
    );
  });

  it('keeps what UTF-8 forbids: stray continuation bytes, overlong forms, encoded surrogates, past U+10FFFF', () => {
    for (const hex of ['c0a8', '80', 'e08080', 'eda080', 'f4908080', 'c3', 'ff']) {
      const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
      const text = decodeKeepingBytes(bytes);
      expect(text).toBe(String.fromCharCode(...[...bytes].map((b) => 0xdc00 + b)));
      expect(Buffer.from(textBytes(text)).toString('hex')).toBe(hex);
    }
  });

  it('a valid sequence beside a broken one is decoded, the broken bytes kept', () => {
    const text = decodeKeepingBytes(Uint8Array.from([0x41, 0xc3, 0xa9, 0xc0, 0xa8, 0x42]));
    expect(text).toBe('Aé\uDCC0\uDCA8B');
    expect(escapeRawBytes(text)).toBe('Aé\\xC0\\xA8B');
    expect(rawByteSegments(text)).toEqual([{ text: 'Aé' }, { text: '\\xC0', rawByte: 0xc0 }, { text: '\\xA8', rawByte: 0xa8 }, { text: 'B' }]);
  });

  it('a real surrogate pair is text, not kept bytes', () => {
    const text = '\uD83D\uDCA9'; // U+1F4A9: its low surrogate is in U+DC80–U+DCFF
    expect(hasRawBytes(text)).toBe(false);
    expect(rawByteSegments(text)).toEqual([{ text }]);
    expect(Buffer.from(textBytes(text)).toString('hex')).toBe('f09f92a9');
  });
});

describe('raw bytes outside the OpenSSL text', () => {
  it('the summary shows a non-UTF-8 dNSName as \\xC0\\xA8 (visibleText), never as U+FFFD', async () => {
    const pem = readFileSync(join(import.meta.dirname, '../fixtures/corpus/certs/zlint__SANDNSNotIA5String.pem'), 'utf8');
    const s = await summarize({ kind: 'certificate', der: fromBase64(/-----BEGIN [^-]+-----([\s\S]*?)-----END/.exec(pem)![1]!), origin: 'test' });
    expect(s.sans).toContain('DNS:\\xC0\\xA8');
    expect(JSON.stringify(s)).not.toContain('\uFFFD');
  });

  it('visibleText writes a kept byte as \\xHH and leaves a real surrogate pair alone', () => {
    expect(visibleText('a\uDCC0b')).toBe('a\\xC0b');
    expect(visibleText('\uD83D\uDCA9')).toBe('\uD83D\uDCA9');
  });
});
