/**
 * Public keys of Ed25519 and Ed448 from their private seeds (RFC 8032 §5.1.5 and §5.2.5). OpenSSL
 * always recomputes the public key from the seed, so `pkey -text` prints it even when the file has none.
 */
import { sha512 } from './sha512.ts';
import { shake256 } from './shake256.ts';
import { bigIntToBytesLE, bytesToBigIntLE, mod, modInverse, modPow } from './modular.ts';

interface EdwardsCurve {
  p: bigint;
  /** Coefficient of x² (−1 for edwards25519, 1 for edwards448). */
  a: bigint;
  d: bigint;
  base: readonly [bigint, bigint];
  /** Encoded point length in bytes. */
  size: number;
}

type Projective = [bigint, bigint, bigint];

const P25519 = (1n << 255n) - 19n;
const D25519 = mod(-121665n * modInverse(121666n, P25519), P25519);
const P448 = (1n << 448n) - (1n << 224n) - 1n;

/** edwards25519's base point: y = 4/5, x the even square root (RFC 8032 §5.1). */
function ed25519Base(): [bigint, bigint] {
  const y = mod(4n * modInverse(5n, P25519), P25519);
  const xx = mod((y * y - 1n) * modInverse(D25519 * y * y + 1n, P25519), P25519);
  let x = modPow(xx, (P25519 + 3n) / 8n, P25519);
  if (mod(x * x - xx, P25519) !== 0n) x = mod(x * modPow(2n, (P25519 - 1n) / 4n, P25519), P25519);
  if (x & 1n) x = P25519 - x;
  return [x, y];
}

const ED25519: EdwardsCurve = { p: P25519, a: P25519 - 1n, d: D25519, base: ed25519Base(), size: 32 };

const ED448: EdwardsCurve = {
  p: P448,
  a: 1n,
  d: P448 - 39081n,
  base: [
    224580040295924300187604334099896036246789641632564134246125461686950415467406032909029192869357953282578032075146446173674602635247710n,
    298819210078481492676017930443930673437544040154080242095928241372331506189835876003536878655418784733982303233503462500531545062832660n,
  ],
  size: 57,
};

/** Unified projective addition (add-2008-bbjlp); complete on both curves because d is a non-square. */
function add(c: EdwardsCurve, [x1, y1, z1]: Projective, [x2, y2, z2]: Projective): Projective {
  const p = c.p;
  const A = (z1 * z2) % p;
  const B = (A * A) % p;
  const C = (x1 * x2) % p;
  const D = (y1 * y2) % p;
  const E = (((c.d * C) % p) * D) % p;
  const F = mod(B - E, p);
  const G = (B + E) % p;
  const x3 = (((A * F) % p) * mod((x1 + y1) * (x2 + y2) - C - D, p)) % p;
  const y3 = (((A * G) % p) * mod(D - c.a * C, p)) % p;
  return [x3, y3, (F * G) % p];
}

function multiplyBase(c: EdwardsCurve, scalar: bigint): Uint8Array {
  let result: Projective = [0n, 1n, 1n];
  let addend: Projective = [c.base[0], c.base[1], 1n];
  for (let k = scalar; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(c, result, addend);
    addend = add(c, addend, addend);
  }
  const zInverse = modInverse(result[2], c.p);
  const x = (result[0] * zInverse) % c.p;
  const y = (result[1] * zInverse) % c.p;
  const encoded = bigIntToBytesLE(y, c.size);
  if (x & 1n) encoded[c.size - 1] = encoded[c.size - 1]! | 0x80;
  return encoded;
}

export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  const h = sha512(seed).subarray(0, 32);
  h[0] = h[0]! & 248;
  h[31] = (h[31]! & 127) | 64;
  return multiplyBase(ED25519, bytesToBigIntLE(h));
}

export function ed448PublicKey(seed: Uint8Array): Uint8Array {
  const h = shake256(seed, 114).subarray(0, 57);
  h[0] = h[0]! & 252;
  h[55] = h[55]! | 128;
  h[56] = 0;
  return multiplyBase(ED448, bytesToBigIntLE(h));
}
