/**
 * The overview of many objects (issue #15): one row per decoded object, duplicate groups, issuer
 * grouping, search, sort, counts and CSV. Pure (no DOM): Inspect's table and `certbench dump --table`
 * share it.
 */
export { overviewRow, originWithLine, derSha256, commonNameOf, SOON_DAYS, type OverviewRow, type RowSource, type RowSummary, type ExpiryMark } from './row.ts';
export { duplicateGroups, duplicateCount, occurrences, type DuplicateGroup } from './duplicates.ts';
export { issuerGroups, issuerKey, type IssuerGroup } from './issuers.ts';
export { searchText, matchesSearch, filterRows } from './search.ts';
export { sortRows, OVERVIEW_COLUMNS, type OverviewColumn, type OverviewSort, type SortDirection } from './sort.ts';
export { overviewCsv, csvField, CSV_COLUMNS, ENGLISH_CSV_HEADERS, type CsvColumn, type CsvOptions } from './csv.ts';
export { overviewCounts, type OverviewCounts } from './counts.ts';
