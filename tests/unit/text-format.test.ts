import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printCertificateText } from '../../src/core/text/certificate.ts';
import { colonHex, formatAsn1Time, hexLines } from '../../src/core/text/format.ts';
import { formatSerialNumber } from '../../src/core/text/serial.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-format-'));
const key = join(dir, 'key.pem');
execFileSync('openssl', ['genpkey', '-algorithm', 'ED25519', '-out', key]);

function opensslCert(args: string[]): { der: Uint8Array; text: string } {
  const der = execFileSync('openssl', ['req', '-x509', '-new', '-key', key, '-subj', '/CN=x', '-outform', 'DER', ...args]);
  const text = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], { input: der }).toString('latin1');
  return { der: new Uint8Array(der), text };
}

describe('serial numbers against openssl x509 -text', () => {
  const serials = [
    '0',
    '-1', // ASN1_INTEGER_get's error value: printed as hex
    '-9223372036854775808',
    '9223372036854775807',
    '9223372036854775808', // does not fit a signed long
    '-9223372036854775809',
    '0xffffffffffffffffff',
  ];
  for (const s of serials) {
    it(s, () => {
      const { der, text } = opensslCert(['-set_serial', s, '-days', '1']);
      expect(printCertificateText(der)).toBe(text);
    });
  }
});

describe('validity dates against openssl x509 -text', () => {
  it('GeneralizedTime from 2050 on', () => {
    const { der, text } = opensslCert(['-days', '12000']);
    expect(text).toMatch(/Not After : .* 20[5-9]\d GMT/);
    expect(printCertificateText(der)).toBe(text);
  });
});

describe('ASN1_TIME_print rules', () => {
  const t = (tag: number, s: string): string => formatAsn1Time(tag, new TextEncoder().encode(s));
  it('pads the day with a space and keeps fractional seconds', () => {
    expect(t(23, '260102030405Z')).toBe('Jan  2 03:04:05 2026 GMT');
    expect(t(24, '20260102030405.250Z')).toBe('Jan  2 03:04:05.250 2026 GMT');
  });
  it('reads UTCTime years 50-99 as 19xx and accepts missing seconds', () => {
    expect(t(23, '5001010000Z')).toBe('Jan  1 00:00:00 1950 GMT');
  });
  it('applies a time zone offset', () => {
    expect(t(23, '110629153248-1200')).toBe('Jun 30 03:32:48 2011 GMT');
  });
  it('refuses impossible dates and missing zones', () => {
    expect(t(23, '260230000000Z')).toBe('Bad time value');
    expect(t(23, '260101000000')).toBe('Bad time value');
    expect(t(24, '2026')).toBe('Bad time value');
  });
});

describe('hex layouts', () => {
  it('ends full lines with ":" and prints an empty buffer as one empty line', () => {
    expect(hexLines(Uint8Array.from([1, 2, 3, 4]), 2, 3)).toEqual(['  01:02:03:', '  04']);
    expect(hexLines(new Uint8Array(0), 8, 18)).toEqual(['']);
    expect(colonHex(Uint8Array.from([0xab, 0x01]), true)).toBe('AB:01');
  });
  it('formats serials that need the hex form on their own line', () => {
    expect(formatSerialNumber(Uint8Array.from([0xff]))).toEqual(['', '             (Negative)01']);
    expect(formatSerialNumber(Uint8Array.from([0x01, 0x00]))).toEqual([' 256 (0x100)']);
  });
});
