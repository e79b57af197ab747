// Diffie-Hellman keys of both kinds — PKCS#3 (dhKeyAgreement) and X9.42 (dhpublicnumber), private
// and public, with random and named groups — made by openssl in this test, printed by certbench and
// compared byte for byte with `openssl pkey [-pubin] -text -noout`.
import { describe, expect, it } from 'vitest';
import { printCertificateText } from '../../src/core/text/certificate.ts';
import { printPrivateKeyText } from '../../src/core/text/private-key.ts';
import { printPublicKeyText } from '../../src/core/text/public-key.ts';
import { openssl, opensslBytes, pemBlocks, printedBytes, put } from './text-oracle.helper.ts';

interface KeyPair {
  privateDer: Uint8Array;
  privateText: string;
  publicDer: Uint8Array;
  publicText: string;
}

/** A key made by openssl from the parameters (a file for random groups, `group:NAME` for named ones). */
function keyPair(name: string, paramArgs: string[]): KeyPair {
  const params = put(`${name}.param`, openssl(['genpkey', '-genparam', ...paramArgs]));
  const key = put(`${name}.key`, openssl(['genpkey', '-paramfile', params]));
  const pub = put(`${name}.pub`, openssl(['pkey', '-in', key, '-pubout']));
  const der = (file: string) => pemBlocks(openssl(['pkey', '-in', file, ...(file === pub ? ['-pubin'] : [])]).toString('latin1'))[0]!.der;
  return {
    privateDer: der(key),
    privateText: opensslBytes(['pkey', '-in', key, '-text', '-noout']),
    publicDer: der(pub),
    publicText: opensslBytes(['pkey', '-pubin', '-in', pub, '-text', '-noout']),
  };
}

const CASES: Record<string, string[]> = {
  // Random groups: the numbers are printed. DH's default generator is 2; DHX brings q (and j, seed).
  'PKCS#3, 512-bit random group': ['-algorithm', 'DH', '-pkeyopt', 'dh_paramgen_prime_len:512'],
  'PKCS#3, generator 5': ['-algorithm', 'DH', '-pkeyopt', 'dh_paramgen_prime_len:512', '-pkeyopt', 'dh_paramgen_generator:5'],
  'X9.42, 1024/160 random group': ['-algorithm', 'DHX', '-pkeyopt', 'dh_paramgen_prime_len:1024', '-pkeyopt', 'dh_paramgen_subprime_len:160'],
  // Named groups: OpenSSL prints "GROUP: name" instead of the numbers.
  'PKCS#3, ffdhe2048': ['-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048'],
  'X9.42, ffdhe3072': ['-algorithm', 'DHX', '-pkeyopt', 'group:ffdhe3072'],
  'PKCS#3, modp_1536': ['-algorithm', 'DH', '-pkeyopt', 'group:modp_1536'],
  'X9.42, dh_2048_256 (RFC 5114)': ['-algorithm', 'DHX', '-pkeyopt', 'group:dh_2048_256'],
};

describe.each(Object.entries(CASES))('DH keys made by openssl: %s', (name, args) => {
  const pair = keyPair(name.replace(/[^A-Za-z0-9]+/g, '-'), args);

  it('private key: the text openssl pkey -text -noout prints', () => {
    expect(pair.privateText).toMatch(/^DH Private-Key: \(\d+ bit\)\n/);
    expect(printedBytes(printPrivateKeyText(pair.privateDer, 'pkcs8'))).toBe(pair.privateText);
  });

  it('public key: the text openssl pkey -pubin -text -noout prints', () => {
    expect(pair.publicText).toMatch(/^DH Public-Key: \(\d+ bit\)\n/);
    expect(printedBytes(printPublicKeyText(pair.publicDer))).toBe(pair.publicText);
  });
});

describe('DH keys: the algorithm OID decides the parameter form', () => {
  it('an X9.42 key carries q: printed between P and G', () => {
    const pair = keyPair('x942-q', CASES['X9.42, 1024/160 random group']!);
    const text = printPrivateKeyText(pair.privateDer, 'pkcs8');
    expect(text).toMatch(/\nP: {3}\n[\s\S]*\nQ: {3}\n[\s\S]*\nG: {3}/);
    expect(text).toBe(pair.privateText);
  });
});

describe('certificates for DH keys: x509 -text prints the key as pkey does, 16 columns in', () => {
  const caKey = put('dh-ca.key', openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']));
  const ca = put('dh-ca.pem', openssl(['req', '-x509', '-new', '-key', caKey, '-subj', '/CN=DH test CA', '-days', '1']));
  it.each([
    ['PKCS#3', CASES['PKCS#3, 512-bit random group']!],
    ['X9.42', CASES['X9.42, 1024/160 random group']!],
    ['X9.42 named', CASES['X9.42, dh_2048_256 (RFC 5114)']!],
  ])('%s', (name, args) => {
    const pub = put(`cert-${name.replace(/\W/g, '')}.pub`, openssl(['pkey', '-pubout', '-in', put('cert.key', openssl(['genpkey', '-paramfile', put('cert.param', openssl(['genpkey', '-genparam', ...args]))]))]));
    const pem = openssl(['x509', '-new', '-force_pubkey', pub, '-subj', '/CN=DH key', '-CA', ca, '-CAkey', caKey, '-days', '1']);
    const text = opensslBytes(['x509', '-noout', '-text'], pem);
    expect(text).toMatch(/\n {16}DH Public-Key: \(\d+ bit\)\n/);
    expect(printedBytes(printCertificateText(pemBlocks(pem.toString('latin1'))[0]!.der))).toBe(text);
  });
});
