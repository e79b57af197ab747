/** The commands that make the same CSR outside certbench, run through openssl; or the reason there is none. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csrEquivalents } from '../../src/core/csr/equivalents.ts';
import { render } from '../../src/core/errors.ts';
import type { CsrRequest } from '../../src/core/csr/request.ts';

describe('equivalent commands', () => {
  const request: CsrRequest = {
    subject: [{ type: 'O', value: "Bob's group" }, { type: 'CN', value: 'svc.example' }],
    sans: ['svc.example', '2001:db8::1'],
    usage: 'peer',
    keyType: 'ec-p256',
  };

  it('reads an existing key with -key instead of making one, and openssl runs the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'certbench-eq-'));
    try {
      execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'mine.key'], { cwd: dir });
      const eq = csrEquivalents(request, { key: 'mine.key', csr: 'mine.csr' }, true);
      expect(eq.openssl).not.toContain('-newkey');
      expect(eq.openssl).toMatch(/^openssl req -new -key mine\.key -out mine\.csr -sha256 -subj /);
      execFileSync('sh', ['-c', eq.openssl], { cwd: dir, stdio: 'pipe' });
      const pub = (args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      expect(pub(['req', '-in', 'mine.csr', '-pubkey', '-noout'])).toBe(pub(['pkey', '-in', 'mine.key', '-pubout']));
      const text = pub(['req', '-in', 'mine.csr', '-noout', '-text']);
      expect(text).toContain("Subject: O = Bob's group, CN = svc.example\n");
      expect(text).toContain('DNS:svc.example, IP Address:2001:DB8:0:0:0:0:0:1');
      expect(text).toContain('TLS Web Server Authentication, TLS Web Client Authentication');
      expect(eq.cfsslRun).toBe('cfssl gencsr -key mine.key csr.json | cfssljson -bare mine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the cfssl JSON, or says why there is none', () => {
    const eq = csrEquivalents(request, { key: 's.key', csr: 's.csr' }, false);
    expect(JSON.parse(eq.cfssl!)).toEqual({ CN: 'svc.example', hosts: ['svc.example', '2001:db8::1'], key: { algo: 'ecdsa', size: 256 }, names: [{ O: "Bob's group" }] });
    expect(eq.cfsslRun).toBe('cfssl genkey csr.json | cfssljson -bare s');
    const none = csrEquivalents({ ...request, subject: [{ type: 'emailAddress', value: 'a@b.example' }] }, { key: 's.key', csr: 's.csr' }, false);
    expect(none.cfssl).toBeUndefined();
    expect(render(none.cfsslError!)).toBe('cfssl CSR JSON: cfssl names have no emailAddress: put the address in hosts instead');
  });

  it('a SAN the -addext list cannot hold gives no openssl line, says why, and keeps the cfssl JSON', () => {
    const eq = csrEquivalents({ subject: [{ type: 'CN', value: 'x' }], sans: ['URI:https://x.example/a,IP:10.9.9.9'], usage: 'server', keyType: 'ec-p256' }, { key: 's.key', csr: 's.csr' }, false);
    expect(eq.openssl).toBe('');
    expect(render(eq.opensslError!)).toBe('openssl config: URI "https://x.example/a,IP:10.9.9.9" has a comma, which openssl reads as the start of another entry in a comma-separated list');
    expect(JSON.parse(eq.cfssl!).hosts).toEqual(['https://x.example/a,IP:10.9.9.9']);
  });
});
