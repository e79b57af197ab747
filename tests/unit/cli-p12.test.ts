/**
 * `certbench p12` and `certbench dump --passin` on PKCS#12 files. The p12 command runs once as the
 * built dist/cli.mjs (`npm test` builds it first); openssl judges what it writes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { concatBytes } from '../../src/core/bytes.ts';

const CLI = join(import.meta.dirname, '../../dist/cli.mjs');
const CORPUS = join(import.meta.dirname, '../fixtures/corpus/other');
const work = mkdtempSync(join(tmpdir(), 'certbench-cli-p12-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
const SECRET = 'Tr0ub4dor&3 not echoed';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  process.env.P12_PASS = SECRET;
  const status = await runCli(args, {
    stdout: (s) => void (stdout += s),
    stdoutBytes: (b) => void bytes.push(b),
    stderr: (s) => void (stderr += s),
    stdin: async () => new Uint8Array(),
  });
  return { status, stdout, stderr, bytes: concatBytes(...bytes) };
}

beforeAll(() => {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=CLI CA', '-days', '2']);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=cli.example']);
  openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-out', 'leaf.pem', '-days', '2']);
  // An encrypted key, to need --passin.
  openssl(['pkcs8', '-topk8', '-in', 'leaf.key', '-out', 'leaf-enc.key', '-passout', 'pass:keypw']);
});

describe('certbench p12', () => {
  it('dist/cli.mjs writes a 0600 file that openssl opens with the chain, the alias and the same key; the passphrase is not echoed', () => {
    const out = join(work, 'built.p12');
    const r = spawnSync(process.execPath, [CLI, 'p12', '--cert', 'leaf.pem', '--key', 'leaf.key', '--chain', 'ca.pem', '--passout', 'env:P12_PASS', '--name', 'web tier', '--out', out], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, P12_PASS: SECRET },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stderr).toContain('AES-256-CBC');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const info = spawnSync('openssl', ['pkcs12', '-in', out, '-passin', `pass:${SECRET}`, '-info', '-nodes'], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout.match(/friendlyName: web tier/g)).toHaveLength(2);
    expect(info.stdout).toContain('subject=CN = cli.example');
    expect(info.stdout).toContain('subject=CN = CLI CA');
    const keyPem = /-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----\n/.exec(info.stdout)![0];
    const pub = execFileSync('openssl', ['pkey', '-pubout'], { input: keyPem }).toString();
    expect(pub).toBe(openssl(['pkey', '-in', 'leaf.key', '-pubout']).toString());
  });

  it('--legacy with an encrypted key and --passin: 3DES and a SHA-1 MAC', async () => {
    const r = await cli(['p12', '--cert', 'leaf.pem', '--key', join(work, 'leaf-enc.key'), '--passin', 'pass:keypw', '--passout', 'env:P12_PASS', '--legacy', '--out', join(work, 'legacy.p12')].map((a) => (a.endsWith('.pem') ? join(work, a) : a)));
    expect(r.status, r.stderr).toBe(0);
    const info = spawnSync('openssl', ['pkcs12', '-in', join(work, 'legacy.p12'), '-passin', `pass:${SECRET}`, '-info', '-nodes', '-nokeys'], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    expect(info.stderr).toContain('MAC: sha1, Iteration 2048');
    expect(info.stderr).toContain('PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048');
  });

  it('opens keys encrypted the old ways (traditional Proc-Type PEM, PKCS#8 with PBE-SHA1-3DES) with --passin, and asks for it', async () => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa.key', '-out', 'rsa.pem', '-subj', '/CN=old key', '-days', '2']);
    openssl(['rsa', '-in', 'rsa.key', '-aes128', '-traditional', '-passout', 'pass:oldpw', '-out', 'rsa-trad.key']);
    openssl(['pkcs8', '-topk8', '-in', 'rsa.key', '-v1', 'PBE-SHA1-3DES', '-passout', 'pass:oldpw', '-out', 'rsa-pbe1.key']);
    expect(readFileSync(join(work, 'rsa-trad.key'), 'utf8')).toContain('Proc-Type: 4,ENCRYPTED');
    for (const keyFile of ['rsa-trad.key', 'rsa-pbe1.key']) {
      const out = join(work, `${keyFile}.p12`);
      const r = await cli(['p12', '--cert', join(work, 'rsa.pem'), '--key', join(work, keyFile), '--passin', 'pass:oldpw', '--passout', 'pass:p12pw', '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      const key = spawnSync('openssl', ['pkcs12', '-in', out, '-passin', 'pass:p12pw', '-nocerts', '-nodes'], { encoding: 'utf8' });
      expect(key.status, key.stderr).toBe(0);
      expect(execFileSync('openssl', ['pkey', '-pubout'], { input: key.stdout }).toString()).toBe(openssl(['pkey', '-in', 'rsa.key', '-pubout']).toString());
      const asked = await cli(['p12', '--cert', join(work, 'rsa.pem'), '--key', join(work, keyFile), '--passout', 'pass:p12pw', '--out', out]);
      expect(asked.status).toBe(1);
      expect(asked.stderr).toContain('is encrypted: give its passphrase with --passin');
    }
  });

  it('refuses a key that is not the certificate’s, and says what is missing', async () => {
    const r = await cli(['p12', '--cert', join(work, 'leaf.pem'), '--key', join(work, 'ca.key'), '--passout', 'pass:x', '--out', join(work, 'no.p12')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not belong to the certificate/);
    const missing = await cli(['p12', '--cert', join(work, 'leaf.pem')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--cert, --key, --passout and --out are required');
  });
});

describe('certbench dump --passin on PKCS#12', () => {
  it('prints a corpus file as openssl pkcs12 -info -nodes did (stdout bytes, stderr lines)', async () => {
    const file = join(CORPUS, 'pkcs12/pyca__pkcs12__cert-rc2-key-3des.p12');
    const r = await cli(['dump', '--passin', 'pass:cryptography', file]);
    expect(r.status, r.stderr).toBe(0);
    const expected = readFileSync(`${file}.txt`);
    const cut = expected.indexOf('\n# stderr:\n');
    expect(Buffer.from(r.bytes).equals(expected.subarray(0, cut))).toBe(true);
    expect(r.stderr).toBe(expected.subarray(cut + '\n# stderr:\n'.length).toString());
  });

  it('a file certbench wrote reads back as openssl reads it', async () => {
    const file = join(work, 'legacy.p12');
    const r = await cli(['dump', '--passin', 'env:P12_PASS', file]);
    expect(r.status, r.stderr).toBe(0);
    const info = spawnSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${SECRET}`, '-info', '-nodes'], { encoding: 'buffer' });
    expect(Buffer.from(r.bytes).equals(info.stdout)).toBe(true);
  });

  it('a wrong passphrase and no passphrase say so', async () => {
    const file = join(work, 'legacy.p12');
    const wrong = await cli(['dump', '--passin', 'pass:nope', file]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`${file}: PKCS#12: wrong passphrase`);
    const none = await cli(['dump', file]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('a PKCS#12 file: give its passphrase with --passin');
  });
});
