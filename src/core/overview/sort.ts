/** Sorting the overview by any column; ties keep input order, so a sort is stable and repeatable. */
import type { OverviewRow } from './row.ts';
import { compareText } from './issuers.ts';

export const OVERVIEW_COLUMNS = ['kind', 'subjectCn', 'issuerCn', 'notAfter', 'keyType', 'sha256', 'origin'] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface OverviewSort {
  column: OverviewColumn;
  direction: SortDirection;
}

/** Compares two rows by one column, ascending; objects without a value (no notAfter, no CN) go last. */
function compareBy(column: OverviewColumn, a: OverviewRow, b: OverviewRow): number {
  if (column === 'notAfter') {
    if (a.notAfter === undefined || b.notAfter === undefined) return a.notAfter === b.notAfter ? 0 : a.notAfter === undefined ? 1 : -1;
    return Date.parse(a.notAfter) - Date.parse(b.notAfter);
  }
  const x = a[column];
  const y = b[column];
  if (!x || !y) return x === y ? 0 : !x ? 1 : -1;
  return compareText(x, y);
}

/**
 * A sorted copy. Descending reverses the comparison but still puts empty values last and keeps
 * input order among equals (a table that jumps about on re-sort loses the reader's place).
 */
export function sortRows(rows: readonly OverviewRow[], sort: OverviewSort): OverviewRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const empty = (r: OverviewRow) => (sort.column === 'notAfter' ? r.notAfter === undefined : !r[sort.column]);
  return [...rows].sort((a, b) => {
    const ea = empty(a);
    const eb = empty(b);
    if (ea !== eb) return ea ? 1 : -1;
    return sign * compareBy(sort.column, a, b) || a.index - b.index;
  });
}
