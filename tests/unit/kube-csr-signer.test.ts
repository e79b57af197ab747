/**
 * The CSR manifest's signer from the CSR (suggestSigner), the steps for a signer of your own, the
 * .status.certificate patch certbench writes for the certificate your CA signed, and the
 * self-signature check. openssl makes every CSR and certificate; kubernetes-models checks the objects;
 * jq and `kubectl patch --local` apply the status update to a CSR as the API server holds it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CertificateSigningRequest } from 'kubernetes-models/certificates.k8s.io/v1';
import { buildCsrManifest, csrStatusPath, selfSigningCommands } from '../../src/kube/csr-manifest.ts';
import { buildCsrStatusPatch, csrSignatureProblem } from '../../src/kube/csr-status.ts';
import { DEFAULT_CUSTOM_SIGNER, suggestSigner } from '../../src/kube/signers.ts';
import { kubeCsrFacts } from '../../src/kube/x509-facts.ts';
import { render } from '../../src/core/errors.ts';
import { kubectl, openssl, run, tempDir } from './kube-tls.helper.ts';

const dir = tempDir('csr-signer');
const sh = (args: string[]) => openssl(args, dir);
const bytes = (file: string) => new Uint8Array(readFileSync(join(dir, file)));

/** An EC P-256 CSR made by openssl (DER), its key beside it as NAME.key. */
function makeCsr(name: string, subj: string, exts: string[] = []): Uint8Array {
  sh(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-subj', subj, ...exts.flatMap((e) => ['-addext', e]), '-outform', 'DER', '-out', `${name}.csr.der`]);
  return bytes(`${name}.csr.der`);
}

/** The jq stage of `kubectl get csr … -o json | jq … | kubectl replace --raw …`. */
const jqStepOf = (pipeline: string) => /-o json \| (jq .*?) \| kubectl replace --raw /.exec(pipeline)![1]!;

const SERVER = 'extendedKeyUsage=serverAuth';
const CLIENT = 'extendedKeyUsage=clientAuth';

describe('suggestSigner: the signer a CSR is meant for', () => {
  const rows: { what: string; subj: string; exts: string[]; signer: string; custom: boolean; rule: string }[] = [
    { what: 'kubelet client (clientAuth)', subj: '/O=system:nodes/CN=system:node:worker-1', exts: [CLIENT, 'keyUsage=critical,digitalSignature'], signer: 'kubernetes.io/kube-apiserver-client-kubelet', custom: false, rule: 'node-client' },
    { what: 'kubelet client (no extensions)', subj: '/O=system:nodes/CN=system:node:worker-1', exts: [], signer: 'kubernetes.io/kube-apiserver-client-kubelet', custom: false, rule: 'node-client' },
    { what: 'kubelet serving (serverAuth, DNS and IP)', subj: '/O=system:nodes/CN=system:node:worker-1', exts: [SERVER, 'keyUsage=critical,digitalSignature', 'subjectAltName=DNS:worker-1,IP:10.0.0.5'], signer: 'kubernetes.io/kubelet-serving', custom: false, rule: 'node-serving' },
    { what: 'kubelet serving (names only)', subj: '/O=system:nodes/CN=system:node:worker-1', exts: ['subjectAltName=DNS:worker-1'], signer: 'kubernetes.io/kubelet-serving', custom: false, rule: 'node-serving' },
    { what: 'admin (clientAuth)', subj: '/O=kubeadm:cluster-admins/CN=kubernetes-admin', exts: [CLIENT], signer: 'kubernetes.io/kube-apiserver-client', custom: false, rule: 'client' },
    { what: 'a user with no extensions', subj: '/O=developers/CN=jane', exts: [], signer: 'kubernetes.io/kube-apiserver-client', custom: false, rule: 'client' },
    { what: 'a service (serverAuth, DNS)', subj: '/CN=my-svc.my-namespace.svc.cluster.local', exts: [SERVER, 'subjectAltName=DNS:my-svc.my-namespace.svc.cluster.local,IP:192.0.2.24'], signer: DEFAULT_CUSTOM_SIGNER, custom: true, rule: 'serving' },
    { what: 'a service (names only, no EKU)', subj: '/CN=registry', exts: ['subjectAltName=DNS:registry.docker-registry.svc'], signer: DEFAULT_CUSTOM_SIGNER, custom: true, rule: 'serving' },
    { what: 'an etcd peer (serverAuth and clientAuth)', subj: '/CN=etcd-1', exts: ['extendedKeyUsage=serverAuth,clientAuth', 'subjectAltName=DNS:etcd-1,IP:10.0.0.7'], signer: DEFAULT_CUSTOM_SIGNER, custom: true, rule: 'serving' },
  ];

  it.each(rows)('$what → $signer, and the manifest for it has no errors', ({ what, subj, exts, signer, custom, rule }) => {
    const der = makeCsr(what.replace(/\W+/g, '-'), subj, exts);
    const s = suggestSigner(kubeCsrFacts(der));
    expect(s).toMatchObject({ signerName: signer, custom, rule });
    expect(s.reason.length).toBeGreaterThan(20);
    // The suggestion never starts on a signer that refuses the request.
    const r = buildCsrManifest({ csrDer: der, signerName: s.signerName });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(() => new CertificateSigningRequest(r.manifest as never).validate()).not.toThrow();
  });

  it('names the node and says why', () => {
    const s = suggestSigner(kubeCsrFacts(makeCsr('why', '/O=system:nodes/CN=system:node:cp-1', [SERVER, 'subjectAltName=IP:10.0.0.10'])));
    expect(s.nodeName).toBe('cp-1');
    expect(s.reason).toMatch(/node cp-1: kubernetes\.io\/kubelet-serving issues/);
    const svc = suggestSigner(kubeCsrFacts(makeCsr('why-svc', '/CN=web', [SERVER, 'subjectAltName=DNS:web'])));
    expect(svc.reason).toMatch(/no built-in signer issues it/);
    expect(svc.reason).toMatch(/\.status\.certificate/);
  });

  it('a serving CSR with no usages gets the serving ones for a signer of your own', () => {
    const r = buildCsrManifest({ csrDer: makeCsr('svc-nousage', '/CN=registry', ['subjectAltName=DNS:registry']), signerName: DEFAULT_CUSTOM_SIGNER });
    expect(r.usages).toEqual(['digital signature', 'server auth']);
    expect(r.usagesSource).toBe('signer-default');
  });
});

describe('a signer of your own: the steps and the status update', () => {
  const csrDer = makeCsr('my-svc', '/CN=my-svc.my-namespace.svc', [SERVER, 'subjectAltName=DNS:my-svc.my-namespace.svc']);
  const csrPem = sh(['req', '-inform', 'DER', '-in', 'my-svc.csr.der']);
  writeFileSync(join(dir, 'my-svc.csr'), csrPem);
  sh(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=my-ca']);
  writeFileSync(join(dir, 'server.ext'), 'extendedKeyUsage=serverAuth\nsubjectAltName=DNS:my-svc.my-namespace.svc\n');
  sh(['x509', '-req', '-in', 'my-svc.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '5', '-out', 'my-svc.crt', '-extfile', 'server.ext']);
  const certDer = (file: string) => (sh(['x509', '-in', file, '-outform', 'DER', '-out', `${file}.der`]), bytes(`${file}.der`));
  const certPem = readFileSync(join(dir, 'my-svc.crt'), 'utf8');

  it('the manifest lists apply, approve, sign with your CA and the status update as the Kubernetes docs write it', () => {
    const r = buildCsrManifest({ csrDer, signerName: 'example.com/serving', name: 'my-svc' });
    expect(r.commands).toEqual(selfSigningCommands('my-svc'));
    expect(r.commands[0]).toBe('kubectl apply -f my-svc.yaml');
    expect(r.commands[1]).toBe('kubectl certificate approve my-svc');
    expect(r.commands.some((c) => c.startsWith('certbench sign --dir ./ca --csr my-svc.csr --out my-svc.crt'))).toBe(true);
    expect(r.commands.find((c) => c.includes('replace --raw'))).toContain(`kubectl replace --raw ${csrStatusPath('my-svc')} -f -`);
    expect(csrStatusPath('my-svc')).toBe('/apis/certificates.k8s.io/v1/certificatesigningrequests/my-svc/status');
  });

  /** The CSR as `kubectl get csr -o json` shows it after `kubectl certificate approve`. */
  function liveCsr(): object {
    const m = buildCsrManifest({ csrDer, signerName: 'example.com/serving', name: 'my-svc' }).manifest;
    return {
      ...m,
      metadata: { name: 'my-svc', resourceVersion: '4711', uid: '0b1c6a4e-2f0a-4c1e-9d5e-6f7a8b9c0d1e' },
      status: { conditions: [{ type: 'Approved', status: 'True', reason: 'KubectlApprove', message: 'This CSR was approved by kubectl certificate approve.', lastUpdateTime: '2026-01-01T00:00:00Z', lastTransitionTime: '2026-01-01T00:00:00Z' }] },
    };
  }

  it('the docs’ jq step (as listed) puts the certificate into a live CSR and keeps the Approved condition', () => {
    const jqStep = jqStepOf(selfSigningCommands('my-svc').find((c) => c.includes('replace --raw'))!);
    expect(jqStep).toMatch(/^jq --arg c /);
    const out = run('sh', ['-c', jqStep], dir, JSON.stringify(liveCsr()));
    expect(out.stderr).toBe('');
    const updated = JSON.parse(out.stdout);
    expect(Buffer.from(updated.status.certificate, 'base64').toString()).toBe(certPem);
    expect(updated.status.conditions.map((c: { type: string }) => c.type)).toEqual(['Approved']);
    expect(() => new CertificateSigningRequest(updated).validate()).not.toThrow();
  });

  it('writes the status patch for the signed certificate; applied to the live CSR it holds that certificate', () => {
    const r = buildCsrStatusPatch({ csrDer, name: 'my-svc', certificates: [certDer('my-svc.crt')] });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.fileName).toBe('my-svc-status.json');
    expect(JSON.parse(r.json)).toEqual(r.patch);
    expect(Object.keys(r.patch)).toEqual(['status']);
    // The certificate in the patch is the very certificate openssl signed (compared as DER bytes).
    writeFileSync(join(dir, 'from-patch.crt'), Buffer.from(r.patch.status.certificate, 'base64'));
    expect(Buffer.from(certDer('from-patch.crt')).equals(Buffer.from(certDer('my-svc.crt')))).toBe(true);
    expect(r.commands[0]).toBe('kubectl patch csr my-svc --subresource=status --type=merge --patch-file my-svc-status.json');
    expect(r.commands[1]).toContain(`kubectl replace --raw ${csrStatusPath('my-svc')} -f -`);

    writeFileSync(join(dir, r.fileName), r.json);
    writeFileSync(join(dir, 'live.json'), JSON.stringify(liveCsr()));
    // The older-kubectl line's jq step, on the live object.
    const jq = run('sh', ['-c', jqStepOf(r.commands[1]!)], dir, JSON.stringify(liveCsr()));
    expect(jq.stderr).toBe('');
    const viaJq = JSON.parse(jq.stdout);
    expect(viaJq.status.certificate).toBe(r.patch.status.certificate);
    expect(viaJq.status.conditions).toEqual((liveCsr() as { status: { conditions: unknown[] } }).status.conditions);
    // kubectl applies the merge patch to the object as the API server would: conditions kept, certificate set.
    const k = run(kubectl(), ['patch', '--local', '-f', 'live.json', '--type=merge', '--patch-file', r.fileName, '-o', 'json'], dir);
    expect(k.stderr).toBe('');
    const patched = JSON.parse(k.stdout);
    expect(patched.status.certificate).toBe(r.patch.status.certificate);
    expect(patched.status.conditions).toEqual(viaJq.status.conditions);
    expect(patched.spec).toEqual(viaJq.spec);
  });

  it('refuses a certificate that was not signed for this request', () => {
    sh(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'other.key', '-out', 'other.crt', '-days', '5', '-subj', '/CN=other']);
    const r = buildCsrStatusPatch({ csrDer, name: 'my-svc', certificates: [certDer('other.crt')] });
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual(['the certificate CN=other was not signed for this request: its public key is not the request\'s']);
  });
});

describe('the CSR’s self-signature', () => {
  it('verifies an openssl CSR and names a broken one (one signature byte flipped), as openssl does', async () => {
    const der = makeCsr('flip', '/CN=flip', [CLIENT]);
    expect(await csrSignatureProblem(der)).toBeUndefined();
    const broken = new Uint8Array(der);
    broken[broken.length - 1] = broken[broken.length - 1]! ^ 0x01;
    writeFileSync(join(dir, 'flipped.csr.der'), broken);
    // openssl agrees: the request still parses, but its self-signature fails.
    expect(run('/usr/bin/openssl', ['req', '-inform', 'DER', '-in', 'flipped.csr.der', '-noout', '-subject'], dir).status).toBe(0);
    const verify = (file: string) => run('/usr/bin/openssl', ['req', '-inform', 'DER', '-in', file, '-noout', '-verify'], dir).stderr.trim();
    expect(verify('flip.csr.der')).toBe('Certificate request self-signature verify OK');
    expect(verify('flipped.csr.der')).toBe('Certificate request self-signature verify failure');
    expect(render((await csrSignatureProblem(broken))!)).toMatch(/^CSR: its signature does not verify with its own public key/);
  });
});
