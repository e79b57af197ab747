// One writer at a time in a CA directory: a lock file created atomically (O_EXCL), naming the run
// that holds it. A lock whose process has ended on this host, or that is older than any run takes,
// is stale and is removed (a crash or kill -9 leaves one behind).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { cliError } from '../cli-error.ts';

const LOCK_FILE = 'certbench.lock';
/** A run holds the lock for well under a second; ten minutes means it is gone even if its pid lives on. */
const STALE_AFTER_MS = 10 * 60_000;
/** How long a run waits for another by default. */
const DEFAULT_LOCK_WAIT_MS = 30_000;

interface LockInfo {
  pid: number;
  host: string;
  time: string;
  command: string;
  token: string;
}

interface SeenLock {
  raw: string;
  info?: LockInfo;
  mtimeMs: number;
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    if (errno(e) === 'EEXIST') return false;
    throw cliError(`cannot create the lock file: ${errno(e) ?? String(e)}`, path);
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(path: string): SeenLock | undefined {
  try {
    const raw = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    let info: LockInfo | undefined;
    try {
      const v = JSON.parse(raw) as LockInfo;
      if (Number.isInteger(v.pid) && typeof v.host === 'string' && typeof v.time === 'string') info = v;
    } catch {
      // being written right now, or not ours
    }
    return { raw, mtimeMs, ...(info ? { info } : {}) };
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

/** Why the lock is stale, or undefined while its holder may still be working. */
function staleReason(seen: SeenLock, now: number): string | undefined {
  const { info } = seen;
  if (info && info.host === hostname() && !alive(info.pid)) return `its process (pid ${info.pid}) has ended`;
  const since = info ? Date.parse(info.time) : seen.mtimeMs;
  if (!info && now - seen.mtimeMs > 5_000) return 'it names no process';
  if (now - (Number.isNaN(since) ? seen.mtimeMs : since) > STALE_AFTER_MS) return `it is older than ${STALE_AFTER_MS / 60_000} minutes`;
  return undefined;
}

/**
 * Removes a stale lock, unless another run removed or replaced it meanwhile: breaking is itself
 * guarded by `<lock>.break`, and the lock is re-read under it before it goes.
 */
function breakStale(path: string, seen: SeenLock): boolean {
  const guard = `${path}.break`;
  if (!createExclusive(guard, String(process.pid))) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > 60_000) unlinkSync(guard); // a breaker that crashed
    } catch {
      // gone already
    }
    return false;
  }
  try {
    const now = readLock(path);
    if (!now || now.raw !== seen.raw) return false;
    unlinkSync(path);
    return true;
  } finally {
    unlinkSync(guard);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function describeHolder(info: LockInfo | undefined): string {
  if (!info) return 'a run that has not said who it is yet';
  return `pid ${info.pid} on ${info.host}${info.command ? ` (certbench ${info.command})` : ''}, since ${info.time}`;
}

interface LockOptions {
  /** What holds the lock, for the message another run shows: "sign", "revoke", … */
  command: string;
  waitMs?: number;
  /** Told when a stale lock is removed. */
  notice?: (message: string) => void;
}

/**
 * Runs `fn` holding `dir`'s lock; waits (retrying) up to `waitMs` for another run to finish, then
 * gives up naming it. The lock is released however `fn` ends.
 */
export async function withDirLock<T>(dir: string, options: LockOptions, fn: () => Promise<T>): Promise<T> {
  const path = join(dir, LOCK_FILE);
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const token = randomBytes(8).toString('hex');
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), command: options.command, token } satisfies LockInfo) + '\n';
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (createExclusive(path, mine)) break;
    const seen = readLock(path);
    if (!seen) continue; // released between the two calls: try again at once
    const stale = staleReason(seen, Date.now());
    if (stale && breakStale(path, seen)) {
      options.notice?.(`removed a stale lock in ${dir}: ${stale}`);
      continue;
    }
    if (Date.now() >= deadline) {
      throw cliError(
        `in use by another certbench run: ${describeHolder(seen.info)}. Waited ${Math.round(waitMs / 1000)} s (--wait SECONDS to wait longer); if that run is gone for good, remove ${path}`,
        dir,
      );
    }
    await sleep(40 + Math.random() * 80);
  }
  try {
    return await fn();
  } finally {
    const now = readLock(path);
    if (now?.info?.token === token) unlinkSync(path);
  }
}

/** `--wait SECONDS` of the commands that change a CA directory, in milliseconds. */
export function lockWaitOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const s = Number(text);
  if (!(s >= 0) || !Number.isFinite(s)) throw cliError(`${text} is not a number of seconds`, '--wait');
  return s * 1000;
}
