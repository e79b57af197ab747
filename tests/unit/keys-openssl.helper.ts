// Runs the oracle: /usr/bin/openssl in a per-test-file temporary directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const work = mkdtempSync(join(tmpdir(), 'certbench-keys-'));

export function path(name: string): string {
  return join(work, name);
}

export function put(name: string, data: string | Uint8Array): string {
  writeFileSync(path(name), data);
  return path(name);
}

export function get(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path(name)));
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function openssl(args: string[], input?: string | Uint8Array): Run {
  const r = spawnSync('/usr/bin/openssl', args, { cwd: work, input, encoding: 'buffer' });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

/** openssl that must succeed: returns stdout, or throws with its stderr. */
export function ok(args: string[], input?: string | Uint8Array): string {
  const r = openssl(args, input);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

/** DER of the first PEM block in a file, for tests that read openssl's output. */
export function pemFileDer(name: string): Uint8Array {
  const text = readFileSync(path(name), 'utf8');
  const b64 = text.replace(/^(?:[\s\S]*?)-----BEGIN [^-]+-----/, '').replace(/-----END[\s\S]*$/, '').replace(/^[A-Za-z-]+:.*$/gm, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}
