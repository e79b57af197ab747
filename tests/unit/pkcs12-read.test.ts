/**
 * Reading PKCS#12: the public corpus files (pyca's vectors, PBES2 and the legacy RC2/3DES ones) print
 * byte for byte as `openssl pkcs12 -info -nodes` printed them (stdout and its stderr lines); files
 * openssl makes here, default and -legacy, give back the certificate and key openssl put in; a wrong
 * passphrase and a changed file are told apart. The ciphers are judged by node's OpenSSL (3DES) and
 * `openssl enc` (RC2).
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TripleDesCbc } from '../../src/core/pkcs12/des.ts';
import { rc2CbcDecrypt } from '../../src/core/pkcs12/rc2.ts';
import { readPkcs12 } from '../../src/core/pkcs12/read.ts';
import { infoText, printPkcs12 } from '../../src/core/pkcs12/print.ts';
import { fromBase64 } from '../../src/core/bytes.ts';

const DIR = join(import.meta.dirname, '../fixtures/corpus/other');
const MANIFEST = JSON.parse(readFileSync(join(DIR, 'MANIFEST.json'), 'utf8')) as { file?: string; password: string | null }[];
const P12 = MANIFEST.filter((m) => m.file?.endsWith('.p12'));
const work = mkdtempSync(join(tmpdir(), 'certbench-p12-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const openssl = (args: string[], input?: Buffer) => execFileSync('openssl', args, { cwd: work, input, stdio: ['pipe', 'pipe', 'pipe'] });

describe('legacy ciphers', () => {
  it('3DES-CBC decrypts and encrypts as OpenSSL does', () => {
    for (const length of [0, 7, 8, 45]) {
      const key = randomBytes(24);
      const iv = randomBytes(8);
      const data = randomBytes(length);
      const c = createCipheriv('des-ede3-cbc', key, iv);
      const ct = Buffer.concat([c.update(data), c.final()]);
      const des = new TripleDesCbc(new Uint8Array(key));
      expect(Buffer.from(des.encrypt(iv, data)).equals(ct)).toBe(true);
      expect(Buffer.from(des.decrypt(iv, ct)!).equals(data)).toBe(true);
      expect(des.decrypt(iv, ct.subarray(0, ct.length - 1))).toBeUndefined();
    }
  });
  it('RC2-CBC (40, 64 and 128-bit) decrypts what openssl enc -rc2 encrypts', () => {
    for (const [cipher, bytes, bits] of [['rc2-40-cbc', 5, 40], ['rc2-64-cbc', 8, 64], ['rc2-cbc', 16, 128]] as const) {
      const key = randomBytes(bytes);
      const iv = randomBytes(8);
      const data = randomBytes(37);
      const ct = openssl(['enc', '-provider', 'legacy', '-provider', 'default', `-${cipher}`, '-K', key.toString('hex'), '-iv', iv.toString('hex')], data);
      expect(Buffer.from(rc2CbcDecrypt(new Uint8Array(key), bits, iv, new Uint8Array(ct))!).equals(data), cipher).toBe(true);
    }
  });
});

describe('the corpus prints as openssl pkcs12 -info -nodes', () => {
  it('has the five files', () => expect(P12.length).toBe(5));
  for (const m of P12) {
    it(m.file!, async () => {
      const expected = readFileSync(join(DIR, `${m.file}.txt`));
      const cut = expected.indexOf('\n# stderr:\n');
      const contents = await readPkcs12(new Uint8Array(readFileSync(join(DIR, m.file!))), m.password ?? '');
      expect(Buffer.from(printPkcs12(contents)).equals(expected.subarray(0, cut))).toBe(true);
      expect(infoText(contents)).toBe(expected.subarray(cut + '\n# stderr:\n'.length).toString());
    });
  }
});

describe('files openssl makes here', () => {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-subj', '/CN=p12 test/O=certbench', '-days', '2']);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=chain CA', '-days', '2']);
  const pemBody = (file: string) => fromBase64(readFileSync(join(work, file), 'utf8').replace(/-----[^-]+-----|\s/g, ''));

  for (const [name, extra] of [['default (AES-256-CBC, PBKDF2, MAC SHA-256)', []], ['-legacy (RC2-40 and 3DES, MAC SHA-1)', ['-legacy']], ['-descert (3DES for both)', ['-descert', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES']]] as const) {
    it(`${name}: the certificate, the chain and the key come back, with the friendly name`, async () => {
      const file = `out${extra.length}.p12`;
      openssl(['pkcs12', '-export', ...extra, '-in', 'c.pem', '-inkey', 'k.pem', '-certfile', 'ca.pem', '-name', 'my alias', '-passout', 'pass:correct horse', '-out', file]);
      const contents = await readPkcs12(new Uint8Array(readFileSync(join(work, file))), 'correct horse');
      const certs = contents.bags.filter((b) => b.kind === 'certificate').map((b) => Buffer.from(b.der!).toString('hex'));
      expect(certs.sort()).toEqual([pemBody('c.pem'), pemBody('ca.pem')].map((d) => Buffer.from(d).toString('hex')).sort());
      const key = contents.bags.find((b) => b.kind === 'private-key')!;
      writeFileSync(join(work, 'back.pem'), `-----BEGIN PRIVATE KEY-----\n${Buffer.from(key.der!).toString('base64')}\n-----END PRIVATE KEY-----\n`);
      expect(openssl(['pkey', '-in', 'back.pem', '-pubout']).equals(openssl(['pkey', '-in', 'k.pem', '-pubout']))).toBe(true);
      const info = openssl(['pkcs12', ...(extra.length ? ['-legacy'] : []), '-in', file, '-passin', 'pass:correct horse', '-info', '-nodes']);
      expect(Buffer.from(printPkcs12(contents)).equals(info)).toBe(true);
    });
  }

  it('names a wrong passphrase, and a changed file whose passphrase is right', async () => {
    openssl(['pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-passout', 'pass:correct horse', '-out', 'w.p12']);
    const bytes = new Uint8Array(readFileSync(join(work, 'w.p12')));
    await expect(readPkcs12(bytes, 'wrong horse')).rejects.toThrow(/wrong passphrase/);
    // A byte of the MAC value itself: the contents still decrypt with the right passphrase.
    const changed = bytes.slice();
    changed[changed.length - 30] ^= 1;
    await expect(readPkcs12(changed, 'correct horse')).rejects.toThrow(/MAC verification failed: .*changed/);
  });
});
