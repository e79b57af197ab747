import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { printCrlText } from '../../src/core/text/crl.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import { corpus, corpusDer, corpusFiles, oracle, opensslText, pemBlocks, put, work } from './text-oracle.helper.ts';

const files = corpusFiles('other/crl');

describe('CRLs in the corpus match openssl crl -noout -text', () => {
  it('covers the corpus', () => {
    expect(files.length).toBe(36);
  });
  it.each(files)('%s', (file) => {
    const { der } = corpusDer(join(corpus, 'other/crl', file), /X509 CRL/);
    expect(printCrlText(der)).toBe(oracle('other/crl', file));
  });
});

/** A throwaway CA directory for `openssl ca -gencrl`, with some certificates revoked. */
function caWithRevocations(keyArgs: string[], reasons: string[]): { crlPem: string } {
  const dir = join(work, `ca-${keyArgs.join('-').replace(/[^a-z0-9]/gi, '')}`);
  mkdirSync(join(dir, 'new'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'crlnumber'), '1000\n');
  writeFileSync(join(dir, 'serial'), '7F01\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/new',
      'serial = $dir/serial',
      'crlnumber = $dir/crlnumber',
      'certificate = $dir/ca.pem',
      'private_key = $dir/ca.key',
      'default_md = sha256',
      'default_days = 30',
      'default_crl_days = 7',
      'policy = anything',
      'crl_extensions = crl_ext',
      '[anything]',
      'commonName = supplied',
      '[crl_ext]',
      'authorityKeyIdentifier = keyid:always',
      'issuerAltName = DNS:ca.example, email:ca@example.com',
      '[req]',
      'distinguished_name = dn',
      '[dn]',
    ].join('\n'),
  );
  const conf = join(dir, 'ca.cnf');
  opensslText(['genpkey', ...keyArgs, '-out', join(dir, 'ca.key')]);
  opensslText(['req', '-x509', '-new', '-key', join(dir, 'ca.key'), '-subj', '/C=DE/O=Test CA, Inc./CN=Test CA', '-out', join(dir, 'ca.pem'), '-days', '30', '-config', conf, '-addext', 'subjectKeyIdentifier=hash', '-addext', 'basicConstraints=critical,CA:true']);
  reasons.forEach((reason, i) => {
    const key = join(dir, `leaf${i}.key`);
    opensslText(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
    opensslText(['req', '-new', '-key', key, '-subj', `/CN=leaf ${i}`, '-out', join(dir, `leaf${i}.csr`), '-config', conf]);
    opensslText(['ca', '-batch', '-config', conf, '-in', join(dir, `leaf${i}.csr`), '-out', join(dir, `leaf${i}.pem`)]);
    const revokeArgs = reason.startsWith('keyTime:')
      ? ['-crl_compromise', reason.slice(8)]
      : reason.startsWith('caTime:')
        ? ['-crl_CA_compromise', reason.slice(7)]
        : reason
          ? ['-crl_reason', reason]
          : [];
    opensslText(['ca', '-batch', '-config', conf, '-revoke', join(dir, `leaf${i}.pem`), ...revokeArgs]);
  });
  const crlPem = opensslText(['ca', '-batch', '-config', conf, '-gencrl']);
  return { crlPem };
}

describe('CRLs made by openssl ca -gencrl match openssl crl -noout -text', () => {
  const cases: [string, string[], string[]][] = [
    ['RSA CA, no revocations', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'], []],
    [
      'EC CA, revocations with every kind of reason',
      ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
      ['', 'unspecified', 'keyCompromise', 'superseded', 'cessationOfOperation', 'certificateHold', 'removeFromCRL', 'keyTime:20240102030405Z', 'caTime:20231231235959Z'],
    ],
    ['Ed25519 CA', ['-algorithm', 'ED25519'], ['affiliationChanged']],
    ['RSA-PSS CA', ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024'], ['superseded']],
  ];
  it.each(cases)('%s', (_name, keyArgs, reasons) => {
    const { crlPem } = caWithRevocations(keyArgs, reasons);
    const file = put('generated.crl', crlPem);
    const expected = opensslText(['crl', '-in', file, '-noout', '-text']);
    expect(printCrlText(pemBlocks(crlPem)[0]!.der)).toBe(expected);
  });
});

describe('CRLs that cannot be printed fail with a CertbenchError', () => {
  it('a certificate list without contents', () => {
    expect(() => printCrlText(new Uint8Array([0x30, 0x00]))).toThrow(/CRL contents is missing/);
  });
  it('not DER at all', () => {
    expect(() => printCrlText(new Uint8Array([0xff]))).toThrow(CertbenchError);
  });
});
