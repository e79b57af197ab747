import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { printCsrText } from '../../src/core/text/csr.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import { corpus, corpusDer, csrCorpusFiles, csrOracle, opensslText, pemBlocks, put } from './text-oracle.helper.ts';

const files = csrCorpusFiles();

describe('CSRs in the corpus match openssl req -noout -text', () => {
  it('covers the corpus', () => {
    expect(files.length).toBe(54);
  });
  it.each(files)('%s', (file) => {
    const { der } = corpusDer(join(corpus, 'csrs', file), /REQUEST/);
    expect(printCsrText(der)).toBe(csrOracle(file));
  });
});

const CONFIG = [
  '[req]',
  'distinguished_name = dn',
  'attributes = attrs',
  'prompt = no',
  '[dn]',
  'C = DE',
  'O = Example, Inc.',
  'CN = host.example',
  '[attrs]',
  'challengePassword = s3cret pass',
  'unstructuredName = an unstructured name',
  '[ext]',
  'subjectAltName = DNS:host.example, DNS:*.host.example, IP:192.0.2.1, IP:2001:db8::1, email:ops@example.com, URI:https://host.example/',
  'keyUsage = critical, digitalSignature, keyEncipherment',
  'extendedKeyUsage = serverAuth, clientAuth',
  'basicConstraints = critical, CA:FALSE',
  'subjectKeyIdentifier = hash',
  '1.2.3.4.5 = ASN1:UTF8String:custom value',
  '[noext]',
  'basicConstraints = CA:TRUE',
].join('\n');

/** A CSR openssl makes with this key and these req options, and openssl's text for it. */
function generatedCsr(keyArgs: string[], reqArgs: string[]): { der: Uint8Array; text: string } {
  const key = put('csr.key', opensslText(['genpkey', ...keyArgs]));
  const conf = put('csr.cnf', CONFIG);
  const pem = opensslText(['req', '-new', '-key', key, '-config', conf, ...reqArgs]);
  const file = put('generated.csr', pem);
  return { der: pemBlocks(pem)[0]!.der, text: opensslText(['req', '-in', file, '-noout', '-text']) };
}

describe('CSRs made by openssl req match openssl req -noout -text', () => {
  const keys: [string, string[]][] = [
    ['RSA 2048', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']],
    ['RSA-PSS', ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024', '-pkeyopt', 'rsa_pss_keygen_md:sha256']],
    ['EC P-384', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']],
    ['Ed25519', ['-algorithm', 'ED25519']],
    ['Ed448', ['-algorithm', 'ED448']],
  ];
  it.each(keys)('%s with attributes and extensions', (_name, keyArgs) => {
    const { der, text } = generatedCsr(keyArgs, ['-reqexts', 'ext']);
    expect(printCsrText(der)).toBe(text);
  });
  it('with attributes, without extensions', () => {
    const { der, text } = generatedCsr(['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], []);
    expect(printCsrText(der)).toBe(text);
  });
  it('without attributes or extensions, empty subject', () => {
    const { der, text } = generatedCsr(['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['-subj', '/', '-reqexts', 'noext']);
    expect(printCsrText(der)).toBe(text);
  });
  it('signed with RSA-PSS', () => {
    const { der, text } = generatedCsr(['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'], ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:20', '-sha384']);
    expect(printCsrText(der)).toBe(text);
  });
  it('with a multi-valued RDN and UTF-8 subject', () => {
    const { der, text } = generatedCsr(['-algorithm', 'ED25519'], ['-utf8', '-subj', '/CN=Jürgen+UID=j1/O=Straße \\, Co./OU= spaced ', '-multivalue-rdn']);
    expect(printCsrText(der)).toBe(text);
  });
});

describe('CSRs that cannot be printed fail with a CertbenchError', () => {
  it('an empty SEQUENCE', () => {
    expect(() => printCsrText(new Uint8Array([0x30, 0x00]))).toThrow(/certificate request info is missing/);
  });
  it('not DER', () => {
    expect(() => printCsrText(new Uint8Array([0x04]))).toThrow(CertbenchError);
  });
});
