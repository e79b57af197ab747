/**
 * Writing PKCS#12, judged by real tools: `openssl pkcs12 -info -nodes` opens what certbench writes
 * (default and legacy), gives back the same certificate, chain and key bytes and the friendly name,
 * and refuses a wrong passphrase; Debian's keytool lists it with the alias as a PrivateKeyEntry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../src/core/bytes.ts';
import { readPkcs12 } from '../../src/core/pkcs12/read.ts';
import { writePkcs12 } from '../../src/core/pkcs12/write.ts';

const work = mkdtempSync(join(tmpdir(), 'certbench-p12w-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
const pemBody = (file: string) => fromBase64(readFileSync(join(work, file), 'utf8').replace(/-----[^-]+-----|\s/g, ''));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const KEYTOOL = '/usr/bin/keytool';
const KEYTOOL_INSTALL = 'apt-get install -y openjdk-17-jre-headless';

/** keytool judges these files: installed when we are root on Debian, otherwise the exact line to run (never skipped). */
function ensureKeytool(): void {
  if (existsSync(KEYTOOL)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) throw new Error(`keytool is missing for the PKCS#12 tests. Install it (Debian, as root): ${KEYTOOL_INSTALL}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'openjdk-17-jre-headless'], { stdio: 'inherit', env });
  if (!existsSync(KEYTOOL)) throw new Error(`keytool still missing after install. Run: ${KEYTOOL_INSTALL}`);
}

beforeAll(() => {
  ensureKeytool();
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=p12 CA', '-days', '2']);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=kafka.example']);
  openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-out', 'leaf.pem', '-days', '2']);
  openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'leaf.key', '-outform', 'DER', '-out', 'leaf.p8']);
});

describe('writePkcs12, opened by openssl and keytool', () => {
  for (const legacy of [false, true]) {
    const label = legacy ? 'legacy (3DES, SHA-1 MAC)' : 'default (AES-256-CBC, PBKDF2-SHA256, SHA-256 MAC)';
    it(`${label}: openssl gives back the certificate, chain and key, and the friendly name`, async () => {
      const bytes = await writePkcs12({
        certificate: pemBody('leaf.pem'),
        key: new Uint8Array(readFileSync(join(work, 'leaf.p8'))),
        chain: [pemBody('ca.pem')],
        friendlyName: 'kafka broker',
        passphrase: 'correct horse',
        legacy,
      });
      const file = `w${legacy ? 'legacy' : 'default'}.p12`;
      writeFileSync(join(work, file), bytes);
      const info = spawnSync('openssl', ['pkcs12', '-in', file, '-passin', 'pass:correct horse', '-info', '-nodes'], { cwd: work, encoding: 'utf8' });
      expect(info.status, info.stderr).toBe(0);
      expect(info.stderr).toContain(legacy ? 'MAC: sha1, Iteration 2048' : 'MAC: sha256, Iteration 2048');
      expect(info.stderr).toContain(legacy ? 'pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048' : 'PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256');
      expect(info.stdout.match(/friendlyName: kafka broker/g)).toHaveLength(2);
      const localKeyIds = [...info.stdout.matchAll(/localKeyID: ([0-9A-F ]+)/g)].map((m) => m[1]!.trim());
      expect(localKeyIds).toHaveLength(2);
      expect(localKeyIds[0]).toBe(localKeyIds[1]);
      // The certificates come back byte for byte, leaf first.
      const certs = [...info.stdout.matchAll(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g)].map((m) => hex(fromBase64(m[0].replace(/-----[^-]+-----|\s/g, ''))));
      expect(certs).toEqual([hex(pemBody('leaf.pem')), hex(pemBody('ca.pem'))]);
      const key = /-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----\n/.exec(info.stdout)![0];
      writeFileSync(join(work, 'back.pem'), key);
      expect(openssl(['pkey', '-in', 'back.pem', '-pubout']).toString()).toBe(openssl(['pkey', '-in', 'leaf.key', '-pubout']).toString());
      // localKeyID is the certificate's SHA-1, as openssl sets it.
      const sha1 = openssl(['x509', '-in', 'leaf.pem', '-noout', '-fingerprint', '-sha1']).toString().split('=')[1]!.trim();
      expect(localKeyIds[0]!.replace(/ /g, '')).toBe(sha1.replace(/:/g, ''));

      const wrong = spawnSync('openssl', ['pkcs12', '-in', file, '-passin', 'pass:wrong horse', '-info', '-nodes'], { cwd: work, encoding: 'utf8' });
      expect(wrong.status).not.toBe(0);
      expect(wrong.stderr).toMatch(/Mac verify error: invalid password\?/);

      // And certbench reads its own file back.
      const back = await readPkcs12(bytes, 'correct horse');
      expect(back.bags.map((b) => b.kind)).toEqual(['certificate', 'certificate', 'private-key']);
    });

    it(`${label}: keytool lists it with the alias as a PrivateKeyEntry with its chain`, () => {
      const file = `w${legacy ? 'legacy' : 'default'}.p12`;
      const list = spawnSync(KEYTOOL, ['-list', '-v', '-storetype', 'PKCS12', '-keystore', file, '-storepass', 'correct horse'], { cwd: work, encoding: 'utf8' });
      expect(list.status, list.stdout + list.stderr).toBe(0);
      expect(list.stdout).toContain('Alias name: kafka broker');
      expect(list.stdout).toContain('Entry type: PrivateKeyEntry');
      expect(list.stdout).toContain('Certificate chain length: 2');
      expect(list.stdout).toContain('Owner: CN=kafka.example');
      const bad = spawnSync(KEYTOOL, ['-list', '-storetype', 'PKCS12', '-keystore', file, '-storepass', 'wrong horse'], { cwd: work, encoding: 'utf8' });
      expect(bad.status).not.toBe(0);
    });
  }

  it('refuses a key that is not the certificate’s, and an empty passphrase', async () => {
    openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'ca.key', '-outform', 'DER', '-out', 'ca.p8']);
    const base = { certificate: pemBody('leaf.pem'), chain: [], passphrase: 'x' };
    await expect(writePkcs12({ ...base, key: new Uint8Array(readFileSync(join(work, 'ca.p8'))) })).rejects.toThrow(/does not belong to the certificate/);
    await expect(writePkcs12({ ...base, key: new Uint8Array(readFileSync(join(work, 'leaf.p8'))), passphrase: '' })).rejects.toThrow(/give a passphrase/);
  });
});

describe('reading what keytool writes', () => {
  it('keytool -genkeypair -storetype PKCS12: the key and certificate come back, with the alias', async () => {
    const store = join(work, 'kt.p12');
    const gen = spawnSync(
      KEYTOOL,
      ['-genkeypair', '-alias', 'elastic', '-keyalg', 'EC', '-groupname', 'secp256r1', '-dname', 'CN=elastic.example', '-validity', '2', '-storetype', 'PKCS12', '-keystore', store, '-storepass', 'keytool pw'],
      { encoding: 'utf8' },
    );
    expect(gen.status, gen.stderr).toBe(0);
    const contents = await readPkcs12(new Uint8Array(readFileSync(store)), 'keytool pw');
    const cert = contents.bags.find((b) => b.kind === 'certificate')!;
    const key = contents.bags.find((b) => b.kind === 'private-key')!;
    const alias = (b: typeof cert) => b.attributes?.find((a) => a.oid === '1.2.840.113549.1.9.20')?.values[0]?.content;
    expect(new TextDecoder('utf-16be').decode(alias(key))).toBe('elastic');
    expect(new TextDecoder('utf-16be').decode(alias(cert))).toBe('elastic');
    writeFileSync(join(work, 'kt-cert.der'), cert.der!);
    writeFileSync(join(work, 'kt-key.der'), key.der!);
    const certPub = openssl(['x509', '-inform', 'DER', '-in', 'kt-cert.der', '-noout', '-pubkey']).toString();
    expect(openssl(['pkey', '-inform', 'DER', '-in', 'kt-key.der', '-pubout']).toString()).toBe(certPub);
    expect(openssl(['x509', '-inform', 'DER', '-in', 'kt-cert.der', '-noout', '-subject']).toString()).toBe('subject=CN = elastic.example\n');
  });
});
