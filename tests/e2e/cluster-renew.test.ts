/**
 * "Renew a cluster (kubeadm)" in real Chromium from file://: an openssl-made kubeadm /etc/kubernetes,
 * as a `tar czf` dropped on the section and as a folder opened through the webkitdirectory input (its
 * etcd CA key encrypted); as of 400 days on every leaf has expired; Renew downloads the zip, which openssl
 * judges: CA files byte-identical, each leaf the same subject, SANs, EKU and public key with a new serial
 * and a year of validity, verifying against the unchanged CA; kubeconfigs keep server and key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { KUBECONFIG_USERS, LEAF_FILES, makeOpensslKubeadm } from '../unit/kubeadm-openssl.helper.ts';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const work = mkdtempSync(join(tmpdir(), 'certbench-cluster-renew-e2e-'));
const openssl = (args: string[], cwd = work) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const DAY = 86_400_000;
const LATER = new Date(Date.now() + 400 * DAY).toISOString().slice(0, 10);
const atLater = String(Math.floor(Date.parse(`${LATER}T00:00:00Z`) / 1000));
const PASS = 'etcd ca pass';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is (the a11y suite's bar). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Unzips the download into `out`. */
function unpack(zipPath: string, out: string): void {
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(zipPath))))) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), bytes);
  }
}

/** The brief's judgement of a renewal, by openssl. */
function judge(original: string, out: string): void {
  for (const f of ['pki/ca.crt', 'pki/ca.key', 'pki/front-proxy-ca.crt', 'pki/etcd/ca.crt', 'pki/etcd/ca.key', 'pki/sa.key', 'pki/sa.pub', 'kubelet.conf']) {
    expect(readFileSync(join(out, f)).equals(readFileSync(join(original, f))), f).toBe(true);
  }
  const x509 = (dir: string, crt: string, ...opts: string[]) => openssl(['x509', '-in', crt, '-noout', ...opts], dir);
  for (const l of LEAF_FILES) {
    const crt = `${l.base}.crt`;
    expect(x509(out, crt, '-subject', '-ext', 'subjectAltName,extendedKeyUsage,keyUsage'), crt).toBe(x509(original, crt, '-subject', '-ext', 'subjectAltName,extendedKeyUsage,keyUsage'));
    expect(x509(out, crt, '-pubkey'), crt).toBe(x509(original, crt, '-pubkey'));
    expect(x509(out, crt, '-serial'), crt).not.toBe(x509(original, crt, '-serial'));
    const start = Date.parse(x509(out, crt, '-startdate').trim().replace('notBefore=', ''));
    const end = Date.parse(x509(out, crt, '-enddate').trim().replace('notAfter=', ''));
    expect(Math.round((end - start) / DAY), crt).toBe(365);
    expect(openssl(['verify', '-attime', atLater, '-CAfile', join(original, `${l.ca}.crt`), crt], out), crt).toBe(`${crt}: OK\n`);
  }
  for (const u of KUBECONFIG_USERS) {
    const was = parse(readFileSync(join(original, u.file), 'utf8'));
    const now = parse(readFileSync(join(out, u.file), 'utf8'));
    expect(now.clusters[0].cluster.server, u.file).toBe(was.clusters[0].cluster.server);
    expect(now.users[0].user['client-key-data'], u.file).toBe(was.users[0].user['client-key-data']);
    expect(now.users[0].user['client-certificate-data'], u.file).not.toBe(was.users[0].user['client-certificate-data']);
    writeFileSync(join(out, `${u.file}.crt`), Buffer.from(now.users[0].user['client-certificate-data'], 'base64'));
    expect(openssl(['verify', '-attime', atLater, '-CAfile', join(original, 'pki/ca.crt'), `${u.file}.crt`], out), u.file).toBe(`${u.file}.crt: OK\n`);
  }
}

async function renewAndDownload(page: Page, saveAs: string): Promise<void> {
  await page.getByLabel('As of (UTC date)').fill(LATER);
  await page.getByLabel('As of (UTC date)').blur();
  const before = page.getByTestId('k8s-renew-before-certs');
  await expect.poll(() => before.locator('tbody tr', { has: page.locator('th', { hasText: /^apiserver$/ }) }).textContent(), { timeout: 20_000 }).toContain('<invalid>');
  await expect(page.getByTestId('k8s-renew-plan').locator('tr[data-action="renew"]').count()).resolves.toBe(11);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Renew and download kubernetes-renewed.zip' }).click()]);
  expect(download.suggestedFilename()).toBe('kubernetes-renewed.zip');
  await download.saveAs(saveAs);
  const after = page.getByTestId('k8s-renew-after-certs');
  await after.waitFor({ timeout: 30_000 });
  await expect(after.textContent()).resolves.not.toContain('<invalid>');
  await expect(page.getByTestId('k8s-renew-steps').textContent()).resolves.toContain('cp -a /etc/kubernetes /etc/kubernetes.bak-');
}

/** Nothing that holds a key or the passphrase may reach sessionStorage. */
async function storageHoldsNoSecret(page: Page): Promise<void> {
  const stored = await page.evaluate(() => Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`).join('\n'));
  expect(stored).toContain(LATER); // the as-of date is remembered: the storage was written
  expect(stored).not.toMatch(/PRIVATE KEY|client-key-data|LS0tLS1CRUdJTi/);
  expect(stored).not.toContain(PASS);
}

describe('Renew a cluster (kubeadm) in Chromium from file://', () => {
  let s: ChromiumSession;
  let watch: PageWatch;
  const tarRoot = join(work, 'tar');
  const folderRoot = join(work, 'folder/kubernetes');

  beforeAll(async () => {
    makeOpensslKubeadm(join(tarRoot, 'etc/kubernetes'));
    expect(spawnSync('tar', ['czf', 'kubernetes.tar.gz', 'etc/kubernetes'], { cwd: tarRoot }).status).toBe(0);
    makeOpensslKubeadm(folderRoot, { keyType: 'rsa' });
    s = await openChromium();
    watch = watchPage(s.page);
    await s.page.goto(`${appUrl()}#kubernetes`);
    await waitForApp(s.page);
    await s.page.getByRole('tab', { name: 'Renew a cluster (kubeadm)' }).click();
    await s.page.getByRole('heading', { level: 2, name: 'Renew a cluster (kubeadm)' }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('a dropped tar czf of /etc/kubernetes (ECDSA): plan, Renew, the downloaded zip judged by openssl', async () => {
    const page = s.page;
    const tgz = readFileSync(join(tarRoot, 'kubernetes.tar.gz')).toString('base64');
    const dataTransfer = await page.evaluateHandle((b64) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'kubernetes.tar.gz', { type: 'application/gzip' }));
      return dt;
    }, tgz);
    await page.getByTestId('k8s-renew-drop').dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('k8s-renew-plan').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('k8s-renew-input').textContent()).resolves.toBe('Copy: kubernetes.tar.gz');
    await expect(page.getByTestId('k8s-renew-plan').locator('tr[data-name="kubelet.conf"]').getAttribute('data-action')).resolves.toBe('self-renews');

    await renewAndDownload(page, join(work, 'tar-renewed.zip'));
    const out = join(work, 'tar-renewed');
    unpack(join(work, 'tar-renewed.zip'), out);
    judge(join(tarRoot, 'etc/kubernetes'), out);
    expect(readFileSync(join(out, 'RENEWAL-STEPS.txt'), 'utf8')).toContain('kubelet-client-current.pem');
    await storageHoldsNoSecret(page);
    // The section with its plan, tables and steps on screen passes the a11y suite's bar.
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('a folder (RSA-2048, etcd CA key encrypted) through the folder input: passphrase, Renew, judged by openssl', async () => {
    const page = s.page;
    openssl(['pkcs8', '-topk8', '-in', 'pki/etcd/ca.key', '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`, '-out', '../etcd-ca.enc'], folderRoot);
    const plainEtcdKey = readFileSync(join(folderRoot, 'pki/etcd/ca.key'));
    renameSync(join(folderRoot, '../etcd-ca.enc'), join(folderRoot, 'pki/etcd/ca.key'));

    await page.getByRole('button', { name: 'Forget the copy and its keys' }).click();
    await page.getByLabel('Open the copy of /etc/kubernetes as a folder').setInputFiles(folderRoot);
    const prompt = page.getByLabel('Encrypted CA key (pki/etcd/ca.key): its passphrase');
    await prompt.waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('k8s-renew-input').textContent()).resolves.toMatch(/^Copy: \d+ files$/);
    await prompt.fill(PASS);
    await page.getByRole('button', { name: 'Open the keys' }).click();
    await page.getByTestId('k8s-renew-plan').waitFor({ timeout: 20_000 });

    await renewAndDownload(page, join(work, 'folder-renewed.zip'));
    const out = join(work, 'folder-renewed');
    unpack(join(work, 'folder-renewed.zip'), out);
    judge(folderRoot, out);
    // The encrypted key went out as it came in; its plaintext never did.
    expect(readFileSync(join(out, 'pki/etcd/ca.key'), 'utf8')).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(readFileSync(join(out, 'pki/etcd/ca.key')).equals(plainEtcdKey)).toBe(false);
    await storageHoldsNoSecret(page);

    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
