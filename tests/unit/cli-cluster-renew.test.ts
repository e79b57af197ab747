// `certbench cluster-pki renew` as shipped: these tests run dist/cli.mjs (`npm test` builds it first) on an
// openssl-made kubeadm /etc/kubernetes; openssl judges the renewed zip.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KUBECONFIG_USERS, LEAF_FILES, makeOpensslKubeadm } from './kubeadm-openssl.helper.ts';
import { openssl, run, tempDir, writeTree } from './kube-tls.helper.ts';

const CLI = join(import.meta.dirname, '../../dist/cli.mjs');
const DAY = 86_400_000;
/** 400 days on: every leaf (365 days) has expired, the CAs (10 years) have not. */
const LATER = new Date(Date.now() + 400 * DAY);

function certbench(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const work = tempDir('cli-cluster-renew');
const etc = join(work, 'etc/kubernetes');

function unpack(zip: string, name: string): string {
  const dir = tempDir(name);
  writeTree(dir, Object.entries(unzipSync(new Uint8Array(readFileSync(zip)))).map(([path, contents]) => ({ path, contents })));
  return dir;
}
const x509 = (dir: string, file: string, ...args: string[]) => openssl(['x509', '-in', file, '-noout', ...args], dir);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (\`npm test\` builds it)`);
  makeOpensslKubeadm(etc);
  // As an admin copies it off the node: `tar czf kubernetes.tgz -C / etc/kubernetes`.
  expect(run('tar', ['czf', 'kubernetes.tar.gz', 'etc/kubernetes'], work).status).toBe(0);
}, 60_000);

describe('certbench cluster-pki renew (dist/cli.mjs)', () => {
  it('--help prints the renew usage and exits 0', () => {
    const r = certbench(['cluster-pki', '--help'], work);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('certbench cluster-pki renew --in DIR|FILE.zip|FILE.tar.gz --out renewed.zip');
    expect(r.stdout).toContain('--rotate-keys');
  });

  it('renews a tar czf of /etc/kubernetes as of 400 days on: before/after tables, openssl judges the zip', () => {
    const at = LATER.toISOString();
    const r = certbench(['cluster-pki', 'renew', '--in', 'kubernetes.tar.gz', '--out', 'renewed.zip', '--at', at], work);
    expect(r.status, r.stderr).toBe(0);
    const [before, after] = r.stdout.split('After:');
    // Before: every leaf expired (kubeadm's table says "<invalid>"), after: none.
    expect(before).toMatch(/apiserver\s+.*<invalid>/);
    expect(before).toMatch(/admin\.conf\s+.*<invalid>/);
    expect(before).toMatch(/kubelet\.conf\s+self\s+points to \/var\/lib\/kubelet\/pki\/kubelet-client-current\.pem/);
    expect(after).not.toContain('<invalid>');
    expect(after).toMatch(/apiserver\s+.*364d/);
    expect(r.stdout).toMatch(/11 renewed in \d+ ms → renewed\.zip/);

    const out = unpack(join(work, 'renewed.zip'), 'cli-renewed');
    for (const f of ['pki/ca.crt', 'pki/ca.key', 'pki/etcd/ca.crt', 'pki/front-proxy-ca.crt', 'pki/sa.key', 'pki/sa.pub', 'kubelet.conf']) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(etc, f))), f).toBe(true);
    }
    for (const l of LEAF_FILES) {
      const crt = `${l.base}.crt`;
      expect(x509(out, crt, '-subject'), crt).toBe(x509(etc, crt, '-subject'));
      expect(x509(out, crt, '-pubkey'), crt).toBe(x509(etc, crt, '-pubkey'));
      expect(x509(out, crt, '-serial'), crt).not.toBe(x509(etc, crt, '-serial'));
      const v = run('/usr/bin/openssl', ['verify', '-attime', String(Math.floor(LATER.getTime() / 1000)), '-CAfile', join(etc, `${l.ca}.crt`), crt], out);
      expect(v.stdout, crt).toContain(`${crt}: OK`);
    }
    for (const u of KUBECONFIG_USERS) {
      const was = parse(readFileSync(join(etc, u.file), 'utf8'));
      const now = parse(readFileSync(join(out, u.file), 'utf8'));
      expect(now.clusters, u.file).toEqual(was.clusters);
      expect(now.contexts, u.file).toEqual(was.contexts);
      expect(now.users[0].user['client-key-data'], u.file).toBe(was.users[0].user['client-key-data']);
      writeFileSync(join(out, `${u.file}.crt`), Buffer.from(now.users[0].user['client-certificate-data'], 'base64'));
      expect(x509(out, `${u.file}.crt`, '-subject'), u.file).toBe(`subject=${u.subj.slice(1).replace(/\//g, ', ').replace(/=/g, ' = ')}\n`);
      const v = run('/usr/bin/openssl', ['verify', '-attime', String(Math.floor(LATER.getTime() / 1000)), '-CAfile', join(etc, 'pki/ca.crt'), `${u.file}.crt`], out);
      expect(v.stdout, u.file).toContain(': OK');
    }
    expect(readFileSync(join(out, 'RENEWAL-STEPS.txt'), 'utf8')).toContain('cp -a /etc/kubernetes /etc/kubernetes.bak-');
  });

  it('--only renews the named rows from a folder, and --days sets their validity', () => {
    const r = certbench(['cluster-pki', 'renew', '--in', etc, '--out', 'only.zip', '--only', 'apiserver,admin.conf', '--days', '90', '--at', LATER.toISOString()], work);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 renewed in/);
    const out = unpack(join(work, 'only.zip'), 'cli-only');
    const start = new Date(x509(out, 'pki/apiserver.crt', '-startdate').trim().replace('notBefore=', ''));
    const end = new Date(x509(out, 'pki/apiserver.crt', '-enddate').trim().replace('notAfter=', ''));
    expect(Math.round((end.getTime() - start.getTime()) / DAY)).toBe(90);
    expect(readFileSync(join(out, 'pki/etcd/server.crt')).equals(readFileSync(join(etc, 'pki/etcd/server.crt')))).toBe(true);
  });

  it('fails with status 1 and a reason: an unknown --only name, a bad --at, a missing --in', () => {
    const unknown = certbench(['cluster-pki', 'renew', '--in', etc, '--out', 'x.zip', '--only', 'apiserverr'], work);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('"apiserverr" is not among the certificates of the copy');
    const badDate = certbench(['cluster-pki', 'renew', '--in', etc, '--out', 'x.zip', '--at', 'soon'], work);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('"soon" is not a date');
    const none = certbench(['cluster-pki', 'renew', '--in', 'nowhere', '--out', 'x.zip'], work);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no such file or folder');
    expect(existsSync(join(work, 'x.zip'))).toBe(false);
  });

  it('asks for --passin when a CA key is encrypted, and renews with it', () => {
    const enc = tempDir('cli-renew-enc');
    makeOpensslKubeadm(join(enc, 'kubernetes'));
    openssl(['pkcs8', '-topk8', '-in', 'kubernetes/pki/ca.key', '-v2', 'aes-256-cbc', '-passout', 'pass:hunter2', '-out', 'ca.key.enc'], enc);
    renameSync(join(enc, 'ca.key.enc'), join(enc, 'kubernetes/pki/ca.key'));
    const asked = certbench(['cluster-pki', 'renew', '--in', 'kubernetes', '--out', 'r.zip', '--at', LATER.toISOString()], enc);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toContain('pki/ca.key is encrypted: give the passphrase');
    const wrong = certbench(['cluster-pki', 'renew', '--in', 'kubernetes', '--out', 'r.zip', '--passin', 'pass:nope', '--at', LATER.toISOString()], enc);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('the passphrase does not open it');
    const ok = certbench(['cluster-pki', 'renew', '--in', 'kubernetes', '--out', 'r.zip', '--passin', 'env:CA_PASS', '--at', LATER.toISOString()], enc, { CA_PASS: 'hunter2' });
    expect(ok.status, ok.stderr).toBe(0);
    const out = unpack(join(enc, 'r.zip'), 'cli-renew-enc-out');
    const v = run('/usr/bin/openssl', ['verify', '-attime', String(Math.floor(LATER.getTime() / 1000)), '-CAfile', join(enc, 'kubernetes/pki/ca.crt'), 'pki/apiserver.crt'], out);
    expect(v.stdout).toContain('pki/apiserver.crt: OK');
  }, 60_000);
});
