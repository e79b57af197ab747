// Runs the equivalent-command steps certbench shows, in a temp directory, with the real tools.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EquivalentStep } from '../../src/core/equivalent-command.ts';

export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `certbench-cmd-${tag}-`));
}

export function sh(dir: string, command: string, env: Record<string, string> = {}): string {
  const r = spawnSync('/bin/sh', ['-c', command], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${command}\nfailed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

export const put = (dir: string, name: string, data: string | Uint8Array) => writeFileSync(join(dir, name), data);
export const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

/** Writes the steps' files and runs their commands, in order, for the tools this machine has (not cfssl). */
export function runSteps(dir: string, steps: readonly EquivalentStep[], env: Record<string, string> = {}): void {
  for (const s of steps) {
    if (s.tool === 'cfssl') continue;
    if (s.fileName) put(dir, s.fileName, s.text);
    else sh(dir, s.text, env);
  }
}

/**
 * openssl's text of a certificate with what legitimately differs between two keys and two runs
 * left out (serial, dates, key bytes, signature bytes) or masked (key identifier bytes), and the
 * extensions sorted (their order is not what is compared). The key's algorithm and size stay.
 */
export function certificateShape(dir: string, file: string): string {
  const text = sh(dir, `openssl x509 -in ${file} -noout -text -certopt no_sigdump,no_serial,no_validity`);
  const lines = text.split('\n');
  const head: string[] = [];
  const exts: string[][] = [];
  let inExt = false;
  for (const line of lines) {
    if (/^ {8}X509v3 extensions:/.test(line)) inExt = true;
    else if (inExt && /^ {12}\S/.test(line)) exts.push([line]);
    else if (inExt && /^ {16}/.test(line)) exts[exts.length - 1]!.push(line);
    else if (/^ {4}Signature Algorithm/.test(line)) inExt = false;
    else if (!/^ {20}[0-9a-f]{2}:/.test(line)) head.push(line); // drop the public key's hex lines
  }
  const masked = exts.map((e) => e.join('\n').replace(/((?:Subject|Authority) Key Identifier: \n\s+)(?:keyid:)?[0-9A-F:]+/, '$1<keyid>'));
  return [...head.filter((l) => l.trim() !== ''), ...masked.sort()].join('\n');
}
