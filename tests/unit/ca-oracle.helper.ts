// OpenSSL as the judge for the CA tests: a temp directory per test file, and a CA set up per key type.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntermediateCa, createRootCa, type CreatedCa } from '../../src/core/ca/create.ts';
import { readVerifiedRequest } from '../../src/core/ca/csr.ts';
import { issueFromPlan, planFromRequest, type IssuedResult } from '../../src/core/ca/issue.ts';
import { BUILTIN_PROFILES } from '../../src/core/ca/profiles.ts';
import type { KeyType } from '../../src/core/keys/key-types.ts';
import { toPem } from '../../src/core/pem.ts';

export const work = mkdtempSync(join(tmpdir(), 'certbench-ca-'));
export const path = (name: string) => join(work, name);
export function put(name: string, data: string | Uint8Array): string {
  writeFileSync(path(name), data);
  return path(name);
}
export const read = (name: string) => readFileSync(path(name), 'utf8');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
export function openssl(args: string[], input?: string): Run {
  const r = spawnSync('/usr/bin/openssl', args, { cwd: work, input, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
export function ok(args: string[], input?: string): string {
  const r = openssl(args, input);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

/** openssl's key generation options for each key type. */
export const NEWKEY: Partial<Record<KeyType, string[]>> = {
  rsa2048: ['-newkey', 'rsa:2048'],
  'ec-p256': ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'ec-p384': ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  ed25519: ['-newkey', 'ed25519'],
};

/** A key and CSR made by openssl itself (so the request is not certbench's own work). */
export function opensslCsr(base: string, keyType: KeyType, subj: string, sans: string[]): { csrPath: string; keyPath: string } {
  const keyPath = path(`${base}.key`);
  const csrPath = path(`${base}.csr`);
  ok(['req', '-new', ...NEWKEY[keyType]!, '-nodes', '-keyout', keyPath, '-out', csrPath, '-subj', subj, ...(sans.length ? ['-addext', `subjectAltName=${sans.join(',')}`] : [])]);
  return { csrPath, keyPath };
}

export interface Hierarchy {
  root: CreatedCa;
  intermediate: CreatedCa;
  rootPem: string;
  intPem: string;
}

export async function hierarchy(keyType: KeyType, tag: string): Promise<Hierarchy> {
  const root = await createRootCa({ keyType, subject: `/O=certbench test/CN=Root ${tag}`, days: 30 });
  const intermediate = await createIntermediateCa(root, new Set(), { keyType, subject: `/O=certbench test/CN=Intermediate ${tag}`, days: 20, pathLen: 0 });
  return { root, intermediate, rootPem: put(`${tag}-root.pem`, toPem('CERTIFICATE', root.certificate)), intPem: put(`${tag}-int.pem`, toPem('CERTIFICATE', intermediate.certificate)) };
}

export async function signCsrFile(ca: CreatedCa, csrPath: string, profile: keyof typeof BUILTIN_PROFILES, taken = new Set<string>()): Promise<IssuedResult> {
  const request = await readVerifiedRequest(readFileSync(csrPath, 'utf8'));
  return issueFromPlan(planFromRequest(request, ca, { profile: BUILTIN_PROFILES[profile] }), ca, taken);
}
