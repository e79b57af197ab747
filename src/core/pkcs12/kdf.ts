/**
 * The PKCS#12 key derivation (RFC 7292 appendix B.2) that legacy PBE (3DES, RC2) and every
 * PKCS#12 MAC use, with the password as a BMPString plus two zero bytes. @noble/hashes, because
 * the thousands of chained digests are synchronous work that WebCrypto would make one await each.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

export type Pkcs12Hash = 'sha1' | 'sha256' | 'sha384' | 'sha512';
export const HASHES = { sha1, sha256, sha384, sha512 } as const;
/** Digest OIDs a PKCS#12 MAC names. */
export const HASH_BY_OID: Record<string, Pkcs12Hash> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const BLOCK = { sha1: 64, sha256: 64, sha384: 128, sha512: 128 } as const;

/** The passphrase as PKCS#12 hashes it: UTF-16BE and a terminating zero (empty for "no password"). */
export function bmpPassword(passphrase: string | null): Uint8Array {
  if (passphrase === null) return new Uint8Array(0);
  const out = new Uint8Array(passphrase.length * 2 + 2);
  for (let i = 0; i < passphrase.length; i++) {
    const c = passphrase.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 255;
  }
  return out;
}

/** ID 1: key material, 2: IV, 3: MAC key. */
export function pkcs12Kdf(hash: Pkcs12Hash, password: Uint8Array, salt: Uint8Array, id: 1 | 2 | 3, iterations: number, length: number): Uint8Array {
  const h = HASHES[hash];
  const v = BLOCK[hash];
  const fill = (src: Uint8Array) => {
    const out = new Uint8Array(src.length ? v * Math.ceil(src.length / v) : 0);
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length]!;
    return out;
  };
  const d = new Uint8Array(v).fill(id);
  const s = fill(salt);
  const p = fill(password);
  const input = new Uint8Array(s.length + p.length);
  input.set(s);
  input.set(p, s.length);
  const out = new Uint8Array(length);
  for (let done = 0; done < length; ) {
    const first = new Uint8Array(v + input.length);
    first.set(d);
    first.set(input, v);
    let a = h(first);
    for (let r = 1; r < iterations; r++) a = h(a);
    out.set(a.subarray(0, Math.min(a.length, length - done)), done);
    done += a.length;
    if (done >= length) break;
    // I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes.
    const b = Uint8Array.from({ length: v }, (_, i) => a[i % a.length]!);
    for (let j = 0; j < input.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = input[j + k]! + b[k]! + carry;
        input[j + k] = sum & 255;
        carry = sum >> 8;
      }
    }
  }
  return out;
}
