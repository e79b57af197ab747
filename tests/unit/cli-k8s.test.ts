import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/run.ts';
import { unzipFiles } from '../../src/kube/cluster-pki/zip.ts';
import { openssl, tempDir, writeTree } from './kube-tls.helper.ts';

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
    const http = cli();
    expect(await runCli(['k8s', 'kubeconfig', '--cert', p('web.crt'), '--key', p('web.key'), '--ca', p('ca.crt'), '--server', 'http://10.1.2.3'], http.io)).toBe(1);
    expect(http.out.stderr).toMatch(/server: "http:\/\/10.1.2.3" must use https/);
  });
});

describe('certbench cluster-pki and expiry', () => {
  it('kubeadm zip, then the expiry table and JSON from it', async () => {
    const g = cli();
    expect(await runCli(['cluster-pki', '--layout', 'kubeadm', '--node-name', 'cp', '--advertise-address', '10.0.0.5', '--cert-sans', 'k8s.example.com', '--out', p('pki.zip')], g.io)).toBe(0);
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
