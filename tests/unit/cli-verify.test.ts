// certbench verify / lint: openssl-verify-like output and exit codes on x509-limbo chains.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.ts';

const limbo = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/limbo/limbo.json'), 'utf8')) as { testcases: { id: string; trusted_certs: string[]; untrusted_intermediates: string[]; peer_certificate: string; validation_time: string | null }[] };
const dir = mkdtempSync(join(tmpdir(), 'certbench-cli-verify-'));

function files(id: string) {
  const tc = limbo.testcases.find((t) => t.id === id)!;
  const name = id.replace(/\W+/g, '_');
  writeFileSync(join(dir, `${name}-ca.pem`), tc.trusted_certs.join(''));
  writeFileSync(join(dir, `${name}-leaf.pem`), tc.peer_certificate + tc.untrusted_intermediates.join(''));
  return { ca: join(dir, `${name}-ca.pem`), leaf: join(dir, `${name}-leaf.pem`), at: tc.validation_time ?? new Date().toISOString() };
}

async function run(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const status = await runCli(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), stdin: async () => new Uint8Array() });
  return { status, ...out };
}

describe('certbench verify', () => {
  it('prints FILE: OK and exits 0 for a valid chain', async () => {
    const f = files('rfc5280::nc::permitted-dns-match');
    const r = await run(['verify', '--ca', f.ca, '--host', 'example.com', '--at', f.at, f.leaf]);
    expect(r.stdout).toBe(`${f.leaf}: OK\n`);
    expect(r.status).toBe(0);
  });
  it('prints the reason and exits 2 for an expired leaf', async () => {
    const f = files('rfc5280::validity::expired-leaf');
    const r = await run(['verify', '--ca', f.ca, '--at', f.at, f.leaf]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/error at depth 0: leaf '.*' expired at /);
    expect(r.stdout).toContain(`error ${f.leaf}: verification failed`);
  });
  it('says when only the CN would have matched the host', async () => {
    const f = files('rfc5280::nc::permitted-dns-match');
    const r = await run(['verify', '--ca', f.ca, '--host', 'nomatch.example', '--at', f.at, f.leaf]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('is not valid for nomatch.example');
  });
  it('exits 1 for an unreadable file', async () => {
    const r = await run(['verify', '--ca', join(dir, 'missing.pem'), join(dir, 'missing.pem')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot read');
  });
});

describe('certbench lint', () => {
  it('lists findings with fixes and exits 2 when there is an error', async () => {
    const f = files('rfc5280::validity::expired-leaf');
    const r = await run(['lint', f.leaf]);
    expect(r.stdout).toContain('error expired:');
    expect(r.stdout).toContain('  fix: renew it');
    expect(r.status).toBe(2);
  });
});
