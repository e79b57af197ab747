import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCluster, PassphraseNeededError, readClusterFiles } from '../../src/kube/rescue/input.ts';
import { planRescue } from '../../src/kube/rescue/plan.ts';
import { renewCluster, type RescueResult } from '../../src/kube/rescue/renew.ts';
import { STEPS_FILE } from '../../src/kube/rescue/steps.ts';
import { untar } from '../../src/kube/rescue/tar.ts';
import { filesUnder, KUBECONFIG_USERS, LEAF_FILES, makeOpensslKubeadm } from './kubeadm-openssl.helper.ts';
import { openssl, run, tempDir, writeTree } from './kube-tls.helper.ts';

const DAY = 86_400_000;
/** 400 days on: every leaf (365 days) has expired, the CAs (10 years) have not. */
const LATER = new Date(Date.now() + 400 * DAY);
const unixTime = (d: Date) => String(Math.floor(d.getTime() / 1000));

/** Writes the renewed zip's files under a new folder and returns it. */
function unpack(result: RescueResult, prefix: string): string {
  const dir = tempDir(prefix);
  writeTree(dir, Object.entries(unzipSync(result.zip)).map(([path, contents]) => ({ path, contents })));
  return dir;
}

const x509 = (dir: string, file: string, ...args: string[]) => openssl(['x509', '-in', file, '-noout', ...args], dir);
const pubkeyOf = (dir: string, file: string) => openssl(['x509', '-in', file, '-noout', '-pubkey'], dir);
const text = (dir: string, file: string) => x509(dir, file, '-text');
const ext = (t: string, name: string) => new RegExp(`${name}:.*\\n\\s+(.*)`).exec(t)?.[1];

/** Extracts a kubeconfig's embedded client certificate and key to files; returns the parsed YAML. */
function kubeconfigParts(dir: string, file: string): { server: string; cert: string; key: string; doc: Record<string, unknown> } {
  const doc = parse(readFileSync(join(dir, file), 'utf8'));
  const user = doc.users[0].user;
  writeFileSync(join(dir, `${file}.crt`), Buffer.from(user['client-certificate-data'], 'base64'));
  writeFileSync(join(dir, `${file}.key`), Buffer.from(user['client-key-data'], 'base64'));
  return { server: doc.clusters[0].cluster.server, cert: `${file}.crt`, key: Buffer.from(user['client-key-data'], 'base64').toString(), doc };
}

/** What the Done-when lines ask, judged by openssl: CA files identical, leaves same subject/SANs/EKU/key, new serial, ~1 year, verify. */
function judgeRenewal(original: string, out: string, at: Date) {
  for (const f of ['pki/ca.crt', 'pki/ca.key', 'pki/front-proxy-ca.crt', 'pki/front-proxy-ca.key', 'pki/etcd/ca.crt', 'pki/etcd/ca.key', 'pki/sa.key', 'pki/sa.pub', 'kubelet.conf']) {
    expect(readFileSync(join(out, f)).equals(readFileSync(join(original, f))), f).toBe(true);
  }
  for (const l of LEAF_FILES) {
    const crt = `${l.base}.crt`;
    const before = text(original, crt);
    const after = text(out, crt);
    expect(x509(out, crt, '-subject'), crt).toBe(x509(original, crt, '-subject'));
    expect(ext(after, 'X509v3 Subject Alternative Name'), crt).toBe(ext(before, 'X509v3 Subject Alternative Name'));
    expect(ext(after, 'X509v3 Extended Key Usage'), crt).toBe(ext(before, 'X509v3 Extended Key Usage'));
    expect(ext(after, 'X509v3 Key Usage'), crt).toBe(ext(before, 'X509v3 Key Usage'));
    expect(pubkeyOf(out, crt), crt).toBe(pubkeyOf(original, crt));
    expect(x509(out, crt, '-serial'), crt).not.toBe(x509(original, crt, '-serial'));
    expect(readFileSync(join(out, `${l.base}.key`)).equals(readFileSync(join(original, `${l.base}.key`))), `${l.base}.key`).toBe(true);
    const notBefore = new Date(x509(out, crt, '-startdate').trim().replace('notBefore=', ''));
    const notAfter = new Date(x509(out, crt, '-enddate').trim().replace('notAfter=', ''));
    expect(Math.abs(at.getTime() - 5 * 60_000 - notBefore.getTime()), crt).toBeLessThan(2000);
    expect(Math.round((notAfter.getTime() - notBefore.getTime()) / DAY), crt).toBe(365);
    // The original CA file, unchanged, judges the renewed leaf (at the renewal's date: the leaf starts then).
    const verified = run('/usr/bin/openssl', ['verify', '-attime', unixTime(at), '-CAfile', `${l.ca}.crt`, crt], out);
    expect(verified.stdout + verified.stderr, crt).toContain(`${crt}: OK`);
  }
  for (const u of KUBECONFIG_USERS) {
    const was = kubeconfigParts(original, u.file);
    const now = kubeconfigParts(out, u.file);
    expect(now.server).toBe(was.server);
    expect(now.key).toBe(was.key);
    expect((now.doc.contexts as unknown[])).toEqual(was.doc.contexts);
    expect(now.doc['current-context']).toBe(was.doc['current-context']);
    expect((now.doc.users as { name: string }[])[0]!.name).toBe(u.user);
    expect(x509(out, now.cert, '-subject')).toBe(x509(original, was.cert, '-subject'));
    expect(pubkeyOf(out, now.cert)).toBe(pubkeyOf(original, was.cert));
    expect(x509(out, now.cert, '-serial')).not.toBe(x509(original, was.cert, '-serial'));
    const verified = run('/usr/bin/openssl', ['verify', '-attime', unixTime(at), '-CAfile', 'pki/ca.crt', now.cert], out);
    expect(verified.stdout + verified.stderr, u.file).toContain(': OK');
    // The key still belongs to the renewed certificate.
    writeFileSync(join(out, `${u.file}.pub`), openssl(['pkey', '-in', `${u.file}.key`, '-pubout'], out));
    expect(readFileSync(join(out, `${u.file}.pub`), 'utf8')).toBe(pubkeyOf(out, now.cert));
  }
}

describe('cluster rescue of an openssl-made kubeadm /etc/kubernetes (ECDSA)', () => {
  let base: string;
  let etc: string;
  beforeAll(() => {
    base = tempDir('rescue');
    etc = join(base, 'etc/kubernetes');
    makeOpensslKubeadm(etc);
    // A file with a name over 100 bytes: tar writes it with a GNU long name (or pax).
    mkdirSync(join(etc, 'extra'), { recursive: true });
    writeFileSync(join(etc, 'extra', `${'n'.repeat(120)}.txt`), 'kept as it is\n');
  }, 60_000);

  it('renews from a dropped folder: the plan names every row, openssl judges the result', async () => {
    const files = readClusterFiles(filesUnder(etc));
    expect(files.has('pki/ca.crt')).toBe(true);
    const cluster = await loadCluster(files);
    const plan = await planRescue(cluster, { asOf: LATER });
    expect(plan.beforeTable).toMatch(/^CERTIFICATE\s+EXPIRES\s+RESIDUAL TIME/);
    expect(plan.before.certificates.filter((r) => r.expired).map((r) => r.name).sort()).toEqual(
      ['admin.conf', 'apiserver', 'apiserver-etcd-client', 'apiserver-kubelet-client', 'controller-manager.conf', 'etcd-healthcheck-client', 'etcd-peer', 'etcd-server', 'front-proxy-client', 'scheduler.conf', 'super-admin.conf'],
    );
    const byName = Object.fromEntries(plan.items.map((i) => [i.name, i]));
    expect(byName['kubelet.conf']!.action).toBe('self-renews');
    expect(byName['kubelet.conf']!.reason).toContain('kubelet-client-current.pem');
    expect(byName['ca']!.action).toBe('keep');
    expect(plan.items.filter((i) => i.action === 'renew')).toHaveLength(11);
    expect(plan.missing).toEqual([]);
    expect(plan.other).toEqual([`extra/${'n'.repeat(120)}.txt`]);

    const result = await renewCluster(cluster, { asOf: LATER });
    expect(result.renewed).toHaveLength(11);
    expect(result.after.certificates.filter((r) => r.expired)).toEqual([]);
    expect(result.afterTable).toContain('apiserver');
    expect(result.steps).toContain('kubelet.conf');
    expect(result.steps).toContain('install -m 644 renewed/pki/apiserver.crt /etc/kubernetes/pki/apiserver.crt');
    expect(result.steps).not.toContain('renewed/pki/ca.crt');
    const out = unpack(result, 'rescue-folder');
    expect(readFileSync(join(out, STEPS_FILE), 'utf8')).toBe(result.steps);
    expect(readFileSync(join(out, 'extra', `${'n'.repeat(120)}.txt`), 'utf8')).toBe('kept as it is\n');
    judgeRenewal(etc, out, LATER);
  }, 60_000);

  it('renews from a `tar czf` of /etc/kubernetes (etc/kubernetes/ prefix, long names)', async () => {
    const tgz = join(base, 'k8s.tar.gz');
    const tarred = run('tar', ['czf', tgz, '-C', base, 'etc/kubernetes'], base);
    expect(tarred.status, tarred.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(tgz));
    const files = readClusterFiles([{ path: 'k8s.tar.gz', bytes }]);
    expect(files.get(`extra/${'n'.repeat(120)}.txt`)).toBeDefined();
    const result = await renewCluster(await loadCluster(files), { asOf: LATER });
    expect(result.renewed).toHaveLength(11);
    judgeRenewal(etc, unpack(result, 'rescue-tgz'), LATER);
  }, 60_000);

  it('reads a pax tar (tar --format=pax) with the kubernetes/ prefix', () => {
    const tar = join(base, 'pax.tar');
    expect(run('tar', ['cf', tar, '--format=pax', '-C', join(base, 'etc'), 'kubernetes'], base).status).toBe(0);
    const entries = untar(new Uint8Array(readFileSync(tar)));
    expect([...entries.keys()]).toContain(`kubernetes/extra/${'n'.repeat(120)}.txt`);
    const files = readClusterFiles([{ path: 'pax.tar', bytes: new Uint8Array(readFileSync(tar)) }]);
    expect(files.get('pki/apiserver.crt')).toEqual(new Uint8Array(readFileSync(join(etc, 'pki/apiserver.crt'))));
  });

  it('places files picked one by one (no folders) where kubeadm keeps them', async () => {
    const loose = ['ca.crt', 'ca.key', 'apiserver.crt', 'apiserver.key', 'front-proxy-client.crt', 'sa.pub'].map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(etc, 'pki', f))) }));
    loose.push({ path: 'admin.conf', bytes: new Uint8Array(readFileSync(join(etc, 'admin.conf'))) });
    const files = readClusterFiles(loose);
    expect([...files.keys()].sort()).toEqual(['admin.conf', 'pki/apiserver.crt', 'pki/apiserver.key', 'pki/ca.crt', 'pki/ca.key', 'pki/front-proxy-client.crt', 'pki/sa.pub']);
    const plan = await planRescue(await loadCluster(files), { asOf: LATER });
    expect(plan.items.filter((i) => i.action === 'renew').map((i) => i.name).sort()).toEqual(['admin.conf', 'apiserver']);
    expect(plan.items.find((i) => i.name === 'front-proxy-client')!.why.code).toBe('ca-missing');
  });

  it('renews only the chosen rows; the others stay byte-identical', async () => {
    const files = readClusterFiles(filesUnder(etc));
    const result = await renewCluster(await loadCluster(files), { asOf: LATER, only: ['apiserver', 'admin.conf'] });
    expect(result.renewed.map((r) => r.name).sort()).toEqual(['admin.conf', 'apiserver']);
    expect(result.files.get('pki/etcd/server.crt')).toEqual(files.get('pki/etcd/server.crt'));
    expect(result.plan.items.find((i) => i.name === 'etcd-server')!.action).toBe('skip');
    await expect(planRescue(await loadCluster(files), { only: ['apiserverx'] })).rejects.toThrow(/apiserverx/);
  }, 60_000);

  it('names missing pieces: without etcd/ca.key the etcd leaves cannot be renewed (externally managed)', async () => {
    const files = readClusterFiles(filesUnder(etc));
    files.delete('pki/etcd/ca.key');
    files.delete('super-admin.conf');
    const cluster = await loadCluster(files);
    expect(cluster.missing.map((m) => m.path)).toEqual(['pki/etcd/ca.key', 'super-admin.conf']);
    const plan = await planRescue(cluster, { asOf: LATER });
    const etcdServer = plan.items.find((i) => i.name === 'etcd-server')!;
    expect(etcdServer.action).toBe('cannot');
    expect(etcdServer.reason).toContain('pki/etcd/ca.key');
    expect(etcdServer.why).toEqual({ code: 'ca-key-absent', vars: { key: 'pki/etcd/ca.key' } });
    expect(cluster.missing.map((m) => [m.code, m.name])).toEqual([['ca-key', 'etcd-ca'], ['kubeconfig', 'super-admin.conf']]);
    const result = await renewCluster(cluster, { asOf: LATER });
    expect(result.renewed.map((r) => r.name)).not.toContain('etcd-server');
    expect(result.files.get('pki/etcd/server.crt')).toEqual(files.get('pki/etcd/server.crt'));
    expect(result.steps).toMatch(/Not renewed:[\s\S]*etcd-server/);
  }, 60_000);

  it('refuses a CA key that does not match its certificate', async () => {
    const files = readClusterFiles(filesUnder(etc));
    files.set('pki/ca.key', files.get('pki/front-proxy-ca.key')!);
    await expect(loadCluster(files)).rejects.toThrow(/pki\/ca\.key: this key does not belong to pki\/ca\.crt/);
  });

  it('asks for the passphrase of an encrypted CA key, says when it is wrong, and renews with the right one', async () => {
    const dir = tempDir('rescue-enc');
    openssl(['pkcs8', '-topk8', '-in', join(etc, 'pki/ca.key'), '-v2', 'aes-256-cbc', '-passout', 'pass:s3cret', '-out', join(dir, 'ca.key')], dir);
    const files = readClusterFiles(filesUnder(etc));
    files.set('pki/ca.key', new Uint8Array(readFileSync(join(dir, 'ca.key'))));
    const asked = await loadCluster(files).catch((e: unknown) => e);
    expect(asked).toBeInstanceOf(PassphraseNeededError);
    expect((asked as PassphraseNeededError).paths).toEqual(['pki/ca.key']);
    expect((asked as PassphraseNeededError).wrong).toBe(false);
    const wrong = await loadCluster(files, { passphrase: 'nope' }).catch((e: unknown) => e);
    expect((wrong as PassphraseNeededError).wrong).toBe(true);
    const result = await renewCluster(await loadCluster(files, { passphrase: 's3cret' }), { asOf: LATER, only: ['apiserver'] });
    expect(result.files.get('pki/ca.key')).toEqual(files.get('pki/ca.key'));
    const out = unpack(result, 'rescue-enc-out');
    expect(run('/usr/bin/openssl', ['verify', '-attime', unixTime(LATER), '-CAfile', join(etc, 'pki/ca.crt'), 'pki/apiserver.crt'], out).stdout).toContain('OK');
  }, 60_000);

  it('rotates keys on request: new key pairs that match their certificates, kubeconfigs carry the new key', async () => {
    const result = await renewCluster(await loadCluster(readClusterFiles(filesUnder(etc))), { asOf: LATER, rotateKeys: true, only: ['etcd-peer', 'scheduler.conf'] });
    const out = unpack(result, 'rescue-rotate');
    expect(pubkeyOf(out, 'pki/etcd/peer.crt')).not.toBe(pubkeyOf(etc, 'pki/etcd/peer.crt'));
    expect(openssl(['pkey', '-in', 'pki/etcd/peer.key', '-pubout'], out)).toBe(pubkeyOf(out, 'pki/etcd/peer.crt'));
    const kc = kubeconfigParts(out, 'scheduler.conf');
    writeFileSync(join(out, 'sched.key'), kc.key);
    expect(openssl(['pkey', '-in', 'sched.key', '-pubout'], out)).toBe(pubkeyOf(out, kc.cert));
    expect(kc.key).not.toBe(kubeconfigParts(etc, 'scheduler.conf').key);
    expect(result.steps).toMatch(/Keys were rotated[\s\S]*scheduler\.conf/);
  }, 60_000);
});

describe('cluster rescue with a CA near or past its end (RSA-2048, kubelet.conf embedded)', () => {
  let etc: string;
  beforeAll(() => {
    etc = join(tempDir('rescue-rsa'), 'kubernetes');
    makeOpensslKubeadm(etc, { keyType: 'rsa', caDays: { 'front-proxy-ca': 500 }, kubeletEmbedded: true });
  }, 120_000);

  it('caps a leaf at its CA\'s notAfter with a warning, and renews an embedded kubelet.conf', async () => {
    const result = await renewCluster(await loadCluster(readClusterFiles(filesUnder(etc))), { asOf: LATER });
    expect(result.warnings.join('\n')).toMatch(/front-proxy-client: validity shortened to end with its CA front-proxy-ca/);
    const out = unpack(result, 'rescue-cap');
    expect(x509(out, 'pki/front-proxy-client.crt', '-enddate')).toBe(x509(etc, 'pki/front-proxy-ca.crt', '-enddate'));
    expect(result.renewed.map((r) => r.name)).toContain('kubelet.conf');
    const kubelet = kubeconfigParts(out, 'kubelet.conf');
    expect(x509(out, kubelet.cert, '-subject')).toContain('CN = system:node:cp-1');
    expect(run('/usr/bin/openssl', ['verify', '-attime', unixTime(LATER), '-CAfile', 'pki/ca.crt', kubelet.cert], out).stdout).toContain('OK');
  }, 60_000);

  it('an expired CA blocks its leaves; renewing CAs keeps their key so old and new certificates verify', async () => {
    const past = new Date(Date.now() + 600 * DAY);
    const cluster = await loadCluster(readClusterFiles(filesUnder(etc)));
    const plan = await planRescue(cluster, { asOf: past });
    const fp = plan.items.find((i) => i.name === 'front-proxy-client')!;
    expect(fp.action).toBe('cannot');
    expect(fp.reason).toMatch(/front-proxy-ca expired/);
    expect(fp.why.code).toBe('ca-expired');

    const result = await renewCluster(cluster, { asOf: past, renewCas: true });
    const out = unpack(result, 'rescue-renew-ca');
    for (const ca of ['pki/ca.crt', 'pki/front-proxy-ca.crt', 'pki/etcd/ca.crt']) {
      expect(pubkeyOf(out, ca), ca).toBe(pubkeyOf(etc, ca));
      expect(x509(out, ca, '-subject')).toBe(x509(etc, ca, '-subject'));
      expect(x509(out, ca, '-serial')).not.toBe(x509(etc, ca, '-serial'));
    }
    expect(run('/usr/bin/openssl', ['verify', '-attime', unixTime(past), '-CAfile', 'pki/front-proxy-ca.crt', 'pki/front-proxy-client.crt'], out).stdout).toContain('OK');
    // A certificate signed before the CA's renewal chains to the renewed CA (same key, same name); its own dates aside.
    expect(run('/usr/bin/openssl', ['verify', '-no_check_time', '-CAfile', join(out, 'pki/front-proxy-ca.crt'), join(etc, 'pki/front-proxy-client.crt')], out).stdout).toContain('OK');
    // The kubeconfigs embed the renewed cluster CA.
    const admin = parse(readFileSync(join(out, 'admin.conf'), 'utf8'));
    expect(Buffer.from(admin.clusters[0].cluster['certificate-authority-data'], 'base64').toString()).toBe(readFileSync(join(out, 'pki/ca.crt'), 'utf8'));
    expect(result.steps).toContain('kube-root-ca.crt');
  }, 60_000);
});
