// findPemBlocks reads a text's lines as offsets and pemBlockBytes decodes a body straight from the
// text (a 10,000-certificate bundle has 250,000 lines: no string per line). Both must say exactly
// what the line-by-line reading says: the blocks, their headers, bodies, errors, and the bytes or
// the error (with its line) of decodeBase64Lines. Judged here against that reading, written out
// plainly, on texts built from PEM's pieces and the characters that make it go wrong.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPemBlocks, pemBlockBytes } from '../../src/core/input/pem.ts';
import { decodeBase64Lines, type NumberedLine } from '../../src/core/input/base64.ts';
import { CertbenchError } from '../../src/core/errors.ts';

const BEGIN = /^-----BEGIN ([^-\s](?:[^-]*[^-\s])?)-----$/;
const END = /^-----END ([^-\s](?:[^-]*[^-\s])?)-----$/;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;

interface PlainBlock {
  index: number;
  label: string;
  headers: Record<string, string>;
  body: NumberedLine[];
  beginLine: number;
  error?: string;
}

/** The reading by whole lines: split, trim, a regular expression per line. */
function plainBlocks(text: string): PlainBlock[] {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim());
  const blocks: PlainBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const begin = BEGIN.exec(lines[i]!);
    if (!begin) {
      i++;
      continue;
    }
    const block: PlainBlock = { index: blocks.length + 1, label: begin[1]!, headers: {}, body: [], beginLine: i + 1 };
    blocks.push(block);
    i++;
    if (i < lines.length && HEADER.test(lines[i]!)) {
      while (i < lines.length && lines[i] !== '' && !END.test(lines[i]!) && !BEGIN.test(lines[i]!)) {
        const h = HEADER.exec(lines[i]!);
        if (!h) break;
        block.headers[h[1]!] = h[2]!;
        i++;
      }
    }
    let closed = false;
    for (; i < lines.length; i++) {
      if (BEGIN.test(lines[i]!)) break;
      const end = END.exec(lines[i]!);
      if (end) {
        if (end[1] !== block.label) block.error = 'input.pemEndMismatch';
        closed = true;
        i++;
        break;
      }
      block.body.push({ text: lines[i]!, line: i + 1 });
    }
    if (!closed) block.error = 'input.pemNoEnd';
  }
  return blocks;
}

/** Bytes, or the error's message id and parameters. */
function outcome(decode: () => Uint8Array): unknown {
  try {
    return Array.from(decode());
  } catch (e) {
    if (!(e instanceof CertbenchError)) throw e;
    return { id: e.said.id, params: e.said.params };
  }
}

const PIECES = [
  '-----BEGIN CERTIFICATE-----',
  '-----END CERTIFICATE-----',
  '-----BEGIN X-----',
  '-----END X-----',
  '-----BEGIN  BAD-----',
  'Proc-Type: 4,ENCRYPTED',
  'DEK-Info: AES-128-CBC,00',
  'MIIBszCCAVmgAwIBAgIU',
  'AQAB',
  'QUJD',
  'QUI=',
  'QQ==',
  'Q',
  '=',
  '==',
  ' ',
  '  ',
  '\t',
  '\v',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\n',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '*',
  '-',
  'é',
  '-_',
];

const pemLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

/** Real blocks with their lines disturbed: most bodies decode, some just barely do not. */
const nearlyPem = fc
  .tuple(fc.array(fc.constantFrom('QUJD', 'QUI=', 'QQ==', 'QQ=', 'QUI', 'MIIB', 'AQAB', 'Q', ' ', '\t', '='), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(5), { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([chunks, breaks, nl]) => {
    const body = chunks.map((c, i) => (breaks[i] ? c + nl.repeat(breaks[i]!) : c)).join('');
    return `junk${nl}-----BEGIN CERTIFICATE-----${nl}${body}${nl}-----END CERTIFICATE-----${nl}`;
  });

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261206;

describe('findPemBlocks and pemBlockBytes say what the line-by-line reading says', () => {
  for (const [name, texts] of [
    ['texts of PEM pieces', pemLike],
    ['blocks with disturbed bodies', nearlyPem],
  ] as const) {
    it(name, () => {
      fc.assert(
        fc.property(texts, (text) => {
          const blocks = findPemBlocks(text);
          const plain = plainBlocks(text);
          expect(blocks.map((b) => ({ ...b, body: [...b.body], error: b.error?.id }))).toEqual(plain);
          for (let i = 0; i < blocks.length; i++) {
            if (plain[i]!.error) continue;
            expect(outcome(() => pemBlockBytes(blocks[i]!))).toEqual(outcome(() => decodeBase64Lines(plain[i]!.body)));
          }
        }),
        { numRuns: 3000, seed: SEED },
      );
    });
  }

  it('decodes a body as Node does, and a body read before decoding gives the same bytes', () => {
    const der = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 37) & 0xff));
    const b64 = Buffer.from(der).toString('base64');
    const text = `-----BEGIN CERTIFICATE-----\r\n${b64.replace(/.{64}/g, '$&\r\n')}\r\n-----END CERTIFICATE-----\r\n`;
    const [block] = findPemBlocks(text);
    expect(pemBlockBytes(block!)).toEqual(der);
    expect(block!.body).toHaveLength(Math.ceil(b64.length / 64));
    expect(pemBlockBytes(block!)).toEqual(der);
  });
});
