/**
 * Chain grouping: rows grouped by who issued them. The issuer is named by its key identifier when the
 * certificate has an authority key identifier (two CAs may share a name, never a key), else by the
 * issuer's name. A group lists the issuer's own certificate first when the input holds it.
 */
import type { OverviewRow } from './row.ts';

export interface IssuerGroup {
  /** 'key:<AKI>' or 'name:<issuer DN>'; '' for objects without an issuer (keys, CSRs). */
  key: string;
  issuerCn: string;
  issuer: string;
  /** Row indexes: the issuer's certificate first (if it is in the input and not in its own group), then input order. */
  indexes: number[];
  /** The row index of the issuer's certificate in the input, when found. */
  issuerIndex?: number;
}

export function issuerKey(row: OverviewRow): string {
  if (row.authorityKeyId) return `key:${row.authorityKeyId}`;
  return row.issuer ? `name:${row.issuer}` : '';
}

/** The keys a certificate answers to as an issuer: its key identifier and its subject name. */
function keysAsIssuer(row: OverviewRow): string[] {
  const keys: string[] = [];
  if (row.subjectKeyId) keys.push(`key:${row.subjectKeyId}`);
  if (row.subject && row.kind === 'certificate') keys.push(`name:${row.subject}`);
  return keys;
}

/** Groups in order of their issuer's common name (then name), objects without an issuer last. */
export function issuerGroups(rows: readonly OverviewRow[]): IssuerGroup[] {
  const groups = new Map<string, IssuerGroup>();
  for (const row of rows) {
    const key = issuerKey(row);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, issuerCn: row.issuerCn, issuer: row.issuer, indexes: [] }));
    g.indexes.push(row.index);
  }
  const issuerOf = new Map<string, number>();
  for (const row of rows) for (const k of keysAsIssuer(row)) if (!issuerOf.has(k)) issuerOf.set(k, row.index);
  for (const g of groups.values()) {
    const at = issuerOf.get(g.key);
    if (at === undefined) continue;
    g.issuerIndex = at;
    // A self-signed root is in its own group already; another group shows its issuer at the top.
    if (!g.indexes.includes(at)) g.indexes.unshift(at);
    else g.indexes = [at, ...g.indexes.filter((i) => i !== at)];
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.key !== !b.key) return a.key ? -1 : 1;
    return compareText(a.issuerCn, b.issuerCn) || compareText(a.issuer, b.issuer) || compareText(a.key, b.key);
  });
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
