/** The overview's totals: "5,000 objects, 58 duplicates, 3 expired, 12 expire within 30 days". */
import type { OverviewRow } from './row.ts';
import { duplicateCount, type DuplicateGroup } from './duplicates.ts';

export interface OverviewCounts {
  objects: number;
  /** Copies of an earlier row (see duplicateCount). */
  duplicates: number;
  expired: number;
  /** Not expired, and notAfter within SOON_DAYS. */
  soon: number;
}

export function overviewCounts(rows: readonly OverviewRow[], groups: readonly DuplicateGroup[]): OverviewCounts {
  let expired = 0;
  let soon = 0;
  for (const r of rows) {
    if (r.mark === 'expired') expired++;
    else if (r.mark === 'soon') soon++;
  }
  return { objects: rows.length, duplicates: duplicateCount(groups), expired, soon };
}
