import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainLines, explainLine, explainNode, explanations, FIELD_REFERENCES, isGenericField, type LineExplanation } from '../../src/core/explain/index.ts';
import { CATALOG_EN } from '../../src/core/explain/catalog.en.ts';
import { CATALOG_DE } from '../../src/core/explain/catalog.de.ts';
import { generateKubeadmPki } from '../../src/kube/cluster-pki/kubeadm.ts';
import { createRootCa, createIntermediateCa } from '../../src/core/ca/create.ts';
import { issueFromPlan, planFromRequest } from '../../src/core/ca/issue.ts';
import { readVerifiedRequest } from '../../src/core/ca/csr.ts';
import { BUILTIN_PROFILES } from '../../src/core/ca/profiles.ts';
import { revokeEntry } from '../../src/core/ca/inventory.ts';
import { buildCrl } from '../../src/core/ca/crl.ts';
import { buildCsr } from '../../src/core/csr/build.ts';
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { printCertificateText } from '../../src/core/text/certificate.ts';
import { printCsrText } from '../../src/core/text/csr.ts';
import { printCrlText } from '../../src/core/text/crl.ts';
import { buildAsn1Tree, type Asn1Node } from '../../src/core/asn1/tree.ts';
import { anchorLines } from '../../src/core/text/anchors.ts';
import { fromPem } from './explain.helper.ts';
import type { ObjectKind } from '../../src/core/types.ts';

const CORPUS = join(__dirname, '../fixtures/corpus');
const EXTENSION_HEADING = /^ {12,16}(\S.*): (critical)?$/;

describe('catalogs', () => {
  const keys = Object.keys(FIELD_REFERENCES).sort();
  it('en and de explain exactly the ids of the reference table', () => {
    expect(Object.keys(CATALOG_EN).sort()).toEqual(keys);
    expect(Object.keys(CATALOG_DE).sort()).toEqual(keys);
  });
  it('no entry has an empty text, and a Kubernetes note is in both languages or neither', () => {
    for (const id of keys) {
      for (const c of [CATALOG_EN, CATALOG_DE]) {
        const e = c[id]!;
        for (const t of [e.title, e.what, e.why, ...(e.kubernetes !== undefined ? [e.kubernetes] : [])]) expect(t.trim(), id).not.toBe('');
      }
      expect(CATALOG_DE[id]!.kubernetes === undefined, id).toBe(CATALOG_EN[id]!.kubernetes === undefined);
      expect(FIELD_REFERENCES[id]!.trim(), id).not.toBe('');
    }
  });
  it('German is German: most titles differ from English', () => {
    const same = keys.filter((k) => CATALOG_EN[k]!.what === CATALOG_DE[k]!.what);
    expect(same).toEqual([]);
  });
  it('explanations(locale) adds the reference', () => {
    expect(explanations('de').get('cert.serial')).toMatchObject({ title: 'Seriennummer', rfc: 'RFC 5280 §4.1.2.2' });
    expect(explanations('en').get('nope')).toBeUndefined();
  });
});

/** Counters for the report: lines with a specific explanation out of all non-blank lines. */
const tally = { lines: 0, specific: 0 };
afterAll(() => {
  console.log(`explain coverage: ${tally.specific}/${tally.lines} corpus lines (${((100 * tally.specific) / Math.max(1, tally.lines)).toFixed(1)}%) have a specific explanation`);
});

function checkAll(kind: ObjectKind, text: string, strictHeadings: boolean): LineExplanation[] {
  const lines = text.replace(/\n$/, '').split('\n');
  const all = explainLines(kind, lines);
  lines.forEach((line, i) => {
    const e = all[i];
    if (!line.trim()) return expect(e).toBeNull();
    expect(e, `line ${i + 1}: ${line}`).not.toBeNull();
    expect(FIELD_REFERENCES[e!.id], `line ${i + 1} id ${e!.id}`).toBeDefined();
    for (const p of e!.parts) expect(FIELD_REFERENCES[p], `part ${p}`).toBeDefined();
    tally.lines++;
    if (!isGenericField(e!.id)) tally.specific++;
    if (strictHeadings && EXTENSION_HEADING.test(line) && !/^\d+(\.\d+)+$/.test(EXTENSION_HEADING.exec(line)![1]!)) {
      expect(isGenericField(e!.id), `extension heading without a specific entry: ${line}`).toBe(false);
    }
  });
  return all.filter((e): e is LineExplanation => e !== null);
}

function oracleFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(CORPUS, dir)).filter((f) => pattern.test(f)).sort();
}

describe('corpus certificates: every line resolves', () => {
  for (const f of oracleFiles('certs', /\.txt$/)) {
    it(f, () => {
      const text = readFileSync(join(CORPUS, 'certs', f), 'utf8');
      checkAll('certificate', text, f.startsWith('mozroot__'));
    });
  }
});

describe('corpus CSRs, CRLs and keys: every line resolves', () => {
  for (const f of oracleFiles('csrs', /\.txt$/)) it(`csrs/${f}`, () => void checkAll('csr', readFileSync(join(CORPUS, 'csrs', f), 'utf8'), true));
  for (const f of oracleFiles('other/crl', /\.txt$/)) it(`crl/${f}`, () => void checkAll('crl', readFileSync(join(CORPUS, 'other/crl', f), 'utf8'), false));
  for (const f of oracleFiles('other/keys', /\.txt$/)) it(`keys/${f}`, () => void checkAll(f.includes('pub') ? 'public-key' : 'private-key', readFileSync(join(CORPUS, 'other/keys', f), 'utf8'), false));
});

describe('specific lines', () => {
  const ku = ['            X509v3 Key Usage: critical', '                Digital Signature, Key Encipherment'];
  it('a Key Usage value line names the extension and each bit', () => {
    const lines = ['Certificate:', '    Data:', '        X509v3 extensions:', ...ku];
    expect(explainLine('certificate', lines, 3)).toEqual({ id: 'ext.2.5.29.15', parts: ['ext.critical'] });
    expect(explainLine('certificate', lines, 4)).toEqual({ id: 'ext.2.5.29.15', parts: ['ext.keyUsage.digitalSignature', 'ext.keyUsage.keyEncipherment'] });
  });
  it('a subject with system:masters and a SAN with the API server names carry the Kubernetes parts', () => {
    const lines = ['Certificate:', '    Data:', '        Subject: O = system:masters, CN = kubernetes-super-admin', '        X509v3 extensions:', '            X509v3 Subject Alternative Name: ', '                DNS:kubernetes, DNS:kubernetes.default.svc, IP Address:10.96.0.1'];
    expect(explainLine('certificate', lines, 2)!.parts).toEqual(['name.attr.2.5.4.10', 'name.attr.2.5.4.3', 'kube.systemMasters']);
    expect(explainLine('certificate', lines, 5)).toEqual({ id: 'ext.2.5.29.17', parts: ['gn.dns', 'gn.ip', 'kube.apiserverNames'] });
  });
});

describe('objects certbench makes', () => {
  const made: Array<{ name: string; kind: ObjectKind; der: Uint8Array; text: string }> = [];
  beforeAll(async () => {
    const pki = await generateKubeadmPki({ keyType: 'ec-p256', nodeName: 'cp-1' });
    for (const file of pki.files.filter((x) => x.kind === 'certificate')) {
      const der = fromPem(file.contents);
      made.push({ name: file.path, kind: 'certificate', der, text: printCertificateText(der) });
    }
    const root = await createRootCa({ keyType: 'rsa2048', subject: '/O=certbench test/CN=Root', days: 30 });
    const intermediate = await createIntermediateCa(root, new Set(), { keyType: 'ec-p256', subject: '/O=certbench test/CN=Intermediate', days: 20, pathLen: 0 });
    made.push({ name: 'root', kind: 'certificate', der: root.certificate, text: printCertificateText(root.certificate) });
    made.push({ name: 'intermediate', kind: 'certificate', der: intermediate.certificate, text: printCertificateText(intermediate.certificate) });
    const csr = await buildCsr({ subject: [{ type: 'O', value: 'system:nodes' }, { type: 'CN', value: 'system:node:w1' }], sans: ['w1.example', '10.0.0.5'], usage: 'peer' }, await generateKeyPair('ec-p256'));
    made.push({ name: 'csr', kind: 'csr', der: csr.der, text: printCsrText(csr.der) });
    const issued = await issueFromPlan(planFromRequest(await readVerifiedRequest(csr.pem), intermediate, { profile: BUILTIN_PROFILES.peer }), intermediate, new Set());
    made.push({ name: 'peer leaf', kind: 'certificate', der: issued.der, text: printCertificateText(issued.der) });
    const crl = await buildCrl(intermediate, [revokeEntry(issued.entry, 'keyCompromise')], { crlNumber: 3, days: 7 });
    made.push({ name: 'crl', kind: 'crl', der: crl.der, text: printCrlText(crl.der) });
  }, 60_000);

  it('every line of every object resolves, every extension heading specifically', () => {
    expect(made.length).toBeGreaterThan(10);
    for (const m of made) checkAll(m.kind, m.text, true);
  });

  it('every ASN.1 node of every object has an explanation, OIDs by themselves', () => {
    for (const m of made) {
      const { root } = buildAsn1Tree(m.der);
      const lines = m.text.replace(/\n$/, '').split('\n');
      const ctx = { kind: m.kind, lines, anchors: anchorLines(m.kind, m.text, root), root };
      const visit = (n: Asn1Node) => {
        const e = explainNode(n, ctx);
        expect(e, `${m.name} node @${n.offset} ${n.name} ${n.oid ?? ''}`).not.toBeNull();
        n.children.forEach(visit);
      };
      visit(root);
      const ekuOid = (function find(n: Asn1Node): Asn1Node | undefined {
        if (n.oid === '1.3.6.1.5.5.7.3.1') return n;
        for (const c of n.children) {
          const hit = find(c);
          if (hit) return hit;
        }
      })(root);
      if (ekuOid) expect(explainNode(ekuOid, ctx)!.id).toBe('eku.1.3.6.1.5.5.7.3.1');
    }
  });
});
