// zlint's whole test set (tests/fixtures/corpus/zlint-full: 1,384 certificates and CRLs) printed by
// certbench and compared BYTE for BYTE with the text OpenSSL 3.0 wrote for each. The oracle is read
// as a Buffer, never decoded: about 50 of these certificates carry raw bytes that are not UTF-8 in
// an IA5String, which OpenSSL writes as they are.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBase64 } from '../../src/core/bytes.ts';
import { printCertificateText } from '../../src/core/text/certificate.ts';
import { printCrlText } from '../../src/core/text/crl.ts';
import { textBytes } from '../../src/core/text/raw-bytes.ts';

const ROOT = join(import.meta.dirname, '../fixtures/corpus/zlint-full');

const PRINTERS = { x509: printCertificateText, crl: printCrlText } as const;

function pemDer(path: string): Uint8Array {
  const m = /-----BEGIN [^-]+-----([\s\S]*?)-----END/.exec(readFileSync(path, 'latin1'));
  if (!m) throw new Error(`no PEM block in ${path}`);
  return fromBase64(m[1]!);
}

/** OpenSSL's error-stack lines carry a per-run thread id; latin1 maps bytes 1:1, so masking keeps the rest. */
function masked(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').replace(/^[0-9A-F]+:error:/gm, 'XXXX:error:');
}

describe.each(Object.keys(PRINTERS) as (keyof typeof PRINTERS)[])('zlint-full %s: the printed bytes are the bytes OpenSSL wrote', (dir) => {
  const files = readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.pem'))
    .sort();

  it('holds the whole set', () => {
    expect(files.length).toBe(dir === 'x509' ? 1323 : 61);
  });

  for (const f of files) {
    it(f, () => {
      const expected = readFileSync(join(ROOT, dir, f.replace(/\.pem$/, '.txt')));
      const actual = textBytes(PRINTERS[dir](pemDer(join(ROOT, dir, f))));
      expect(masked(actual)).toBe(masked(expected));
    });
  }
});

describe('zlint-full: raw bytes stay bytes', () => {
  it('an IA5String dNSName holding C0 A8 prints as those two bytes, as OpenSSL writes them', () => {
    const f = join(ROOT, 'x509/v3__testdata__SANDNSNotIA5String_pem.pem');
    const actual = Buffer.from(textBytes(printCertificateText(pemDer(f))));
    expect(actual.includes(Buffer.from('DNS:\xC0\xA8\n', 'latin1'))).toBe(true);
    expect(actual.includes(Buffer.from('\uFFFD'))).toBe(false);
  });
});

/** Whether OpenSSL's text holds bytes that are not UTF-8 (raw bytes it wrote as they are). */
function holdsRawBytes(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

describe('zlint-full: the built CLI (dist/cli.mjs dump) writes the bytes OpenSSL wrote', () => {
  const cli = join(import.meta.dirname, '../../dist/cli.mjs');
  // Every file whose text holds raw bytes, and every 40th of the others.
  const sample = (['x509', 'crl'] as const).flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.pem'))
      .sort()
      .filter((f, i) => i % 40 === 0 || holdsRawBytes(readFileSync(join(ROOT, dir, f.replace(/\.pem$/, '.txt')))))
      .map((f) => `${dir}/${f}`),
  );

  it('has raw-byte files in its sample', () => {
    expect(existsSync(cli), `${cli} is missing: run \`npm run build\` first`).toBe(true);
    expect(sample.filter((f) => holdsRawBytes(readFileSync(join(ROOT, f.replace(/\.pem$/, '.txt'))))).length).toBeGreaterThanOrEqual(50);
  });

  for (const f of sample) {
    it(f, () => {
      const r = spawnSync(process.execPath, [cli, 'dump', join(ROOT, f)], { maxBuffer: 16 << 20 });
      expect(r.stderr.toString()).toBe('');
      expect(masked(r.stdout)).toBe(masked(readFileSync(join(ROOT, f.replace(/\.pem$/, '.txt')))));
      expect(r.status).toBe(0);
    });
  }
});
