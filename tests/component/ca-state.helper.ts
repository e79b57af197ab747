/**
 * What the CA component tests share: a scratch directory where openssl makes CSRs and keys and
 * judges what the page produces, CaStates over fresh fake-indexeddb databases (disposed after each
 * test by disposeStates), and a root CA made through the create form.
 */
import { expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaStore, openDb } from '../../src/store/ca.ts';
import type { Db } from '../../src/store/db.ts';
import { CaState } from '../../src/ui/ca/ca-state.svelte.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-ca-component-'));
export const path = (name: string) => join(dir, name);
export const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
/** openssl writes some verdicts ("verify OK") to stderr. */
export const opensslAll = (args: string[]) => execFileSync('sh', ['-c', `openssl ${args.map((a) => `'${a}'`).join(' ')} 2>&1`], { cwd: dir }).toString();
export const put = (name: string, text: string) => (writeFileSync(path(name), text), path(name));

/** A P-256 CSR (and its key) made by openssl as <base>.csr / <base>.key. */
export function csr(base: string, cn: string, sans?: string): string {
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${base}.key`, '-subj', `/CN=${cn}`, ...(sans ? ['-addext', `subjectAltName=${sans}`] : []), '-out', `${base}.csr`]);
  return readFileSync(path(`${base}.csr`), 'utf8');
}

let n = 0;
/** A database name no other test of this file uses. */
export const freshDbName = () => `certbench-ca-component-${++n}`;
const states: CaState[] = [];
export function freshState(db: Db = openDb(freshDbName())): CaState {
  const s = new CaState(new CaStore(db));
  states.push(s);
  return s;
}

/** Stops the states' timers (idle lock, list sync): call after each test. */
export function disposeStates(): void {
  for (const s of states.splice(0)) s.dispose();
}

/** A root CA made through the create form, and its card in the list. */
export async function rootCa(ca: CaState, subject: string, protection: 'passphrase' | 'browser-key', extra: { days?: number; exportable?: boolean } = {}) {
  const f = ca.createForm;
  f.subject = subject;
  f.days = extra.days ?? 3650;
  f.protection.kind = protection;
  f.protection.passphrase = f.protection.confirmation = protection === 'passphrase' ? 'pass phrase 12' : '';
  f.protection.exportable = extra.exportable ?? false;
  await ca.createCa();
  expect(ca.createError).toBe('');
  return ca.cards.find((c) => c.name === subject.replace(/=/g, ' = ').replace(/,\s*/g, ', '))!;
}
