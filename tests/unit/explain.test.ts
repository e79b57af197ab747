import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainLine, explainNode, explanations, FIELD_REFERENCES, isGenericField, lineAnchors } from '../../src/core/explain/index.ts';
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
import { detectInput } from '../../src/core/input/detect.ts';
import { printLines } from '../../src/core/text/dump.ts';
import { renderLines, type TextLine } from '../../src/core/text/lines.ts';
import { formatName } from '../../src/core/text/name.ts';
import { buildAsn1Tree, findNode, type Asn1Node } from '../../src/core/asn1/tree.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import type { FoundObject } from '../../src/core/types.ts';

const CORPUS = join(__dirname, '../fixtures/corpus');

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

/** Every non-blank line names a field of the catalog, its parts too; extension headings (named ones) a specific field. */
function checkAll(lines: TextLine[]): void {
  lines.forEach((line, i) => {
    const e = explainLine(line);
    if (!line.text.trim()) return expect(e).toBeNull();
    expect(e, `line ${i + 1}: ${line.text}`).not.toBeNull();
    expect(FIELD_REFERENCES[e!.id], `line ${i + 1} id ${e!.id}`).toBeDefined();
    for (const p of e!.parts) expect(FIELD_REFERENCES[p], `part ${p}`).toBeDefined();
    tally.lines++;
    if (!isGenericField(e!.id)) tally.specific++;
  });
}

/**
 * Each line's byte range names the element it shows: names print as that Name, extension lines
 * sit on an Extension whose OID is the one their field names, times on times, keys on the key bits.
 */
function checkNodes(obj: FoundObject, lines: TextLine[]): number {
  let root: Asn1Node;
  try {
    root = buildAsn1Tree(obj.der).root;
  } catch (e) {
    if (e instanceof CertbenchError) return 0; // no tree to point into (the ASN.1 view says why)
    throw e;
  }
  const anchors = lineAnchors(lines, root);
  let checked = 0;
  lines.forEach((line, i) => {
    if (!line.text.trim()) return;
    const where = `line ${i + 1}: ${line.text}`;
    const node = anchors[i] === null ? undefined : findNode(root, anchors[i]!);
    const field = line.field ?? '';
    const encoding = (n: Asn1Node) => obj.der.subarray(n.offset, n.offset + n.headerLength + n.length);
    if (/^(cert|crl|csr)\.(issuer|subject)$/.test(field)) {
      expect(node?.name, where).toBe('SEQUENCE');
      expect(line.text, where).toContain(formatName(encoding(node!), obj.kind === 'pkcs7' ? 'slash' : 'oneline').slice(1));
      checked++;
    } else if (/^ext\.\d/.test(field)) {
      expect(node?.children[0]?.oid, where).toBe(field.slice(4));
      checked++;
    } else if (/^(cert\.notBefore|cert\.notAfter|crl\.lastUpdate|crl\.entry\.date)$/.test(field)) {
      expect(node?.name, where).toMatch(/^(UTCTime|GeneralizedTime)$/);
    } else if (field === 'sig.value') {
      expect(node?.name, where).toBe('BIT STRING');
    } else if (field === 'cert.serial') {
      expect(node?.name, where).toBe('INTEGER');
    }
  });
  return checked;
}

function corpusObjects(dir: string, isSource: (name: string) => boolean): Array<[string, FoundObject]> {
  const out: Array<[string, FoundObject]> = [];
  for (const f of readdirSync(join(CORPUS, dir)).filter(isSource).sort()) {
    const found = detectInput(new Uint8Array(readFileSync(join(CORPUS, dir, f))), f).objects[0];
    if (found) out.push([f, found]);
  }
  return out;
}

/** The records of an object OpenSSL prints too, or undefined where certbench refuses it as OpenSSL does (the corpus text tests judge that). */
function recordsOf(obj: FoundObject): TextLine[] | undefined {
  try {
    return printLines(obj);
  } catch (e) {
    if (e instanceof CertbenchError) return undefined;
    throw e;
  }
}

describe('corpus: every printed line names its field, and its bytes the element it shows', () => {
  const groups: Array<[string, (f: string) => boolean, number]> = [
    ['certs', (f) => f.endsWith('.pem'), 600],
    ['csrs', (f) => !f.endsWith('.txt') && !f.endsWith('.json'), 10],
    ['other/crl', (f) => !f.endsWith('.txt'), 5],
    ['other/keys', (f) => !f.endsWith('.txt'), 10],
  ];
  for (const [dir, isSource, least] of groups) {
    it(dir, () => {
      let printed = 0;
      let headings = 0;
      for (const [name, obj] of corpusObjects(dir, isSource)) {
        const lines = recordsOf(obj);
        if (!lines) continue;
        printed++;
        expect(lines.every((l) => !l.text.includes('\n')), name).toBe(true);
        checkAll(lines);
        headings += checkNodes(obj, lines);
      }
      expect(printed).toBeGreaterThanOrEqual(least);
      if (dir !== 'other/keys') expect(headings).toBeGreaterThan(printed);
    });
  }
});

describe('objects certbench makes', () => {
  const made: Array<{ name: string; obj: FoundObject }> = [];
  const add = (name: string, kind: FoundObject['kind'], der: Uint8Array) => made.push({ name, obj: { kind, der, origin: name } });
  const find = (name: string) => made.find((m) => m.name === name)!;
  beforeAll(async () => {
    const pki = await generateKubeadmPki({ keyType: 'ec-p256', nodeName: 'cp-1' });
    for (const file of pki.files.filter((x) => x.kind === 'certificate')) add(file.path, 'certificate', detectInput(file.contents).objects[0]!.der);
    const root = await createRootCa({ keyType: 'rsa2048', subject: '/O=certbench test/CN=Root', days: 30 });
    const intermediate = await createIntermediateCa(root, new Set(), { keyType: 'ec-p256', subject: '/O=certbench test/CN=Intermediate', days: 20, pathLen: 0 });
    add('root', 'certificate', root.certificate);
    add('intermediate', 'certificate', intermediate.certificate);
    const masters = await createRootCa({ keyType: 'ec-p256', subject: '/O=system:masters/CN=kubernetes-super-admin', days: 1 });
    add('masters', 'certificate', masters.certificate);
    const csr = await buildCsr({ subject: [{ type: 'O', value: 'system:nodes' }, { type: 'CN', value: 'system:node:w1' }], sans: ['w1.example', '10.0.0.5'], usage: 'peer' }, await generateKeyPair('ec-p256'));
    add('csr', 'csr', csr.der);
    const issued = await issueFromPlan(planFromRequest(await readVerifiedRequest(csr.pem), intermediate, { profile: BUILTIN_PROFILES.peer }), intermediate, new Set());
    add('peer leaf', 'certificate', issued.der);
    const crl = await buildCrl(intermediate, [revokeEntry(issued.entry, 'keyCompromise')], { crlNumber: 3, days: 7 });
    add('crl', 'crl', crl.der);
  }, 60_000);

  it('every line of every object names its field, every extension heading a specific one', () => {
    expect(made.length).toBeGreaterThan(10);
    for (const m of made) {
      const lines = printLines(m.obj);
      checkAll(lines);
      expect(checkNodes(m.obj, lines), m.name).toBeGreaterThan(0);
      for (const l of lines) if (/^ {12,16}\S.*: (critical)?$/.test(l.text) && /^ext\./.test(l.field ?? '')) expect(isGenericField(l.field!), l.text).toBe(false);
    }
  });

  it('lines list their pieces: key usage bits, name attributes, SAN types and the Kubernetes names', () => {
    const partsOf = (name: string, field: string) => printLines(find(name).obj).filter((l) => l.field === field).map((l) => l.parts ?? []);
    const keyUsage = partsOf('root', 'ext.2.5.29.15');
    expect(keyUsage[0]).toEqual(['ext.critical']);
    expect(keyUsage[1]).toEqual(['ext.keyUsage.digitalSignature', 'ext.keyUsage.keyCertSign', 'ext.keyUsage.cRLSign']);
    expect(partsOf('masters', 'cert.subject')[0]).toEqual(['name.attr.2.5.4.10', 'name.attr.2.5.4.3', 'kube.systemMasters']);
    expect(partsOf('csr', 'csr.subject')[0]).toEqual(['name.attr.2.5.4.10', 'name.attr.2.5.4.3', 'kube.nodeIdentity']);
    expect(partsOf('pki/apiserver.crt', 'ext.2.5.29.17')[1]).toEqual(['gn.dns', 'gn.ip', 'kube.apiserverNames']);
    expect(partsOf('csr', 'ext.2.5.29.17')[1]).toEqual(['gn.dns', 'gn.ip']);
    expect(partsOf('peer leaf', 'ext.2.5.29.37')[1]).toEqual(['eku.1.3.6.1.5.5.7.3.1', 'eku.1.3.6.1.5.5.7.3.2']);
    expect(printLines(find('crl').obj).some((l) => l.field === 'crlReason.keyCompromise')).toBe(true);
  });

  it('the text is the records\' lines, each with a newline', () => {
    for (const m of made) expect(renderLines(printLines(m.obj)).split('\n').length).toBe(printLines(m.obj).length + 1);
  });

  it('every ASN.1 node of every object has an explanation, OIDs by themselves', () => {
    for (const m of made) {
      const { root } = buildAsn1Tree(m.obj.der);
      const ctx = { lines: printLines(m.obj), root };
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
