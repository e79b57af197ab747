import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBase64 } from '../../src/core/bytes.ts';
import { printCertificateText, printCertificateTextWith } from '../../src/core/text/certificate.ts';
import { printedBytes } from './text-oracle.helper.ts';

const DIR = join(import.meta.dirname, '../fixtures/corpus/certs');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.pem'))
  .sort();

function pemDer(path: string): Uint8Array {
  const pem = readFileSync(path, 'utf8');
  const m = /-----BEGIN [^-]+-----([\s\S]*?)-----END/.exec(pem);
  if (!m) throw new Error(`no PEM block in ${path}`);
  return fromBase64(m[1]!);
}

/** OpenSSL's error stack lines carry a per-run thread id. */
function maskErrors(text: string): string {
  return text.replace(/^[0-9A-F]+:error:/gm, 'XXXX:error:');
}

/** Drops the "X509v3 extensions:" block (up to the outer signature) from x509 -text output. */
function withoutExtensions(text: string): string {
  return text.replace(/^ {8}X509v3 extensions:\n[\s\S]*?(?=^ {4}Signature Algorithm:)/m, '');
}

describe('x509 -text outside the extensions block, against the OpenSSL oracle', () => {
  for (const f of files) {
    it(f, () => {
      const der = pemDer(join(DIR, f));
      // Compared as bytes (one character a byte): OpenSSL writes raw bytes that are not UTF-8.
      const expected = maskErrors(withoutExtensions(readFileSync(join(DIR, f.replace(/\.pem$/, '.txt')), 'latin1')));
      const actual = maskErrors(withoutExtensions(printedBytes(printCertificateTextWith(der, () => [' '.repeat(12) + 'placeholder']))));
      expect(actual).toBe(expected);
    });
  }
});

describe('x509 -text, full output against the OpenSSL oracle', () => {
  for (const f of files) {
    it(f, () => {
      const der = pemDer(join(DIR, f));
      const expected = maskErrors(readFileSync(join(DIR, f.replace(/\.pem$/, '.txt')), 'latin1'));
      expect(maskErrors(printedBytes(printCertificateText(der)))).toBe(expected);
    });
  }
});
