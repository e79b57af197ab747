/** X25519 and X448 public keys from private keys (RFC 7748 §5): the ladder applied to the base u. */
import { bigIntToBytesLE, bytesToBigIntLE, modPow } from './modular.ts';

interface MontgomeryCurve {
  p: bigint;
  a24: bigint;
  baseU: bigint;
  bits: number;
  size: number;
  clamp(k: Uint8Array): void;
}

const X25519: MontgomeryCurve = {
  p: (1n << 255n) - 19n,
  a24: 121665n,
  baseU: 9n,
  bits: 255,
  size: 32,
  clamp(k) {
    k[0] = k[0]! & 248;
    k[31] = (k[31]! & 127) | 64;
  },
};

const X448: MontgomeryCurve = {
  p: (1n << 448n) - (1n << 224n) - 1n,
  a24: 39081n,
  baseU: 5n,
  bits: 448,
  size: 56,
  clamp(k) {
    k[0] = k[0]! & 252;
    k[55] = k[55]! | 128;
  },
};

function ladder(c: MontgomeryCurve, privateKey: Uint8Array): Uint8Array {
  const k = privateKey.slice(0, c.size);
  c.clamp(k);
  const scalar = bytesToBigIntLE(k);
  const p = c.p;
  const x1 = c.baseU;
  let [x2, z2, x3, z3] = [1n, 0n, x1, 1n];
  let swap = 0n;
  for (let t = c.bits - 1; t >= 0; t--) {
    const bit = (scalar >> BigInt(t)) & 1n;
    if (swap ^ bit) [x2, x3, z2, z3] = [x3, x2, z3, z2];
    swap = bit;
    const A = (x2 + z2) % p;
    const AA = (A * A) % p;
    const B = (x2 - z2 + p) % p;
    const BB = (B * B) % p;
    const E = (AA - BB + p) % p;
    const C = (x3 + z3) % p;
    const D = (x3 - z3 + p) % p;
    const DA = (D * A) % p;
    const CB = (C * B) % p;
    x3 = ((DA + CB) * (DA + CB)) % p;
    z3 = (x1 * (((DA - CB + p) * (DA - CB + p)) % p)) % p;
    x2 = (AA * BB) % p;
    z2 = (E * ((AA + c.a24 * E) % p)) % p;
  }
  if (swap) [x2, z2] = [x3, z3];
  return bigIntToBytesLE((x2 * modPow(z2, p - 2n, p)) % p, c.size);
}

export const x25519PublicKey = (privateKey: Uint8Array): Uint8Array => ladder(X25519, privateKey);
export const x448PublicKey = (privateKey: Uint8Array): Uint8Array => ladder(X448, privateKey);
