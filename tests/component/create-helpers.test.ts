/** Create's small helpers: file names from a preset or the CN, the SAN list as read, the paste reader (the equivalent commands: tests/unit/csr-equivalents.test.ts). */
import { describe, expect, it } from 'vitest';
import { createdFileBase, fileBaseName, outputFileNames } from '../../src/ui/shared/file-names.ts';
import { csrPreset } from '../../src/core/csr/presets.ts';
import { sanViews } from '../../src/ui/create/san-view.ts';
import { requestFromPaste } from '../../src/ui/create/bring-paste.ts';

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
