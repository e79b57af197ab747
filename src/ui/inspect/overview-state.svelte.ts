/**
 * The overview table's state over Inspect's cards: the rows (made in the worker, one per object),
 * duplicates, counts, and what the table shows — filtered by the search, sorted by a column or in
 * input order, optionally one row per duplicate group and grouped by issuer. Only the entries are
 * computed here; the table renders the ones on screen (OverviewTable.svelte).
 */
import {
  duplicateGroups,
  filterRows,
  issuerGroups,
  occurrences,
  overviewCounts,
  overviewCsv,
  searchText,
  sortRows,
  type CsvColumn,
  type IssuerGroup,
  type OverviewColumn,
  type OverviewRow,
  type OverviewSort,
} from '../../core/overview/index.ts';
import type { CardState } from './card-state.svelte.ts';

/**
 * Search texts, made once per row on the first search (rows are the worker's objects, kept as they
 * are across batches): the table is re-derived for every batch of 25 while 5,000 objects stream in.
 */
const searchTexts = new WeakMap<OverviewRow, string>();

function searchTextOf(row: OverviewRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) searchTexts.set(row, (text = searchText(row)));
  return text;
}

/** One line of the table: a row, or the heading of an issuer group. */
export type OverviewEntry = { type: 'row'; row: OverviewRow } | { type: 'group'; group: IssuerGroup; count: number };

/**
 * A row's entry, the same object each time the entries are derived again (every update while rows
 * stream in): the rows on screen whose entry did not change are then not rendered again.
 */
const rowEntries = new WeakMap<OverviewRow, OverviewEntry>();

function rowEntry(row: OverviewRow): OverviewEntry {
  let entry = rowEntries.get(row);
  if (!entry) rowEntries.set(row, (entry = { type: 'row', row }));
  return entry;
}

export class OverviewState {
  query = $state('');
  /** null: input order. */
  sort = $state<OverviewSort | null>(null);
  byIssuer = $state(false);
  /** Shows the first of each duplicate group only. */
  hideCopies = $state(false);
  /** The card index of the opened row, if any. */
  opened = $state<number | null>(null);

  #cards: () => readonly CardState[];

  constructor(cards: () => readonly CardState[]) {
    this.#cards = cards;
  }

  /** Rows by card position (a PKCS#12 file's bags, inserted after it, shift the rows after them). */
  readonly rows: OverviewRow[] = $derived.by(() => this.#cards().map((c, i) => (c.item.row.index === i ? c.item.row : { ...c.item.row, index: i })));
  readonly duplicates = $derived(duplicateGroups(this.rows));
  readonly occurrences: Map<number, number> = $derived(occurrences(this.duplicates));
  readonly counts = $derived(overviewCounts(this.rows, this.duplicates));
  /** The rows shown, in the order shown (without group headings): what the CSV holds. */
  readonly shownRows: OverviewRow[] = $derived.by(() => {
    let rows = filterRows(this.rows, this.query, searchTextOf);
    if (this.hideCopies) {
      const copies = new Set(this.duplicates.flatMap((g) => g.indexes.slice(1)));
      rows = rows.filter((r) => !copies.has(r.index));
    }
    return this.sort ? sortRows(rows, this.sort) : rows;
  });

  readonly entries: OverviewEntry[] = $derived.by(() => {
    const rows = this.shownRows;
    if (!this.byIssuer) return rows.map(rowEntry);
    // Groups in issuer order; within a group, rows keep the order shown (the sort or input order).
    const position = new Map(rows.map((r, i) => [r.index, i]));
    const out: OverviewEntry[] = [];
    for (const group of issuerGroups(rows)) {
      const members = group.indexes.filter((i) => position.has(i)).sort((a, b) => (a === group.issuerIndex ? -1 : b === group.issuerIndex ? 1 : position.get(a)! - position.get(b)!));
      out.push({ type: 'group', group, count: members.length });
      for (const i of members) out.push(rowEntry(rows[position.get(i)!]!));
    }
    return out;
  });

  /** Clicking a column: ascending, then descending, then back to input order. */
  sortBy(column: OverviewColumn): void {
    const s = this.sort;
    if (s?.column !== column) this.sort = { column, direction: 'ascending' };
    else if (s.direction === 'ascending') this.sort = { column, direction: 'descending' };
    else this.sort = null;
  }

  open(index: number): void {
    this.opened = index;
    const card = this.#cards()[index];
    if (card) card.open = true;
  }

  close(): void {
    this.opened = null;
  }

  /** The rows shown, as CSV, with the headers and kinds in the reader's language. */
  csv(headers: Readonly<Record<CsvColumn, string>>, kindLabel: (kind: OverviewRow['kind']) => string): string {
    return overviewCsv(this.shownRows, { headers, kindLabel });
  }
}
