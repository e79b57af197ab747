import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CertificateSigningRequest } from 'kubernetes-models/certificates.k8s.io/v1';
import { Secret } from 'kubernetes-models/v1';
import { runCli } from '../../src/cli/run.ts';
import { unzipFiles } from '../../src/kube/cluster-pki/zip.ts';
import { openssl, run, tempDir, writeTree } from './kube-tls.helper.ts';

function cli() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), stdin: async () => new Uint8Array() } };
}

const dir = tempDir('cli-k8s');
const sh = (args: string[]) => openssl(args, dir);
const p = (f: string) => join(dir, f);

describe('certbench k8s', () => {
  it('csr: writes a v1 manifest to stdout and the kubectl steps to stderr', async () => {
    sh(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'n.key', '-out', 'n.csr', '-subj', '/O=system:nodes/CN=system:node:worker-1']);
    const { out, io } = cli();
    expect(await runCli(['k8s', 'csr', '--csr', p('n.csr'), '--signer', 'kubernetes.io/kube-apiserver-client-kubelet', '--expiration-seconds', '3600'], io)).toBe(0);
    const m = parse(out.stdout);
    expect(m).toMatchObject({ apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', metadata: { name: 'system-node-worker-1' }, spec: { signerName: 'kubernetes.io/kube-apiserver-client-kubelet', usages: ['digital signature', 'client auth'], expirationSeconds: 3600 } });
    expect(out.stderr).toContain('kubectl certificate approve system-node-worker-1');
  });

  it('csr: refuses with status 1 and the reasons when the signer would refuse', async () => {
    const { out, io } = cli();
    expect(await runCli(['k8s', 'csr', '--csr', p('n.csr'), '--signer', 'kubernetes.io/kubelet-serving', '--usages', 'digital signature,client auth'], io)).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/error: subjectAltName: kubelet serving certificates need at least one DNS or IP/);
    expect(out.stderr).toMatch(/error: spec.usages: kubernetes.io\/kubelet-serving requires "server auth"/);
  });

  it('csr without --signer takes the signer the request is meant for, and says which and why', async () => {
    const node = cli();
    expect(await runCli(['k8s', 'csr', '--csr', p('n.csr')], node.io)).toBe(0);
    expect(parse(node.out.stdout).spec.signerName).toBe('kubernetes.io/kube-apiserver-client-kubelet');
    expect(node.out.stderr).toMatch(/^signer: kubernetes\.io\/kube-apiserver-client-kubelet \(no --signer given\): CN=system:node:worker-1 asks for a client certificate for node worker-1/);

    sh(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'svc.key', '-out', 'svc.csr', '-subj', '/CN=my-svc.my-namespace.svc', '-addext', 'subjectAltName=DNS:my-svc.my-namespace.svc', '-addext', 'extendedKeyUsage=serverAuth']);
    const svc = cli();
    expect(await runCli(['k8s', 'csr', '--csr', p('svc.csr'), '--out', p('svc-csr.yaml')], svc.io)).toBe(0);
    const m = parse(readFileSync(p('svc-csr.yaml'), 'utf8'));
    expect(() => new CertificateSigningRequest(m).validate()).not.toThrow();
    expect(m.spec).toMatchObject({ signerName: 'example.com/serving', usages: ['server auth'] });
    expect(svc.out.stderr).toMatch(/^signer: example\.com\/serving \(no --signer given\): a serving certificate .*no built-in signer issues it/);
    // The steps for signing it yourself name the file written.
    expect(svc.out.stderr).toContain(`kubectl apply -f ${p('svc-csr.yaml')}\nkubectl certificate approve my-svc.my-namespace.svc\n`);
    expect(svc.out.stderr).toContain('kubectl replace --raw /apis/certificates.k8s.io/v1/certificatesigningrequests/my-svc.my-namespace.svc/status -f -');
  });

  it('csr refuses a request whose signature is broken (one byte flipped), as sign does; openssl agrees it is broken', async () => {
    sh(['req', '-in', 'n.csr', '-outform', 'DER', '-out', 'n.csr.der']);
    const broken = new Uint8Array(readFileSync(p('n.csr.der')));
    broken[broken.length - 1] = broken[broken.length - 1]! ^ 0x01;
    writeTree(dir, [{ path: 'broken.csr', contents: broken }]);
    expect(run('/usr/bin/openssl', ['req', '-inform', 'DER', '-in', 'broken.csr', '-noout', '-verify'], dir).stderr.trim()).toBe('Certificate request self-signature verify failure');
    for (const signer of [[], ['--signer', 'kubernetes.io/kube-apiserver-client-kubelet']]) {
      const { out, io } = cli();
      expect(await runCli(['k8s', 'csr', '--csr', p('broken.csr'), ...signer, '--out', p('broken.yaml')], io)).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/CSR: its signature does not verify with its own public key: the request was altered or is corrupt; kube-apiserver refuses such a request, so no manifest was written/);
      expect(existsSync(p('broken.yaml'))).toBe(false);
    }
  });

  it('csr-status: the .status.certificate patch for the certificate a CA signed, refused for another key', async () => {
    sh(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'own-ca.key', '-out', 'own-ca.crt', '-days', '30', '-subj', '/CN=own-ca']);
    sh(['x509', '-req', '-in', 'svc.csr', '-CA', 'own-ca.crt', '-CAkey', 'own-ca.key', '-CAcreateserial', '-days', '5', '-out', 'svc.crt', '-copy_extensions', 'copy']);
    const { out, io } = cli();
    expect(await runCli(['k8s', 'csr-status', '--csr', p('svc.csr'), '--cert', p('svc.crt'), '--out', p('svc-status.json')], io)).toBe(0);
    const patch = JSON.parse(readFileSync(p('svc-status.json'), 'utf8'));
    writeTree(dir, [{ path: 'svc-from-patch.crt', contents: Buffer.from(patch.status.certificate, 'base64') }]);
    const derOf = (f: string) => (sh(['x509', '-in', f, '-outform', 'DER', '-out', `${f}.der`]), readFileSync(p(`${f}.der`)));
    expect(derOf('svc-from-patch.crt').equals(derOf('svc.crt'))).toBe(true);
    expect(out.stderr).toContain(`kubectl patch csr my-svc.my-namespace.svc --subresource=status --type=merge --patch-file ${p('svc-status.json')}`);
    const wrong = cli();
    expect(await runCli(['k8s', 'csr-status', '--csr', p('svc.csr'), '--cert', p('own-ca.crt')], wrong.io)).toBe(1);
    expect(wrong.out.stderr).toMatch(/error: status.certificate: the certificate CN=own-ca was not signed for this request/);
  });

  it('secret and kubeconfig from openssl-made files', async () => {
    sh(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=kubernetes', '-days', '30']);
    writeTree(dir, [{ path: 'c.ext', contents: 'extendedKeyUsage=clientAuth,serverAuth\nsubjectAltName=DNS:web\n' }]);
    sh(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'web.key', '-out', 'web.csr', '-subj', '/O=dev/CN=web']);
    sh(['x509', '-req', '-in', 'web.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'web.crt', '-days', '5', '-extfile', 'c.ext']);
    const s = cli();
    expect(await runCli(['k8s', 'secret', '--cert', p('web.crt'), '--key', p('web.key'), '--ca', p('ca.crt'), '--name', 'web-tls', '-n', 'prod'], s.io)).toBe(0);
    expect(parse(s.out.stdout)).toMatchObject({ kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'web-tls', namespace: 'prod' } });
    expect(Object.keys(parse(s.out.stdout).data)).toEqual(['tls.crt', 'tls.key', 'ca.crt']);
    const bad = cli();
    expect(await runCli(['k8s', 'secret', '--cert', p('web.crt'), '--key', p('ca.key'), '--name', 'x'], bad.io)).toBe(1);
    expect(bad.out.stderr).toMatch(/tls.key: the private key does not match/);
    const k = cli();
    expect(await runCli(['k8s', 'kubeconfig', '--cert', p('web.crt'), '--key', p('web.key'), '--ca', p('ca.crt'), '--server', 'https://10.1.2.3:6443', '--cluster', 'lab', '--out', p('web.kubeconfig')], k.io)).toBe(0);
    expect(k.out.stderr).toContain('user "web" (from the CN) in groups "dev" (from O)');
    expect(parse(readFileSync(p('web.kubeconfig'), 'utf8'))['current-context']).toBe('web@lab');
    // "Try it" names the file written.
    expect(k.out.stderr).toContain(`KUBECONFIG=${p('web.kubeconfig')} kubectl auth whoami`);
    // So does the Secret's next step, not <name>.yaml.
    const written = cli();
    expect(await runCli(['k8s', 'secret', '--cert', p('web.crt'), '--key', p('web.key'), '--ca', p('ca.crt'), '--name', 'apiserver-tls', '--out', p('secret.yaml')], written.io)).toBe(0);
    expect(written.out.stderr).toContain(`kubectl apply -f ${p('secret.yaml')}`);
    expect(written.out.stderr).not.toContain('apiserver-tls.yaml');
    expect(() => new Secret(parse(readFileSync(p('secret.yaml'), 'utf8'))).validate()).not.toThrow();
    const http = cli();
    expect(await runCli(['k8s', 'kubeconfig', '--cert', p('web.crt'), '--key', p('web.key'), '--ca', p('ca.crt'), '--server', 'http://10.1.2.3'], http.io)).toBe(1);
    expect(http.out.stderr).toMatch(/server: "http:\/\/10.1.2.3" must use https/);
  });
});

describe('certbench cluster-pki and expiry', () => {
  it('kubeadm zip, then the expiry table and JSON from it', async () => {
    const g = cli();
    expect(await runCli(['cluster-pki', '--layout', 'kubeadm', '--node-name', 'cp', '--advertise-address', '10.0.0.5', '--cert-sans', 'k8s.example.com', '--out', p('pki.zip')], g.io)).toBe(0);
    expect(g.out.stdout).toContain(` → ${p('pki.zip')}\n`);
    expect(g.out.stdout).toMatch(/^27 files \(kubeadm\) in \d+ ms/);
    expect(g.out.stderr).toContain('[16/16] scheduler.conf');
    const files = unzipFiles(new Uint8Array(readFileSync(p('pki.zip'))));
    expect(files.has('pki/etcd/healthcheck-client.key')).toBe(true);

    const t = cli();
    expect(await runCli(['expiry', p('pki.zip')], t.io)).toBe(0);
    expect(t.out.stdout).toMatch(/^CERTIFICATE {16}EXPIRES {18}RESIDUAL TIME {3}CERTIFICATE AUTHORITY {3}EXTERNALLY MANAGED\nadmin\.conf {17}\w{3} \d\d, \d{4} \d\d:\d\d UTC {3}364d {12}ca {22}no {6}\n/);
    const later = cli();
    expect(await runCli(['expiry', p('pki.zip'), '--at', '2100-01-01', '--json'], later.io)).toBe(1);
    const json = JSON.parse(later.out.stdout);
    expect(json.asOf).toBe('2100-01-01T00:00:00.000Z');
    expect(json.certificates.every((r: { expired: boolean }) => r.expired)).toBe(true);
    const bad = cli();
    expect(await runCli(['expiry', p('pki.zip'), '--at', 'soon'], bad.io)).toBe(1);
    expect(bad.out.stderr).toContain('--at: "soon" is not a date');
  });

  it('names the zip after its layout when --out is left out', async () => {
    const here = process.cwd();
    process.chdir(dir);
    try {
      const g = cli();
      expect(await runCli(['cluster-pki', '--layout', 'hard-way', '--key-type', 'ec-p256', '--workers', 'w=10.240.0.20'], g.io)).toBe(0);
      expect(g.out.stdout).toMatch(/ → hard-way-pki\.zip\n/);
      expect(unzipFiles(new Uint8Array(readFileSync(join(dir, 'hard-way-pki.zip')))).has('ca.pem')).toBe(true);
    } finally {
      process.chdir(here);
    }
  });

  it('hard-way zip with workers given on the command line', async () => {
    const g = cli();
    expect(await runCli(['cluster-pki', '--layout', 'hard-way', '--key-type', 'ec-p256', '--workers', 'node-a=10.240.0.20/198.51.100.1', '--public-address', '203.0.113.9', '--out', p('hw.zip')], g.io)).toBe(0);
    const files = unzipFiles(new Uint8Array(readFileSync(p('hw.zip'))));
    expect([...files.keys()]).toContain('node-a-key.pem');
    writeTree(dir, [{ path: 'node-a.pem', contents: files.get('node-a.pem')! }, { path: 'hw-ca.pem', contents: files.get('ca.pem')! }]);
    expect(sh(['verify', '-CAfile', 'hw-ca.pem', 'node-a.pem'])).toBe('node-a.pem: OK\n');
  });

  it('refuses a bad layout or key type with the choices', async () => {
    const a = cli();
    expect(await runCli(['cluster-pki', '--layout', 'kops', '--out', p('x.zip')], a.io)).toBe(1);
    expect(a.out.stderr).toContain('--layout kubeadm|hard-way');
    const b = cli();
    expect(await runCli(['cluster-pki', '--layout', 'kubeadm', '--key-type', 'ed25519', '--out', p('x.zip')], b.io)).toBe(1);
    expect(b.out.stderr).toMatch(/key type: ed25519 is not a key type/);
  });
});
