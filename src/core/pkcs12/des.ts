/**
 * DES-EDE3-CBC (FIPS 46-3, SP 800-67), for the legacy PKCS#12 files that Java 8, Windows and
 * OpenSSL 1.x write (pbeWithSHAAnd3-KeyTripleDES-CBC). WebCrypto has no DES; these files are small
 * (a key and a few certificates), so a plain table-driven implementation is fast enough.
 */
import { CertbenchError } from '../errors.ts';

// FIPS 46-3 tables, 1-based bit positions as the standard prints them.
const IP = [58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7];
const FP = [40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13, 53, 21, 61, 29, 36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27, 34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49, 17, 57, 25];
const E = [32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17, 16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1];
const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];
const PC1 = [57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36, 63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4];
const PC2 = [14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
// S-boxes, each 4 rows of 16 (row from the outer bits, column from the inner four).
const S_BOXES = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8, 4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5, 0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1, 13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9, 10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6, 4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8, 9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6, 1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2, 7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];

type Bits = Uint8Array; // one bit per byte, most significant first

function toBits(bytes: Uint8Array): Bits {
  const bits = new Uint8Array(bytes.length * 8);
  for (let i = 0; i < bits.length; i++) bits[i] = (bytes[i >> 3]! >> (7 - (i & 7))) & 1;
  return bits;
}

function fromBits(bits: Bits): Uint8Array {
  const bytes = new Uint8Array(bits.length / 8);
  for (let i = 0; i < bits.length; i++) bytes[i >> 3]! |= bits[i]! << (7 - (i & 7));
  return bytes;
}

const permute = (bits: Bits, table: readonly number[]): Bits => Uint8Array.from(table, (p) => bits[p - 1]!);

/** The 16 round keys of one DES key (8 bytes, parity bits ignored). */
function roundKeys(key: Uint8Array): Bits[] {
  const cd = permute(toBits(key), PC1);
  let c = cd.slice(0, 28);
  let d = cd.slice(28);
  return SHIFTS.map((n) => {
    c = Uint8Array.from({ length: 28 }, (_, i) => c[(i + n) % 28]!);
    d = Uint8Array.from({ length: 28 }, (_, i) => d[(i + n) % 28]!);
    const both = new Uint8Array(56);
    both.set(c);
    both.set(d, 28);
    return permute(both, PC2);
  });
}

function feistel(r: Bits, k: Bits): Bits {
  const x = permute(r, E);
  for (let i = 0; i < 48; i++) x[i]! ^= k[i]!;
  const out = new Uint8Array(32);
  for (let s = 0; s < 8; s++) {
    const b = x.subarray(s * 6, s * 6 + 6);
    const v = S_BOXES[s]![((b[0]! << 1) | b[5]!) * 16 + ((b[1]! << 3) | (b[2]! << 2) | (b[3]! << 1) | b[4]!)]!;
    for (let j = 0; j < 4; j++) out[s * 4 + j] = (v >> (3 - j)) & 1;
  }
  return permute(out, P);
}

function desBlock(block: Uint8Array, keys: readonly Bits[]): Uint8Array {
  const bits = permute(toBits(block), IP);
  let l = bits.slice(0, 32);
  let r = bits.slice(32);
  for (const k of keys) {
    const f = feistel(r, k);
    const next = Uint8Array.from(l, (v, i) => v ^ f[i]!);
    l = r;
    r = next;
  }
  const rl = new Uint8Array(64);
  rl.set(r);
  rl.set(l, 32);
  return fromBits(permute(rl, FP));
}

/** Three-key triple DES in CBC mode with PKCS#7 padding, as PKCS#12's legacy PBE uses it. */
export class TripleDesCbc {
  private readonly k1: Bits[];
  private readonly k2: Bits[];
  private readonly k3: Bits[];
  constructor(key: Uint8Array) {
    if (key.length !== 24) throw new CertbenchError('pkcs12.desKeyLength', { length: key.length });
    [this.k1, this.k2, this.k3] = [0, 8, 16].map((o) => roundKeys(key.subarray(o, o + 8))) as [Bits[], Bits[], Bits[]];
  }

  private encryptBlock(b: Uint8Array): Uint8Array {
    return desBlock(desBlock(desBlock(b, this.k1), [...this.k2].reverse()), this.k3);
  }

  private decryptBlock(b: Uint8Array): Uint8Array {
    return desBlock(desBlock(desBlock(b, [...this.k3].reverse()), this.k2), [...this.k1].reverse());
  }

  /** The plaintext, or undefined when the padding is not valid (wrong key, or damaged data). */
  decrypt(iv: Uint8Array, data: Uint8Array): Uint8Array | undefined {
    return cbcDecrypt(8, (b) => this.decryptBlock(b), iv, data);
  }

  encrypt(iv: Uint8Array, data: Uint8Array): Uint8Array {
    return cbcEncrypt(8, (b) => this.encryptBlock(b), iv, data);
  }
}

export function cbcDecrypt(size: number, decryptBlock: (b: Uint8Array) => Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  if (data.length === 0 || data.length % size !== 0 || iv.length !== size) return undefined;
  const out = new Uint8Array(data.length);
  let prev = iv;
  for (let o = 0; o < data.length; o += size) {
    const block = data.subarray(o, o + size);
    const plain = decryptBlock(block);
    for (let i = 0; i < size; i++) out[o + i] = plain[i]! ^ prev[i]!;
    prev = block;
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > size || out.subarray(out.length - pad).some((b) => b !== pad)) return undefined;
  return out.slice(0, out.length - pad);
}

function cbcEncrypt(size: number, encryptBlock: (b: Uint8Array) => Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const pad = size - (data.length % size);
  const padded = new Uint8Array(data.length + pad);
  padded.set(data);
  padded.fill(pad, data.length);
  const out = new Uint8Array(padded.length);
  let prev = iv;
  for (let o = 0; o < padded.length; o += size) {
    const x = Uint8Array.from(padded.subarray(o, o + size), (v, i) => v ^ prev[i]!);
    prev = encryptBlock(x);
    out.set(prev, o);
  }
  return out;
}
