import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { summarize } from '../../src/core/summary.ts';
import { detectInput } from '../../src/core/input/detect.ts';
import {
  commonNameOf,
  csvField,
  derSha256,
  duplicateCount,
  duplicateGroups,
  filterRows,
  issuerGroups,
  occurrences,
  overviewCounts,
  overviewCsv,
  overviewRow,
  sortRows,
  OVERVIEW_COLUMNS,
  type OverviewRow,
} from '../../src/core/overview/index.ts';

const CERTS = 'tests/fixtures/corpus/certs';
// One seed, so `npm test` checks the same cases every time (as in der-mutations.test.ts); FC_SEED=<n> explores.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261205;
const NOW = new Date('2026-12-05T12:00:00Z');

function row(over: Partial<OverviewRow> & { index: number }): OverviewRow {
  return { kind: 'certificate', subjectCn: '', issuerCn: '', subject: '', issuer: '', keyType: '', sha256: '', serial: '', sans: [], origin: '', ...over };
}

describe('overviewRow from a real summary', () => {
  const files = readdirSync(CERTS).filter((f) => f.endsWith('.pem')).sort().slice(0, 12);

  it.each(files)('%s: fingerprint, serial and notAfter agree with openssl', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(CERTS, file)));
    const obj = detectInput(bytes, file).objects[0]!;
    const r = overviewRow({ kind: obj.kind, origin: obj.origin, summary: await summarize(obj, NOW) }, 0, NOW);
    const out = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-serial', '-enddate'], { input: bytes }).toString();
    expect(r.sha256).toBe(/sha256 Fingerprint=(.*)/i.exec(out)![1]);
    expect(r.sha256).toBe(await derSha256(obj.der));
    expect(r.serial).toBe(/serial=(.*)/.exec(out)![1]);
    const end = Date.parse(/notAfter=(.*)/.exec(out)![1]!);
    expect(Date.parse(r.notAfter!)).toBe(end);
    expect(r.daysLeft).toBe(Math.floor((end - NOW.getTime()) / 86_400_000));
    expect(r.mark === 'expired').toBe(r.daysLeft! < 0);
  });
});

describe('commonNameOf', () => {
  it.each([
    ['C = US, O = Org, CN = Leaf', 'Leaf'],
    ['CN = Root CA, O = X', 'Root CA'],
    ['CN = a, CN = b', 'b'],
    ['O = No CN', ''],
    ['O = ACN = x', ''],
  ])('%s → %s', (dn, cn) => expect(commonNameOf(dn)).toBe(cn));
});

describe('duplicates', () => {
  const rows = [row({ index: 0, sha256: 'AA' }), row({ index: 1, sha256: 'BB' }), row({ index: 2, sha256: 'AA' }), row({ index: 3, sha256: 'AA' }), row({ index: 4, sha256: 'BB' }), row({ index: 5, sha256: 'CC' })];
  it('groups the same fingerprint and counts the copies', () => {
    const groups = duplicateGroups(rows);
    expect(groups).toEqual([
      { sha256: 'AA', indexes: [0, 2, 3] },
      { sha256: 'BB', indexes: [1, 4] },
    ]);
    expect(duplicateCount(groups)).toBe(3);
    expect(occurrences(groups).get(3)).toBe(3);
    expect(occurrences(groups).has(5)).toBe(false);
  });

  it('copies = rows − distinct fingerprints, for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { maxLength: 60 }), (hashes) => {
        const rs = hashes.map((h, index) => row({ index, sha256: h }));
        expect(duplicateCount(duplicateGroups(rs))).toBe(hashes.length - new Set(hashes).size);
      }),
      { seed: SEED },
    );
  });
});

describe('issuerGroups', () => {
  const root = row({ index: 2, subject: 'CN = Root', issuer: 'CN = Root', subjectCn: 'Root', issuerCn: 'Root', subjectKeyId: 'R1', selfSigned: true });
  const inter = row({ index: 1, subject: 'CN = Inter', issuer: 'CN = Root', subjectCn: 'Inter', issuerCn: 'Root', subjectKeyId: 'I1', authorityKeyId: 'R1' });
  const leafA = row({ index: 0, subject: 'CN = a', issuer: 'CN = Inter', subjectCn: 'a', issuerCn: 'Inter', authorityKeyId: 'I1' });
  const leafB = row({ index: 3, subject: 'CN = b', issuer: 'CN = Other', subjectCn: 'b', issuerCn: 'Other' });
  const key = row({ index: 4, kind: 'private-key' });

  it('groups by AKI (else issuer name), the issuer certificate first, no-issuer objects last', () => {
    const groups = issuerGroups([leafA, inter, root, leafB, key]);
    // By issuer CN: Inter, Other, Root (the intermediate's key group and the root's own name group).
    expect(groups.map((g) => [g.key, g.indexes, g.issuerIndex])).toEqual([
      ['key:I1', [1, 0], 1],
      ['name:CN = Other', [3], undefined],
      ['key:R1', [2, 1], 2],
      ['name:CN = Root', [2], 2],
      ['', [4], undefined],
    ]);
  });
});

describe('search', () => {
  const rows = [
    row({ index: 0, subjectCn: 'Alpha Leaf', subject: 'O = Corp, CN = Alpha Leaf', sans: ['DNS:alpha.example'], serial: '0A1B', sha256: 'AB:CD:EF' }),
    row({ index: 1, subjectCn: 'Beta', subject: 'CN = Beta', issuer: 'CN = Gamma Root', issuerCn: 'Gamma Root', serial: '02', sha256: '12:34:56' }),
  ];
  it.each([
    ['alpha', [0]],
    ['ALPHA.EXAMPLE', [0]],
    ['gamma root', [1]],
    ['0a1b', [0]],
    ['0a:1b', [0]],
    ['abcdef', [0]],
    ['12:34', [1]],
    ['corp', [0]],
    ['  ', [0, 1]],
    ['nothing', []],
  ])('%j finds %j', (q, found) => expect(filterRows(rows, q).map((r) => r.index)).toEqual(found));

  it('any substring of any SAN finds its row', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (san, a, b) => {
        const [from, to] = [a % san.length, b % san.length].sort((x, y) => x - y);
        const q = san.slice(from!, to! + 1);
        const rs = [row({ index: 0, sans: [`DNS:${san}`] })];
        expect(filterRows(rs, q).length).toBe(1);
      }),
      { seed: SEED },
    );
  });
});

describe('sortRows', () => {
  const rows = [
    row({ index: 0, subjectCn: 'b', notAfter: '2027-01-01T00:00:00Z' }),
    row({ index: 1, subjectCn: 'a', notAfter: '2025-01-01T00:00:00Z' }),
    row({ index: 2, subjectCn: '' }),
    row({ index: 3, subjectCn: 'B', notAfter: '2026-01-01T00:00:00Z' }),
  ];
  it('notAfter ascending puts the soonest first, rows without one last', () => {
    expect(sortRows(rows, { column: 'notAfter', direction: 'ascending' }).map((r) => r.index)).toEqual([1, 3, 0, 2]);
    expect(sortRows(rows, { column: 'notAfter', direction: 'descending' }).map((r) => r.index)).toEqual([0, 3, 1, 2]);
  });
  it('text sorts ignore case and keep input order among equals', () => {
    expect(sortRows(rows, { column: 'subjectCn', direction: 'ascending' }).map((r) => r.index)).toEqual([1, 0, 3, 2]);
    expect(sortRows(rows, { column: 'subjectCn', direction: 'descending' }).map((r) => r.index)).toEqual([0, 3, 1, 2]);
  });
  it('every column: a permutation, ordered, empties last', () => {
    const arb = fc.array(fc.record({ cn: fc.constantFrom('', 'a', 'B', 'c'), day: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, fc.constantFrom(...OVERVIEW_COLUMNS), fc.constantFrom('ascending' as const, 'descending' as const), (spec, column, direction) => {
        const rs = spec.map((s, index) =>
          row({ index, subjectCn: s.cn, issuerCn: s.cn, keyType: s.cn, sha256: s.cn, origin: s.cn, ...(s.day === undefined ? {} : { notAfter: new Date(Date.UTC(2026, 0, 1 + s.day)).toISOString() }) }),
        );
        const sorted = sortRows(rs, { column, direction });
        expect(sorted.map((r) => r.index).sort((a, b) => a - b)).toEqual(rs.map((r) => r.index));
        const empty = (r: OverviewRow) => (column === 'notAfter' ? r.notAfter === undefined : column === 'kind' ? false : !r[column]);
        const firstEmpty = sorted.findIndex(empty);
        if (firstEmpty !== -1) expect(sorted.slice(firstEmpty).every(empty)).toBe(true);
      }),
      { seed: SEED },
    );
  });
});

/** A strict RFC 4180 reader, to check what overviewCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const fields: string[] = [];
    for (;;) {
      let v = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (text[i] === '"' && text[i + 1] === '"') (v += '"'), (i += 2);
          else if (text[i] === '"') break;
          else v += text[i++];
        }
        i++;
      } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') v += text[i++];
      fields.push(v);
      if (text[i] === ',') i++;
      else break;
    }
    expect(text.slice(i, i + 2)).toBe('\r\n');
    i += 2;
    rows.push(fields);
  }
  return rows;
}

describe('overviewCsv', () => {
  it('writes RFC 4180 with a header, quoting and formula guards (exact bytes)', () => {
    const rows = [
      row({ index: 0, subjectCn: '=HYPERLINK("x")', issuerCn: 'Acme, Inc.', notAfter: '2026-01-01T00:00:00Z', daysLeft: -338, keyType: 'RSA 2048 bit', sha256: 'AA:BB', serial: '01', origin: 'bundle.pem › block 1', line: 3 }),
      row({ index: 1, kind: 'private-key', subjectCn: '+1', issuerCn: '@me', origin: 'line\nbreak' }),
    ];
    expect(overviewCsv(rows)).toBe(
      'Kind,Subject CN,Issuer CN,Not after,Days left,Key,SHA-256,Serial,Origin,Line\r\n' +
        `certificate,"'=HYPERLINK(""x"")","Acme, Inc.",2026-01-01T00:00:00Z,-338,RSA 2048 bit,AA:BB,01,bundle.pem › block 1,3\r\n` +
        "private-key,'+1,'@me,,,,,,line\\x0Abreak,\r\n",
    );
  });

  it('every field reads back as what was written, and never starts a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 8 }), (values) => {
        const rows = values.map((v, index) => row({ index, subjectCn: v, issuerCn: v, origin: v }));
        const parsed = parseCsv(overviewCsv(rows));
        expect(parsed.length).toBe(rows.length + 1);
        for (const [k, fields] of parsed.slice(1).entries()) {
          const shown = csvField(values[k]!).replace(/^"|"$/g, '').replaceAll('""', '"');
          expect(fields[1]).toBe(shown);
          expect(/^[=+\-@\t\r]/.test(fields[1]!)).toBe(false);
        }
      }),
      { seed: SEED },
    );
  });
});

describe('overviewCounts', () => {
  it('counts objects, copies, expired and soon', () => {
    const rows = [row({ index: 0, sha256: 'A', mark: 'expired' }), row({ index: 1, sha256: 'A', mark: 'soon' }), row({ index: 2, sha256: 'B', mark: 'not-yet-valid' }), row({ index: 3, sha256: 'C' })];
    expect(overviewCounts(rows, duplicateGroups(rows))).toEqual({ objects: 4, duplicates: 1, expired: 1, soon: 1 });
  });
});
