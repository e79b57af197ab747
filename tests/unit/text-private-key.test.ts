import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printPrivateKeyText, type PrivateKeyEncoding } from '../../src/core/text/private-key.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import { corpus, corpusDer, openssl, opensslText, pemBlocks, put } from './text-oracle.helper.ts';

interface ManifestEntry {
  kind: string;
  file?: string;
  password: string | null;
  oracle_cmd?: string;
}

const manifest = JSON.parse(readFileSync(join(corpus, 'other/MANIFEST.json'), 'utf8')) as ManifestEntry[];
const privateKeys = manifest.filter((e) => e.kind === 'privkey' && e.file);

const ENCODING_BY_LABEL: Record<string, PrivateKeyEncoding> = {
  'PRIVATE KEY': 'pkcs8',
  'RSA PRIVATE KEY': 'pkcs1-rsa',
  'EC PRIVATE KEY': 'sec1-ec',
  'DSA PRIVATE KEY': 'openssl-dsa',
};

/**
 * The key in the form certbench's printer takes. Encrypted keys (a password in the manifest) are
 * decrypted by openssl into PKCS#8 DER here: decryption is another module's job, this one only prints.
 */
function keyInput(entry: ManifestEntry): { der: Uint8Array; encoding: PrivateKeyEncoding } {
  const file = join(corpus, 'other', entry.file!);
  if (entry.password) {
    const inform = file.endsWith('.der') ? 'DER' : 'PEM';
    const der = openssl(['pkcs8', '-topk8', '-nocrypt', '-in', file, '-inform', inform, '-passin', `pass:${entry.password}`, '-outform', 'DER']);
    return { der: new Uint8Array(der), encoding: 'pkcs8' };
  }
  const { der, label } = corpusDer(file, /PRIVATE KEY/);
  if (label) return { der, encoding: ENCODING_BY_LABEL[label] ?? 'pkcs8' };
  // Binary files: PKCS#8 has an AlgorithmIdentifier SEQUENCE second; PKCS#1 and SEC1 have INTEGER / OCTET STRING.
  const secondTag = der[der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) + 3 : 2 + 3];
  if (secondTag === 0x30) return { der, encoding: 'pkcs8' };
  return { der, encoding: secondTag === 0x04 ? 'sec1-ec' : 'pkcs1-rsa' };
}

describe('private keys in the corpus match openssl pkey -noout -text', () => {
  it('covers the corpus', () => {
    expect(privateKeys.length).toBeGreaterThanOrEqual(20);
  });
  it.each(privateKeys.map((e) => [e.file!, e]))('%s', (_name, entry) => {
    const { der, encoding } = keyInput(entry);
    const expected = readFileSync(join(corpus, 'other', entry.file! + '.txt'), 'utf8');
    expect(printPrivateKeyText(der, encoding)).toBe(expected);
  });
});

/** genpkey's PKCS#8 output, and openssl's text for it. */
function generated(args: string[]): { der: Uint8Array; text: string } {
  const pem = opensslText(['genpkey', ...args]);
  const file = put('generated.pem', pem);
  return { der: pemBlocks(pem)[0]!.der, text: opensslText(['pkey', '-in', file, '-noout', '-text']) };
}

/** The same key converted by openssl into another encoding (`pkey -traditional`, `ec -param_enc explicit`...). */
function converted(command: string[], pem: string): { der: Uint8Array; label: string; text: string } {
  const out = opensslText(command, pem);
  const block = pemBlocks(out).find((b) => /PRIVATE KEY/.test(b.label))!;
  const file = put('converted.pem', out);
  return { der: block.der, label: block.label, text: opensslText(['pkey', '-in', file, '-noout', '-text']) };
}

describe('generated keys match openssl pkey -noout -text', () => {
  const cases: [string, string[]][] = [
    ['RSA 2048', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']],
    ['RSA 1024 e=3', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-pkeyopt', 'rsa_keygen_pubexp:3']],
    ['RSA 2048 with 3 primes', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-pkeyopt', 'rsa_keygen_primes:3']],
    ['RSA-PSS unrestricted', ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024']],
    [
      'RSA-PSS restricted to SHA-384',
      ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024', '-pkeyopt', 'rsa_pss_keygen_md:sha384', '-pkeyopt', 'rsa_pss_keygen_saltlen:48'],
    ],
    [
      'RSA-PSS restricted to SHA-1 defaults',
      ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024', '-pkeyopt', 'rsa_pss_keygen_md:sha1'],
    ],
    [
      'RSA-PSS with a different MGF1 hash',
      ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024', '-pkeyopt', 'rsa_pss_keygen_md:sha256', '-pkeyopt', 'rsa_pss_keygen_mgf1_md:sha512'],
    ],
    ['EC P-256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']],
    ['EC P-384', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']],
    ['EC P-521', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521']],
    ['EC secp256k1', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1']],
    ['EC brainpoolP384r1', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:brainpoolP384r1']],
    ['EC sect283k1 (binary)', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:sect283k1']],
    ['EC secp112r1 (order shorter than the field)', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp112r1']],
    ['EC wap-wsg-idm-ecid-wtls1', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:wap-wsg-idm-ecid-wtls1']],
    ['SM2', ['-algorithm', 'SM2']],
    ['EC P-256, explicit parameters', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-pkeyopt', 'ec_param_enc:explicit']],
    // a = 0: OpenSSL prints a zero bignum as "A:    0" with no hex part.
    ['EC secp256k1, explicit parameters', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1', '-pkeyopt', 'ec_param_enc:explicit']],
    ['EC sect163k1, explicit parameters', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:sect163k1', '-pkeyopt', 'ec_param_enc:explicit']],
    ['EC c2pnb163v1, explicit parameters', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:c2pnb163v1', '-pkeyopt', 'ec_param_enc:explicit']],
    ['Ed25519', ['-algorithm', 'ED25519']],
    ['Ed448', ['-algorithm', 'ED448']],
    ['X25519', ['-algorithm', 'X25519']],
    ['X448', ['-algorithm', 'X448']],
  ];
  it.each(cases)('%s (PKCS#8)', (_name, args) => {
    const { der, text } = generated(args);
    expect(printPrivateKeyText(der, 'pkcs8')).toBe(text);
  });

  it('RSA as PKCS#1', () => {
    const { der, label, text } = converted(['rsa', '-traditional'], opensslText(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']));
    expect(label).toBe('RSA PRIVATE KEY');
    expect(printPrivateKeyText(der, 'pkcs1-rsa')).toBe(text);
  });

  it('EC as SEC1, with and without the public key, compressed, explicit', () => {
    const pem = opensslText(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']);
    for (const command of [
      ['ec'],
      ['ec', '-no_public'],
      ['ec', '-conv_form', 'compressed'],
      ['ec', '-param_enc', 'explicit'],
      ['ec', '-param_enc', 'explicit', '-conv_form', 'compressed'],
      ['ec', '-param_enc', 'explicit', '-no_public'],
    ]) {
      const { der, label, text } = converted(command, pem);
      expect(label).toBe('EC PRIVATE KEY');
      expect(printPrivateKeyText(der, 'sec1-ec'), command.join(' ')).toBe(text);
    }
  });

  it('EC P-224 with explicit compressed parameters (generator decompressed with Tonelli-Shanks, p = 1 mod 4)', () => {
    const pem = opensslText(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-224']);
    const { der, text } = converted(['ec', '-param_enc', 'explicit', '-conv_form', 'compressed'], pem);
    expect(printPrivateKeyText(der, 'sec1-ec')).toBe(text);
  });

  it.each(['P-256', 'secp256k1', 'brainpoolP512r1', 'secp224r1'])('EC %s in PKCS#8 without the public key (recomputed)', (curve) => {
    const pem = opensslText(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`]);
    const noPublic = opensslText(['ec', '-no_public'], pem);
    const { der, text } = converted(['pkcs8', '-topk8', '-nocrypt'], noPublic);
    expect(printPrivateKeyText(der, 'pkcs8')).toBe(text);
  });

  it('DSA as PKCS#8 (public key recomputed) and as the traditional form', () => {
    const params = opensslText(['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024']);
    const paramFile = put('dsa-params.pem', params);
    const pem = opensslText(['genpkey', '-paramfile', paramFile]);
    const pkcs8 = converted(['pkey'], pem);
    expect(printPrivateKeyText(pkcs8.der, 'pkcs8')).toBe(pkcs8.text);
    const traditional = converted(['dsa'], pem);
    expect(traditional.label).toBe('DSA PRIVATE KEY');
    expect(printPrivateKeyText(traditional.der, 'openssl-dsa')).toBe(traditional.text);
  });
});

describe('keys that cannot be printed fail with a CertbenchError', () => {
  it('garbage', () => {
    expect(() => printPrivateKeyText(new Uint8Array([1, 2, 3]), 'pkcs8')).toThrow(CertbenchError);
  });
  it('an Ed25519 key of the wrong length', () => {
    const der = new Uint8Array(Buffer.from('302d020100300506032b65700421041f' + '00'.repeat(31), 'hex'));
    expect(() => printPrivateKeyText(der, 'pkcs8')).toThrow(/ED25519 private key is 31 bytes, not 32/);
  });
  it('an unknown algorithm', () => {
    const der = new Uint8Array(Buffer.from('300d020100300506032a0304040100', 'hex'));
    expect(() => printPrivateKeyText(der, 'pkcs8')).toThrow(/algorithm 1\.2\.3\.4 cannot be shown/);
  });
});
