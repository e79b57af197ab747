import { describe, expect, it } from 'vitest';
import { detectInput } from '../../src/core/input/detect.ts';
import type { ObjectKind } from '../../src/core/types.ts';
import { b64, CERT_A, CERT_B, CERT_C, corpusText, CSR, KEYS, pemDer } from './detect-helpers.ts';

const chain = () => corpusText(CERT_A) + corpusText(CERT_B) + corpusText(CERT_C);
const key = () => corpusText(`${KEYS}PKCS8__unenc-rsa-pkcs8.pem`);
const indent = (s: string, n: number) => s.trimEnd().replace(/^/gm, ' '.repeat(n));

const tlsSecret = () => `apiVersion: v1
kind: Secret
metadata:
  name: registry-tls
  namespace: infra
type: kubernetes.io/tls
data:
  tls.crt: ${b64(chain())}
  tls.key: ${b64(key())}
  ca.crt: ${b64(corpusText(CERT_C))}
`;

const stringDataSecret = () => `apiVersion: v1
kind: Secret
metadata: {name: web}
stringData:
  token: not-a-certificate
  tls.crt: |
${indent(corpusText(CERT_A), 4)}
`;

const configMap = () => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-root-ca.crt
data:
  ca.crt: |
${indent(corpusText(CERT_B), 4)}
  other: hello
`;

const kubeconfig = () => `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority-data: ${b64(corpusText(CERT_B))}
contexts:
- name: admin@prod
  context: {cluster: prod, user: admin}
current-context: admin@prod
users:
- name: admin
  user:
    client-certificate-data: ${b64(corpusText(CERT_A))}
    client-key-data: ${b64(key())}
`;

const csrObject = (apiVersion: string, issued: boolean) =>
  JSON.stringify(
    {
      apiVersion,
      kind: 'CertificateSigningRequest',
      metadata: { name: 'alice' },
      spec: { request: b64(corpusText(CSR)), signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'] },
      ...(issued ? { status: { certificate: b64(corpusText(CERT_A)) } } : {}),
    },
    null,
    2,
  );

interface Case {
  name: string;
  input: () => string;
  objects: [ObjectKind, string][];
  problems?: [string, string][];
}

const CASES: Case[] = [
  {
    name: 'kubernetes.io/tls Secret with a 3-certificate tls.crt, tls.key and ca.crt',
    input: tlsSecret,
    objects: [
      ['certificate', 'Secret registry-tls › data.tls.crt › certificate 1 of 3'],
      ['certificate', 'Secret registry-tls › data.tls.crt › certificate 2 of 3'],
      ['certificate', 'Secret registry-tls › data.tls.crt › certificate 3 of 3'],
      ['private-key', 'Secret registry-tls › data.tls.key'],
      ['certificate', 'Secret registry-tls › data.ca.crt'],
    ],
  },
  {
    name: 'the same Secret as JSON',
    input: () => JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'tls.crt': b64(corpusText(CERT_A)), 'tls.key': b64(key()) } }),
    objects: [
      ['certificate', 'Secret s › data.tls.crt'],
      ['private-key', 'Secret s › data.tls.key'],
    ],
  },
  { name: 'Secret stringData (PEM in plain text; other keys ignored)', input: stringDataSecret, objects: [['certificate', 'Secret web › stringData.tls.crt']] },
  { name: 'ConfigMap with ca.crt', input: configMap, objects: [['certificate', 'ConfigMap kube-root-ca.crt › data.ca.crt']] },
  {
    name: 'kubeconfig',
    input: kubeconfig,
    objects: [
      ['certificate', 'kubeconfig › cluster prod › certificate-authority-data'],
      ['certificate', 'kubeconfig › user admin › client-certificate-data'],
      ['private-key', 'kubeconfig › user admin › client-key-data'],
    ],
  },
  {
    name: 'CertificateSigningRequest (JSON) with an issued certificate',
    input: () => csrObject('certificates.k8s.io/v1', true),
    objects: [
      ['csr', 'CertificateSigningRequest alice › spec.request'],
      ['certificate', 'CertificateSigningRequest alice › status.certificate'],
    ],
  },
  {
    name: 'certificates.k8s.io/v1beta1 is decoded with a note',
    input: () => csrObject('certificates.k8s.io/v1beta1', false),
    objects: [['csr', 'CertificateSigningRequest alice › spec.request']],
    problems: [['CertificateSigningRequest alice', 'certificates.k8s.io/v1beta1 was removed in Kubernetes 1.22: use certificates.k8s.io/v1 (decoded anyway)']],
  },
  {
    name: 'multi-document YAML',
    input: () => `${configMap()}---\n${stringDataSecret()}`,
    objects: [
      ['certificate', 'ConfigMap kube-root-ca.crt › data.ca.crt'],
      ['certificate', 'Secret web › stringData.tls.crt'],
    ],
  },
  {
    name: 'kind: List (kubectl get -o yaml)',
    input: () => `apiVersion: v1\nkind: List\nitems:\n${indent(stringDataSecret(), 2).replace(/^  apiVersion/, '- apiVersion')}\n`,
    objects: [['certificate', 'Secret web › stringData.tls.crt']],
  },
  {
    name: 'a Secret whose tls.crt is not base64',
    input: () => `kind: Secret\nmetadata: {name: bad}\ndata:\n  tls.crt: "%%%%"\n  tls.key: ${b64(key())}\n`,
    objects: [['private-key', 'Secret bad › data.tls.key']],
    problems: [['Secret bad › data.tls.crt', 'invalid base64 at line 1 (values under data are base64)']],
  },
  {
    name: 'a broken PEM block inside tls.crt is named by the block',
    input: () => `kind: Secret\nmetadata: {name: x}\ndata:\n  tls.crt: ${b64(corpusText(CERT_A) + '-----BEGIN CERTIFICATE-----\nAAA*\n-----END CERTIFICATE-----\n')}\n`,
    objects: [['certificate', 'Secret x › data.tls.crt']],
    problems: [['Secret x › data.tls.crt › block 2', `invalid base64 at line ${corpusText(CERT_A).split('\n').length + 1}`]],
  },
  {
    name: 'a Secret with nothing in it',
    input: () => 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ndata:\n  token: c2VjcmV0\n',
    objects: [],
    problems: [['Secret empty', 'no certificates or keys in data or stringData']],
  },
  {
    name: 'another kind holding PEM somewhere',
    input: () => `apiVersion: example.com/v1\nkind: Trust\nmetadata: {name: t}\nspec:\n  sources:\n  - pem: |\n${indent(corpusText(CERT_A), 6)}\n`,
    objects: [['certificate', 'Trust t › spec.sources[0].pem']],
  },
];

describe('detectInput: Kubernetes objects', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = detectInput(c.input());
      expect(r.objects.map((o) => [o.kind, o.origin])).toEqual(c.objects);
      expect(r.problems.map((p) => [p.origin, p.message])).toEqual(c.problems ?? []);
    });
  }
  it('carries the DER of each certificate in the chain, in order', () => {
    const r = detectInput(tlsSecret(), 'registry.yaml');
    expect(r.objects.slice(0, 3).map((o) => Buffer.from(o.der).toString('hex'))).toEqual(
      [CERT_A, CERT_B, CERT_C].map((f) => Buffer.from(pemDer(corpusText(f))).toString('hex')),
    );
    expect(r.objects[0]!.origin).toBe('registry.yaml › Secret registry-tls › data.tls.crt › certificate 1 of 3');
  });
  it('reads a PEM that merely starts with a YAML-looking line as PEM', () => {
    const r = detectInput(`data: from my notes\n${corpusText(CERT_A)}`);
    expect(r.objects.map((o) => [o.kind, o.origin])).toEqual([['certificate', 'block 1 (CERTIFICATE)']]);
  });
});
