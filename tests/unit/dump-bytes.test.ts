// DumpOutput fills one buffer again once the writer says it holds nothing (process.stdout on a file
// or pipe), and a new one while the writer still holds what it was given: no chunk is overwritten.
import { describe, expect, it } from 'vitest';
import { DumpOutput } from '../../src/cli/dump-bytes.ts';

const texts = Array.from({ length: 12000 }, (_, i) => `line ${i} ${'x'.repeat(i % 700)}\n`);

function write(drained: boolean) {
  const given: Uint8Array[] = [];
  const out = new DumpOutput((b) => void given.push(drained ? Uint8Array.from(b) : b), () => drained);
  for (const t of texts) out.text(t);
  out.flush();
  return given;
}

describe('DumpOutput', () => {
  it('writes the same bytes whether its buffer is filled again (writer drained) or not (writer holds each chunk)', () => {
    const expected = Buffer.from(texts.join(''));
    for (const drained of [true, false]) {
      const chunks = write(drained);
      expect(chunks.length).toBeGreaterThan(1);
      expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    }
  });

  it('never refills a buffer the writer still holds', () => {
    const chunks = write(false);
    const buffers = new Set(chunks.map((c) => c.buffer));
    expect(buffers.size).toBe(chunks.length);
  });
});
