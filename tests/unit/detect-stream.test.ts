// detectObjects hands objects over as detection finds them, each with its final origin, and in the
// end hands over exactly what detectInput finds (same objects, origins, order, problems); the
// pipeline's decodeObjects streams the same way and decodeInput (all at once) is built on it.
import { describe, expect, it } from 'vitest';
import { detectInput, detectObjects, type Detected } from '../../src/core/input/detect.ts';
import { decodeInput, decodeObjects, type PrintedObject } from '../../src/core/pipeline/decode.ts';
import type { DetectResult } from '../../src/core/types.ts';
import { b64, CERT_A, CERT_B, CERT_C, corpusText, CSR, KEYS, openssl, pemDer } from './detect-helpers.ts';

/** Every step of a generator: what it yielded, in order, and what it returned. */
function stepsOf<T, R>(gen: Generator<T, R, void>): { yielded: T[]; returned: R } {
  const yielded: T[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { yielded, returned: r.value };
    yielded.push(r.value);
  }
}

const pems = [CERT_A, CERT_B, CERT_C].map((f) => corpusText(f));
const ders = pems.map(pemDer);
const concat = (parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const ecKeyWithParameters = () => openssl(['ecparam', '-name', 'prime256v1', '-genkey']).toString();
const secret = () =>
  [
    'apiVersion: v1',
    'kind: Secret',
    'metadata: {name: tls}',
    'data:',
    `  tls.crt: ${b64(pems[0]! + pems[1]!)}`,
    `  ca.crt: ${b64(pems[2]!)}`,
  ].join('\n');

const INPUTS: Array<[string, () => string | Uint8Array, string?]> = [
  ['a PEM bundle', () => pems.join('')],
  ['a PEM bundle with a broken block between good ones', () => pems[0] + '-----BEGIN CERTIFICATE-----\nMIIB!!\n-----END CERTIFICATE-----\n' + pems[1]],
  ['concatenated DER certificates (numbered once counted)', () => concat(ders)],
  ['base64 of a PEM bundle', () => b64(pems.join(''))],
  ['EC parameters before the key (set aside at the end)', ecKeyWithParameters],
  ['EC parameters alone (kept)', () => openssl(['ecparam', '-name', 'prime256v1']).toString()],
  ['a Secret with a bundle and a CA', secret, 'secret.yaml'],
  ['a CSR and an RSA key', () => corpusText(CSR) + corpusText(`${KEYS}Traditional_OpenSSL_Serialization__testrsa.pem`)],
  ['a legacy-encrypted key (not decoded by detection)', () => corpusText(`${KEYS}Traditional_OpenSSL_Serialization__testrsa-encrypted.pem`)],
  ['nothing recognisable', () => 'hello'],
];

const view = (r: DetectResult) => ({
  objects: r.objects.map((o) => ({ kind: o.kind, origin: o.origin, originSaid: o.originSaid, line: o.line, der: [...o.der] })),
  problems: r.problems,
});

describe('detectObjects', () => {
  it.each(INPUTS)('%s: hands over what detectInput finds, in order, with the same origins and problems', (_, make, name) => {
    const input = make(); // once: a generated key differs each time
    const { yielded, returned } = stepsOf(detectObjects(input, name));
    const all = detectInput(input, name);
    expect(view({ objects: yielded.map((d) => d.obj), problems: returned.problems })).toEqual(view(all));
    expect(view(returned)).toEqual(view(all));
  });

  it('hands over the first PEM block before reading the next: its origin is final at once', () => {
    const gen = detectObjects(pems.join(''), 'bundle.pem');
    const first = gen.next().value as Detected;
    expect(first.obj.origin).toBe('bundle.pem › block 1 (CERTIFICATE)');
    expect([...first.obj.der]).toEqual([...ders[0]!]);
    // The tree detection decoded comes with it, so the object is not decoded again.
    expect(first.tree?.der.length).toBe(ders[0]!.length);
  });

  it('holds a run of DER elements until it is counted: the first comes as "certificate 1 of 3"', () => {
    const gen = detectObjects(concat(ders), 'certs.der');
    const first = gen.next().value as Detected;
    expect(first.obj.origin).toBe('certs.der › DER › certificate 1 of 3');
    expect(first.tree).toBeDefined();
  });

  it('holds curve parameters and what follows them until the end, then leaves the parameters out', () => {
    const { yielded, returned } = stepsOf(detectObjects(ecKeyWithParameters()));
    expect(yielded.map((d) => d.obj.kind)).toEqual(['ec-private-key']);
    expect(returned.problems.some((p) => p.skipped)).toBe(true);
  });
});

describe('decodeObjects', () => {
  const summaryOf = async (p: PrintedObject) => (await p.summary)?.subject;

  it('streams a big input unprinted, summaries read as it goes; decodeInput returns the same', async () => {
    const input = pems.join('').repeat(3); // 9 objects
    const { yielded, returned } = stepsOf(decodeObjects(input, undefined, { printUpTo: 5 }));
    const all = decodeInput(input, undefined, { printUpTo: 5 });
    expect(yielded.map((p) => [p.obj.origin, p.unprinted, p.text])).toEqual(all.objects.map((p) => [p.obj.origin, true, undefined]));
    expect(await Promise.all(yielded.map(summaryOf))).toEqual(await Promise.all(all.objects.map(summaryOf)));
    expect(returned).toEqual(all.problems);
  });

  it('prints every object of an input within printUpTo, with the text openssl prints', async () => {
    const { yielded } = stepsOf(decodeObjects(pems.join(''), undefined, { printUpTo: 3 }));
    expect(yielded.map((p) => p.unprinted)).toEqual([undefined, undefined, undefined]);
    for (const [i, p] of yielded.entries()) expect(p.text).toBe(openssl(['x509', '-text', '-noout'], pems[i]).toString());
  });

  it('hands the first object of an unlimited print over before the rest are read', () => {
    const gen = decodeObjects(pems.join(''));
    const first = gen.next().value as PrintedObject;
    expect(first.obj.origin).toBe('block 1 (CERTIFICATE)');
    expect(first.text).toBe(openssl(['x509', '-text', '-noout'], pems[0]).toString());
  });
});
