// The CA-creation commands certbench shows, run with openssl: the openssl-made CA must have the same
// subject, issuer, key type, signature algorithm and extensions as certbench's own (key ids, serial,
// dates and key bytes aside).
import { describe, expect, it } from 'vitest';
import { stepNotes } from '../../src/core/equivalent-command.ts';
import { intermediateCaCommands, issuerForCommands, opensslNameConstraints, rootCaCommands } from '../../src/core/ca/commands.ts';
import { createIntermediateCa, createRootCa, type CaOptions } from '../../src/core/ca/create.ts';
import { exportPrivateKeyPem } from '../../src/core/keys/export.ts';
import { toPem } from '../../src/core/pem.ts';
import { certificateShape, put, runSteps, sh, tempDir } from './commands.helper.ts';

const ROOTS: [string, CaOptions][] = [
  ['EC P-256, defaults', {}],
  ['EC P-384 with O and pathlen 1', { keyType: 'ec-p384', subject: 'O=Example, CN=Example Root CA', pathLen: 1, days: 365 }],
  ['RSA 2048, pathlen 0, slash subject', { keyType: 'rsa2048', subject: '/C=DE/ST=Berlin/O=Acme/OU=PKI/CN=Acme Root', pathLen: 0 }],
  ['Ed25519 with a non-ASCII subject', { keyType: 'ed25519', subject: 'O=Zürich Ämter, CN=Wurzel-CA' }],
  [
    'EC P-521 with name constraints (DNS, IPv4, IPv6, email)',
    {
      keyType: 'ec-p521',
      subject: 'CN=Constrained Root',
      nameConstraints: { permitted: { dns: ['example.com', '.internal'], ip: ['10.0.0.0/8', 'fd00::/8'] }, excluded: { dns: ['bad.example.com'], email: ['x@example.com'] } },
    },
  ],
];

describe('root CA: openssl req -x509 as shown', () => {
  for (const [name, options] of ROOTS) {
    it(name, async () => {
      const dir = tempDir('root');
      runSteps(dir, rootCaCommands(options, { base: 'ca' }));
      const ours = await createRootCa(options);
      put(dir, 'certbench.crt', toPem('CERTIFICATE', ours.certificate));
      const shape = certificateShape(dir, 'ca.crt');
      expect(shape).toBe(certificateShape(dir, 'certbench.crt'));
      expect(shape).toContain('X509v3 Basic Constraints: critical');
      // A self-signed CA whose key identifiers agree (AKI = SKI), in openssl's and in certbench's.
      for (const f of ['ca.crt', 'certbench.crt']) {
        const ids = sh(dir, `openssl x509 -in ${f} -noout -ext subjectKeyIdentifier,authorityKeyIdentifier`).match(/[0-9A-F]{2}(?::[0-9A-F]{2})+/g);
        expect(ids?.length).toBe(2);
        expect(ids![0]).toBe(ids![1]);
      }
      sh(dir, 'openssl verify -CAfile ca.crt ca.crt');
    });
  }
});

describe('intermediate CA: openssl req -new + openssl x509 -req -extfile as shown', () => {
  const cases: [string, CaOptions, CaOptions][] = [
    ['EC P-256 under EC P-384', { keyType: 'ec-p384', subject: 'CN=Parent P-384' }, { keyType: 'ec-p256', subject: 'O=Acme, CN=Acme Issuing CA', pathLen: 0, days: 365 }],
    ['RSA under Ed25519 with name constraints', { keyType: 'ed25519', subject: 'CN=Parent Ed25519', pathLen: 2 }, { keyType: 'rsa2048', subject: 'CN=Sub RSA', pathLen: 1, days: 100, nameConstraints: { permitted: { dns: ['corp.example'] } } }],
  ];
  for (const [name, parentOptions, options] of cases) {
    it(name, async () => {
      const dir = tempDir('int');
      const parent = await createRootCa(parentOptions);
      put(dir, 'parent.crt', toPem('CERTIFICATE', parent.certificate));
      put(dir, 'parent.key', await exportPrivateKeyPem(parent.key));
      runSteps(dir, intermediateCaCommands(issuerForCommands(parent.certificate, 'parent'), options, { base: 'sub' }));
      const ours = await createIntermediateCa(parent, new Set(), options);
      put(dir, 'certbench.crt', toPem('CERTIFICATE', ours.certificate));
      expect(certificateShape(dir, 'sub.crt')).toBe(certificateShape(dir, 'certbench.crt'));
      // Both name the parent's key as their authority key.
      const parentSki = sh(dir, 'openssl x509 -in parent.crt -noout -ext subjectKeyIdentifier').split('\n')[1]!.trim();
      for (const f of ['sub.crt', 'certbench.crt']) expect(sh(dir, `openssl x509 -in ${f} -noout -ext authorityKeyIdentifier`)).toContain(parentSki);
      expect(sh(dir, 'openssl verify -CAfile parent.crt sub.crt').trim()).toBe('sub.crt: OK');
    });
  }
});

describe('cfssl steps', () => {
  it('ca-csr.json carries the subject, key and CA block; the command is gencert -initca', () => {
    const steps = rootCaCommands({ keyType: 'rsa3072', subject: 'C=DE, O=Acme, CN=Acme Root', pathLen: 0, days: 730 }, { base: 'acme-root' });
    const file = steps.find((s) => s.fileName === 'acme-root-csr.json')!;
    expect(JSON.parse(file.text)).toEqual({ CN: 'Acme Root', key: { algo: 'rsa', size: 3072 }, names: [{ C: 'DE', O: 'Acme' }], ca: { expiry: '17520h', pathlen: 0, pathlenzero: true } });
    expect(steps.find((s) => s.tool === 'cfssl' && !s.fileName)!.text).toBe('cfssl gencert -initca acme-root-csr.json | cfssljson -bare acme-root');
  });

  it('says when cfssl cannot name an attribute', () => {
    const steps = rootCaCommands({ subject: 'DC=example, CN=x' });
    expect(stepNotes(steps.find((s) => s.tool === 'cfssl')!)).toMatch(/No cfssl equivalent: .*C, ST, L, O, OU and CN/);
  });

  it('intermediate: a signing profile with the CA constraint', () => {
    const steps = intermediateCaCommands({ base: 'root', keyAlgorithm: { family: 'ec', curve: 'P-256' } }, { subject: 'CN=Sub', pathLen: 0, days: 10 }, { base: 'sub' });
    const config = JSON.parse(steps.find((s) => s.fileName === 'ca-config.json')!.text);
    expect(config.signing.profiles.intermediate).toEqual({ usages: ['signing', 'cert sign', 'crl sign'], expiry: '240h', ca_constraint: { is_ca: true, max_path_len: 0, max_path_len_zero: true } });
  });
});

describe('name constraints in openssl syntax', () => {
  it('CIDR prefixes become address/mask', () => {
    expect(opensslNameConstraints({ permitted: { ip: ['192.168.0.0/16'] }, excluded: { ip: ['2001:db8::/32'] } })).toBe(
      'critical,permitted;IP:192.168.0.0/255.255.0.0,excluded;IP:2001:DB8:0:0:0:0:0:0/FFFF:FFFF:0:0:0:0:0:0',
    );
  });
});
