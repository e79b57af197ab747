// Files the CLI writes: never through a symbolic link, always whole (a temporary file beside the
// target, flushed, then renamed over it), key material 0600 whatever the file had before.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CertbenchError } from '../core/errors.ts';
import { cliError } from './cli-error.ts';

/** 'private': keys, Secrets, zips with keys (0600, set explicitly); 'public': certificates, CRLs, CSRs (0666 less the umask). */
export type FileAccess = 'private' | 'public';

export interface StagedFile {
  readonly path: string;
  /** Renames the temporary file over the target. */
  commit(): void;
  /** Removes the temporary file (nothing happens to the target). */
  discard(): void;
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

function reason(e: unknown): string {
  const c = code(e);
  return c === 'EACCES' || c === 'EPERM' ? 'permission denied' : c === 'ENOENT' ? 'no such directory' : c === 'ENOSPC' ? 'no space left on the device' : c ?? String(e);
}

/**
 * Refuses a symbolic link (or a directory) at a path certbench is about to write. Says whether
 * something else than a regular file is there (a device or FIFO such as /dev/null), which is written
 * into rather than replaced.
 */
export function refuseLinkAt(path: string): 'absent' | 'file' | 'special' {
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    if (code(e) === 'ENOENT') return 'absent';
    throw cliError(`cannot look at it: ${reason(e)}`, path);
  }
  if (st.isSymbolicLink()) throw cliError('is a symbolic link: certbench does not write through links (remove it, or give the path it points to)', path);
  if (st.isDirectory()) throw cliError('is a directory, not a file', path);
  return st.isFile() ? 'file' : 'special';
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can flush a directory; the rename itself is still atomic.
  }
}

/**
 * Writes `data` to a temporary file beside `path` and flushes it; `commit()` renames it into place.
 * `tempName` fixes the temporary file's name (for state files written under the CA directory's
 * lock: a leftover from a crashed run is replaced); otherwise the name is unique.
 */
export function stageFile(path: string, data: string | Uint8Array, access: FileAccess = 'public', tempName?: string): StagedFile {
  if (refuseLinkAt(path) === 'special') {
    let done = false;
    return {
      path,
      commit() {
        if (done) return;
        done = true;
        try {
          writeFileSync(path, data);
        } catch (e) {
          throw cliError(`cannot write it: ${reason(e)}`, path);
        }
      },
      discard: () => void (done = true),
    };
  }
  const temp = join(dirname(path), tempName ?? `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  if (tempName) {
    try {
      unlinkSync(temp);
    } catch {
      // Absent (the usual case) or not a plain file: opening it below says why it cannot be used.
    }
  }
  let fd: number;
  try {
    fd = openSync(temp, 'wx', access === 'private' ? 0o600 : 0o666);
  } catch (e) {
    throw cliError(`cannot write it: ${reason(e)}${code(e) === 'EEXIST' ? ` (${basename(temp)} is in the way)` : ''}`, path);
  }
  let done = false;
  const discard = () => {
    if (done) return;
    done = true;
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  };
  try {
    if (access === 'private') fchmodSync(fd, 0o600);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    discard();
    throw cliError(`cannot write it: ${reason(e)}`, path);
  }
  closeSync(fd);
  return {
    path,
    commit() {
      if (done) throw new Error(`${path}: already committed or discarded`);
      try {
        refuseLinkAt(path);
        renameSync(temp, path);
      } catch (e) {
        discard();
        throw e instanceof CertbenchError ? e : cliError(`cannot write it: ${reason(e)}`, path);
      }
      done = true;
      syncDirectory(dirname(path));
    },
    discard,
  };
}

/** Writes a whole file or nothing (see stageFile). */
export function writeFileAtomic(path: string, data: string | Uint8Array, access: FileAccess = 'public'): void {
  stageFile(path, data, access).commit();
}

/** Stages every file first, then commits them in order; if any cannot be staged, none is written. */
export function stageAll(files: readonly { path: string; data: string | Uint8Array; access?: FileAccess }[]): StagedFile[] {
  const staged: StagedFile[] = [];
  try {
    for (const f of files) staged.push(stageFile(f.path, f.data, f.access));
  } catch (e) {
    for (const s of staged) s.discard();
    throw e;
  }
  return staged;
}

/** Renames staged files into place in order; if one fails, the ones not yet renamed are removed. */
export function commitAll(staged: readonly StagedFile[]): void {
  let i = 0;
  try {
    for (; i < staged.length; i++) staged[i]!.commit();
  } catch (e) {
    for (const s of staged.slice(i + 1)) s.discard();
    throw e;
  }
}
