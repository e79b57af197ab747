import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { printPkcs7Text } from '../../src/core/text/pkcs7.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import { corpus, corpusDer, corpusFiles, maskErrorLines, oracle, opensslText, pemBlocks, put } from './text-oracle.helper.ts';

const files = corpusFiles('other/pkcs7');

describe('PKCS#7 bundles in the corpus match openssl pkcs7 -print_certs -text -noout', () => {
  it('covers the corpus', () => {
    expect(files.length).toBe(4);
  });
  it.each(files)('%s', (file) => {
    const { der } = corpusDer(join(corpus, 'other/pkcs7', file), /PKCS7/);
    expect(maskErrorLines(printPkcs7Text(der))).toBe(maskErrorLines(oracle('other/pkcs7', file)));
  });
});

function selfSigned(name: string, subject: string, keyArgs: string[]): string {
  const key = put(`${name}.key`, opensslText(['genpkey', ...keyArgs]));
  return opensslText(['req', '-x509', '-new', '-key', key, '-subj', subject, '-days', '10', '-config', put('empty.cnf', '[req]\ndistinguished_name=dn\n[dn]\n')]);
}

describe('bundles made by openssl crl2pkcs7 match openssl pkcs7 -print_certs -text -noout', () => {
  it('certificates with awkward names and a CRL', () => {
    const certs = [
      selfSigned('a', '/C=US/ST=New York/O=Example, Inc./OU=a/b unit/CN=www.example.com/emailAddress=x@example.com', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']),
      selfSigned('b', '/CN=Jürgen+UID=j1/O=Straße', ['-algorithm', 'ED25519']),
      selfSigned('c', '/DC=org/DC=example/CN=x=y /L=lower/serialNumber=1234', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']),
    ];
    const certFile = put('bundle.pem', certs.join(''));
    const crlFile = join(corpus, 'other/crl/pyca__x509__PKITS_data__crls__LongSerialNumberCACRL.crl');
    const crlPem = put('bundle.crl', opensslText(['crl', '-inform', 'DER', '-in', crlFile]));
    const p7 = opensslText(['crl2pkcs7', '-in', crlPem, '-certfile', certFile]);
    const p7File = put('bundle.p7b', p7);
    const expected = opensslText(['pkcs7', '-in', p7File, '-print_certs', '-text', '-noout']);
    expect(printPkcs7Text(pemBlocks(p7)[0]!.der)).toBe(expected);
  });

  it('a bundle with only CRLs', () => {
    const crlFile = join(corpus, 'other/crl/pyca__x509__custom__crl_all_reasons.pem');
    const p7 = opensslText(['crl2pkcs7', '-in', crlFile]);
    const p7File = put('crl-only.p7b', p7);
    const expected = opensslText(['pkcs7', '-in', p7File, '-print_certs', '-text', '-noout']);
    expect(printPkcs7Text(pemBlocks(p7)[0]!.der)).toBe(expected);
  });

  it('a bundle with neither gives no text at all', () => {
    const p7 = opensslText(['crl2pkcs7', '-nocrl']);
    const p7File = put('empty.p7b', p7);
    expect(opensslText(['pkcs7', '-in', p7File, '-print_certs', '-text', '-noout'])).toBe('');
    expect(printPkcs7Text(pemBlocks(p7)[0]!.der)).toBe('');
  });
});

describe('bundles that cannot be printed fail with a CertbenchError', () => {
  it('not a ContentInfo', () => {
    expect(() => printPkcs7Text(new Uint8Array([0x02, 0x01, 0x00]))).toThrow(CertbenchError);
  });
});
