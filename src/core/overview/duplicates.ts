/** Duplicates: the same DER twice has the same SHA-256, so rows are grouped by fingerprint. */
import type { OverviewRow } from './row.ts';

export interface DuplicateGroup {
  sha256: string;
  /** Row indexes in input order; the first is the one kept, the rest are its copies. */
  indexes: number[];
}

/** Every fingerprint that occurs more than once, in order of first occurrence. */
export function duplicateGroups(rows: readonly OverviewRow[]): DuplicateGroup[] {
  const byHash = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.sha256) continue;
    const seen = byHash.get(row.sha256);
    if (seen) seen.push(row.index);
    else byHash.set(row.sha256, [row.index]);
  }
  const groups: DuplicateGroup[] = [];
  for (const [sha256, indexes] of byHash) if (indexes.length > 1) groups.push({ sha256, indexes });
  return groups;
}

/** How many rows are copies of an earlier one (a certificate given three times counts 2). */
export function duplicateCount(groups: readonly DuplicateGroup[]): number {
  return groups.reduce((n, g) => n + g.indexes.length - 1, 0);
}

/** For each row index in a duplicate group: how many times its DER occurs in the input. */
export function occurrences(groups: readonly DuplicateGroup[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const g of groups) for (const i of g.indexes) out.set(i, g.indexes.length);
  return out;
}
