/**
 * `certbench dump --table` and `--csv`: the overview of many objects (src/core/overview, the same
 * rows Inspect's table shows) instead of their text — one row per object with its kind, subject and
 * issuer CN, notAfter and the days left, key, SHA-256 and origin; duplicates counted.
 */
import type { FoundObject } from '../core/types.ts';
import { summarize, type Summary } from '../core/summary.ts';
import { visibleText } from '../core/text/visible.ts';
import { displayWidth } from './display-width.ts';
import {
  derSha256,
  duplicateGroups,
  ENGLISH_CSV_HEADERS,
  occurrences,
  overviewCounts,
  overviewRow,
  originWithLine,
  sortRows,
  SOON_DAYS,
  type OverviewColumn,
  type OverviewRow,
} from '../core/overview/index.ts';

/** The rows of the objects, in input order (or sorted by `sort`), each from the object's summary (made here when not given). */
export async function overviewRows(objects: readonly { obj: FoundObject; summary?: Summary }[], now: Date, sort?: OverviewColumn): Promise<OverviewRow[]> {
  const rows: OverviewRow[] = [];
  for (const [index, { obj, summary: given }] of objects.entries()) {
    const summary = given ?? (await summarize(obj, now));
    // Keys, requests and CRLs have no fingerprint in their summary: their DER's SHA-256 finds their duplicates.
    const sha256 = summary.fingerprints?.sha256 ?? (await derSha256(obj.der));
    rows.push(overviewRow({ kind: obj.kind, origin: obj.origin, ...(obj.line ? { line: obj.line } : {}), summary, sha256 }, index, now));
  }
  return sort ? sortRows(rows, { column: sort, direction: 'ascending' }) : rows;
}

function notAfterCell(row: OverviewRow): string {
  if (row.notAfter === undefined || row.daysLeft === undefined) return '';
  const date = row.notAfter.slice(0, 10);
  if (row.mark === 'not-yet-valid') return `${date} (not yet valid)`;
  if (row.daysLeft < 0) return `${date} (expired ${-row.daysLeft} ${row.daysLeft === -1 ? 'day' : 'days'} ago)`;
  return `${date} (${row.daysLeft} ${row.daysLeft === 1 ? 'day' : 'days'}${row.mark === 'soon' ? ', soon' : ''})`;
}

const COLUMNS: { header: string; cell(row: OverviewRow, copies: number | undefined): string }[] = [
  { header: ENGLISH_CSV_HEADERS.kind, cell: (r) => r.kind },
  { header: ENGLISH_CSV_HEADERS.subjectCn, cell: (r) => r.subjectCn },
  { header: ENGLISH_CSV_HEADERS.issuerCn, cell: (r) => r.issuerCn },
  { header: `${ENGLISH_CSV_HEADERS.notAfter} (days left)`, cell: notAfterCell },
  { header: ENGLISH_CSV_HEADERS.keyType, cell: (r) => r.keyType },
  { header: ENGLISH_CSV_HEADERS.sha256, cell: (r) => r.sha256 },
  { header: 'Copies', cell: (_, copies) => (copies ? `×${copies}` : '') },
  { header: ENGLISH_CSV_HEADERS.origin, cell: originWithLine },
];

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The rows as a table for a terminal: columns padded to their widest cell, two spaces apart, '-' in
 * an empty cell (so each row splits into the same fields), then the totals. Names are shown
 * visibly (control characters and raw bytes escaped), as everywhere outside the OpenSSL text.
 */
export function overviewTableText(rows: readonly OverviewRow[]): string {
  const groups = duplicateGroups(rows);
  const copies = occurrences(groups);
  const cells = [COLUMNS.map((c) => c.header), ...rows.map((r) => COLUMNS.map((c) => visibleText(c.cell(r, copies.get(r.index))) || '-'))];
  // Padded by the columns a cell takes on screen: a CJK name is twice as wide as its characters.
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => displayWidth(row[i]!))));
  const pad = (s: string, width: number) => s + ' '.repeat(width - displayWidth(s));
  const lines = cells.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]!))).join('  '));
  const counts = overviewCounts(rows, groups);
  const totals = [
    plural(counts.objects, 'object', 'objects'),
    plural(counts.duplicates, 'duplicate', 'duplicates'),
    `${counts.expired.toLocaleString('en-US')} expired`,
    `${counts.soon.toLocaleString('en-US')} ${counts.soon === 1 ? 'expires' : 'expire'} within ${SOON_DAYS} days`,
  ];
  return `${lines.join('\n')}\n\n${totals.join(', ')}\n`;
}
