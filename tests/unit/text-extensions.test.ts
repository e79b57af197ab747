// Extension printing against OpenSSL 3.0: every corpus certificate's "X509v3 extensions:" block,
// every CSR's "Requested Extensions:" and every CRL's extension blocks. Certificates generated with
// openssl for each GeneralName form and the less common extensions: text-extensions-generated.test.ts.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certDir, certExtensions, certFiles, crlExtensionLists, csrExtensions, oracleBlock, printAll } from './text-extensions.helper.ts';
import { corpus, corpusDer, printedBytes } from './text-oracle.helper.ts';

describe('certificate extension blocks match x509 -text', () => {
  for (const file of certFiles) {
    const text = readFileSync(join(certDir, file.replace(/\.pem$/, '.txt')), 'latin1');
    const expected = oracleBlock(text, '        X509v3 extensions:');
    if (expected === undefined) continue;
    it(file, () => {
      const exts = certExtensions(corpusDer(join(certDir, file)).der);
      expect(printedBytes(printAll(exts, 12))).toBe(expected);
    });
  }
});

const csrDir = join(corpus, 'csrs');
describe('CSR requested extensions match req -text', () => {
  for (const file of readdirSync(csrDir).filter((f) => f.endsWith('.pem')).sort()) {
    const text = readFileSync(join(csrDir, file.replace(/\.pem$/, '.txt')), 'latin1');
    const expected = oracleBlock(text, '            Requested Extensions:');
    if (expected === undefined || expected === '') continue;
    it(file, () => {
      const exts = csrExtensions(corpusDer(join(csrDir, file)).der);
      expect(printedBytes(printAll(exts, 16))).toBe(expected);
    });
  }
});

const crlDir = join(corpus, 'other/crl');
describe('CRL and CRL entry extensions match crl -text', () => {
  for (const file of readdirSync(crlDir).filter((f) => !f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(crlDir, file + '.txt'), 'latin1');
    it(file, () => {
      const lists = crlExtensionLists(corpusDer(join(crlDir, file)).der);
      // Each list is printed under a "CRL extensions:" / "CRL entry extensions:" title at 8 spaces.
      let at = 0;
      let blocks = 0;
      for (const exts of lists) {
        if (exts.length === 0) continue;
        const block = `xtensions:\n${printedBytes(printAll(exts, 12))}\n`;
        const found = text.indexOf(block, at);
        expect(found, `block not found after offset ${at}:\n${block}`).toBeGreaterThanOrEqual(0);
        at = found + block.length;
        blocks++;
      }
      expect(blocks).toBe((text.match(/^        CRL (entry )?extensions:$/gm) ?? []).length);
    });
  }
});
