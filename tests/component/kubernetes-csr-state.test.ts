/**
 * The Kubernetes CSR manifest form's state (jsdom): what it accepts and refuses, the signer it
 * suggests for each request, and the .status.certificate patch. Requests are made by openssl in the test.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsrManifestState, CUSTOM_SIGNER, USAGE_CHOICES } from '../../src/ui/kubernetes/csr-manifest-state.svelte.ts';
import { dir, makeCsr, openssl } from './kubernetes-openssl.helper.ts';

describe('CSR manifest form', () => {
  const janeCsr = makeCsr('/O=developers/CN=jane');

  it('offers nothing until a CSR is pasted, then builds with the name from the CN and the signer defaults', () => {
    const s = new CsrManifestState();
    expect(s.result).toBeUndefined();
    expect(s.exportBlocker).toBe('paste a certificate request first');
    s.source.typed(janeCsr);
    expect(s.result?.manifest.metadata.name).toBe('jane');
    expect(s.result?.usagesSource).toBe('signer-default');
    expect(s.result?.usages).toEqual(['digital signature', 'client auth']);
    expect(s.exportBlocker).toBe('');
  });

  it('refuses kubernetes.io/legacy-unknown and bad custom signer names, with the reason', () => {
    const s = new CsrManifestState();
    s.source.typed(janeCsr);
    s.signerChoice = 'kubernetes.io/legacy-unknown';
    expect(s.signerProblem).toMatch(/refused by certificates\.k8s\.io\/v1/);
    expect(s.exportBlocker).toMatch(/would refuse/);
    s.signerChoice = CUSTOM_SIGNER;
    s.customSigner = 'my-signer';
    expect(s.signerProblem).toBe(`"my-signer" must be a fully qualified domain and path of the form 'example.com/signer-name'`);
    s.customSigner = 'localhost/x';
    expect(s.signerProblem).toMatch(/at least two segments/);
    s.customSigner = 'example.com/my-signer';
    expect(s.signerProblem).toBe('');
    // A custom signer has no default usages: they must be chosen.
    expect(s.result?.findings.some((f) => f.severity === 'error' && f.field === 'spec.usages')).toBe(true);
    s.setChooseUsages(true);
    expect(s.usagesProblem).toBe('choose at least one usage');
    s.toggleUsage('client auth', true);
    s.toggleUsage('digital signature', true);
    expect(s.result?.manifest.spec.usages).toEqual(['client auth', 'digital signature']);
    expect(s.exportBlocker).toBe('');
  });

  it('validates metadata.name and expirationSeconds as the API server does', () => {
    const s = new CsrManifestState();
    s.source.typed(janeCsr);
    s.name = 'Jane_Doe';
    expect(s.nameProblem).toMatch(/^"Jane_Doe" must consist of lower case letters/);
    expect(s.exportBlocker).not.toBe('');
    s.name = 'jane.dev';
    expect(s.nameProblem).toBe('');
    expect(s.result?.fileName).toBe('jane.dev.yaml');
    s.expiration = '599';
    expect(s.expirationProblem).toMatch(/at least 600 seconds/);
    expect(s.exportBlocker).toBe('fix the fields marked above first');
    s.expiration = '1.5';
    expect(s.expirationProblem).toMatch(/whole number/);
    s.expiration = '3600';
    expect(s.expirationProblem).toBe('');
    expect(s.result?.manifest.spec.expirationSeconds).toBe(3600);
  });

  it('checks the kubelet signers’ subject rules before export', () => {
    const s = new CsrManifestState();
    s.source.typed(janeCsr);
    s.signerChoice = 'kubernetes.io/kube-apiserver-client-kubelet';
    const fields = s.result!.findings.filter((f) => f.severity === 'error').map((f) => f.field);
    expect(fields).toEqual(['subject.O', 'subject.CN']);
    const node = new CsrManifestState();
    node.source.typed(makeCsr('/O=system:nodes/CN=system:node:worker-1'));
    node.signerChoice = 'kubernetes.io/kube-apiserver-client-kubelet';
    expect(node.exportBlocker).toBe('');
    expect(node.result?.manifest.metadata.name).toBe('system-node-worker-1');
  });

  it('starts chosen usages from the ones in use and lists every Kubernetes usage once', () => {
    const s = new CsrManifestState();
    s.source.typed(makeCsr('/CN=web', ['-addext', 'extendedKeyUsage=serverAuth', '-addext', 'keyUsage=digitalSignature']));
    expect(s.result?.usagesSource).toBe('csr');
    s.setChooseUsages(true);
    expect(s.usages).toEqual(['digital signature', 'server auth']);
    expect(new Set(USAGE_CHOICES).size).toBe(23);
  });

  it('reports a pasted certificate instead of a CSR', () => {
    const s = new CsrManifestState();
    s.source.typed(openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'y.key'), '-subj', '/CN=y', '-days', '1']));
    expect(s.csr.problem).toBe('no certificate request found: this is a certificate');
    expect(s.result).toBeUndefined();
  });
});

describe('CSR manifest: the signer follows the request', () => {
  // As the kubelet asks: digitalSignature, serverAuth, its host name and address.
  const nodeServing = makeCsr('/O=system:nodes/CN=system:node:worker-1', ['-addext', 'subjectAltName=DNS:worker-1,IP:10.0.0.5', '-addext', 'keyUsage=critical,digitalSignature', '-addext', 'extendedKeyUsage=serverAuth']);
  const service = makeCsr('/CN=registry.docker-registry.svc', ['-addext', 'subjectAltName=DNS:registry.docker-registry.svc', '-addext', 'extendedKeyUsage=serverAuth']);

  it('starts on the suggested signer, so the manifest is offered at once', () => {
    const s = new CsrManifestState();
    expect(s.signerChoice).toBe('kubernetes.io/kube-apiserver-client');
    s.source.typed(nodeServing);
    expect(s.suggestion).toMatchObject({ signerName: 'kubernetes.io/kubelet-serving', rule: 'node-serving', nodeName: 'worker-1' });
    expect(s.signerChoice).toBe('kubernetes.io/kubelet-serving');
    expect(s.followsSuggestion).toBe(true);
    expect(s.exportBlocker).toBe('');
  });

  it('a service’s serving certificate: a signer of your own, with the steps for signing it yourself', () => {
    const s = new CsrManifestState();
    s.source.typed(service);
    expect(s.signerChoice).toBe(CUSTOM_SIGNER);
    expect(s.customSigner).toBe('example.com/serving');
    expect(s.signerName).toBe('example.com/serving');
    expect(s.selfSigned).toBe(true);
    expect(s.exportBlocker).toBe('');
    expect(s.result?.commands.slice(0, 2)).toEqual(['kubectl apply -f registry.docker-registry.svc.yaml', 'kubectl certificate approve registry.docker-registry.svc']);
    s.customSigner = 'registry.example.org/serving';
    expect(s.result?.manifest.spec.signerName).toBe('registry.example.org/serving');
  });

  it('keeps the person’s pick for this request, follows the next request, and goes back on request', () => {
    const s = new CsrManifestState();
    s.source.typed(nodeServing);
    s.signerChoice = 'kubernetes.io/kube-apiserver-client';
    expect(s.followsSuggestion).toBe(false);
    expect(s.signerChoice).toBe('kubernetes.io/kube-apiserver-client');
    s.source.typed(service);
    expect(s.signerChoice).toBe(CUSTOM_SIGNER);
    s.signerChoice = 'kubernetes.io/kubelet-serving';
    s.useSuggestion();
    expect(s.signerChoice).toBe(CUSTOM_SIGNER);
  });

  it('refuses a request whose signature is broken (one byte flipped)', async () => {
    const s = new CsrManifestState();
    s.source.typed(nodeServing);
    await s.checkSignature();
    expect(s.signatureProblem).toBe('');
    const der = Buffer.from(nodeServing.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
    der[der.length - 1] = der[der.length - 1]! ^ 0x01;
    s.source.setBytes('broken.csr', new Uint8Array(der));
    await s.checkSignature();
    expect(s.signatureProblem).toMatch(/^CSR: its signature does not verify with its own public key/);
    expect(s.exportBlocker).toBe('the request’s signature does not verify, and kube-apiserver refuses such a request');
  });

  it('writes the .status.certificate patch for the certificate a CA signed for the request, not for another', () => {
    const caKey = join(dir, 'own-ca.key');
    const caCrt = join(dir, 'own-ca.crt');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', caKey, '-out', caCrt, '-days', '5', '-subj', '/CN=own-ca']);
    const csrFile = join(dir, 'service.csr');
    writeFileSync(csrFile, service);
    const signed = openssl(['x509', '-req', '-in', csrFile, '-CA', caCrt, '-CAkey', caKey, '-CAcreateserial', '-days', '5', '-copy_extensions', 'copy']);
    const s = new CsrManifestState();
    s.source.typed(service);
    expect(s.status).toBeUndefined();
    s.signed.typed(signed);
    expect(s.signedProblem).toBe('');
    const r = s.statusResult!;
    expect(r.fileName).toBe('registry.docker-registry.svc-status.json');
    expect(Buffer.from(JSON.parse(r.json).status.certificate, 'base64').toString()).toBe(signed);
    s.signed.typed(readFileSync(caCrt, 'utf8'));
    expect(s.statusResult?.findings.find((f) => f.severity === 'error')?.message).toBe('the certificate CN=own-ca was not signed for this request: its public key is not the request\'s');
    s.signed.typed(service);
    expect(s.signedProblem).toBe('no certificate found: this is a certificate request');
  });
});
