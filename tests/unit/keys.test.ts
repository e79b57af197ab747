import { existsSync, readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { CertbenchError } from '../../src/core/errors.ts';
import { exportPrivateKeyPem } from '../../src/core/keys/export.ts';
import { generateKeyPair, supportsEd25519 } from '../../src/core/keys/generate.ts';
import { importPrivateKey } from '../../src/core/keys/import.ts';
import { KEY_TYPES, keyAlgorithmOf } from '../../src/core/keys/key-types.ts';
import { privateKeyMatchesSpki, publicKeyPem, spkiOf } from '../../src/core/keys/spki.ts';
import { get, ok, openssl, path, put } from './keys-openssl.helper.ts';

const CORPUS = `${process.cwd()}/tests/fixtures/corpus/other/keys/`;

/** openssl's own view of a private key: everything it prints, for comparing two encodings of one key. */
function opensslText(file: string, inform = 'PEM', pass?: string): string {
  return ok(['pkey', '-inform', inform, '-in', file, '-noout', '-text', ...(pass ? ['-passin', `pass:${pass}`] : [])]);
}

describe('generate and export: every key type, judged by openssl', () => {
  it('this Node has Ed25519', async () => {
    expect(await supportsEd25519()).toBe(true);
  });

  for (const type of KEY_TYPES) {
    it(`${type}: PKCS#8 PEM is what openssl reads, and the public key matches`, async () => {
      const { privateKey, publicKey } = await generateKeyPair(type);
      const pem = await exportPrivateKeyPem(privateKey);
      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END PRIVATE KEY-----\n$/);
      put(`${type}.key`, pem);
      const alg = keyAlgorithmOf(type);
      const text = opensslText(`${type}.key`);
      if (alg.family === 'rsa') {
        expect(text).toContain(`Private-Key: (${alg.bits} bit, 2 primes)`);
        expect(text).toContain('publicExponent: 65537 (0x10001)');
      } else if (alg.family === 'ec') {
        expect(text).toContain(`NIST CURVE: ${alg.curve}`);
      } else {
        expect(text).toMatch(/^ED25519 Private-Key:/);
      }
      if (alg.family !== 'ed25519') expect(ok(['pkey', '-in', `${type}.key`, '-check', '-noout'])).toMatch(/valid/);
      expect(ok(['pkey', '-in', `${type}.key`, '-pubout'])).toBe(await publicKeyPem(publicKey));
      expect(await privateKeyMatchesSpki(privateKey, new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)))).toBe(true);
    });
  }

  for (const type of ['rsa2048', 'rsa3072'] as const) {
    it(`${type}: PKCS#1 export is byte-identical to \`openssl rsa -traditional\` and passes -check`, async () => {
      const { privateKey } = await generateKeyPair(type);
      put(`${type}-p8.key`, await exportPrivateKeyPem(privateKey));
      const pem = await exportPrivateKeyPem(privateKey, { format: 'pkcs1' });
      expect(pem.startsWith('-----BEGIN RSA PRIVATE KEY-----\n')).toBe(true);
      put(`${type}-p1.key`, pem);
      expect(ok(['rsa', '-in', `${type}-p1.key`, '-check', '-noout'])).toBe('RSA key ok\n');
      expect(pem).toBe(ok(['rsa', '-in', `${type}-p8.key`, '-traditional']));
    });
  }

  for (const type of ['ec-p256', 'ec-p384', 'ec-p521'] as const) {
    it(`${type}: SEC1 export is byte-identical to \`openssl ec\` (curve [0] and public key [1]) and passes -check`, async () => {
      const { privateKey } = await generateKeyPair(type);
      put(`${type}-p8.key`, await exportPrivateKeyPem(privateKey));
      const pem = await exportPrivateKeyPem(privateKey, { format: 'sec1' });
      put(`${type}-sec1.key`, pem);
      expect(openssl(['ec', '-in', `${type}-sec1.key`, '-check', '-noout']).stderr).toContain('EC Key valid.');
      expect(pem).toBe(ok(['ec', '-in', `${type}-p8.key`]));
      const parse = ok(['asn1parse', '-in', `${type}-sec1.key`]);
      expect(parse).toContain('cont [ 0 ]');
      expect(parse).toContain('cont [ 1 ]');
    });
  }

  it('PKCS#1 of an EC key and SEC1 of an RSA key are refused by name', async () => {
    const ec = await generateKeyPair('ec-p256');
    const rsa = await generateKeyPair('rsa2048');
    await expect(exportPrivateKeyPem(ec.privateKey, { format: 'pkcs1' })).rejects.toThrow(/PKCS#1 \(RSA PRIVATE KEY\) holds RSA keys only, not ECDSA/);
    await expect(exportPrivateKeyPem(rsa.privateKey, { format: 'sec1' })).rejects.toThrow(/SEC1 \(EC PRIVATE KEY\) holds EC keys only, not RSASSA-PKCS1-v1_5/);
  });

  it('a non-extractable key says why it cannot be exported', async () => {
    const { privateKey } = await generateKeyPair('ec-p256', { extractable: false });
    await expect(exportPrivateKeyPem(privateKey)).rejects.toThrow(/cannot be exported \(non-extractable\?\)/);
    await expect(spkiOf(privateKey)).rejects.toBeInstanceOf(CertbenchError);
  });

  for (const type of ['ec-p384', 'ed25519', 'rsa2048'] as const) {
    it(`${type}: encrypted PKCS#8 opens with openssl pkey -passin and claims PBKDF2-SHA256 ≥ 600000 / AES-256-CBC`, async () => {
      const { privateKey, publicKey } = await generateKeyPair(type);
      const pem = await exportPrivateKeyPem(privateKey, { format: 'encrypted-pkcs8', passphrase: 'hunter2 hunter2' });
      expect(pem.startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----\n')).toBe(true);
      put(`${type}-enc.key`, pem);
      expect(ok(['pkey', '-in', `${type}-enc.key`, '-passin', 'pass:hunter2 hunter2', '-pubout'])).toBe(await publicKeyPem(publicKey));
      const parse = ok(['asn1parse', '-in', `${type}-enc.key`]);
      expect(parse).toMatch(/:PBES2\n[\s\S]*:PBKDF2\n[\s\S]*prim: INTEGER +:([0-9A-F]+)\n[\s\S]*:hmacWithSHA256\n[\s\S]*:aes-256-cbc\n/);
      expect(parseInt(/prim: INTEGER +:([0-9A-F]+)/.exec(parse)![1]!, 16)).toBeGreaterThanOrEqual(600_000);
      expect(openssl(['pkey', '-in', `${type}-enc.key`, '-passin', 'pass:wrong', '-noout']).status).not.toBe(0);
    });
  }
});

describe('import keys openssl made, and round-trip them', () => {
  const made: [string, string[], string[]][] = [
    ['rsa2048', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], ['rsa', '-traditional']],
    ['ec-p256', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['ec']],
    ['ec-p384', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'], ['ec']],
    ['ec-p521', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'], ['ec']],
    ['ed25519', ['genpkey', '-algorithm', 'ED25519'], []],
  ];
  for (const [type, gen, traditional] of made) {
    const base = `os-${type}`;
    const forms: [string, () => string, string?][] = [
      ['PKCS#8 PEM', () => `${base}.p8.pem`],
      ['PKCS#8 DER', () => (ok(['pkey', '-in', `${base}.p8.pem`, '-outform', 'DER', '-out', `${base}.p8.der`]), `${base}.p8.der`)],
      ['encrypted PKCS#8 PEM', () => (ok(['pkcs8', '-topk8', '-in', `${base}.p8.pem`, '-v2', 'aes-256-cbc', '-passout', 'pass:s3cret', '-out', `${base}.enc.pem`]), `${base}.enc.pem`), 's3cret'],
      ['encrypted PKCS#8 DER', () => (ok(['pkcs8', '-topk8', '-in', `${base}.p8.pem`, '-v2', 'aes-128-cbc', '-passout', 'pass:s3cret', '-outform', 'DER', '-out', `${base}.enc.der`]), `${base}.enc.der`), 's3cret'],
    ];
    if (traditional.length) {
      forms.push([`${traditional[0] === 'rsa' ? 'PKCS#1' : 'SEC1'} PEM`, () => (ok([...traditional, '-in', `${base}.p8.pem`, '-out', `${base}.trad.pem`]), `${base}.trad.pem`)]);
      forms.push([`${traditional[0] === 'rsa' ? 'PKCS#1' : 'SEC1'} DER`, () => (ok([...traditional, '-in', `${base}.p8.pem`, '-outform', 'DER', '-out', `${base}.trad.der`]), `${base}.trad.der`)]);
    }
    for (const [form, make, pass] of forms) {
      it(`${type} ${form}`, async () => {
        if (!existsSync(path(`${base}.p8.pem`))) ok([...gen, '-out', `${base}.p8.pem`]);
        const file = make();
        const imported = await importPrivateKey(get(file), { passphrase: pass });
        expect(imported.keyType).toBe(type);
        put(`${file}.back.pem`, await exportPrivateKeyPem(imported.keyPair.privateKey));
        expect(opensslText(`${file}.back.pem`)).toBe(opensslText(`${base}.p8.pem`));
        expect(ok(['pkey', '-in', `${base}.p8.pem`, '-pubout'])).toBe(await publicKeyPem(imported.keyPair.publicKey));
        // And PEM text works as well as bytes.
        if (!file.endsWith('.der')) expect((await importPrivateKey(readFileSync(path(file), 'utf8'), { passphrase: pass })).keyType).toBe(type);
      });
    }
  }

  it('SEC1 from `openssl ecparam -genkey` (EC PARAMETERS block first)', async () => {
    ok(['ecparam', '-genkey', '-name', 'secp384r1', '-out', 'ecparam.pem']);
    const text = readFileSync(path('ecparam.pem'), 'utf8');
    expect(text).toContain('BEGIN EC PARAMETERS');
    const imported = await importPrivateKey(text);
    expect(imported.keyType).toBe('ec-p384');
    expect(imported.format).toBe('sec1');
  });

  it('SEC1 without the [0] curve or the [1] public key: the curve is found by size', async () => {
    ok(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521', '-out', 'bare.pem']);
    ok(['ec', '-in', 'bare.pem', '-no_public', '-outform', 'DER', '-out', 'bare-nopub.der']);
    const seq = asn1js.fromBER(get('bare-nopub.der').slice().buffer).result as asn1js.Sequence;
    seq.valueBlock.value = seq.valueBlock.value.filter((n) => !(n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0));
    const stripped = new Uint8Array(seq.toBER());
    put('bare-stripped.der', stripped);
    expect(ok(['asn1parse', '-inform', 'DER', '-in', 'bare-stripped.der'])).not.toContain('cont [');
    const imported = await importPrivateKey(stripped);
    expect(imported.keyType).toBe('ec-p521');
    expect(ok(['pkey', '-in', 'bare.pem', '-pubout'])).toBe(await publicKeyPem(imported.keyPair.publicKey));
    // Re-export as SEC1 restores both, exactly as openssl ec writes it.
    expect(await exportPrivateKeyPem(imported.keyPair.privateKey, { format: 'sec1' })).toBe(ok(['ec', '-in', 'bare.pem']));
  });
});

describe('import: corpus keys and the messages for what is not supported', () => {
  const good: [string, string, string?][] = [
    ['pyca__asymmetric__Traditional_OpenSSL_Serialization__testrsa.pem', 'pkcs1'],
    ['pyca__asymmetric__DER_Serialization__testrsa.der', 'pkcs1'],
    ['pyca__asymmetric__PEM_Serialization__ec_private_key.pem', 'sec1'],
    ['pyca__asymmetric__DER_Serialization__ec_private_key.der', 'sec1'],
    ['pyca__asymmetric__PKCS8__unenc-rsa-pkcs8.pem', 'pkcs8'],
    ['pyca__asymmetric__DER_Serialization__unenc-rsa-pkcs8.der', 'pkcs8'],
    ['pyca__asymmetric__PKCS8__ec_private_key.pem', 'pkcs8'],
    ['pyca__asymmetric__PKCS8__ecc_private_with_rfc5915_ext.pem', 'pkcs8'],
    ['pyca__asymmetric__Ed25519__ed25519-pkcs8.pem', 'pkcs8'],
    ['pyca__asymmetric__Ed25519__ed25519-pkcs8-enc.pem', 'encrypted-pkcs8', 'password'],
    ['pyca__asymmetric__PKCS8__ec_private_key_encrypted.pem', 'encrypted-pkcs8', '123456'],
    ['pyca__asymmetric__PKCS8__enc2-rsa-pkcs8.pem', 'encrypted-pkcs8', 'baz'],
  ];
  for (const [file, format, pass] of good) {
    it(file, async () => {
      const inform = file.endsWith('.der') ? 'DER' : 'PEM';
      const imported = await importPrivateKey(new Uint8Array(readFileSync(CORPUS + file)), { passphrase: pass });
      expect(imported.format).toBe(format);
      put(`${file}.back.pem`, await exportPrivateKeyPem(imported.keyPair.privateKey));
      const mine = opensslText(`${file}.back.pem`);
      const theirs = opensslText(CORPUS + file, inform, pass);
      expect(mine).toBe(theirs);
    });
  }

  const bad: [string, RegExp, string?][] = [
    ['pyca__asymmetric__Traditional_OpenSSL_Serialization__testrsa-encrypted.pem', /legacy OpenSSL encryption \(DEK-Info: AES-128-CBC,5E22A2BD85A653FB7A3ED20DE84F54CD\) is not supported: convert with `openssl pkcs8 -topk8 -v2 aes-256-cbc`/, 'password'],
    ['pyca__asymmetric__PKCS8__pkcs12_s2k_pem-X_9607.pem', /unsupported encryption scheme pbeWithSHA1And3-KeyTripleDES-CBC/, 'x'],
    ['pyca__asymmetric__PKCS8__unenc-dsa-pkcs8.pem', /^dsaEncryption keys are not supported for signing here/],
    ['pyca__asymmetric__Traditional_OpenSSL_Serialization__dsa.1024.pem', /DSA PRIVATE KEY keys are not supported/],
    ['pyca__asymmetric__Ed448__ed448-pkcs8.pem', /^ED448 keys are not supported/],
    ['pyca__asymmetric__X25519__x25519-pkcs8.pem', /^X25519 keys are not supported/],
    ['pyca__asymmetric__PKCS8__rsa_pss_2048.pem', /^rsassaPss keys are not supported/],
    ['pyca__asymmetric__PKCS8__unenc-rsa-pkcs8.pub.pem', /no private key here \(found PUBLIC KEY\)/],
    ['pyca__asymmetric__PKCS8__ec_private_key_encrypted.pem', /this key is encrypted: give its passphrase/],
    ['pyca__asymmetric__PKCS8__ec_private_key_encrypted.pem', /wrong passphrase \(or corrupted key\)/, 'nope'],
  ];
  for (const [file, message, pass] of bad) {
    it(`${file}${pass ? ` (passphrase ${pass})` : ''}: ${message.source}`, async () => {
      const err = await importPrivateKey(new Uint8Array(readFileSync(CORPUS + file)), { passphrase: pass }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CertbenchError);
      expect((err as Error).message).toMatch(message);
    });
  }

  it('random bytes are not a key', async () => {
    await expect(importPrivateKey(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]))).rejects.toThrow(/not a private key in a form certbench reads/);
  });
});
