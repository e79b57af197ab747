import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { buildAsn1Tree, findNode, pathTo, type Asn1Node } from '../../src/core/asn1/tree.ts';
import { fromBase64, fromHex } from '../../src/core/bytes.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import { oidDisplayName } from '../../src/core/oids.ts';

const CORPUS = 'tests/fixtures/corpus';

/** The DER of the first PEM block, or the file itself when it is not PEM. */
function firstDer(file: string): Uint8Array {
  const raw = readFileSync(file);
  const m = /-----BEGIN [^-]+-----\r?\n(?:[A-Za-z-]+:.*\r?\n)*\r?\n?([\s\S]*?)-----END/.exec(raw.toString('latin1'));
  return m ? fromBase64(m[1]!) : new Uint8Array(raw);
}

interface ParsedLine {
  offset: number;
  depth: number;
  hl: number;
  l: number | 'inf';
  cons: boolean;
  tag: string;
  value: string;
}

/** `openssl asn1parse -i` of these DER bytes, end-of-contents lines dropped (the tree folds them into the length). */
function asn1parse(der: Uint8Array): ParsedLine[] | undefined {
  let out: string;
  try {
    out = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-i'], { input: der, stdio: ['pipe', 'pipe', 'ignore'] }).toString('utf8');
  } catch {
    return undefined; // OpenSSL cannot parse it either
  }
  const lines: ParsedLine[] = [];
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+):d=(\d+)\s+hl=(\d+) l=\s*(\d+|inf)\s+(cons|prim): +((?:cont|appl|priv|univ) \[ *\d+ *\]|[A-Za-z0-9]+(?: STRING)?|<[^>]*>)\s*(?:\[HEX DUMP\])?(?::(.*))?$/.exec(line);
    if (!m) continue;
    if (m[6] === 'EOC') continue;
    lines.push({
      offset: +m[1]!, depth: +m[2]!, hl: +m[3]!, l: m[4] === 'inf' ? 'inf' : +m[4]!, cons: m[5] === 'cons', tag: m[6]!.replace(/\s+/g, ' '), value: m[7] ?? '',
    });
  }
  return lines;
}

/** Nodes in document order, without the encapsulated contents asn1parse does not show. */
function flatten(node: Asn1Node, depth = 0, out: Array<{ node: Asn1Node; depth: number }> = []) {
  out.push({ node, depth });
  if (!node.encapsulated) for (const c of node.children) flatten(c, depth + 1, out);
  return out;
}

const OPENSSL_UNIVERSAL: Record<string, number> = {
  BOOLEAN: 1, INTEGER: 2, 'BIT STRING': 3, 'OCTET STRING': 4, NULL: 5, OBJECT: 6, ENUMERATED: 10, UTF8STRING: 12,
  SEQUENCE: 16, SET: 17, NUMERICSTRING: 18, PRINTABLESTRING: 19, T61STRING: 20, VIDEOTEXSTRING: 21, IA5STRING: 22,
  UTCTIME: 23, GENERALIZEDTIME: 24, GRAPHICSTRING: 25, VISIBLESTRING: 26, GENERALSTRING: 27, UNIVERSALSTRING: 28, BMPSTRING: 30,
};

function expectSameAsAsn1parse(der: Uint8Array) {
  const expected = asn1parse(der);
  if (!expected) return;
  const got = flatten(buildAsn1Tree(der).root);
  expect(got.length).toBe(expected.length);
  got.forEach(({ node, depth }, i) => {
    const e = expected[i]!;
    const where = `node ${i} at ${node.offset}`;
    expect({ where, offset: node.offset, depth, hl: node.headerLength, cons: node.constructed }).toEqual({ where, offset: e.offset, depth: e.depth, hl: e.hl, cons: e.cons });
    if (e.l === 'inf') expect(node.indefinite, where).toBe(true);
    else expect(node.length, where).toBe(e.l);
    const ctx = /^(cont|appl|priv) \[ ?(\d+) ?\]$/.exec(e.tag);
    if (ctx) {
      expect([node.tagClass, node.tagNumber], where).toEqual([{ cont: 'context', appl: 'application', priv: 'private' }[ctx[1]!], +ctx[2]!]);
    } else if (e.tag in OPENSSL_UNIVERSAL) {
      expect([node.tagClass, node.tagNumber], where).toEqual(['universal', OPENSSL_UNIVERSAL[e.tag]]);
    }
    if (e.tag === 'OBJECT') expect(oidDisplayName(node.oid!), where).toBe(e.value);
  });
}

function filesIn(dir: string, re: RegExp): string[] {
  return readdirSync(join(CORPUS, dir)).filter((f) => re.test(f)).sort();
}

describe('buildAsn1Tree matches `openssl asn1parse -i` (offsets, depths, header and content lengths, tags, OID names)', () => {
  describe('certificates', () => {
    for (const f of filesIn('certs', /\.pem$/)) it(f, () => expectSameAsAsn1parse(firstDer(join(CORPUS, 'certs', f))));
  });
  describe('CSRs', () => {
    for (const f of filesIn('csrs', /\.(pem|der|csr)$/)) it(f, () => expectSameAsAsn1parse(firstDer(join(CORPUS, 'csrs', f))));
  });
  describe('CRLs', () => {
    for (const f of filesIn('other/crl', /\.(pem|der|crl)$/)) it(f, () => expectSameAsAsn1parse(firstDer(join(CORPUS, 'other/crl', f))));
  });
  describe('keys', () => {
    for (const f of filesIn('other/keys', /\.(pem|der|key)$/)) it(f, () => expectSameAsAsn1parse(firstDer(join(CORPUS, 'other/keys', f))));
  });
});

describe('buildAsn1Tree', () => {
  it('handles indefinite lengths: the length covers the end-of-contents octets', () => {
    // SEQUENCE (indefinite) { INTEGER 5, [0] (indefinite) { NULL } }
    const ber = fromHex('30 80 02 01 05 a0 80 05 00 00 00 00 00');
    const { root, trailingBytes } = buildAsn1Tree(ber);
    expect(trailingBytes).toBe(0);
    expect(root).toMatchObject({ offset: 0, headerLength: 2, length: 11, indefinite: true, name: 'SEQUENCE' });
    expect(root.children.map((c) => [c.offset, c.name, c.headerLength, c.length, c.indefinite])).toEqual([
      [2, 'INTEGER', 2, 1, false],
      [5, '[0]', 2, 4, true],
    ]);
    expect(root.children[1]!.children[0]).toMatchObject({ offset: 7, name: 'NULL', length: 0 });
    expect(root.children[0]!.preview).toBe('5');
  });

  it('shows DER inside an OCTET STRING and a BIT STRING as encapsulated children, at their real offsets', () => {
    // SEQUENCE { OCTET STRING { SEQUENCE { BOOLEAN TRUE } }, BIT STRING (0 unused) { INTEGER 1 }, OCTET STRING 'hi' }
    const der = fromHex('30 11 04 05 30 03 01 01 ff 03 04 00 02 01 01 04 02 68 69');
    const { root } = buildAsn1Tree(der);
    const [octets, bits, plain] = root.children;
    expect(octets).toMatchObject({ offset: 2, encapsulated: true });
    expect(octets!.children[0]).toMatchObject({ offset: 4, name: 'SEQUENCE' });
    expect(octets!.children[0]!.children[0]).toMatchObject({ offset: 6, name: 'BOOLEAN', preview: 'TRUE' });
    expect(bits).toMatchObject({ offset: 9, encapsulated: true });
    expect(bits!.children[0]).toMatchObject({ offset: 12, name: 'INTEGER', preview: '1' });
    expect(plain).toMatchObject({ offset: 15, encapsulated: false, children: [] });
    expect(der[plain!.offset + plain!.headerLength]).toBe(0x68);
  });

  it('offsets agree with the bytes asn1js itself saw for every node of a certificate', () => {
    const der = firstDer(join(CORPUS, 'certs', filesIn('certs', /\.pem$/)[0]!));
    const check = (node: Asn1Node) => {
      const slice = der.subarray(node.offset, node.offset + node.headerLength + node.length);
      const again = asn1js.fromBER(slice.slice());
      expect(again.offset, `node at ${node.offset}`).toBe(slice.length);
      node.children.forEach(check);
    };
    check(buildAsn1Tree(der).root);
  });

  it('names OIDs with OpenSSL short and long names', () => {
    const { root } = buildAsn1Tree(fromHex('06 03 55 04 03'));
    expect(root).toMatchObject({ oid: '2.5.4.3', oidShortName: 'CN', oidLongName: 'commonName', name: 'OBJECT IDENTIFIER' });
  });

  it('reports trailing bytes and finds nodes by offset', () => {
    const { root, trailingBytes } = buildAsn1Tree(fromHex('30 03 02 01 07 ff ff'));
    expect(trailingBytes).toBe(2);
    expect(findNode(root, 2)?.name).toBe('INTEGER');
    expect(findNode(root, 3)).toBeUndefined();
    expect(pathTo(root, 2).map((n) => n.offset)).toEqual([0, 2]);
  });

  it('throws a CertbenchError for bytes that are not BER', () => {
    expect(() => buildAsn1Tree(fromHex('30 05 02 01'))).toThrow(CertbenchError);
    expect(() => buildAsn1Tree(new Uint8Array())).toThrow(/no bytes/);
  });

  it('previews negative and large integers', () => {
    expect(buildAsn1Tree(fromHex('02 01 ff')).root.preview).toBe('-1');
    expect(buildAsn1Tree(fromHex('02 09 00 ff ff ff ff ff ff ff ff')).root.preview).toMatch(/^\(64 bit\) 00FF/);
  });
});
