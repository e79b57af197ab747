/**
 * The overview as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma,
 * quote, CR or LF, quotes doubled. A cell a spreadsheet would run as a formula (one starting with
 * = + - @, or a tab or CR that some strip first) gets a leading apostrophe: a certificate's CN is
 * whatever its maker wrote, and "=HYPERLINK(…)" must stay text. Whole integers (days left, -3) are
 * numbers, not formulas, and stay as they are. Invisible characters and raw bytes are written
 * visibly (visibleText), as everywhere names are shown outside the OpenSSL text.
 */
import type { OverviewRow } from './row.ts';
import { visibleText } from '../text/visible.ts';

export const CSV_COLUMNS = ['kind', 'subjectCn', 'issuerCn', 'notAfter', 'daysLeft', 'keyType', 'sha256', 'serial', 'origin', 'line'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const ENGLISH_CSV_HEADERS: Readonly<Record<CsvColumn, string>> = {
  kind: 'Kind',
  subjectCn: 'Subject CN',
  issuerCn: 'Issuer CN',
  notAfter: 'Not after',
  daysLeft: 'Days left',
  keyType: 'Key',
  sha256: 'SHA-256',
  serial: 'Serial',
  origin: 'Origin',
  line: 'Line',
};

export interface CsvOptions {
  /** Header words (the app's language); English by default. */
  headers?: Readonly<Record<CsvColumn, string>>;
  /** How a kind is written; its id ('certificate') by default. */
  kindLabel?: (kind: OverviewRow['kind']) => string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const INTEGER = /^-?\d+$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: made inert for spreadsheets, then quoted if RFC 4180 requires it. */
export function csvField(value: string): string {
  let v = visibleText(value);
  if (FORMULA_START.test(v) && !INTEGER.test(v)) v = `'${v}`;
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function cell(row: OverviewRow, column: CsvColumn, options: CsvOptions): string {
  switch (column) {
    case 'kind':
      return options.kindLabel ? options.kindLabel(row.kind) : row.kind;
    case 'daysLeft':
      return row.daysLeft === undefined ? '' : String(row.daysLeft);
    case 'notAfter':
      return row.notAfter ?? '';
    case 'line':
      return row.line === undefined ? '' : String(row.line);
    default:
      return row[column];
  }
}

/** The rows, in the order given, as one CSV text ending with CRLF. */
export function overviewCsv(rows: readonly OverviewRow[], options: CsvOptions = {}): string {
  const headers = options.headers ?? ENGLISH_CSV_HEADERS;
  const lines = [CSV_COLUMNS.map((c) => csvField(headers[c])).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvField(cell(row, c, options))).join(','));
  return lines.join('\r\n') + '\r\n';
}
