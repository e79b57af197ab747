/**
 * What the Kubernetes form-state tests share: a scratch directory and openssl, which makes the
 * requests, keys and certificates the forms are given.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const dir = mkdtempSync(join(tmpdir(), 'certbench-k8s-state-'));
export const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** A P-256 CSR made by openssl for `subject`, with `extra` req options (-addext …). */
export function makeCsr(subject: string, extra: string[] = []): string {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.csr`);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${out}.key`, '-out', out, '-subj', subject, ...extra]);
  return readFileSync(out, 'utf8');
}
