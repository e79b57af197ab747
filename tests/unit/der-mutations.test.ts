// Property: on corpus objects with bytes changed, inserted, removed or cut off, the decoder and the
// decode pipeline (detection, then OpenSSL's text) never throw anything but a CertbenchError, and
// every failure names the byte offset in the input where it was found. Not failures of a place, so
// not held to that: an object that decodes but is no kind certbench prints (unknown-der), an
// encrypted key waiting for its passphrase, and input in which nothing at all is recognisable.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DerError, parseDer } from '../../src/core/der/node.ts';
import { CertbenchError, describeError } from '../../src/core/errors.ts';
import { decodeInput } from '../../src/core/pipeline/decode.ts';
import { pemBlocks } from './text-oracle.helper.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');

/** Every 20th file of each corpus folder: certificates, requests, CRLs and keys of every kind. */
function sample(dir: string): Uint8Array[] {
  return readdirSync(join(CORPUS, dir))
    .filter((f) => /\.(pem|der|crt|csr|crl|key)$/.test(f))
    .sort()
    .filter((_, i) => i % 20 === 0)
    .flatMap((f) => {
      const bytes = readFileSync(join(CORPUS, dir, f));
      const blocks = pemBlocks(bytes.toString('latin1'));
      return blocks.length ? blocks.slice(0, 1).map((b) => b.der) : [new Uint8Array(bytes)];
    });
}

const objects = [...sample('certs'), ...sample('csrs'), ...sample('other/crl'), ...sample('other/keys')];

type Mutation = { at: number; kind: 'set' | 'insert' | 'delete' | 'cut'; byte: number };

function mutate(der: Uint8Array, ms: Mutation[]): Uint8Array {
  let out = der;
  for (const m of ms) {
    const at = m.at % Math.max(1, out.length);
    if (m.kind === 'set') (out = out.slice())[at] = m.byte;
    else if (m.kind === 'insert') out = new Uint8Array([...out.subarray(0, at), m.byte, ...out.subarray(at)]);
    else if (m.kind === 'delete') out = new Uint8Array([...out.subarray(0, at), ...out.subarray(at + 1)]);
    else out = out.subarray(0, at);
  }
  return out;
}

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('set', 'set', 'set', 'insert', 'delete', 'cut'),
  byte: fc.oneof(fc.constantFrom(0x00, 0x80, 0x81, 0x82, 0xff, 0x1f, 0x30, 0xa0), fc.integer({ min: 0, max: 255 })),
});

const mutated = fc.tuple(fc.constantFrom(...objects), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([der, ms]) => mutate(der, ms));

const NOT_A_PLACE = new Set(['unknown-der', 'encrypted-private-key', 'legacy-encrypted-key', 'pkcs12']);

// One seed, so `npm test` runs the same mutations every time: on a random seed a later run found a
// counterexample the earlier ones had not (an EC key whose BIT STRING's unused-bits byte was changed:
// its error named no place), which would fail an unrelated change's CI. To explore, FC_SEED=<n> npm test.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261205;

/** The offsets a message names ("at offset 0x1c"). */
const offsets = (message: string) => [...message.matchAll(/offset 0x([0-9a-f]+)/g)].map((m) => parseInt(m[1]!, 16));

describe('mutated DER', () => {
  it('has corpus objects of every kind to mutate', () => {
    expect(objects.length).toBeGreaterThan(30);
  });

  it('parseDer returns a tree or throws a DerError at an offset inside the input', () => {
    fc.assert(
      fc.property(mutated, (der) => {
        try {
          const root = parseDer(der, { trailing: 'refuse' });
          expect(root.der.length).toBe(der.length);
        } catch (e) {
          expect(e).toBeInstanceOf(DerError);
          const at = (e as DerError).offset;
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThanOrEqual(der.length);
          expect(offsets((e as DerError).message)).toContain(at);
        }
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('an EC key that no longer loads (its BIT STRING says one unused bit) is named by its offset', () => {
    const pem = readFileSync(join(CORPUS, 'certs/mozroot__SSL.com_Root_Certification_Authority_ECC.pem'), 'latin1');
    const der = pemBlocks(pem)[0]!.der.slice();
    const spki = [0x30, 0x76, 0x30, 0x10, 0x06, 0x07];
    const at = der.findIndex((_, i) => spki.every((b, j) => der[i + j] === b));
    const unusedBits = at + 2 + 0x12 + 2; // SPKI header, AlgorithmIdentifier, BIT STRING header
    expect(der[unusedBits]).toBe(0);
    der[unusedBits] = 1;
    // The SubjectPublicKeyInfo alone, as `openssl pkey -pubin` would be given it.
    const found = decodeInput(der.subarray(at, at + 2 + 0x76)).objects.find((o) => o.obj.kind === 'public-key');
    expect(describeError(found?.textError)).toBe('DER › offset 0x0: OpenSSL cannot load this public key: the key does not decode');
  });

  it('the decode pipeline never throws, fails only with CertbenchErrors, and each failure names an offset in the input', () => {
    fc.assert(
      fc.property(mutated, (der) => {
        const r = decodeInput(der);
        for (const p of r.problems) {
          if (p.skipped || p.said.id === 'input.nothingRecognisable') continue;
          const named = offsets(p.message);
          expect(named.length, `${p.message} names no offset`).toBeGreaterThan(0);
          for (const at of named) expect(at).toBeLessThanOrEqual(der.length);
        }
        for (const o of r.objects) {
          if (o.textError === undefined || NOT_A_PLACE.has(o.obj.kind)) continue;
          expect(o.textError, describeError(o.textError)).toBeInstanceOf(CertbenchError);
          const named = offsets(describeError(o.textError));
          expect(named.length, `${describeError(o.textError)} names no offset`).toBeGreaterThan(0);
          for (const at of named) expect(at).toBeLessThanOrEqual(der.length);
        }
      }),
      { numRuns: 1500, seed: SEED },
    );
  });
});
