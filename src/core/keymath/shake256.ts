/** SHAKE256 (FIPS 202), synchronous, for Ed448 public-key derivation (RFC 8032). */

const MASK = (1n << 64n) - 1n;
const RATE = 136;

/** The iota constants, from the LFSR that FIPS 202 defines them by. */
const ROUND_CONSTANTS: bigint[] = (() => {
  const rcBit = (t: number): bigint => {
    let r = 1;
    for (let i = 0; i < t % 255; i++) {
      r <<= 1;
      if (r & 0x100) r ^= 0x171;
    }
    return BigInt(r & 1);
  };
  const out: bigint[] = [];
  for (let round = 0; round < 24; round++) {
    let rc = 0n;
    for (let j = 0; j <= 6; j++) rc |= rcBit(j + 7 * round) << BigInt((1 << j) - 1);
    out.push(rc);
  }
  return out;
})();

const rotl = (x: bigint, n: number): bigint => (n === 0 ? x : ((x << BigInt(n)) | (x >> BigInt(64 - n))) & MASK);

function keccakF(state: bigint[]): void {
  for (let round = 0; round < 24; round++) {
    const c = [0, 1, 2, 3, 4].map((x) => state[x]! ^ state[x + 5]! ^ state[x + 10]! ^ state[x + 15]! ^ state[x + 20]!);
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5]! ^ rotl(c[(x + 1) % 5]!, 1);
      for (let y = 0; y < 25; y += 5) state[y + x] = state[y + x]! ^ d;
    }
    // rho and pi: walk the 24 lanes along the pi permutation, rotating by triangular numbers
    let x = 1;
    let y = 0;
    let current = state[1]!;
    for (let t = 0; t < 24; t++) {
      const nextX = y;
      const nextY = (2 * x + 3 * y) % 5;
      const target = nextX + 5 * nextY;
      const saved = state[target]!;
      state[target] = rotl(current, ((t + 1) * (t + 2)) / 2 % 64);
      current = saved;
      x = nextX;
      y = nextY;
    }
    for (let row = 0; row < 25; row += 5) {
      const lanes = state.slice(row, row + 5);
      for (let i = 0; i < 5; i++) state[row + i] = lanes[i]! ^ (~lanes[(i + 1) % 5]! & MASK & lanes[(i + 2) % 5]!);
    }
    state[0] = state[0]! ^ ROUND_CONSTANTS[round]!;
  }
}

export function shake256(message: Uint8Array, outputLength: number): Uint8Array {
  const paddedLength = Math.floor(message.length / RATE) * RATE + RATE;
  const data = new Uint8Array(paddedLength);
  data.set(message);
  data[message.length] = data[message.length]! ^ 0x1f;
  data[paddedLength - 1] = data[paddedLength - 1]! ^ 0x80;
  const state = new Array<bigint>(25).fill(0n);
  const absorbLane = (offset: number, lane: number): void => {
    let v = 0n;
    for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(data[offset + lane * 8 + i]!);
    state[lane] = state[lane]! ^ v;
  };
  for (let block = 0; block < paddedLength; block += RATE) {
    for (let lane = 0; lane < RATE / 8; lane++) absorbLane(block, lane);
    keccakF(state);
  }
  const out = new Uint8Array(outputLength);
  for (let produced = 0; produced < outputLength; ) {
    for (let i = 0; i < RATE && produced < outputLength; i++, produced++) {
      out[produced] = Number((state[Math.floor(i / 8)]! >> BigInt(8 * (i % 8))) & 0xffn);
    }
    if (produced < outputLength) keccakF(state);
  }
  return out;
}
