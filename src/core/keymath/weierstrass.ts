/**
 * Scalar multiplication on prime-field short Weierstrass curves, for SEC1 keys that omit the public
 * point: OpenSSL computes it from the private key when decoding, so `pkey -text` prints it.
 */
import { mod, modInverse } from './modular.ts';

export interface PrimeCurve {
  p: bigint;
  a: bigint;
  b: bigint;
  gx: bigint;
  gy: bigint;
  n: bigint;
}

type Affine = { x: bigint; y: bigint } | null;

function add(c: PrimeCurve, P: Affine, Q: Affine): Affine {
  if (!P) return Q;
  if (!Q) return P;
  const p = c.p;
  let slope: bigint;
  if (P.x === Q.x) {
    if (mod(P.y + Q.y, p) === 0n) return null;
    slope = mod((3n * P.x * P.x + c.a) * modInverse(2n * P.y, p), p);
  } else {
    slope = mod((Q.y - P.y) * modInverse(Q.x - P.x, p), p);
  }
  const x = mod(slope * slope - P.x - Q.x, p);
  return { x, y: mod(slope * (P.x - x) - P.y, p) };
}

/** k·G as an uncompressed SEC1 point (04 || X || Y), coordinates padded to the field size. */
export function multiplyGenerator(c: PrimeCurve, k: bigint): Uint8Array {
  let result: Affine = null;
  let addend: Affine = { x: c.gx, y: c.gy };
  for (let e = mod(k, c.n); e > 0n; e >>= 1n) {
    if (e & 1n) result = add(c, result, addend);
    addend = add(c, addend, addend);
  }
  const size = Math.ceil(c.p.toString(2).length / 8);
  if (!result) return new Uint8Array([0]);
  const out = new Uint8Array(1 + 2 * size);
  out[0] = 4;
  const put = (v: bigint, at: number): void => {
    for (let i = size - 1; i >= 0; i--, v >>= 8n) out[at + i] = Number(v & 0xffn);
  };
  put(result.x, 1);
  put(result.y, 1 + size);
  return out;
}
