import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { runCli } from '../../src/cli/run.ts';
import { ok, openssl, opensslCsr, path, put } from './ca-oracle.helper.ts';

async function cli(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const status = await runCli(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), stdin: async () => new Uint8Array() });
  return { status, ...out };
}

describe('certbench ca/sign/revoke/crl', () => {
  it('round trip in a directory, judged by openssl', async () => {
    const dir = path('cli-ca');
    expect((await cli(['ca', 'init', '--dir', dir, '--subject', '/O=CLI/CN=CLI Root', '--key-type', 'rsa2048', '--days', '30', '--pathlen', '1', '--passout', 'pass:s3cret-ca-passphrase'])).status).toBe(0);
    const caCrt = join(dir, 'ca.crt');
    expect(ok(['x509', '-in', caCrt, '-noout', '-ext', 'basicConstraints'])).toContain('CA:TRUE, pathlen:1');
    expect(ok(['pkey', '-in', join(dir, 'ca.key'), '-passin', 'pass:s3cret-ca-passphrase', '-noout'])).toBe('');

    const { csrPath } = opensslCsr('cli-server', 'ec-p256', '/CN=cli-server', ['DNS:cli.test', 'IP:192.0.2.7']);
    const noPass = await cli(['sign', '--dir', dir, '--csr', csrPath, '--profile', 'server', '--out', path('cli-server.crt')]);
    expect(noPass.status).toBe(1);
    expect(noPass.stderr).toMatch(/encrypted: give its passphrase/);

    const signed = await cli(['sign', '--dir', dir, '--csr', csrPath, '--profile', 'server', '--days', '5', '--out', path('cli-server.crt'), '--chain-out', path('cli-chain.pem'), '--passin', 'pass:s3cret-ca-passphrase', '--show-commands']);
    expect(signed.status, signed.stderr).toBe(0);
    expect(signed.stdout).toContain('openssl x509 -req');
    expect(signed.stdout).toContain('cfssl sign -ca');
    expect(ok(['verify', '-CAfile', caCrt, path('cli-server.crt')])).toContain('OK');
    expect(ok(['x509', '-in', path('cli-server.crt'), '-noout', '-ext', 'subjectAltName'])).toContain('DNS:cli.test, IP Address:192.0.2.7');
    const serial = /issued serial ([0-9a-f]+)/.exec(signed.stdout)![1]!;

    const config = put('ca-config.json', JSON.stringify({ signing: { default: { expiry: '168h' }, profiles: { kubelet: { usages: ['signing', 'key encipherment', 'client auth'], expiry: '24h' } } } }));
    const viaConfig = await cli(['sign', '--dir', dir, '--csr', csrPath, '--profile', 'kubelet', '--config', config, '--out', path('cli-kubelet.crt'), '--passin', 'pass:s3cret-ca-passphrase']);
    expect(viaConfig.status, viaConfig.stderr).toBe(0);
    const kt = ok(['x509', '-in', path('cli-kubelet.crt'), '-noout', '-ext', 'keyUsage,extendedKeyUsage', '-startdate', '-enddate']);
    expect(kt).toContain('Digital Signature, Key Encipherment');
    expect(kt).toContain('TLS Web Client Authentication');
    const start = Date.parse(/notBefore=(.*)/.exec(kt)![1]!);
    const end = Date.parse(/notAfter=(.*)/.exec(kt)![1]!);
    expect(end - start).toBe(24 * 3600_000);

    const bad = readFileSync(csrPath, 'utf8').replace(/(\n[A-Za-z0-9+/]{10})([A-Za-z0-9+/])/, (_m, a: string, c: string) => a + (c === 'A' ? 'B' : 'A'));
    const tampered = await cli(['sign', '--dir', dir, '--csr', put('cli-bad.csr', bad), '--out', path('cli-bad.crt'), '--passin', 'pass:s3cret-ca-passphrase']);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/CSR/);

    expect((await cli(['revoke', '--dir', dir, '--serial', serial.toUpperCase(), '--reason', 'keyCompromise', '--passin', 'pass:s3cret-ca-passphrase'])).status).toBe(0);
    const crl = await cli(['crl', '--dir', dir, '--days', '2', '--out', path('cli.crl'), '--passin', 'pass:s3cret-ca-passphrase']);
    expect(crl.status, crl.stderr).toBe(0);
    const r = openssl(['crl', '-in', path('cli.crl'), '-verify', '-CAfile', caCrt, '-noout', '-text']);
    expect(r.stderr).toContain('verify OK');
    expect(r.stdout).toContain(`Serial Number: ${serial.toUpperCase()}`);
    expect(r.stdout).toContain('Key Compromise');
    expect(r.stdout).toMatch(/CRL Number: \n\s+1\n/);
    const v = openssl(['verify', '-crl_check', '-CAfile', caCrt, '-CRLfile', path('cli.crl'), path('cli-server.crt')]);
    expect(v.stdout + v.stderr).toContain('certificate revoked');
  });

  it('imports a CA made by openssl, refusing a non-CA and a mismatched key', async () => {
    ok(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', path('imp.key'), '-out', path('imp.crt'), '-subj', '/CN=Imported', '-days', '3']);
    ok(['ec', '-in', path('imp.key'), '-out', path('imp-sec1.key')]); // SEC1 "EC PRIVATE KEY"
    const good = await cli(['ca', 'import', '--dir', path('cli-imp'), '--cert', path('imp.crt'), '--key', path('imp-sec1.key'), '--no-passout']);
    expect(good.status, good.stderr).toBe(0);
    const { csrPath } = opensslCsr('cli-imp-leaf', 'ed25519', '/CN=ed-leaf', ['DNS:ed.test']);
    expect((await cli(['sign', '--dir', path('cli-imp'), '--csr', csrPath, '--profile', 'peer', '--out', path('cli-imp-leaf.crt')])).status).toBe(0);
    expect(ok(['verify', '-CAfile', path('imp.crt'), path('cli-imp-leaf.crt')])).toContain('OK');

    ok(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', path('other.key'), '-out', path('other.crt'), '-subj', '/CN=Other', '-days', '3']);
    const mismatch = await cli(['ca', 'import', '--dir', path('cli-imp2'), '--cert', path('imp.crt'), '--key', path('other.key'), '--no-passout']);
    expect(mismatch.status).toBe(1);
    expect(mismatch.stderr).toMatch(/does not belong to this certificate/);

    ok(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path('leafish.key'), '-out', path('leafish.crt'), '-subj', '/CN=Leaf', '-days', '3', '-addext', 'basicConstraints=critical,CA:FALSE']);
    const notCa = await cli(['ca', 'import', '--dir', path('cli-imp3'), '--cert', path('leafish.crt'), '--key', path('leafish.key'), '--no-passout']);
    expect(notCa.status).toBe(1);
    expect(notCa.stderr).toMatch(/not a CA/);
  });
  it('refuses a CA passphrase under 12 characters, as the browser store does, and writes nothing', async () => {
    const dir = path('cli-ca-short');
    const r = await cli(['ca', 'init', '--dir', dir, '--subject', '/CN=Short', '--passout', 'pass:elevenchars']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the passphrase has 11 characters; a CA passphrase needs at least 12');
    expect(r.stderr).not.toContain('elevenchars');
    expect(() => readFileSync(join(dir, 'ca.key'))).toThrow();
    const twelve = await cli(['ca', 'init', '--dir', dir, '--subject', '/CN=Twelve', '--passout', 'pass:twelve chars']);
    expect(twelve.status, twelve.stderr).toBe(0);
    expect(ok(['pkey', '-in', join(dir, 'ca.key'), '-passin', 'pass:twelve chars', '-noout'])).toBe('');
  });
});
