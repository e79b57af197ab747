import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorLines } from '../../src/core/text/anchors.ts';
import { buildAsn1Tree, findNode, type Asn1Node } from '../../src/core/asn1/tree.ts';
import { detectInput } from '../../src/core/input/detect.ts';
import { formatName } from '../../src/core/text/name.ts';
import { oidLongName } from '../../src/core/oids.ts';
import type { ObjectKind } from '../../src/core/types.ts';

const CORPUS = 'tests/fixtures/corpus';

/** Checks each anchored heading against what the node holds: names print as the Name, extension headings name the extension's OID. */
function checkAnchors(kind: ObjectKind, file: string, textFile: string) {
  const obj = detectInput(new Uint8Array(readFileSync(file)), file).objects[0]!;
  const der = obj.der;
  const text = readFileSync(textFile, 'utf8');
  const { root } = buildAsn1Tree(der);
  const anchors = anchorLines(kind, text, root);
  const lines = text.split('\n');
  expect(anchors.length).toBe(lines.length);
  let headings = 0;
  lines.forEach((line, i) => {
    const node = anchors[i] === null ? undefined : findNode(root, anchors[i]!);
    const name = (n: Asn1Node) => formatName(der.subarray(n.offset, n.offset + n.headerLength + n.length), 'oneline');
    const where = `line ${i + 1}: ${line}`;
    let m: RegExpExecArray | null;
    if ((m = /^ {8}(Issuer|Subject): ?(.*)$/.exec(line))) {
      expect(node?.name, where).toBe('SEQUENCE');
      expect(name(node!), where).toBe(m[2]);
      headings++;
    } else if ((m = /^ {12,16}(X509v3 [^:]+|CT Precertificate SCTs|Authority Information Access|Subject Information Access):( critical| )$/.exec(line))) {
      const oidNode = node?.children[0];
      expect(oidNode?.oid && oidLongName(oidNode.oid), where).toBe(m[1]);
      headings++;
    } else if (/^ {8}Serial Number:/.test(line) && kind === 'certificate') {
      expect(node?.name, where).toBe('INTEGER');
    } else if (/^ {4}Signature Value:/.test(line)) {
      expect(node?.name, where).toBe('BIT STRING');
      expect(node, where).toBe(root.children[2]);
    } else if (/^ {12}Not (Before|After)/.test(line)) {
      expect(node?.name, where).toMatch(/^(UTCTime|GeneralizedTime)$/);
    } else if (/^ {16}Public-Key:/.test(line)) {
      expect(node?.name, where).toBe('BIT STRING');
    }
  });
  expect(headings).toBeGreaterThan(0);
}

describe('anchors: certificate text lines point at the nodes they describe', () => {
  const files = readdirSync(join(CORPUS, 'certs')).filter((f) => f.endsWith('.pem') && /^(mozroot|ct__|pyca__cryptography)/.test(f)).sort().slice(0, 120);
  for (const f of files) {
    it(f, () => {
      const txt = join(CORPUS, 'certs', f.replace(/\.pem$/, '.txt'));
      if (!readFileSync(txt, 'utf8').startsWith('Certificate:')) return;
      checkAnchors('certificate', join(CORPUS, 'certs', f), txt);
    });
  }
});

describe('anchors: CSRs', () => {
  const dir = join(CORPUS, 'csrs');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const src = readdirSync(dir).find((n) => n !== f && n.startsWith(f.replace(/\.txt$/, '')) && !n.endsWith('.txt'));
    if (!src) continue;
    it(f, () => {
      if (!readFileSync(join(dir, f), 'utf8').startsWith('Certificate Request:')) return;
      checkAnchors('csr', join(dir, src), join(dir, f));
    });
  }
});

describe('anchors: CRLs', () => {
  const dir = join(CORPUS, 'other/crl');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    it(f, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      if (!text.startsWith('Certificate Revocation List')) return;
      checkAnchors('crl', join(dir, f.replace(/\.txt$/, '')), join(dir, f));
    });
  }
});
