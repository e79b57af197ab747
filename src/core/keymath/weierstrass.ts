/**
 * k·G on prime-field short Weierstrass curves, for SEC1 keys that omit the public point: OpenSSL
 * computes it from the private key when decoding, so `pkey -text` prints it. The curve may be any
 * named or explicit one (secp256k1, brainpool, secp112r1...), so this builds a generic curve with
 * @noble/curves rather than using its fixed named curves or WebCrypto (async, few curves).
 */
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { CertbenchError, errorMessage } from '../errors.ts';

export interface PrimeCurve {
  p: bigint;
  a: bigint;
  b: bigint;
  gx: bigint;
  gy: bigint;
  n: bigint;
  /** Cofactor; explicit parameters may omit it, then anything not positive is taken as 1. */
  h: bigint;
}

/** k·G as an uncompressed SEC1 point (04 || X || Y), coordinates padded to the field size; 00 for infinity. */
export function multiplyGenerator(c: PrimeCurve, k: bigint): Uint8Array {
  if (c.n <= 0n) throw new CertbenchError('keymath.orderNotPositive');
  const scalar = ((k % c.n) + c.n) % c.n;
  if (scalar === 0n) return new Uint8Array([0]);
  try {
    const Point = weierstrass({ p: c.p, n: c.n, h: c.h > 0n ? c.h : 1n, a: c.a, b: c.b, Gx: c.gx, Gy: c.gy });
    // noble's constant-time multiply blinds k with a multiple of n, which is sound only if n·G is the
    // point at infinity; explicit parameters can claim any n, so check rather than print a random point.
    if (!Point.BASE.multiplyUnsafe(c.n - 1n).add(Point.BASE).is0()) {
      throw new CertbenchError('keymath.orderMismatch');
    }
    return Point.BASE.multiply(scalar).toBytes(false);
  } catch (e) {
    if (e instanceof CertbenchError) throw e;
    throw new CertbenchError('keymath.curveUnusable', { reason: errorMessage(e) });
  }
}
