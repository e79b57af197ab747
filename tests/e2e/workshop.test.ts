/**
 * The Workshop area in real Chromium from file://: every lab run end to end through its own UI,
 * the artifacts downloaded and judged by openssl; progress surviving a reload; reset; and the
 * workshop leader's CA export imported into a second browser profile, which then signs with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

let dir: string;
function openssl(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}
const b64 = (s: string) => Buffer.from(s, 'base64').toString();

async function download(page: Page, testId: string, as?: string, step?: string): Promise<string> {
  const scope = step ? page.getByTestId(`ws-step-${step}`) : page;
  const [dl] = await Promise.all([page.waitForEvent('download'), scope.getByTestId(testId).click()]);
  const path = join(dir, as ?? dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

async function openLab(page: Page, id: string) {
  await page.getByTestId(`ws-lab-${id}`).click();
  await expect.poll(() => page.getByTestId(`ws-lab-${id}`).getAttribute('aria-current')).toBe('true');
}

/** Runs a step through its button and waits for its checks to pass (the step's state changes on every run). */
async function doStep(page: Page, stepId: string) {
  const section = page.getByTestId(`ws-step-${stepId}`);
  const before = await section.getAttribute('data-updated');
  await page.getByTestId(`ws-run-${stepId}`).click();
  await expect.poll(() => section.getAttribute('data-updated'), { timeout: 30_000 }).not.toBe(before);
  await page.getByTestId(`ws-status-${stepId}`).filter({ hasText: 'Done' }).waitFor({ timeout: 5_000 });
  const failed = await page.getByTestId(`ws-checks-${stepId}`).locator('li[data-ok="false"]').allTextContents();
  expect(failed, stepId).toEqual([]);
}

describe('Workshop in Chromium (file://)', () => {
  let s: ChromiumSession;
  let watch: PageWatch;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'certbench-ws-e2e-'));
    s = await openChromium();
    watch = watchPage(s.page);
    await s.page.goto(`${appUrl()}#workshop`);
    await waitForApp(s.page);
    await s.page.getByRole('heading', { level: 1, name: 'Workshop' }).waitFor();
    await s.page.getByTestId('ws-lab').waitFor();
  });
  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lab 1: registry CSR with its SANs (localhost too), its key, manifest, signed certificate and Secret, judged by openssl', async () => {
    const page = s.page;
    await openLab(page, 'registry');
    // The step needing a CSR says so and cannot run yet.
    await expect(page.getByTestId('ws-run-approve').isDisabled()).resolves.toBe(true);
    for (const step of ['ca', 'csr', 'manifest', 'approve', 'secret']) await doStep(page, step);
    await expect(page.getByTestId('ws-progress').textContent()).resolves.toBe('5 of 5 steps done');
    const csr = await download(page, 'ws-artifact-registry-csr-download');
    const req = openssl(['req', '-in', csr, '-noout', '-verify', '-text']);
    expect(req.out).toContain('verify OK');
    expect(req.out).toContain('DNS:registry.docker-registry, DNS:registry.docker-registry.svc.cluster.local, DNS:localhost');
    const ca = await download(page, 'ws-artifact-ca-crt-download');
    const crt = await download(page, 'ws-artifact-registry-crt-download');
    for (const host of ['registry.docker-registry', 'localhost']) expect(openssl(['verify', '-CAfile', ca, '-verify_hostname', host, crt]).out, host).toContain('OK');
    // The key the commands call registry.key is offered under that name, and is the certificate's key.
    const key = await download(page, 'ws-key-registry', undefined, 'csr');
    expect(key.endsWith('/registry.key')).toBe(true);
    expect(openssl(['pkey', '-in', key, '-pubout']).out).toBe(openssl(['x509', '-in', crt, '-noout', '-pubkey']).out);
    await expect(page.getByTestId('ws-commands-secret').textContent()).resolves.toContain('--key=registry.key');
    const manifest = parse(readFileSync(await download(page, 'ws-artifact-registry-csr-yaml-download'), 'utf8'));
    expect(manifest.spec.signerName).toBe('workshop.example/registry-signer');
    expect(b64(manifest.spec.request)).toBe(readFileSync(csr, 'utf8'));
    const secret = parse(readFileSync(await download(page, 'ws-artifact-registry-tls-yaml-download'), 'utf8'));
    writeFileSync(join(dir, 'tls.crt'), b64(secret.data['tls.crt']));
    writeFileSync(join(dir, 'tls.key'), b64(secret.data['tls.key']));
    expect(openssl(['x509', '-in', 'tls.crt', '-noout', '-pubkey']).out).toBe(openssl(['pkey', '-in', 'tls.key', '-pubout']).out);
    // OpenSSL text and the equivalent commands with the person's values.
    await expect(page.getByTestId('ws-artifact-registry-crt-text').textContent()).resolves.toContain('DNS:registry.docker-registry.svc.cluster.local');
    await expect(page.getByTestId('ws-commands-approve').textContent()).resolves.toContain('openssl x509 -req -in registry.csr -CA ca.crt');
  });

  it('lab 1: choosing kubelet-serving fails the manifest check with the signer\u2019s reason', async () => {
    const page = s.page;
    await page.getByTestId('ws-field-manifest-signer').selectOption('kubernetes.io/kubelet-serving');
    await page.getByTestId('ws-run-manifest').click();
    await page.getByTestId('ws-checks-manifest').locator('li[data-check="manifest-accepted"][data-ok="false"]').waitFor();
    await expect(page.getByTestId('ws-status-secret').textContent()).resolves.toContain('Not done');
    await page.getByTestId('ws-field-manifest-signer').selectOption('workshop.example/registry-signer');
    await doStep(page, 'manifest');
  });

  it('progress survives a reload', async () => {
    await s.page.reload();
    await waitForApp(s.page);
    await s.page.getByTestId('ws-lab').waitFor();
    await expect(s.page.getByTestId('ws-lab-registry').getAttribute('aria-current')).resolves.toBe('true');
    await expect(s.page.getByTestId('ws-status-manifest').textContent()).resolves.toContain('Done');
    await expect(s.page.getByTestId('ws-artifact-registry-csr').textContent()).resolves.toContain('BEGIN CERTIFICATE REQUEST');
    // The manifest was made again, so approval has not run on it: no certificate is shown as made by it.
    await expect(s.page.getByTestId('ws-status-approve').textContent()).resolves.toContain('Not done');
    expect(await s.page.getByTestId('ws-step-approve').locator('[data-testid^="ws-artifact-"]').count()).toBe(0);
  });

  it('lab 2: the docs\u2019 P-256 service/pod certificate verifies for its IPs; the review refuses another namespace', async () => {
    const page = s.page;
    await openLab(page, 'service-pod');
    for (const step of ['ca', 'csr', 'manifest']) await doStep(page, step);
    await page.getByTestId('ws-field-review-username').fill('system:serviceaccount:other:default');
    await page.getByTestId('ws-run-review').click();
    await page.getByTestId('ws-checks-review').locator('li[data-check="approver-requester"][data-ok="false"]').waitFor();
    await page.getByTestId('ws-field-review-username').fill('system:serviceaccount:my-namespace:default');
    await doStep(page, 'review');
    await doStep(page, 'approve');
    const ca = await download(page, 'ws-artifact-ca-crt-download', 'ca2.crt');
    const crt = await download(page, 'ws-artifact-server-crt-download');
    expect(openssl(['x509', '-in', crt, '-noout', '-text']).out).toContain('ASN1 OID: prime256v1');
    for (const ip of ['10.0.34.2', '192.0.2.24']) expect(openssl(['verify', '-CAfile', ca, '-verify_ip', ip, crt]).out).toContain('OK');
  });

  it('lab 3: API server and admin certificates, kubeconfig, handshake story', async () => {
    const page = s.page;
    await openLab(page, 'apiserver');
    for (const step of ['ca', 'apiserver', 'client', 'kubeconfig', 'handshake']) await doStep(page, step);
    await expect(page.getByTestId('ws-explain-handshake').locator('li').count()).resolves.toBe(8);
    // The list numbers the messages; the texts do not number them again ("1. 1.").
    for (const text of await page.getByTestId('ws-explain-handshake').locator('li').allTextContents()) expect(text).not.toMatch(/^\s*\d+\./);
    await expect(page.getByTestId('ws-explain-handshake').locator('li').first().textContent()).resolves.toMatch(/^kubectl opens https:\/\/kubemaster:6443/);
    const ca = await download(page, 'ws-artifact-ca-crt-download', 'ca3.crt');
    const api = await download(page, 'ws-artifact-apiserver-crt-download');
    expect(openssl(['verify', '-CAfile', ca, '-verify_hostname', 'kubemaster', '-purpose', 'sslserver', api]).out).toContain('OK');
    expect(openssl(['verify', '-CAfile', ca, '-verify_ip', '10.24.0.1', api]).out).toContain('OK');
    const kc = parse(readFileSync(await download(page, 'ws-artifact-admin-kubeconfig-download'), 'utf8'));
    expect(kc.clusters[0].cluster.server).toBe('https://kubemaster:6443');
    expect(b64(kc.clusters[0].cluster['certificate-authority-data'])).toBe(readFileSync(ca, 'utf8'));
    writeFileSync(join(dir, 'kc-admin.crt'), b64(kc.users[0].user['client-certificate-data']));
    writeFileSync(join(dir, 'kc-admin.key'), b64(kc.users[0].user['client-key-data']));
    expect(openssl(['verify', '-CAfile', ca, '-purpose', 'sslclient', 'kc-admin.crt']).out).toContain('OK');
    expect(openssl(['x509', '-in', 'kc-admin.crt', '-noout', '-subject']).out).toContain('O = system:masters, CN = admin');
    expect(openssl(['x509', '-in', 'kc-admin.crt', '-noout', '-pubkey']).out).toBe(openssl(['pkey', '-in', 'kc-admin.key', '-pubout']).out);
  });

  it('lab 4: the moved clock expires both certificates (openssl -attime agrees), renewal fixes them', async () => {
    const page = s.page;
    await openLab(page, 'expiry');
    for (const step of ['ca', 'issue']) await doStep(page, step);
    const asOf = await page.getByTestId('ws-field-clock-asOf').inputValue();
    await doStep(page, 'clock');
    await expect(page.getByTestId('ws-artifact-expiry-table-txt').textContent()).resolves.toMatch(/apiserver\s.*<invalid>/);
    await expect(page.getByTestId('ws-explain-clock').textContent()).resolves.toContain('Unauthorized');
    const ca = await download(page, 'ws-artifact-ca-crt-download', 'ca4.crt');
    const old = await download(page, 'ws-artifact-apiserver-crt-download', 'apiserver-old.crt', 'issue');
    const at = String(Math.floor(new Date(asOf).getTime() / 1000));
    expect(openssl(['verify', '-attime', at, '-CAfile', ca, old]).out).toContain('certificate has expired');
    // Not run yet: renew does not show step 2's (expired) certificates as what it made.
    await expect(page.getByTestId('ws-status-renew').textContent()).resolves.toContain('Not done');
    expect(await page.getByTestId('ws-step-renew').locator('[data-testid^="ws-artifact-"]').count()).toBe(0);
    await doStep(page, 'renew');
    // Step 3 still tells what it checked, about step 2's certificates: expired, never also "valid".
    const story = page.getByTestId('ws-explain-clock');
    await expect.poll(() => story.textContent()).toContain('The API server certificate has expired');
    expect(await story.textContent()).not.toContain('is valid');
    expect(await page.getByTestId('ws-checks-clock').locator('li[data-ok="false"]').count()).toBe(0);
    const issued = await download(page, 'ws-artifact-apiserver-expired-crt-download', 'apiserver-issued.crt', 'issue');
    expect(readFileSync(issued, 'utf8')).toBe(readFileSync(old, 'utf8'));
    const renewed = await download(page, 'ws-artifact-apiserver-crt-download', 'apiserver-renewed.crt', 'renew');
    const admin = await download(page, 'ws-artifact-admin-crt-download', 'admin-renewed.crt', 'renew');
    expect(openssl(['verify', '-attime', at, '-CAfile', ca, renewed, admin]).ok).toBe(true);
    expect(openssl(['x509', '-in', old, '-noout', '-pubkey']).out).toBe(openssl(['x509', '-in', renewed, '-noout', '-pubkey']).out);
    // The last step: the lab's own kubeadm /etc/kubernetes, expired as of the clock, rescued offline.
    await doStep(page, 'rescue');
    await expect(page.getByTestId('ws-artifact-cluster-expiry-before-txt').textContent()).resolves.toMatch(/apiserver\s.*<invalid>/);
    await expect(page.getByTestId('ws-artifact-cluster-expiry-after-txt').textContent()).resolves.not.toContain('<invalid>');
    const clusterCa = await download(page, 'ws-artifact-cluster-pki-etcd-ca-crt-download', 'cluster-etcd-ca.crt', 'rescue');
    const etcdServer = await download(page, 'ws-artifact-cluster-pki-etcd-server-crt-download', 'cluster-etcd-server.crt', 'rescue');
    expect(openssl(['verify', '-attime', at, '-CAfile', clusterCa, etcdServer]).out).toContain(': OK');
  });

  it('lab 5: the Hard Way set verifies and the table shows each CN/O; reset forgets the lab', async () => {
    const page = s.page;
    await openLab(page, 'hard-way');
    await doStep(page, 'generate');
    await doStep(page, 'identities');
    await expect(page.getByTestId('ws-table-identities').locator('tbody tr').count()).resolves.toBe(10);
    const ca = await download(page, 'ws-artifact-hard-way-ca-pem-download');
    for (const name of ['admin', 'worker-0', 'kube-proxy', 'kubernetes']) {
      const p = await download(page, `ws-artifact-hard-way-${name}-pem-download`);
      expect(openssl(['verify', '-CAfile', ca, p]).out, name).toContain('OK');
    }
    expect(openssl(['x509', '-in', join(dir, 'hard-way-worker-0.pem'), '-noout', '-subject', '-nameopt', 'RFC2253']).out).toMatch(/CN=system:node:worker-0,OU=.*,O=system:nodes/);
    // The keys and kubeconfigs are offered right after generating (in memory only): each key is its certificate's.
    for (const name of ['admin', 'worker-0']) {
      const key = await download(page, `ws-offered-${name}-key-pem`);
      expect(openssl(['pkey', '-in', key, '-pubout']).out, name).toBe(openssl(['x509', '-in', join(dir, `hard-way-${name}.pem`), '-noout', '-pubkey']).out);
    }
    const kubeconfig = await download(page, 'ws-offered-admin-kubeconfig');
    expect(readFileSync(kubeconfig, 'utf8')).toMatch(/client-key-data: \S+/);

    await page.getByTestId('ws-reset').click();
    await page.getByTestId('ws-notice').waitFor();
    await expect(page.getByTestId('ws-progress').textContent()).resolves.toBe('0 of 2 steps done');
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('ws-lab').waitFor();
    await expect(page.getByTestId('ws-progress').textContent()).resolves.toBe('0 of 2 steps done');
    expect(await page.getByTestId('ws-table-identities').count()).toBe(0);
    expect(await page.getByTestId('ws-offered-generate').count()).toBe(0);
  });

  it('exports the workshop CA; a second browser profile imports it and signs with it', async () => {
    const page = s.page;
    await openLab(page, 'registry');
    if ((await page.getByTestId('ws-artifact-ca-crt').count()) === 0) await doStep(page, 'ca');
    const caPem = await page.getByTestId('ws-artifact-ca-crt').textContent();
    await page.getByTestId('ws-leader').locator('summary').click();
    await page.getByTestId('ws-export-passphrase').fill('room passphrase');
    const file = await download(page, 'ws-export');
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('certbench-ca-backup');

    const other = await openChromium();
    try {
      const otherWatch = watchPage(other.page);
      await other.page.goto(`${appUrl()}#workshop`);
      await waitForApp(other.page);
      await other.page.getByTestId('ws-lab').waitFor();
      await other.page.getByTestId('ws-leader').locator('summary').click();
      await other.page.getByTestId('ws-import-file').setInputFiles(file);
      await other.page.getByTestId('ws-import-passphrase').fill('wrong');
      await other.page.getByTestId('ws-import').click();
      await expect(other.page.getByTestId('ws-leader-error').textContent()).resolves.toContain('wrong passphrase');
      await other.page.getByTestId('ws-import-passphrase').fill('room passphrase');
      await other.page.getByTestId('ws-import').click();
      await other.page.getByTestId('ws-imported').waitFor();
      await expect(other.page.getByTestId('ws-leader-result').textContent()).resolves.toMatch(/Added [1-9]\d* CA\(s\), [1-9]\d* key\(s\)/);
      await expect(other.page.getByTestId('ws-imported').textContent()).resolves.toContain('CN = workshop-ca');
      // Pick the imported CA (the lab-1 CA of the first profile) and sign with it.
      const option = other.page.getByTestId('ws-field-ca-ca').locator('option', { hasText: /workshop-ca/ });
      const ids = await option.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      let matched = false;
      for (const id of ids) {
        await other.page.getByTestId('ws-field-ca-ca').selectOption(id);
        await doStep(other.page, 'ca');
        if ((await other.page.getByTestId('ws-artifact-ca-crt').textContent()) === caPem) {
          matched = true;
          break;
        }
      }
      expect(matched).toBe(true);
      for (const step of ['csr', 'manifest', 'approve']) await doStep(other.page, step);
      const crt = await download(other.page, 'ws-artifact-registry-crt-download', 'imported-ca-registry.crt');
      writeFileSync(join(dir, 'leader-ca.crt'), caPem!);
      expect(openssl(['verify', '-CAfile', 'leader-ca.crt', crt]).out).toContain('OK');
      expect(nonLocalRequests(otherWatch.requests)).toEqual([]);
      expect(otherWatch.pageErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('made no network requests and raised no errors', () => {
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
