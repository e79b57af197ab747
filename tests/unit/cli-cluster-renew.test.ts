// `certbench cluster-pki renew` as people run it: the built dist/cli.mjs (npm test builds it first)
// on a kubeadm /etc/kubernetes made by openssl, as a folder and as a tar czf; openssl judges the zip.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeOpensslKubeadm } from './kubeadm-openssl.helper.ts';
import { openssl, run, tempDir, writeTree } from './kube-tls.helper.ts';

const CLI = join(import.meta.dirname, '../../dist/cli.mjs');
const DAY = 86_400_000;

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('certbench cluster-pki renew (dist/cli.mjs)', () => {
  let base: string;
  const later = new Date(Date.now() + 400 * DAY).toISOString();
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.mjs is missing: run npm run build first');
    base = tempDir('cli-renew');
    makeOpensslKubeadm(join(base, 'etc/kubernetes'));
    expect(run('tar', ['czf', 'k8s.tar.gz', 'etc/kubernetes'], base).status).toBe(0);
  }, 60_000);

  it('renews a tar.gz: before and after tables, a zip openssl accepts', () => {
    const r = cli(['cluster-pki', 'renew', '--in', 'k8s.tar.gz', '--out', 'renewed.zip', '--at', later], base);
    expect(r.status, r.stderr).toBe(0);
    const [before, after] = r.stdout.split('After:');
    expect(before).toMatch(/apiserver\s+\S+ \d+, \d{4} \d\d:\d\d UTC\s+<invalid>\s+ca\s+no/);
    expect(before).toMatch(/kubelet\.conf\s+self\s+points to \/var\/lib\/kubelet\/pki\/kubelet-client-current\.pem/);
    expect(after).toMatch(/apiserver\s+\S+ \d+, \d{4} \d\d:\d\d UTC\s+364d\s+ca\s+no/);
    expect(after).not.toContain('<invalid>');
    expect(r.stdout).toContain('11 renewed');
    const out = tempDir('cli-renew-out');
    writeTree(out, Object.entries(unzipSync(new Uint8Array(readFileSync(join(base, 'renewed.zip'))))).map(([path, contents]) => ({ path, contents })));
    expect(readFileSync(join(out, 'RENEWAL-STEPS.txt'), 'utf8')).toContain('systemctl restart kubelet');
    expect(readFileSync(join(out, 'pki/ca.crt')).equals(readFileSync(join(base, 'etc/kubernetes/pki/ca.crt')))).toBe(true);
    const at = String(Math.floor(Date.parse(later) / 1000));
    const verified = run('/usr/bin/openssl', ['verify', '-attime', at, '-CAfile', join(base, 'etc/kubernetes/pki/etcd/ca.crt'), 'pki/etcd/server.crt', 'pki/etcd/peer.crt'], out);
    expect(verified.stdout).toBe('pki/etcd/server.crt: OK\npki/etcd/peer.crt: OK\n');
    expect(openssl(['x509', '-in', 'pki/apiserver.crt', '-noout', '-pubkey'], out)).toBe(openssl(['x509', '-in', join(base, 'etc/kubernetes/pki/apiserver.crt'), '-noout', '-pubkey'], out));
    const admin = parse(readFileSync(join(out, 'admin.conf'), 'utf8'));
    expect(admin.clusters[0].cluster.server).toBe('https://192.168.56.10:6443');
  }, 60_000);

  it('renews from a folder with --only and --days, encrypted CA keys read with --passin env:', () => {
    const etc = join(base, 'etc/kubernetes');
    openssl(['pkcs8', '-topk8', '-in', join(etc, 'pki/ca.key'), '-v2', 'aes-256-cbc', '-passout', 'pass:pw', '-out', join(base, 'ca.key.enc')], base);
    renameSync(join(base, 'ca.key.enc'), join(etc, 'pki/ca.key'));
    const asked = cli(['cluster-pki', 'renew', '--in', 'etc/kubernetes', '--out', 'only.zip', '--at', later], base);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toContain('pki/ca.key is encrypted: give the passphrase');
    const r = cli(['cluster-pki', 'renew', '--in', 'etc/kubernetes', '--out', 'only.zip', '--at', later, '--only', 'apiserver', '--days', '90', '--passin', 'env:CA_PASS'], base, { CA_PASS: 'pw' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 renewed');
    const files = unzipSync(new Uint8Array(readFileSync(join(base, 'only.zip'))));
    const out = tempDir('cli-renew-only');
    writeTree(out, [{ path: 'a.crt', contents: files['pki/apiserver.crt']! }]);
    const end = new Date(openssl(['x509', '-in', 'a.crt', '-noout', '-enddate'], out).trim().replace('notAfter=', ''));
    expect(Math.round((end.getTime() - Date.parse(later)) / DAY)).toBe(90);
    expect(Buffer.from(files['pki/etcd/server.crt']!).equals(readFileSync(join(etc, 'pki/etcd/server.crt')))).toBe(true);
  }, 60_000);

  it('--help describes renew; a missing --out is refused', () => {
    expect(cli(['cluster-pki', 'renew', '--help'], base).stdout).toContain('certbench cluster-pki renew --in DIR|FILE.zip|FILE.tar.gz --out renewed.zip');
    const r = cli(['cluster-pki', 'renew', '--in', 'k8s.tar.gz'], base);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--in and --out are required');
  });
});
