/**
 * Mutation fuzzing of input detection and the OpenSSL-text printers over the corpus: truncated,
 * bit-flipped, byte-smashed, spliced and re-armoured inputs. Properties: detectInput never throws,
 * dumpText throws only CertbenchError, every message is non-empty, no input takes over 1 s.
 * Seeded, so a failure names the seed and index that reproduce it (FUZZ_SEED=… to vary).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { detectInput } from '../../src/core/input/detect.ts';
import { dumpText } from '../../src/core/text/dump.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import { CORPUS } from './detect-helpers.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const PER_STRATEGY = 1_700; // × 6 strategies ≥ 10,000 inputs
const SLOW_MS = 1_000;

/** mulberry32: small, seedable, good enough to pick mutations. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof rng>;

/** The corpus as DER seeds (the almost-10k-entry CRL is left out: it alone would take the time budget). */
function loadSeeds(): Uint8Array[] {
  const seeds: Uint8Array[] = [];
  const dirs = ['certs', 'csrs', 'other/crl', 'other/keys', 'other/pkcs7', 'other/rejected-by-openssl'];
  for (const dir of dirs) {
    for (const f of fs.readdirSync(path.join(CORPUS, dir)).sort()) {
      if (/\.(txt|json|lst)$/.test(f) || f.includes('almost_10k')) continue;
      const raw = new Uint8Array(fs.readFileSync(path.join(CORPUS, dir, f)));
      for (const o of detectInput(raw).objects) seeds.push(o.der);
    }
  }
  return seeds;
}

const seeds = loadSeeds();

function armour(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

const LABELS = ['CERTIFICATE', 'CERTIFICATE REQUEST', 'X509 CRL', 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'PUBLIC KEY', 'RSA PUBLIC KEY', 'PKCS7', 'TRUSTED CERTIFICATE'];

/** Presents mutated DER the ways people paste it. */
function present(r: Rng, der: Uint8Array): string | Uint8Array {
  switch (r.int(6)) {
    case 0:
    case 1:
      return der;
    case 2:
      return armour(der, r.pick(LABELS));
    case 3:
      return Buffer.from(der).toString('base64');
    case 4:
      return Buffer.from(der).toString('hex');
    default:
      return `kind: Secret\nmetadata: {name: fuzz}\ndata:\n  tls.crt: ${Buffer.from(armour(der, 'CERTIFICATE')).toString('base64')}\n`;
  }
}

type Strategy = (r: Rng) => string | Uint8Array;

const STRATEGIES: Record<string, Strategy> = {
  truncated: (r) => {
    const d = r.pick(seeds);
    return present(r, d.slice(0, r.int(d.length)));
  },
  'bit-flipped': (r) => {
    const d = r.pick(seeds).slice();
    for (let n = 1 + r.int(4); n > 0; n--) d[r.int(d.length)]! ^= 1 << r.int(8);
    return present(r, d);
  },
  'bytes smashed (lengths and tags favoured)': (r) => {
    const d = r.pick(seeds).slice();
    const values = [0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x84, 0x88, 0xff, 0x30, 0xa0, 0x05, 0x02, 0x03, 0x04, 0x06];
    // Early bytes hold the outer tags and lengths, where mutations reach furthest.
    for (let n = 1 + r.int(3); n > 0; n--) d[r.int(Math.min(d.length, r.next() < 0.5 ? 64 : d.length))] = r.pick(values);
    return present(r, d);
  },
  spliced: (r) => {
    const a = r.pick(seeds);
    const b = r.pick(seeds);
    const out = new Uint8Array([...a.subarray(0, r.int(a.length)), ...b.subarray(r.int(b.length))]);
    return present(r, out);
  },
  'inserted and deleted runs': (r) => {
    const d = r.pick(seeds);
    const at = r.int(d.length);
    const ins = Uint8Array.from({ length: r.int(8) }, () => r.int(256));
    return present(r, new Uint8Array([...d.subarray(0, at), ...ins, ...d.subarray(at + r.int(8))]));
  },
  'PEM text damaged': (r) => {
    const lines = armour(r.pick(seeds), r.pick(LABELS)).split('\n');
    const i = 1 + r.int(Math.max(1, lines.length - 2));
    switch (r.int(4)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines[i] = lines[i]!.slice(0, r.int(lines[i]!.length + 1)) + r.pick(['!', '=', ' ', '-', '\t', 'é']) + lines[i]!.slice(r.int(lines[i]!.length + 1));
        break;
      case 2:
        lines.splice(i, 0, 'Proc-Type: 4,ENCRYPTED', r.next() < 0.5 ? '' : 'DEK-Info: AES-128-CBC,00');
        break;
      default:
        lines.length = i;
    }
    return r.next() < 0.3 ? lines.join('\r\n') : lines.join('\n');
  },
};

interface Failure {
  index: number;
  what: string;
}

/** A message a person can act on: not empty, no leaked "undefined"/"[object Object]"/"NaN". */
function meaningful(message: string): boolean {
  return message.trim() !== '' && !/\bundefined\b|\[object |\bNaN\b/.test(message);
}

function exercise(input: string | Uint8Array): string | undefined {
  let result;
  try {
    result = detectInput(input);
  } catch (e) {
    return `detectInput threw ${String(e)}`;
  }
  for (const p of result.problems) if (!meaningful(p.message)) return `problem message ${JSON.stringify(p.message)} at ${p.origin}`;
  for (const obj of result.objects) {
    try {
      const text = dumpText(obj);
      if (typeof text !== 'string') return `dumpText returned ${typeof text}`;
    } catch (e) {
      if (!(e instanceof CertbenchError)) return `dumpText threw ${e instanceof Error ? e.name : typeof e}: ${String(e)}`;
      if (!meaningful(e.message)) return `CertbenchError ${JSON.stringify(e.message)} for ${obj.origin}`;
    }
  }
  return undefined;
}

describe(`fuzz: ${Object.keys(STRATEGIES).length * PER_STRATEGY} mutated corpus inputs through detectInput + dumpText (seed ${SEED})`, () => {
  it('has seeds from every part of the corpus', () => {
    expect(seeds.length).toBeGreaterThan(700);
  });
  Object.entries(STRATEGIES).forEach(([name, strategy], s) => {
    it(`${name}: ${PER_STRATEGY} inputs`, () => {
      const r = rng(SEED + s * 7919);
      const failures: Failure[] = [];
      let slowest = 0;
      for (let i = 0; i < PER_STRATEGY; i++) {
        const input = strategy(r);
        const t0 = performance.now();
        const failure = exercise(input);
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        if (failure) failures.push({ index: i, what: failure });
        else if (ms > SLOW_MS) failures.push({ index: i, what: `took ${ms.toFixed(0)} ms` });
      }
      expect(failures.slice(0, 10), `seed ${SEED}, strategy ${name}; slowest ${slowest.toFixed(0)} ms`).toEqual([]);
    });
  });
});
