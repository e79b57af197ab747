// DSA signature values, valid and damaged, in a certificate openssl signs in this test: the damaged
// ones are made by editing the bytes inside the signature BIT STRING. OpenSSL (d2i_DSA_SIG) prints
// "r:" and "s:" for what it can read and a hex dump for the rest; certbench must do the same,
// byte for byte, with `openssl x509 -inform DER -noout -text` as the judge.
import { describe, expect, it } from 'vitest';
import { printCertificateText } from '../../src/core/text/certificate.ts';
import { openssl, opensslBytes, pemBlocks, printedBytes, put } from './text-oracle.helper.ts';

/** One TLV's header length and total length at `at` (definite lengths only: openssl wrote these). */
function tlvAt(der: Uint8Array, at: number): { header: number; total: number } {
  const first = der[at + 1]!;
  if (first < 0x80) return { header: 2, total: 2 + first };
  const n = first & 0x7f;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + der[at + 2 + i]!;
  return { header: 2 + n, total: 2 + n + length };
}

function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return [0x80 | bytes.length, ...bytes];
}

const tlv = (tag: number, content: number[]): number[] => [tag, ...lengthOctets(content.length), ...content];

/** The certificate with its signature value replaced by `value` (inside a BIT STRING with 0 unused bits). */
function withSignatureValue(cert: Uint8Array, value: number[]): Uint8Array {
  const outer = tlvAt(cert, 0);
  let at = outer.header;
  const tbs = tlvAt(cert, at);
  const alg = tlvAt(cert, at + tbs.total);
  const head = [...cert.subarray(at, at + tbs.total + alg.total)];
  at += tbs.total + alg.total;
  return new Uint8Array(tlv(0x30, [...head, ...tlv(0x03, [0x00, ...value])]));
}

const key = put('dsa.key', openssl(['genpkey', '-paramfile', put('dsa.param', openssl(['dsaparam', '1024']))]));
const pem = openssl(['req', '-x509', '-new', '-key', key, '-sha256', '-subj', '/CN=DSA signer', '-days', '1']).toString('latin1');
const cert = pemBlocks(pem)[0]!.der;

// r and s of 20 bytes with the top bit clear, and one with it set (so its INTEGER needs a 00 first).
const R = Array.from({ length: 20 }, (_, i) => 0x11 + i);
const S = Array.from({ length: 20 }, (_, i) => 0xf0 - i);
const int = (content: number[]) => tlv(0x02, content);
const SIG = tlv(0x30, [...int(R), ...int([0x00, ...S])]);

const CASES: Record<string, number[]> = {
  'as openssl signed it': [],
  'r and s of 20 bytes': SIG,
  'small values printed in decimal': tlv(0x30, [...int([0x01, 0x00]), ...int([0x05])]),
  'r is zero': tlv(0x30, [...int([0x00]), ...int(R)]),
  'bytes after the SEQUENCE (ignored by OpenSSL)': [...SIG, 0x05, 0x00],
  'SEQUENCE length in long form 0x81 though short would do': [0x30, 0x81, SIG.length - 2, ...SIG.slice(2)],
  'SEQUENCE length in long form 0x82': [0x30, 0x82, 0x00, SIG.length - 2, ...SIG.slice(2)],
  'SEQUENCE length in long form 0x83 (refused)': [0x30, 0x83, 0x00, 0x00, SIG.length - 2, ...SIG.slice(2)],
  'indefinite length (refused)': [0x30, 0x80, ...SIG.slice(2), 0x00, 0x00],
  'negative r (refused)': tlv(0x30, [...int([0x80, ...R]), ...int(R)]),
  'r with a needless 00 first (refused)': tlv(0x30, [...int([0x00, ...R]), ...int(R)]),
  'empty s (refused)': tlv(0x30, [...int(R), ...int([])]),
  'a third INTEGER (refused)': tlv(0x30, [...int(R), ...int(R), ...int([0x01])]),
  'only r (refused)': tlv(0x30, int(R)),
  'a SET, not a SEQUENCE (refused)': [0x31, ...SIG.slice(1)],
  'cut short (refused)': SIG.slice(0, -1),
  'r as an OCTET STRING (refused)': tlv(0x30, [...tlv(0x04, R), ...int(R)]),
};

describe('DSA signature values: r and s where OpenSSL reads them, a hex dump where it does not', () => {
  for (const [name, value] of Object.entries(CASES)) {
    it(name, () => {
      const der = value.length ? withSignatureValue(cert, value) : cert;
      const expected = opensslBytes(['x509', '-inform', 'DER', '-noout', '-text'], der);
      expect(expected).toContain('Signature Algorithm: dsa_with_SHA256');
      expect(printedBytes(printCertificateText(der))).toBe(expected);
    });
  }

  it('the cases cover both outcomes', () => {
    const outcomes = Object.values(CASES).map((v) => opensslBytes(['x509', '-inform', 'DER', '-noout', '-text'], v.length ? withSignatureValue(cert, v) : cert).includes(' r:   '));
    expect(outcomes.filter(Boolean).length).toBe(7);
    expect(outcomes.filter((o) => !o).length).toBe(10);
  });
});
