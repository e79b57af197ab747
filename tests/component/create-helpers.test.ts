/** Create's small helpers: file names from a preset or the CN, the SAN list as read, the paste reader, and the equivalent commands (run through openssl). */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createdFileBase, fileBaseName, outputFileNames } from '../../src/ui/shared/file-names.ts';
import { csrPreset } from '../../src/core/csr/presets.ts';
import { sanViews } from '../../src/ui/create/san-view.ts';
import { requestFromPaste } from '../../src/ui/create/bring-paste.ts';
import { equivalentsOf } from '../../src/ui/create/equivalents.ts';
import type { CsrRequest } from '../../src/core/csr/request.ts';

describe('file names', () => {
  it.each([
    ['server.example.com', 'server.example.com'],
    ['system:node:worker-1', 'system-node-worker-1'],
    ['*.apps.example.com', 'wildcard.apps.example.com'],
    ['../../etc/passwd', 'etc-passwd'],
    ['  Jane Doe / Ops  ', 'Jane-Doe-Ops'],
    ['bücher', 'b-cher'],
    ['...', 'server'],
    ['', 'server'],
    [undefined, 'server'],
    ['a'.repeat(80), 'a'.repeat(64)],
  ])('%j → %s', (cn, base) => {
    expect(fileBaseName(cn)).toBe(base);
  });

  it("names what a preset made after the preset's short name (lab 1 uses registry.key), else after the CN or first DNS name", () => {
    expect(createdFileBase(csrPreset('docker-registry'), 'localhost', 'registry.docker-registry')).toBe('registry');
    expect(createdFileBase(csrPreset('kubernetes-service-pod'), 'my-pod.my-namespace.pod.cluster.local', undefined)).toBe('server');
    expect(createdFileBase(csrPreset('kube-apiserver'), 'kube-apiserver', 'control-plane')).toBe('apiserver');
    expect(createdFileBase(undefined, 'localhost', 'registry.docker-registry')).toBe('localhost');
    expect(createdFileBase(undefined, undefined, 'registry.docker-registry')).toBe('registry.docker-registry');
  });

  it('names every output after the base', () => {
    expect(outputFileNames('admin')).toEqual({ csr: 'admin.csr', key: 'admin.key', publicKey: 'admin.pub.pem', text: 'admin.csr.txt', cfssl: 'admin-csr.json' });
  });
});

describe('SAN list as read', () => {
  it('a space inside a line is an error naming the line, never a second SAN', () => {
    const views = sanViews('DNS:a.example\nb.example c.example\nIP Address:10.0.0.1, d.example');
    expect(views.map((v) => [v.entry, v.line, v.type ?? v.problem])).toEqual([
      ['DNS:a.example', 1, 'DNS'],
      ['b.example c.example', 2, 'one entry is one name, and this one holds a space: put "b.example" and "c.example" on lines of their own'],
      ['IP Address:10.0.0.1', 3, 'IP'],
      ['d.example', 3, 'DNS'],
    ]);
    expect(sanViews('DNS: spaced.example\n\n  \n').map((v) => [v.entry, v.line, v.type])).toEqual([['DNS: spaced.example', 1, 'DNS']]);
  });
});

describe('paste reader', () => {
  it('tells cfssl JSON from an openssl line and keeps the usage for cfssl', () => {
    expect(requestFromPaste(' {"CN": "a"} ', 'peer')).toMatchObject({ kind: 'cfssl', request: { subject: [{ type: 'CN', value: 'a' }], usage: 'peer' } });
    expect(requestFromPaste('req -new -subj /CN=b', 'peer')).toMatchObject({ kind: 'openssl', request: { subject: [{ type: 'CN', value: 'b' }], usage: 'server' } });
    expect(() => requestFromPaste('   ', 'server')).toThrow('paste a cfssl CSR JSON or an openssl req line first');
    expect(() => requestFromPaste('{"CN": ', 'server')).toThrow(/^cfssl CSR JSON: not JSON/);
    expect(() => requestFromPaste('openssl x509 -in a.crt', 'server')).toThrow('expected a cfssl CSR JSON');
  });
});

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
      const eq = equivalentsOf(request, { key: 'mine.key', csr: 'mine.csr' }, true);
      expect(eq.openssl).not.toContain('-newkey');
      expect(eq.openssl).toMatch(/^openssl req -new -key mine\.key -out mine\.csr -sha256 -subj /);
      execFileSync('sh', ['-c', eq.openssl], { cwd: dir, stdio: 'pipe' });
      const pub = (args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      expect(pub(['req', '-in', 'mine.csr', '-pubkey', '-noout'])).toBe(pub(['pkey', '-in', 'mine.key', '-pubout']));
      const text = pub(['req', '-in', 'mine.csr', '-noout', '-text']);
      expect(text).toContain("Subject: O = Bob's group, CN = svc.example\n");
      expect(text).toContain('DNS:svc.example, IP Address:2001:DB8:0:0:0:0:0:1');
      expect(text).toContain('TLS Web Server Authentication, TLS Web Client Authentication');
      expect(eq.cfsslNote).toMatch(/^Save as csr\.json, then: cfssl gencsr -key mine\.key csr\.json \| cfssljson -bare mine /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the cfssl JSON, or says why there is none', () => {
    const eq = equivalentsOf(request, { key: 's.key', csr: 's.csr' }, false);
    expect(JSON.parse(eq.cfssl!)).toEqual({ CN: 'svc.example', hosts: ['svc.example', '2001:db8::1'], key: { algo: 'ecdsa', size: 256 }, names: [{ O: "Bob's group" }] });
    expect(eq.cfsslNote).toMatch(/cfssl genkey csr\.json \| cfssljson -bare s /);
    const none = equivalentsOf({ ...request, subject: [{ type: 'emailAddress', value: 'a@b.example' }] }, { key: 's.key', csr: 's.csr' }, false);
    expect(none.cfssl).toBeUndefined();
    expect(none.cfsslNote).toBe('No cfssl JSON for this request: cfssl CSR JSON: cfssl names have no emailAddress: put the address in hosts instead');
  });

  it('a SAN the -addext list cannot hold gives no openssl line, says why, and keeps the cfssl JSON', () => {
    const eq = equivalentsOf({ subject: [{ type: 'CN', value: 'x' }], sans: ['URI:https://x.example/a,IP:10.9.9.9'], usage: 'server', keyType: 'ec-p256' }, { key: 's.key', csr: 's.csr' }, false);
    expect(eq.openssl).toBe('');
    expect(eq.opensslError).toBe('openssl config: URI "https://x.example/a,IP:10.9.9.9" has a comma, which openssl reads as the start of another entry in a comma-separated list');
    expect(JSON.parse(eq.cfssl!).hosts).toEqual(['https://x.example/a,IP:10.9.9.9']);
  });
});
