import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateSigningRequest } from 'kubernetes-models/certificates.k8s.io/v1';
import { Secret } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { parse } from 'yaml';
import { detectInput } from '../../src/core/input/detect.ts';
import { buildCsrManifest, csrApiVersionNote } from '../../src/kube/csr-manifest.ts';
import { suggestDns1123Name, isDns1123Label, isDns1123Subdomain } from '../../src/kube/dns-names.ts';
import { buildKubeconfig, serverUrlProblem } from '../../src/kube/kubeconfig.ts';
import { signerNameProblem } from '../../src/kube/signers.ts';
import { buildTlsSecret } from '../../src/kube/tls-secret.ts';
import { kubectl, openssl, run, tempDir, writeTree } from './kube-tls.helper.ts';
import { render } from '../../src/core/errors.ts';

const dir = tempDir('manifests');
const sh = (args: string[]) => openssl(args, dir);
const der = (file: string) => new Uint8Array(readFileSync(join(dir, file)));
const pemToDer = (file: string, to: string) => (sh(['x509', '-in', file, '-outform', 'DER', '-out', to]), der(to));

/** A CSR made by openssl: subject, optional extensions, EC P-256 (or RSA). */
function makeCsr(name: string, subj: string, exts: string[] = [], rsa = false): Uint8Array {
  const key = rsa ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  sh(['req', '-new', ...key, '-nodes', '-keyout', `${name}.key`, '-subj', subj, ...exts.flatMap((e) => ['-addext', e]), '-outform', 'DER', '-out', `${name}.csr.der`]);
  return der(`${name}.csr.der`);
}

const errorsOf = (r: { findings: { severity: string; field: string; message: string }[] }) => r.findings.filter((f) => f.severity === 'error');

describe('names', () => {
  it('DNS-1123 subdomains and labels', () => {
    expect(isDns1123Subdomain('system-node-worker-1')).toBe(true);
    expect(isDns1123Subdomain('a.b-c.d')).toBe(true);
    expect(isDns1123Subdomain('system:node:worker-1')).toBe(false);
    expect(isDns1123Subdomain('-a')).toBe(false);
    expect(isDns1123Subdomain('A')).toBe(false);
    expect(isDns1123Subdomain('x'.repeat(254))).toBe(false);
    expect(isDns1123Label('a.b')).toBe(false);
    expect(isDns1123Label('x'.repeat(64))).toBe(false);
  });
  it('suggests a name from a CN', () => {
    expect(suggestDns1123Name('system:node:worker-1')).toBe('system-node-worker-1');
    expect(suggestDns1123Name('*.Example.COM')).toBe('wildcard.example.com');
    expect(suggestDns1123Name('Jane Doe <jane@example.com>')).toBe('jane-doe-jane-example.com');
    expect(suggestDns1123Name('::')).toBe('certificate');
  });
  it('signer names', () => {
    const english = render;
    expect(signerNameProblem('kubernetes.io/kube-apiserver-client')).toBeUndefined();
    expect(signerNameProblem('example.com/my-signer')).toBeUndefined();
    expect(english(signerNameProblem('kubernetes.io/legacy-unknown')!)).toMatch(/refused by certificates.k8s.io\/v1/);
    expect(english(signerNameProblem('example/my-signer')!)).toMatch(/at least two segments/);
    expect(english(signerNameProblem('example.com')!)).toMatch(/form 'example.com\/signer-name'/);
    expect(english(signerNameProblem('example.com/a/b')!)).toMatch(/form/);
    expect(english(signerNameProblem('Example.com/x')!)).toMatch(/not a DNS name/);
    expect(english(signerNameProblem('')!)).toMatch(/required/);
  });
});

describe('CertificateSigningRequest manifests', () => {
  it('kubelet-serving: a valid request, checked by the Kubernetes schema and read back by detectInput', () => {
    const csr = makeCsr('kubelet', '/O=system:nodes/CN=system:node:worker-1', ['subjectAltName=DNS:worker-1,IP:10.0.0.5', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth']);
    const r = buildCsrManifest({ csrDer: csr, signerName: 'kubernetes.io/kubelet-serving', expirationSeconds: 86400 });
    expect(errorsOf(r)).toEqual([]);
    expect(r.manifest.metadata.name).toBe('system-node-worker-1');
    expect(r.usages).toEqual(['digital signature', 'server auth']);
    expect(r.usagesSource).toBe('csr');
    expect(() => new CertificateSigningRequest(r.manifest as never).validate()).not.toThrow();
    const doc = parse(r.yaml);
    expect(doc).toEqual(r.manifest);
    expect(doc.spec.request).not.toMatch(/\s/);
    expect(Buffer.from(doc.spec.request, 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
    const back = detectInput(r.yaml, 'csr.yaml');
    expect(back.problems).toEqual([]);
    expect(back.objects.map((o) => o.kind)).toEqual(['csr']);
    expect(Buffer.from(back.objects[0]!.der).equals(Buffer.from(csr))).toBe(true);
    expect(r.commands).toEqual([
      'kubectl apply -f system-node-worker-1.yaml',
      'kubectl get csr',
      'kubectl certificate approve system-node-worker-1',
      "kubectl get csr system-node-worker-1 -o jsonpath='{.status.certificate}' | base64 -d > system-node-worker-1.crt",
    ]);
  });

  it('kube-apiserver-client: defaults the usages (key encipherment only for RSA) and warns on system:masters', () => {
    const csr = makeCsr('admin', '/O=system:masters/CN=jane', [], true);
    const r = buildCsrManifest({ csrDer: csr, signerName: 'kubernetes.io/kube-apiserver-client' });
    expect(r.usages).toEqual(['digital signature', 'key encipherment', 'client auth']);
    expect(errorsOf(r)).toEqual([]);
    expect(r.findings.some((f) => f.severity === 'warning' && /system:masters/.test(f.message))).toBe(true);
    expect(() => new CertificateSigningRequest(r.manifest as never).validate()).not.toThrow();
  });

  it('kube-apiserver-client: refuses server auth and a missing client auth', () => {
    const csr = makeCsr('svc', '/CN=svc', ['extendedKeyUsage=serverAuth']);
    const r = buildCsrManifest({ csrDer: csr, signerName: 'kubernetes.io/kube-apiserver-client' });
    expect(errorsOf(r).map((f) => f.message).join('\n')).toMatch(/requires "client auth"[\s\S]*remove "server auth"/);
  });

  it('kube-apiserver-client-kubelet: O, CN and no SANs', () => {
    const csr = makeCsr('kc', '/O=system:nodes/O=extra/CN=worker-1', ['subjectAltName=DNS:worker-1', 'extendedKeyUsage=clientAuth', 'keyUsage=digitalSignature']);
    const r = buildCsrManifest({ csrDer: csr, signerName: 'kubernetes.io/kube-apiserver-client-kubelet' });
    const fields = errorsOf(r).map((f) => f.field);
    expect(fields).toEqual(['subject.O', 'subject.CN', 'subjectAltName']);
    expect(errorsOf(r)[0]!.message).toMatch(/exactly O=system:nodes/);
  });

  it('kubelet-serving: needs a DNS/IP SAN and refuses email/URI SANs', () => {
    const none = buildCsrManifest({ csrDer: makeCsr('s1', '/O=system:nodes/CN=system:node:a'), signerName: 'kubernetes.io/kubelet-serving' });
    expect(errorsOf(none).map((f) => f.message)).toEqual([expect.stringMatching(/at least one DNS or IP/)]);
    const mail = buildCsrManifest({ csrDer: makeCsr('s2', '/O=system:nodes/CN=system:node:a', ['subjectAltName=DNS:a,email:a@example.com,URI:spiffe://x/y']), signerName: 'kubernetes.io/kubelet-serving' });
    expect(errorsOf(mail).map((f) => f.message)).toEqual([expect.stringMatching(/email/), expect.stringMatching(/URI/)]);
  });

  it('no signer issues CA certificates', () => {
    const csr = makeCsr('ca', '/CN=my-ca', ['basicConstraints=critical,CA:TRUE', 'keyUsage=keyCertSign,cRLSign']);
    const r = buildCsrManifest({ csrDer: csr, signerName: 'example.com/my-signer' });
    expect(errorsOf(r)[0]!.message).toMatch(/no Kubernetes signer issues CA certificates/);
  });

  it('refuses legacy-unknown, short lifetimes, unknown usages and bad names, with reasons', () => {
    const csr = makeCsr('c', '/CN=system:node:x');
    const r = buildCsrManifest({ csrDer: csr, signerName: 'kubernetes.io/legacy-unknown', expirationSeconds: 599, usages: ['client auth', 'tls client'], name: 'Bad_Name' });
    const byField = Object.fromEntries(errorsOf(r).map((f) => [f.field, f.message]));
    expect(byField['spec.signerName']).toMatch(/legacy-unknown is refused/);
    expect(byField['spec.expirationSeconds']).toMatch(/from 600/);
    expect(byField['spec.usages']).toMatch(/"tls client" is not a Kubernetes key usage/);
    expect(byField['metadata.name']).toMatch(/"Bad_Name" must consist of lower case.*try "system-node-x"/);
    // What the schema says about the same values, for comparison: it takes them (the API server's own checks are stricter).
    const ok = buildCsrManifest({ csrDer: csr, signerName: 'example.com/x', expirationSeconds: 600, usages: ['Client Auth'] });
    expect(errorsOf(ok)).toEqual([]);
    expect(ok.manifest.spec).toMatchObject({ expirationSeconds: 600, usages: ['client auth'] });
    expect(() => new CertificateSigningRequest(ok.manifest as never).validate()).not.toThrow();
  });

  it('notes that v1beta1 is gone', () => {
    expect(csrApiVersionNote('certificates.k8s.io/v1beta1')?.message).toMatch(/removed in Kubernetes 1.22/);
    expect(csrApiVersionNote('certificates.k8s.io/v1')).toBeUndefined();
  });
});

describe('TLS Secrets', () => {
  beforeAll(() => {
    sh(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key', '-out', 'root.crt', '-subj', '/CN=Test Root', '-days', '30']);
    writeTree(dir, [{ path: 'ca.ext', contents: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' }, { path: 'leaf.ext', contents: 'subjectAltName=DNS:web.example.com\nextendedKeyUsage=serverAuth\n' }]);
    sh(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/CN=Test Intermediate']);
    sh(['x509', '-req', '-in', 'int.csr', '-CA', 'root.crt', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'int.crt', '-days', '20', '-extfile', 'ca.ext']);
    sh(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=web.example.com']);
    sh(['x509', '-req', '-in', 'leaf.csr', '-CA', 'int.crt', '-CAkey', 'int.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '10', '-extfile', 'leaf.ext']);
  });
  const certs = () => ({ leaf: pemToDer('leaf.crt', 'leaf.der'), int: pemToDer('int.crt', 'int.der'), root: pemToDer('root.crt', 'root.der') });
  const keyPem = () => readFileSync(join(dir, 'leaf.key'), 'utf8');

  it('leaf first, intermediates, key and ca.crt; schema-valid; read back by detectInput in order', async () => {
    const c = certs();
    const r = await buildTlsSecret({ name: 'web-tls', namespace: 'shop', certificates: [c.leaf, c.int], privateKey: keyPem(), caCertificates: [c.root] });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(() => new Secret(r.manifest as never).validate()).not.toThrow();
    expect(parse(r.yaml)).toEqual(r.manifest);
    const back = detectInput(r.yaml, 'secret.yaml');
    expect(back.problems).toEqual([]);
    expect(back.objects.map((o) => [o.kind, o.origin.replace(/ › (certificate|block) .*/, '')])).toEqual([
      ['certificate', 'secret.yaml › Secret web-tls › data.tls.crt'],
      ['certificate', 'secret.yaml › Secret web-tls › data.tls.crt'],
      ['private-key', 'secret.yaml › Secret web-tls › data.tls.key'],
      ['certificate', 'secret.yaml › Secret web-tls › data.ca.crt'],
    ]);
    expect(back.objects.filter((o) => o.kind === 'certificate').map((o) => Buffer.from(o.der))).toEqual([c.leaf, c.int, c.root].map((d) => Buffer.from(d)));
    expect(r.commands[0]).toBe('kubectl create secret tls web-tls --cert=tls.crt --key=tls.key -n shop');
    const patch = parse(r.deploymentSnippet);
    expect(() => new Deployment({ metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { ...patch.spec.template.spec, containers: [{ ...patch.spec.template.spec.containers[0], image: 'nginx' }] } } } } as never).validate()).not.toThrow();
    expect(patch.spec.template.spec.volumes).toEqual([{ name: 'tls', secret: { secretName: 'web-tls' } }]);
  });

  it('holds the same data as `kubectl create secret tls --dry-run=client`', async () => {
    const c = certs();
    const r = await buildTlsSecret({ name: 'web-tls', certificates: [c.leaf, c.int], privateKey: keyPem() });
    writeTree(dir, [{ path: 'tls.crt', contents: r.files['tls.crt'] }, { path: 'tls.key', contents: r.files['tls.key'] }]);
    const k = run(kubectl(), ['create', 'secret', 'tls', 'web-tls', '--cert=tls.crt', '--key=tls.key', '--dry-run=client', '-o', 'yaml'], dir);
    expect(k.stderr).toBe('');
    const theirs = parse(k.stdout);
    expect(theirs.data).toEqual(r.manifest.data);
    expect(theirs.type).toBe(r.manifest.type);
  });

  it('refuses a key that is not the certificate\'s', async () => {
    const c = certs();
    await expect(buildTlsSecret({ name: 'x', certificates: [c.leaf], privateKey: readFileSync(join(dir, 'int.key'), 'utf8') })).rejects.toThrow(/tls.key: the private key does not match the certificate CN=web.example.com/);
  });

  it('warns on an out-of-order chain, or puts it in order when asked', async () => {
    const c = certs();
    await expect(buildTlsSecret({ name: 'x', certificates: [c.int, c.leaf], privateKey: keyPem() })).rejects.toThrow(/belongs to certificate 2/);
    const ordered = await buildTlsSecret({ name: 'x', certificates: [c.int, c.leaf], privateKey: keyPem(), reorderChain: true });
    expect(detectInput(ordered.files['tls.crt']).objects.map((o) => Buffer.from(o.der))).toEqual([Buffer.from(c.leaf), Buffer.from(c.int)]);
    const swapped = await buildTlsSecret({ name: 'x', certificates: [c.leaf, c.root, c.int], privateKey: keyPem() });
    expect(swapped.findings.find((f) => f.severity === 'warning')?.message).toMatch(/out of order/);
  });

  it('warns when the certificate has expired, and checks the names', async () => {
    const c = certs();
    const r = await buildTlsSecret({ name: 'Web', namespace: 'a.b', certificates: [c.leaf], privateKey: keyPem(), now: new Date(Date.now() + 60 * 86_400_000) });
    expect(r.findings.map((f) => `${f.severity} ${f.field}`)).toEqual(['error metadata.name', 'error metadata.namespace', 'warning tls.crt']);
    expect(r.findings[2]!.message).toMatch(/expired on/);
  });
});

describe('kubeconfigs', () => {
  beforeAll(() => {
    writeTree(dir, [{ path: 'client.ext', contents: 'extendedKeyUsage=clientAuth\n' }]);
    sh(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'kca.key', '-out', 'kca.crt', '-subj', '/CN=kubernetes', '-days', '30']);
    sh(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'jane.key', '-out', 'jane.csr', '-subj', '/O=dev/O=ops/CN=jane']);
    sh(['x509', '-req', '-in', 'jane.csr', '-CA', 'kca.crt', '-CAkey', 'kca.key', '-CAcreateserial', '-out', 'jane.crt', '-days', '5', '-extfile', 'client.ext']);
  });

  it('embeds CA, certificate and key; user from CN, groups from O; read back by detectInput', async () => {
    const r = await buildKubeconfig({ server: 'https://10.0.0.10:6443', clusterName: 'lab', caCertificates: [pemToDer('kca.crt', 'kca.der')], certificates: [pemToDer('jane.crt', 'jane.der')], privateKey: readFileSync(join(dir, 'jane.key')) });
    expect(r.identity).toEqual({ user: 'jane', groups: ['dev', 'ops'] });
    expect(r.findings.find((f) => f.field === 'identity')!.message).toBe('the API server will authenticate this certificate as user "jane" (from the CN) in groups "dev", "ops" (from O), plus system:authenticated');
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const kc = parse(r.yaml);
    expect(kc).toMatchObject({ apiVersion: 'v1', kind: 'Config', 'current-context': 'jane@lab', contexts: [{ name: 'jane@lab', context: { cluster: 'lab', user: 'jane' } }] });
    const back = detectInput(r.yaml, 'kubeconfig');
    expect(back.problems).toEqual([]);
    expect(back.objects.map((o) => o.kind)).toEqual(['certificate', 'certificate', 'private-key']);
    expect(Buffer.from(back.objects[1]!.der)).toEqual(Buffer.from(der('jane.der')));
    writeTree(dir, [{ path: 'jane.kubeconfig', contents: r.yaml }]);
    const v = run(kubectl(), ['config', 'view', '--kubeconfig', 'jane.kubeconfig', '--raw', '--minify', '-o', 'jsonpath={.users[0].name} {.clusters[0].cluster.server} {.current-context}'], dir);
    expect(v.stderr).toBe('');
    expect(v.stdout).toBe('jane https://10.0.0.10:6443 jane@lab');
    const whoami = run(kubectl(), ['config', 'get-contexts', '--kubeconfig', 'jane.kubeconfig', '--no-headers'], dir);
    expect(whoami.stdout.split(/\s+/).filter(Boolean)).toEqual(['*', 'jane@lab', 'lab', 'jane']);
  });

  it('validates the server URL and the key', async () => {
    expect(render(serverUrlProblem('http://x:6443')!)).toMatch(/must use https/);
    expect(render(serverUrlProblem('10.0.0.1:6443')!)).toMatch(/must use https|not a URL/);
    expect(serverUrlProblem('https://[fd00::1]:6443')).toBeUndefined();
    await expect(buildKubeconfig({ server: 'https://x', caCertificates: [der('kca.der')], certificates: [der('jane.der')], privateKey: readFileSync(join(dir, 'kca.key')) })).rejects.toThrow(/does not match the client certificate/);
  });
});
