// Lints: each rule triggered by one certificate and not triggered by a clean one.
import { describe, expect, it } from 'vitest';
import { buildCertificate } from '../../src/core/cert/build.ts';
import type { ExtensionsSpec } from '../../src/core/cert/extensions.ts';
import { keyIdentifierOf, parseSpki } from '../../src/core/cert/spki.ts';
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { spkiOfPublicKey } from '../../src/core/keys/spki.ts';
import { lintCertificate, type LintOptions } from '../../src/core/lint/index.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T00:00:00Z');
const issuerKey = await generateKeyPair('ec-p256', { extractable: true });
const issuerSki = await keyIdentifierOf(parseSpki(await spkiOfPublicKey(issuerKey.publicKey)));
const leafKey = await generateKeyPair('ec-p256', { extractable: true });
const leafSpki = await spkiOfPublicKey(leafKey.publicKey);

interface Spec { subject?: [string, string][]; days?: number; start?: number; ext?: Partial<ExtensionsSpec>; selfSigned?: boolean; serialHex?: string }

async function cert(s: Spec): Promise<Uint8Array> {
  const notBefore = new Date(NOW.getTime() + (s.start ?? -DAY));
  return buildCertificate({
    serialHex: s.serialHex ?? '1a2b3c4d5e6f7081',
    subject: (s.subject ?? [['2.5.4.3', 'www.example.test']]).map(([type, value]) => ({ type, value })),
    ...(s.selfSigned ? {} : { issuerName: new Uint8Array([0x30, 0x0f, 0x31, 0x0d, 0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x04, 0x54, 0x65, 0x73, 0x74]) }),
    notBefore,
    notAfter: new Date(notBefore.getTime() + (s.days ?? 90) * DAY),
    subjectPublicKeyInfo: leafSpki,
    extensions: {
      basicConstraints: { ca: false }, keyUsage: ['digitalSignature'], extKeyUsage: ['serverAuth'],
      subjectKeyIdentifier: new Uint8Array(20).fill(7), authorityKeyIdentifier: issuerSki,
      subjectAltNames: [{ type: 'dns', value: 'www.example.test' }], ...s.ext,
    },
  }, issuerKey.privateKey);
}

const ids = async (s: Spec, o: LintOptions = {}) => lintCertificate(await cert(s), { at: NOW, ...o }).map((f) => `${f.severity}:${f.id}`);
const CA: Partial<ExtensionsSpec> = { basicConstraints: { ca: true }, keyUsage: ['keyCertSign', 'cRLSign'], extKeyUsage: undefined, subjectAltNames: undefined };

describe('lints', () => {
  it('a clean server certificate has no findings', async () => {
    expect(await ids({}, { usage: 'server', pki: 'public' })).toEqual([]);
  });

  const table: [string, Spec, LintOptions, string][] = [
    ['expired', { start: -100 * DAY, days: 10 }, {}, 'error:expired'],
    ['not yet valid', { start: 5 * DAY }, {}, 'error:not-yet-valid'],
    ['expiring within 30 days', { start: -80 * DAY, days: 90 }, {}, 'warning:expires-soon'],
    ['CN only, no SAN', { ext: { subjectAltNames: undefined } }, {}, 'error:cn-only'],
    ['CN not among the SANs', { ext: { subjectAltNames: [{ type: 'dns', value: 'other.example.test' }] } }, {}, 'warning:cn-not-in-san'],
    ['leaf with CA:TRUE', { ext: { basicConstraints: { ca: true } } }, {}, 'warning:leaf-is-ca'],
    ['missing serverAuth for server use', { ext: { extKeyUsage: ['clientAuth'] } }, { usage: 'server' }, 'error:missing-eku'],
    ['missing clientAuth for client use', {}, { usage: 'client' }, 'error:missing-eku'],
    ['validity > 398 days, public TLS', { days: 500 }, { pki: 'public' }, 'warning:validity-too-long'],
    ['validity > 398 days, private PKI', { days: 500 }, { pki: 'private' }, 'info:validity-too-long'],
    ['serial longer than 20 bytes', { serialHex: '11'.repeat(21) }, {}, 'error:bad-serial'],
    ['missing AKI', { ext: { authorityKeyIdentifier: undefined } }, {}, 'warning:missing-aki'],
    ['CA without cRLSign', { subject: [['2.5.4.3', 'Some CA']], ext: { ...CA, keyUsage: ['keyCertSign'] } }, {}, 'warning:ca-without-crlsign'],
    ['O=system:masters on a normal user', { subject: [['2.5.4.10', 'system:masters'], ['2.5.4.3', 'alice']], ext: { extKeyUsage: ['clientAuth'], subjectAltNames: undefined } }, {}, 'warning:k8s-system-masters'],
    ['apiserver without in-cluster names', { subject: [['2.5.4.3', 'kube-apiserver']], ext: { subjectAltNames: [{ type: 'dns', value: 'kubernetes' }, { type: 'ip', value: '10.96.0.1' }] } }, {}, 'error:k8s-apiserver-names'],
    ['apiserver without the service IP', { subject: [['2.5.4.3', 'kube-apiserver']], ext: { subjectAltNames: ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'].map((value) => ({ type: 'dns' as const, value })) } }, {}, 'error:k8s-apiserver-service-ip'],
    ['kubelet CN without O=system:nodes', { subject: [['2.5.4.3', 'system:node:worker-1']], ext: { extKeyUsage: ['clientAuth'], subjectAltNames: undefined } }, {}, 'error:k8s-kubelet-subject'],
    ['etcd server without clientAuth', { subject: [['2.5.4.3', 'etcd-server']], ext: { subjectAltNames: [{ type: 'dns', value: 'etcd-server' }] } }, {}, 'warning:k8s-etcd-clientauth'],
  ];
  for (const [name, spec, opts, finding] of table) {
    it(`${name} → ${finding}`, async () => {
      expect(await ids(spec, opts)).toContain(finding);
    });
  }

  it('the break-glass super-admin may carry O=system:masters', async () => {
    expect(await ids({ subject: [['2.5.4.10', 'system:masters'], ['2.5.4.3', 'kubernetes-super-admin']], ext: { extKeyUsage: ['clientAuth'], subjectAltNames: undefined } })).not.toContain('warning:k8s-system-masters');
  });
  it('a kubelet with O=system:nodes and CN=system:node:<name> passes', async () => {
    expect(await ids({ subject: [['2.5.4.10', 'system:nodes'], ['2.5.4.3', 'system:node:worker-1']], ext: { extKeyUsage: ['clientAuth'], subjectAltNames: undefined } })).not.toContain('error:k8s-kubelet-subject');
  });
  it('etcd with serverAuth and clientAuth passes', async () => {
    expect(await ids({ subject: [['2.5.4.3', 'etcd-server']], ext: { extKeyUsage: ['serverAuth', 'clientAuth'], subjectAltNames: [{ type: 'dns', value: 'etcd-server' }] } })).not.toContain('warning:k8s-etcd-clientauth');
  });
  it('a complete apiserver certificate passes the Kubernetes rules', async () => {
    const names = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'].map((value) => ({ type: 'dns' as const, value }));
    const found = await ids({ subject: [['2.5.4.3', 'kube-apiserver']], ext: { subjectAltNames: [...names, { type: 'ip', value: '10.96.0.1' }] } });
    expect(found.filter((f) => f.includes('k8s-'))).toEqual([]);
  });
});

describe('lints on corpus certificates', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { detectInput } = await import('../../src/core/input/detect.ts');
  const load = (name: string) => detectInput(readFileSync(join(import.meta.dirname, '../fixtures/corpus/certs', name), 'utf8')).objects[0]!.der;
  it('MD5 signature and zero serial → weak-signature, bad-serial (boringssl v1_explicit_version)', () => {
    const found = lintCertificate(load('boringssl__pki_parse_certificate_unittest_v1_explicit_version.pem'), { at: NOW }).map((f) => `${f.severity}:${f.id}`);
    expect(found).toEqual(expect.arrayContaining(['error:weak-signature', 'error:bad-serial']));
  });
  it('1024-bit RSA key → rsa-too-small', () => {
    const found = lintCertificate(load('boringssl__pki_parse_certificate_unittest_basic_constraints_ca_no_path.pem'), { at: NOW }).map((f) => `${f.severity}:${f.id}`);
    expect(found).toContain('error:rsa-too-small');
  });
  it('an ECDSA SHA-256 certificate triggers neither', async () => {
    const found = lintCertificate(await cert({}), { at: NOW }).map((f) => f.id);
    expect(found).not.toContain('weak-signature');
    expect(found).not.toContain('rsa-too-small');
  });
});
