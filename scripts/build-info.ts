import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildInfo } from '../src/core/build-info.ts';

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the build says about itself, from the source and nothing else, so that two builds of one
 * commit are byte-identical: the version from package.json, the commit (marked -dirty when tracked
 * files differ from it), and the build date from SOURCE_DATE_EPOCH (reproducible-builds.org), else
 * the commit's own time, never the clock. Outside a git checkout both say "unknown".
 */
export function readBuildInfo(root: string): BuildInfo {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // Only the project's own repository counts: a source tree unpacked inside some other checkout is not that checkout's commit.
  const top = git(root, ['rev-parse', '--show-toplevel']);
  const ownRepo = top !== undefined && realpathSync(top) === realpathSync(root);
  const head = process.env.CERTBENCH_COMMIT || (ownRepo ? git(root, ['rev-parse', 'HEAD']) : undefined);
  const dirty = head && !process.env.CERTBENCH_COMMIT && git(root, ['status', '--porcelain', '--untracked-files=no']) !== undefined;
  const given = process.env.SOURCE_DATE_EPOCH;
  // reproducible-builds.org: a malformed SOURCE_DATE_EPOCH fails the build rather than being replaced.
  if (given !== undefined && given !== '' && !/^\d+$/.test(given)) throw new Error(`SOURCE_DATE_EPOCH must be seconds since 1970 (digits only), not ${JSON.stringify(given)}`);
  const epoch = given || (ownRepo ? git(root, ['log', '-1', '--format=%ct']) : undefined);
  const seconds = epoch ? Number(epoch) : undefined;
  return {
    version,
    commit: head ? `${head}${dirty ? '-dirty' : ''}` : 'unknown',
    date: seconds === undefined ? 'unknown' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'),
  };
}

/** Vite's `define` for the build info (see src/core/build-info.ts). */
export function buildInfoDefine(root: string): Record<string, string> {
  return { __CERTBENCH_BUILD__: JSON.stringify(readBuildInfo(root)) };
}
