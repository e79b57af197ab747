import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  const head = process.env.CERTBENCH_COMMIT || git(root, ['rev-parse', 'HEAD']);
  const dirty = head && !process.env.CERTBENCH_COMMIT && git(root, ['status', '--porcelain', '--untracked-files=no']) !== undefined;
  const epoch = process.env.SOURCE_DATE_EPOCH || git(root, ['log', '-1', '--format=%ct']);
  const seconds = epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
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
