import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { ok, openssl, path } from './keys-openssl.helper.ts';

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: async () => new Uint8Array() });
  return { status, stdout, stderr };
}

function sanLine(csrFile: string): string {
  const lines = ok(['req', '-in', csrFile, '-noout', '-text']).split('\n');
  return lines[lines.findIndex((l) => l.includes('Subject Alternative Name')) + 1]!.trim();
}

describe('certbench csr', () => {
  for (const keyType of ['ec-p256', 'rsa2048', 'ed25519']) {
    it(`--key-type ${keyType}: key and CSR that openssl accepts and that match`, async () => {
      const r = await cli('csr', '--key-type', keyType, '--subject', '/CN=registry.example/O=Example', '--san', 'DNS:registry.example', '--san', 'IP:10.0.0.1', '--san', 'IP:fd00::1', '--usage', 'peer', '--out-key', path(`${keyType}.key`), '--out-csr', path(`${keyType}.csr`));
      expect(r.status, r.stderr).toBe(0);
      expect(statSync(path(`${keyType}.key`)).mode & 0o777).toBe(0o600);
      expect(openssl(['req', '-in', `${keyType}.csr`, '-verify', '-noout']).status).toBe(0);
      expect(ok(['req', '-in', `${keyType}.csr`, '-noout', '-subject'])).toBe('subject=CN = registry.example, O = Example\n');
      expect(sanLine(`${keyType}.csr`)).toBe('DNS:registry.example, IP Address:10.0.0.1, IP Address:FD00:0:0:0:0:0:0:1');
      expect(ok(['req', '-in', `${keyType}.csr`, '-noout', '-pubkey'])).toBe(ok(['pkey', '-in', `${keyType}.key`, '-pubout']));
    });
  }

  it('--passout encrypts the key (openssl opens it), --key --passin reuses it', async () => {
    process.env.CERTBENCH_TEST_PASS = 'from the env';
    let r = await cli('csr', '--subject', '/CN=a', '--out-key', path('enc.key'), '--passout', 'env:CERTBENCH_TEST_PASS', '--out-csr', path('enc.csr'));
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path('enc.key'), 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    const pub = ok(['pkey', '-in', 'enc.key', '-passin', 'pass:from the env', '-pubout']);
    writeFileSync(path('pass.txt'), 'from the env\n');
    r = await cli('csr', '--key', path('enc.key'), '--passin', `file:${path('pass.txt')}`, '--subject', '/CN=b', '--san', 'b.example');
    expect(r.status, r.stderr).toBe(0);
    writeFileSync(path('reuse.csr'), r.stdout);
    expect(ok(['req', '-in', 'reuse.csr', '-noout', '-pubkey'])).toBe(pub);
    expect(ok(['req', '-in', 'reuse.csr', '-noout', '-subject'])).toBe('subject=CN = b\n');
  });

  it('an openssl key in SEC1 form, re-saved as PKCS#1 is refused, as SEC1 matches openssl ec', async () => {
    ok(['ecparam', '-genkey', '-name', 'prime256v1', '-out', 'os.key']);
    let r = await cli('csr', '--key', path('os.key'), '--subject', '/CN=x', '--out-key', path('os-p1.key'), '--key-format', 'pkcs1');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('certbench csr: PKCS#1 (RSA PRIVATE KEY) holds RSA keys only, not ECDSA\n');
    r = await cli('csr', '--key', path('os.key'), '--subject', '/CN=x', '--out-key', path('os-sec1.key'), '--key-format', 'sec1', '--out-csr', path('os.csr'));
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path('os-sec1.key'), 'utf8')).toBe(ok(['ec', '-in', 'os.key']));
  });

  it('--show-commands prints the openssl line and the cfssl JSON', async () => {
    const r = await cli('csr', '--key-type', 'rsa2048', '--subject', '/O=system:masters/CN=admin', '--usage', 'client', '--out-key', path('admin.key'), '--out-csr', path('admin.csr'), '--show-commands');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `openssl req -new -newkey rsa:2048 -noenc -keyout ${path('admin.key')} -out ${path('admin.csr')} -sha256 -subj /O=system:masters/CN=admin -addext basicConstraints=critical,CA:FALSE -addext keyUsage=critical,digitalSignature,keyEncipherment -addext extendedKeyUsage=clientAuth\n`,
    );
    expect(r.stderr).toContain('"CN": "admin"');
    expect(r.stderr).toContain('"O": "system:masters"');
  });

  const bad: [string[], number, string][] = [
    [['--key-type', 'dsa', '--subject', '/CN=a', '--out-key', 'x'], 1, 'certbench csr: --key-type: "dsa" is not one of ec-p256, ec-p384, ec-p521, rsa2048, rsa3072, rsa4096, ed25519\n'],
    [['--subject', '/CN=a'], 1, 'certbench csr: a new key needs somewhere to go: give --out-key FILE (or --key to use an existing key)\n'],
    [['--subject', '/CN=a', '--san', 'registry..svc', '--out-key', '/dev/null'], 1, 'certbench csr: CSR: SAN "registry..svc": empty label (two dots in a row)\n'],
    [['--subject', 'CN=a', '--out-key', '/dev/null'], 1, 'certbench csr: subject: "CN=a" must start with / (like /CN=example.com/O=Example)\n'],
    [['--subject', '/CN=a', '--usage', 'both', '--out-key', '/dev/null'], 1, 'certbench csr: --usage: "both" is not server, client or peer\n'],
    [['--subject', '/CN=a', '--out-key', '/dev/null', '--passout', 'env:CERTBENCH_NOT_SET_ANYWHERE'], 1, 'certbench csr: --passout env:CERTBENCH_NOT_SET_ANYWHERE: the environment variable is not set\n'],
    [['--bogus'], 2, "certbench csr: Unknown option '--bogus'"],
  ];
  for (const [args, status, message] of bad) {
    it(`refuses ${args.join(' ')}`, async () => {
      const r = await cli('csr', ...args);
      expect(r.status).toBe(status);
      expect(r.stderr.startsWith(message)).toBe(true);
    });
  }

  it('a wrong --passin names the key file', async () => {
    const r = await cli('csr', '--key', path('enc.key'), '--passin', 'pass:nope', '--subject', '/CN=x');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`certbench csr: ${path('enc.key')}: encrypted private key: wrong passphrase (or corrupted key)\n`);
  });
});
