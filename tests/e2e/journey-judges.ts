/** What judges a walkthrough's outcome (openssl on files, base64 of manifests), shared by the journeys and their baseline. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export class JudgeError extends Error {}

export function judge(ok: boolean, what: string): void {
  if (!ok) throw new JudgeError(`walkthrough did not succeed: ${what}`);
}

export function openssl(args: string[], cwd: string, input?: string): string {
  return execFileSync('openssl', args, { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** `openssl verify`'s verdict (stdout) and reasons (stderr), whatever the exit code. */
export function verify(args: string[], cwd: string): string {
  try {
    return execFileSync('openssl', ['verify', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
}

export const write = (dir: string, name: string, text: string | Uint8Array): string => {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
};

export const b64 = (s: string): string => Buffer.from(s, 'base64').toString('utf8');
export const pubOfCert = (pem: string, cwd: string) => openssl(['x509', '-noout', '-pubkey'], cwd, pem);
export const pubOfKey = (pem: string, cwd: string) => openssl(['pkey', '-pubout'], cwd, pem);
