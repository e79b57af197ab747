/**
 * Whether OpenSSL loads an encoded EC point on a prime curve (EC_POINT_oct2point): the form byte
 * agrees with the length, the coordinates are below p, and the point lies on the curve (a compressed
 * x must have a square root). OpenSSL refuses a public key that fails this ("Unable to load Public
 * Key" in x509 -text), so the printers must too.
 */
import { modSqrt } from './modular.ts';

interface PrimeCurveHex {
  p: string;
  a: string;
  b: string;
}

const big = (bytes: Uint8Array) => {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
};

export function loadsAsPoint(curve: PrimeCurveHex, point: Uint8Array): boolean {
  const p = BigInt(`0x${curve.p}`);
  const a = BigInt(`0x${curve.a}`);
  const b = BigInt(`0x${curve.b}`);
  const size = (p.toString(16).length + 1) >> 1;
  const form = point[0]! & ~1;
  const yBit = point[0]! & 1;
  if (point.length === 1 && point[0] === 0) return true; // the point at infinity
  const rhs = (x: bigint) => (((x * x * x + a * x + b) % p) + p) % p;
  if (form === 0x02) {
    if (point.length !== size + 1) return false;
    const x = big(point.subarray(1));
    return x < p && modSqrt(rhs(x), p) !== undefined;
  }
  if (form !== 0x04 && form !== 0x06) return false;
  if (form === 0x04 && yBit) return false;
  if (point.length !== 2 * size + 1) return false;
  const x = big(point.subarray(1, size + 1));
  const y = big(point.subarray(size + 1));
  if (x >= p || y >= p) return false;
  if (form === 0x06 && Number(y & 1n) !== yBit) return false;
  return (y * y) % p === rhs(x);
}
