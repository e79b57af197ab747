/** What a build of certbench is: written in by the build (scripts/build-info.ts), read by the About panel and `--version`. */
export interface BuildInfo {
  version: string;
  /** The full commit id, with -dirty when the tree had changes; "unknown" outside a git checkout. */
  commit: string;
  /** ISO 8601 (UTC) from SOURCE_DATE_EPOCH or the commit's time; "unknown" without either. */
  date: string;
}

declare const __CERTBENCH_BUILD__: BuildInfo | undefined;

/** The build's info; from source (tests, `vite dev`) there is none, and it says so. */
export const BUILD_INFO: BuildInfo =
  typeof __CERTBENCH_BUILD__ === 'undefined' ? { version: 'dev', commit: 'unknown', date: 'unknown' } : __CERTBENCH_BUILD__;

export const shortCommit = (commit: string): string => (/^[0-9a-f]{40}/.test(commit) ? commit.slice(0, 12) + commit.slice(40) : commit);

/** The line `certbench --version` prints. */
export function versionLine(info: BuildInfo = BUILD_INFO): string {
  return `certbench ${info.version} (commit ${shortCommit(info.commit)}, built ${info.date})`;
}
