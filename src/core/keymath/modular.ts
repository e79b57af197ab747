/**
 * Prime-field arithmetic for values OpenSSL derives when a key file leaves them out (DSA's public y,
 * a compressed explicit generator's y), done by @noble/curves' Field rather than by hand.
 */
import { Field } from '@noble/curves/abstract/modular.js';
import { CertbenchError } from '../errors.ts';

/** base^exponent mod p, for p > 1. */
export function modPow(base: bigint, exponent: bigint, p: bigint): bigint {
  // noble refuses negative exponents; DSA's x is a positive INTEGER, so a negative one is a broken file.
  if (exponent < 0n) throw new CertbenchError('keymath.negativeExponent');
  const field = Field(p);
  return field.pow(field.create(base), exponent);
}

/** A square root modulo an odd prime p, or undefined when there is none (or p is not prime). */
export function modSqrt(a: bigint, p: bigint): bigint | undefined {
  try {
    const field = Field(p);
    return field.sqrt(field.create(a));
  } catch {
    return undefined; // noble throws for non-residues and for moduli it detects as non-prime
  }
}
