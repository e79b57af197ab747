/**
 * The overview's search: a row matches when its query text is in any of its names (subject, issuer,
 * their CNs), SANs, serial or SHA-256, case-insensitively. Hex is matched with or without colons,
 * so a fingerprint pasted from `openssl x509 -fingerprint` or from elsewhere both find the row.
 */
import type { OverviewRow } from './row.ts';

/** What a row is searched by, lower-cased once (a 5,000-row table is filtered on every keystroke). */
export function searchText(row: OverviewRow): string {
  const hex = `${row.sha256}\n${row.serial}`;
  return [row.subjectCn, row.issuerCn, row.subject, row.issuer, ...row.sans, hex, hex.replaceAll(':', '')].join('\n').toLowerCase();
}

/** The query as searched: trimmed and lower-cased; hex typed with colons still finds a serial without. */
function normalise(query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const bare = q.replaceAll(':', '');
  return /^[0-9a-f]+$/.test(bare) && bare !== q ? [q, bare] : [q];
}

/** Whether `haystack` (a searchText) matches `query`; an empty query matches everything. */
export function matchesSearch(haystack: string, query: string): boolean {
  const qs = normalise(query);
  return !qs.length || qs.some((q) => haystack.includes(q));
}

/** The rows matching `query`, in the given order; `textOf` gives a row's searchText (a caller may keep them). */
export function filterRows(rows: readonly OverviewRow[], query: string, textOf: (row: OverviewRow) => string = searchText): OverviewRow[] {
  if (!normalise(query).length) return [...rows];
  return rows.filter((r) => matchesSearch(textOf(r), query));
}
