import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printCertificateText } from '../../src/core/text/certificate.ts';
import { formatName } from '../../src/core/text/name.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-name-'));
const key = join(dir, 'key.pem');
execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);

/**
 * A self-signed certificate made by openssl with this -subj (multi-valued RDNs allowed) and,
 * optionally, a config section used as a SAN DirName. Returns the DER and openssl's x509 -text.
 */
function opensslCert(subject: string, dirName?: string[]): { der: Uint8Array; text: string } {
  const cfg = join(dir, 'req.cnf');
  const lines = ['[req]', 'distinguished_name = dn', 'utf8 = yes', '[dn]', '[v3]', 'basicConstraints = CA:FALSE'];
  if (dirName) lines.push('subjectAltName = dirName:dir_sect', '[dir_sect]', ...dirName);
  writeFileSync(cfg, lines.join('\n') + '\n');
  const der = execFileSync('openssl', [
    'req', '-x509', '-new', '-key', key, '-config', cfg, '-extensions', 'v3', '-utf8', '-multivalue-rdn',
    '-subj', subject, '-days', '1', '-outform', 'DER',
  ]);
  const text = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], { input: der }).toString('latin1');
  return { der: new Uint8Array(der), text };
}

const subjects: Record<string, string> = {
  'RFC 2253 specials quote the value': '/CN=a\\,b/O=x\\+y/OU=semi;colon/L=<angle>',
  'double quote and backslash are escaped': '/CN=say "hi"/O=back\\\\slash',
  'leading and trailing spaces, leading #': '/CN= lead/O=trail /OU=#hash/L=mid#dle',
  'one-character values: "#" and " "': '/CN=#/O=x',
  'control characters as \\XX': '/CN=tab\there/O=bell\x07',
  'UTF-8 bytes escaped one by one': '/CN=Grüße 日本/O=caf\u00e9',
  'multi-valued RDN': '/CN=one+OU=two+O=three/C=DE',
  'attribute OpenSSL has no name for': '/1.2.3.4.5=unknown type/CN=x',
  'empty value': '/CN=/O=x',
  'a value of one space, spaces and "#" inside, each special alone': '/CN= /O=a b/OU=a#/L=+/ST=,/street=;/title=</description=>',
};

describe('Issuer/Subject oneline form against openssl x509 -text', () => {
  for (const [name, subject] of Object.entries(subjects)) {
    it(name, () => {
      const { der, text } = opensslCert(subject);
      expect(printCertificateText(der)).toBe(text);
    });
  }
});

describe('SAN DirName (slash form) against openssl x509 -text', () => {
  it('escapes "/" and "+", hex-escapes non-ASCII bytes, joins multi-valued RDNs with "+"', () => {
    const { der, text } = opensslCert('/CN=x', [
      'C = DE',
      'O = a/b+c, d',
      'OU = caf\u00e9',
      '0.CN = first',
      '+1.CN = second in the same RDN',
    ]);
    expect(printCertificateText(der)).toBe(text);
  });

  it('drops the entries that do not fit in 255 characters, as X509_NAME_oneline does', () => {
    const long = 'x'.repeat(60);
    const { der, text } = opensslCert('/CN=x', ['0.OU = ' + long, '1.OU = ' + long, '2.OU = ' + long, '3.OU = ' + long, '4.OU = ' + long]);
    expect(text).toContain('DirName:/OU=');
    expect(printCertificateText(der)).toBe(text);
  });
});

describe('formatName on hand-made DER', () => {
  // SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, BMPString "é€" } } }
  const bmp = Uint8Array.from([0x30, 0x0f, 0x31, 0x0d, 0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x03, 0x1e, 0x04, 0x00, 0xe9, 0x20, 0xac]);
  it('converts BMPString to UTF-8 before escaping (oneline) and prints raw bytes (slash)', () => {
    expect(formatName(bmp, 'oneline')).toBe('CN = \\C3\\A9\\E2\\82\\AC');
    expect(formatName(bmp, 'slash')).toBe('/CN=\\x00\\xE9 \\xAC');
  });
  it('dumps a value of a type OpenSSL does not print as text as #hex of its DER', () => {
    // SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, SEQUENCE { INTEGER 1 } } } }
    const seq = Uint8Array.from([0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x30, 0x03, 0x02, 0x01, 0x01]);
    expect(formatName(seq, 'oneline')).toBe('CN = #3003020101');
  });
  it('prints an empty Name as an empty string in both forms', () => {
    expect(formatName(Uint8Array.from([0x30, 0x00]), 'oneline')).toBe('');
    expect(formatName(Uint8Array.from([0x30, 0x00]), 'slash')).toBe('');
  });
});
