import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decryptPrivateKey, encryptPrivateKey } from '../../src/core/keys/pkcs8-encryption.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import { get, ok, openssl, pemFileDer, put } from './keys-openssl.helper.ts';

const CORPUS = 'tests/fixtures/corpus/other/keys/';

function corpusDer(file: string): Uint8Array {
  const bytes = readFileSync(CORPUS + file);
  if (file.endsWith('.der')) return new Uint8Array(bytes);
  const text = bytes.toString('utf8');
  const m = /-----BEGIN ENCRYPTED PRIVATE KEY-----([\s\S]*?)-----END/.exec(text);
  return new Uint8Array(Buffer.from(m![1]!, 'base64'));
}

describe('decryptPrivateKey: corpus keys encrypted by others', () => {
  const cases: [string, string][] = [
    ['pyca__asymmetric__Ed25519__ed25519-pkcs8-enc.pem', 'password'],
    ['pyca__asymmetric__PKCS8__ec_private_key_encrypted.pem', '123456'],
    ['pyca__asymmetric__PKCS8__enc2-rsa-pkcs8.pem', 'baz'],
  ];
  for (const [file, pass] of cases) {
    it(file, async () => {
      ok(['pkey', '-in', `${process.cwd()}/${CORPUS}${file}`, '-passin', `pass:${pass}`, '-out', `${file}.plain`]);
      const plain = await decryptPrivateKey(corpusDer(file), pass);
      // openssl re-encodes what it decrypts; compare after it re-encodes ours the same way.
      put(`${file}.ours`, plain);
      ok(['pkey', '-inform', 'DER', '-in', `${file}.ours`, '-out', `${file}.ours.norm`]);
      expect(Buffer.from(pemFileDer(`${file}.ours.norm`)).equals(Buffer.from(pemFileDer(`${file}.plain`)))).toBe(true);
    });
  }

  for (const file of ['pyca__asymmetric__PKCS8__pkcs12_s2k_pem-X_9607.pem', 'pyca__asymmetric__DER_Serialization__enc-rsa-pkcs8.der']) {
    it(`${file}: names the PKCS#12 scheme and how to re-encrypt`, async () => {
      await expect(decryptPrivateKey(corpusDer(file), 'whatever')).rejects.toThrow(
        /unsupported encryption scheme pbeWithSHA1And3-KeyTripleDES-CBC \(1\.2\.840\.113549\.1\.12\.1\.3\): re-encrypt with `openssl pkcs8 -topk8 -v2 aes-256-cbc`/,
      );
    });
  }
});

describe('decryptPrivateKey: keys openssl encrypts now', () => {
  ok(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'plain.pem']);
  ok(['pkcs8', '-topk8', '-in', 'plain.pem', '-nocrypt', '-outform', 'DER', '-out', 'plain.der']);
  const plain = get('plain.der');
  const schemes: [string, string][] = [
    ['aes-128-cbc', 'hmacWithSHA1'],
    ['aes-192-cbc', 'hmacWithSHA256'],
    ['aes-256-cbc', 'hmacWithSHA256'],
    ['aes-256-cbc', 'hmacWithSHA384'],
    ['aes-128-cbc', 'hmacWithSHA512'],
  ];
  for (const [cipher, prf] of schemes) {
    it(`PBES2 ${cipher} / ${prf}`, async () => {
      const out = `enc-${cipher}-${prf}.der`;
      ok(['pkcs8', '-topk8', '-in', 'plain.pem', '-v2', cipher, '-v2prf', prf, '-iter', '1000', '-passout', 'pass:pässwörd', '-outform', 'DER', '-out', out]);
      const got = await decryptPrivateKey(get(out), 'pässwörd');
      expect(Buffer.from(got).equals(Buffer.from(plain))).toBe(true);
    });
  }

  it('HMAC-SHA224 (absent from WebCrypto) is named, with the way out', async () => {
    ok(['pkcs8', '-topk8', '-in', 'plain.pem', '-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA224', '-iter', '1000', '-passout', 'pass:x', '-outform', 'DER', '-out', 'sha224.der']);
    await expect(decryptPrivateKey(get('sha224.der'), 'x')).rejects.toThrow(/PBKDF2 PRF hmacWithSHA224 \(1\.2\.840\.113549\.2\.8\) is not available in WebCrypto: re-encrypt/);
  });

  it('a wrong passphrase says so', async () => {
    ok(['pkcs8', '-topk8', '-in', 'plain.pem', '-v2', 'aes-256-cbc', '-iter', '1000', '-passout', 'pass:right', '-outform', 'DER', '-out', 'wrong.der']);
    // Many tries so the ~1/256 "padding happens to be valid" path is exercised too.
    for (let i = 0; i < 40; i++) {
      const err = await decryptPrivateKey(get('wrong.der'), `wrong${i}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CertbenchError);
      expect((err as Error).message).toBe('encrypted private key: wrong passphrase (or corrupted key)');
    }
  });

  it('PBES1 (pbeWithSHA1AndDES-CBC / -v1) names the scheme', async () => {
    ok(['pkcs8', '-topk8', '-in', 'plain.pem', '-v1', 'PBE-SHA1-3DES', '-passout', 'pass:x', '-outform', 'DER', '-out', 'v1.der']);
    await expect(decryptPrivateKey(get('v1.der'), 'x')).rejects.toThrow(/unsupported encryption scheme pbeWithSHA1And3-KeyTripleDES-CBC/);
  });

  it('PBES2 with 3DES names the cipher', async () => {
    ok(['pkcs8', '-topk8', '-in', 'plain.pem', '-v2', 'des3', '-passout', 'pass:x', '-outform', 'DER', '-out', 'des3.der']);
    await expect(decryptPrivateKey(get('des3.der'), 'x')).rejects.toThrow(/unsupported encryption scheme des-ede3-cbc \(1\.2\.840\.113549\.3\.7\): re-encrypt/);
  });

  it('garbage is a CertbenchError, not a crash', async () => {
    await expect(decryptPrivateKey(new Uint8Array([1, 2, 3]), 'x')).rejects.toBeInstanceOf(CertbenchError);
    await expect(decryptPrivateKey(plain, 'x')).rejects.toBeInstanceOf(CertbenchError);
  });
});

describe('encryptPrivateKey', () => {
  it('openssl opens it, and the parameters are what we claim (DER, 600000, SHA-256, AES-256-CBC)', async () => {
    const plain = pemFileDer('plain.pem');
    const der = await encryptPrivateKey(plain, 'correct horse');
    put('ours.der', der);
    const parse = ok(['asn1parse', '-inform', 'DER', '-in', 'ours.der']);
    expect(parse).toMatch(/:PBES2\n/);
    expect(parse).toMatch(/:PBKDF2\n/);
    expect(parse).toMatch(/:hmacWithSHA256\n/);
    expect(parse).toMatch(/:aes-256-cbc\n/);
    const iter = /prim: INTEGER\s+:([0-9A-F]+)/.exec(parse)!;
    expect(parseInt(iter[1]!, 16)).toBeGreaterThanOrEqual(600_000);
    expect(parse).not.toMatch(/cons: OCTET STRING/);
    // (pkey -outform DER would write the traditional SEC1 form; PEM output is PKCS#8.)
    ok(['pkey', '-inform', 'DER', '-in', 'ours.der', '-passin', 'pass:correct horse', '-out', 'ours-plain.pem']);
    expect(Buffer.from(pemFileDer('ours-plain.pem')).equals(Buffer.from(plain))).toBe(true);
    // DER, not BER: no indefinite lengths, no constructed strings (checked above).
    expect(parse).not.toMatch(/l=inf/);
    expect(await decryptPrivateKey(der, 'correct horse')).toEqual(plain);
    expect(openssl(['pkey', '-inform', 'DER', '-in', 'ours.der', '-passin', 'pass:wrong']).status).not.toBe(0);
  });

  it('refuses an empty passphrase', async () => {
    await expect(encryptPrivateKey(new Uint8Array([0x30, 0]), '')).rejects.toBeInstanceOf(CertbenchError);
  });
});
