/**
 * The five walkthroughs of issue 11 on today's app, in Chromium from file://, driven as a person
 * would (clicks and typing only: no store pokes) and counted by the journey harness (./journey.ts).
 * Each is judged by the real tools (openssl on the files the person saved, kubernetes-models on the
 * manifests) and by the app's own hand-offs; each prints `journey NAME: N actions, 0 values typed twice`
 * and must stay at or under half of the count measured on the app before the bench (4edceed,
 * ./journey-baseline.json, walked by ./journey-baseline.ts).
 *
 * The window is 1600 px wide, so the bench is docked beside the areas as on a desktop screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { unzipSync } from 'fflate';
import { CertificateSigningRequest } from 'kubernetes-models/certificates.k8s.io/v1/CertificateSigningRequest';
import { Secret } from 'kubernetes-models/v1/Secret';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';
import { journey, untilPlanIsOneDay, type Journey } from './journey.ts';
import { b64, openssl, pubOfCert, pubOfKey, verify, write } from './journey-judges.ts';
import BASELINE from './journey-baseline.json' with { type: 'json' };

/** Today's counts, written down when these tests were written (the baseline's are in journey-baseline.json). */
const MEASURED = { registry: 8, pod: 9, 'api-server-and-admin': 12, 'cluster-pki': 3, expiry: 12 } as const;
type Walkthrough = keyof typeof MEASURED;
const ceiling = (name: Walkthrough) => Math.floor(BASELINE[name].actions / 2);

let s: ChromiumSession;
let page: Page;
let watch: PageWatch;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeys-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each walkthrough is a new user: a fresh profile, so no CA from an earlier one.
beforeEach(async () => {
  s = await openChromium();
  page = s.page;
  await page.setViewportSize({ width: 1600, height: 1000 });
  watch = watchPage(page);
  await page.goto(appUrl());
  await waitForApp(page);
});
afterEach(async () => {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(nonLocalRequests(watch.requests)).toEqual([]);
  await s.close();
});

/** The count against its ceiling, and no value typed twice. */
function holds(j: Journey, name: Walkthrough): void {
  const report = j.print();
  expect(report.retyped).toEqual([]);
  expect(report.valuesTypedTwice).toBe(0);
  expect(report.actions).toBeLessThanOrEqual(ceiling(name));
  expect(report.actions).toBe(MEASURED[name]);
}

// ---- moves a person makes, each counted ----

async function goTo(j: Journey, area: 'Create' | 'CA' | 'Kubernetes'): Promise<void> {
  await j.click(page.getByRole('navigation', { name: 'Workbench areas' }).getByRole('link', { name: area, exact: true }));
  await page.getByRole('heading', { level: 1, name: area }).waitFor();
}

async function csrFromPreset(j: Journey, preset: string): Promise<string> {
  await j.click(page.getByRole('button', { name: preset }));
  await j.click(page.getByRole('button', { name: /^Generate (key and )?CSR$/ }));
  await page.getByRole('heading', { name: 'Your key and CSR' }).waitFor({ timeout: 60_000 });
  return (await page.locator('#create-out-csr').textContent())!;
}

const createNext = () => page.getByTestId('create-next-steps');
const quickSigned = () => page.getByTestId('quick-signed');

/** "Sign with …" under Create's result; the signed certificate's next steps appear in its place. */
async function quickSign(j: Journey, button: string): Promise<void> {
  await j.click(createNext().getByRole('button', { name: button }));
  await quickSigned().waitFor({ timeout: 30_000 });
}

/** An object on the docked bench, by kind and title. */
const onBench = (what: string) => page.getByTestId('bench').getByRole('group', { name: what });

async function secretYaml(j: Journey): Promise<{ crt: string; key: string; ca: string; manifest: Record<string, any> }> {
  await page.getByRole('heading', { level: 2, name: 'TLS Secret' }).waitFor();
  await page.getByTestId('k8s-secret-yaml').waitFor({ timeout: 20_000 });
  const manifest = parse((await j.download(page.getByTestId('k8s-secret-yaml-download'))).text);
  new Secret(manifest).validate();
  return { crt: b64(manifest.data['tls.crt']), key: b64(manifest.data['tls.key']), ca: b64(manifest.data['ca.crt']), manifest };
}

// ---- the walkthroughs ----

describe('journeys (Chromium, file://, bench docked)', () => {
  it('registry: the Docker registry preset → a new CA signs it → its CSR manifest → a TLS Secret in its namespace', async () => {
    const j = journey(page, 'registry', { downloadDir: join(dir, 'registry') });
    await goTo(j, 'Create');
    const csrPem = await csrFromPreset(j, 'Docker registry in a cluster');
    await quickSign(j, 'Sign with a new CA');

    await j.click(createNext().getByRole('button', { name: 'CSR manifest', exact: true }));
    await page.getByRole('heading', { level: 2, name: 'CSR manifest' }).waitFor();
    await page.getByTestId('k8s-csr-yaml').waitFor({ timeout: 20_000 });
    const manifest = parse((await j.download(page.getByTestId('k8s-csr-yaml-download'))).text);

    await j.click(onBench('Certificate localhost').getByRole('button', { name: 'TLS Secret' }));
    const secret = await secretYaml(j);
    holds(j, 'registry');

    // kubernetes-models: a valid CSR for a signer of one's own (no built-in signer serves a Service), carrying Create's CSR.
    new CertificateSigningRequest(manifest).validate();
    expect(manifest.spec.signerName).toBe('example.com/serving');
    expect(b64(manifest.spec.request)).toBe(csrPem);
    // The Secret lands where the certificate's Service SAN says, named after the Service.
    expect(secret.manifest.metadata).toEqual({ name: 'registry-tls', namespace: 'docker-registry' });
    const d = join(dir, 'registry');
    const crt = write(d, 'tls.crt', secret.crt);
    expect(verify(['-CAfile', write(d, 'ca.crt', secret.ca), '-purpose', 'sslserver', '-verify_hostname', 'localhost', crt], d)).toBe(`${crt}: OK\n`);
    expect(openssl(['x509', '-noout', '-subject', '-in', write(d, 'ca-subject.crt', secret.ca)], d)).toBe('subject=CN = kubernetes-ca\n');
    expect(pubOfKey(secret.key, d)).toBe(pubOfCert(secret.crt, d));
    expect(openssl(['req', '-noout', '-pubkey'], d, csrPem)).toBe(pubOfCert(secret.crt, d));
  });

  it('pod: the docs’ service and pod → a CA of one’s own signs it → CSR manifest with its status patch → TLS Secret', async () => {
    const j = journey(page, 'pod', { downloadDir: join(dir, 'pod') });
    await goTo(j, 'Create');
    const csrPem = await csrFromPreset(j, 'Kubernetes service and pod');
    await quickSign(j, 'Sign with a new CA');

    await j.click(createNext().getByRole('button', { name: 'CSR manifest', exact: true }));
    await page.getByTestId('k8s-csr-yaml').waitFor({ timeout: 20_000 });
    const manifest = parse((await j.download(page.getByTestId('k8s-csr-yaml-download'))).text);
    // The certificate the CA signed for this request is already in the status patch.
    await page.getByTestId('k8s-csr-status').waitFor({ timeout: 20_000 });
    const patch = JSON.parse((await j.download(page.getByTestId('k8s-csr-status-download'))).text);

    await j.click(onBench('Certificate my-pod.my-namespace.pod.cluster.local').getByRole('button', { name: 'TLS Secret' }));
    const secret = await secretYaml(j);
    holds(j, 'pod');

    new CertificateSigningRequest(manifest).validate();
    expect(manifest.spec).toMatchObject({ signerName: 'example.com/serving', usages: ['digital signature', 'server auth'] });
    expect(b64(manifest.spec.request)).toBe(csrPem);
    expect(Object.keys(patch)).toEqual(['status']);
    const d = join(dir, 'pod');
    const ca = write(d, 'ca.crt', secret.ca);
    const issued = write(d, 'issued.crt', b64(patch.status.certificate));
    for (const ip of ['192.0.2.24', '10.0.34.2']) expect(verify(['-CAfile', ca, '-verify_ip', ip, issued], d)).toBe(`${issued}: OK\n`);
    expect(verify(['-CAfile', ca, '-verify_hostname', 'my-svc.my-namespace.svc.cluster.local', issued], d)).toBe(`${issued}: OK\n`);
    expect(secret.crt.startsWith(b64(patch.status.certificate).trim())).toBe(true);
    expect(secret.manifest.metadata).toEqual({ name: 'my-svc-tls', namespace: 'my-namespace' });
    expect(pubOfKey(secret.key, d)).toBe(openssl(['req', '-noout', '-pubkey'], d, csrPem));
  });

  it('api-server-and-admin: kube-apiserver and admin certificates from one CA, and the admin kubeconfig', async () => {
    const j = journey(page, 'api-server-and-admin', { downloadDir: join(dir, 'api') });
    await goTo(j, 'Create');
    await csrFromPreset(j, 'kube-apiserver serving certificate');
    await quickSign(j, 'Sign with a new CA');
    const apiserverCrt = await j.download(quickSigned().getByRole('button', { name: /^Download(?! \.p12)/ }));
    const apiserverKey = await j.download(page.getByRole('button', { name: /^Download the private key as / }));

    await csrFromPreset(j, 'Cluster admin (client)');
    await quickSign(j, 'Sign with kubernetes-ca');
    await j.click(quickSigned().getByRole('button', { name: 'kubeconfig', exact: true }));
    await page.getByRole('heading', { level: 2, name: 'kubeconfig' }).waitFor();
    await j.fill(page.getByLabel('API server URL'), 'https://192.168.0.10:6443');
    await page.getByTestId('k8s-kc-yaml').waitFor({ timeout: 20_000 });
    const kubeconfig = parse((await j.download(page.getByTestId('k8s-kc-yaml-download'))).text);
    holds(j, 'api-server-and-admin');

    const d = join(dir, 'api');
    const cluster = kubeconfig.clusters[0].cluster;
    expect(cluster.server).toBe('https://192.168.0.10:6443');
    const ca = write(d, 'ca.crt', b64(cluster['certificate-authority-data']));
    // The API server certificate: for serving, from the kubeconfig's CA, for the names clients use, with its key.
    expect(apiserverCrt.name).toBe('apiserver.crt');
    expect(apiserverKey.name).toBe('apiserver.key');
    for (const check of [['-verify_hostname', 'kubernetes.default.svc.cluster.local'], ['-verify_ip', '10.96.0.1']]) {
      expect(verify(['-CAfile', ca, '-purpose', 'sslserver', ...check, apiserverCrt.path], d)).toBe(`${apiserverCrt.path}: OK\n`);
    }
    expect(pubOfKey(apiserverKey.text, d)).toBe(pubOfCert(apiserverCrt.text, d));
    // The admin: a client certificate from the same CA (the CSR asked for clientAuth, and signing followed it).
    const user = kubeconfig.users[0].user;
    const admin = write(d, 'admin.crt', b64(user['client-certificate-data']));
    expect(verify(['-CAfile', ca, '-purpose', 'sslclient', admin], d)).toBe(`${admin}: OK\n`);
    expect(verify(['-CAfile', ca, '-purpose', 'sslserver', admin], d)).not.toBe(`${admin}: OK\n`);
    expect(openssl(['x509', '-noout', '-subject', '-in', admin], d)).toBe('subject=O = system:masters, CN = kubernetes-admin\n');
    expect(pubOfKey(b64(user['client-key-data']), d)).toBe(pubOfCert(b64(user['client-certificate-data']), d));
  });

  it('cluster-pki: the kubeadm set generated and saved in one click, its expiry table in place', async () => {
    const j = journey(page, 'cluster-pki', { downloadDir: join(dir, 'pki') });
    await goTo(j, 'Kubernetes');
    await j.click(page.getByRole('tab', { name: 'Cluster PKI' }));
    const zip = await j.download(page.getByRole('button', { name: 'Generate and download kubeadm-pki.zip' }));
    const table = page.getByTestId('k8s-pki-expiry');
    await table.waitFor({ timeout: 60_000 });
    holds(j, 'cluster-pki');

    expect(zip.name).toBe('kubeadm-pki.zip');
    const d = join(dir, 'pki');
    for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(zip.bytes)))) write(d, path, bytes);
    const p = (f: string) => join(d, 'pki', f);
    expect(verify(['-CAfile', p('ca.crt'), '-purpose', 'sslserver', p('apiserver.crt')], d)).toBe(`${p('apiserver.crt')}: OK\n`);
    expect(verify(['-CAfile', p('etcd/ca.crt'), p('etcd/server.crt')], d)).toBe(`${p('etcd/server.crt')}: OK\n`);
    expect(verify(['-CAfile', p('front-proxy-ca.crt'), p('front-proxy-client.crt')], d)).toBe(`${p('front-proxy-client.crt')}: OK\n`);
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['apiserver', 'apiserver-etcd-client', 'admin.conf', 'front-proxy-client']));
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it('expiry: a one-day certificate is expired as of a later date, renewed in place, and valid then', async () => {
    const later = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    const j = journey(page, 'expiry', { downloadDir: join(dir, 'expiry') });
    await goTo(j, 'Create');
    const csrPem = await csrFromPreset(j, 'kube-apiserver serving certificate');
    await j.click(createNext().getByRole('button', { name: 'Sign with a CA…' }));
    await page.getByRole('heading', { level: 1, name: 'CA' }).waitFor();
    // No CA yet: one with a key this browser holds (no passphrase to type twice).
    const form = page.getByRole('form', { name: 'Create a CA' });
    await j.check(form.getByRole('radio', { name: 'Browser-held key (no passphrase)' }));
    await j.click(form.getByRole('button', { name: 'Create root CA' }));
    const plan = page.getByRole('form', { name: 'Issuance plan' });
    await plan.waitFor({ timeout: 30_000 });
    await j.fill(plan.getByLabel('Validity (days)'), '1');
    await untilPlanIsOneDay(plan);
    await j.click(plan.getByRole('button', { name: 'Sign certificate' }));
    await page.getByRole('region', { name: 'Signed certificate' }).waitFor({ timeout: 30_000 });

    await j.click(page.getByTestId('sign-next-steps').getByRole('button', { name: 'Check expiry' }));
    await page.getByRole('heading', { level: 2, name: 'Expiry check' }).waitFor();
    await j.fill(page.getByLabel('As of (UTC date)'), later);
    await page.getByTestId('k8s-expiry-asof').filter({ hasText: `as of ${later}` }).waitFor();
    const row = page.getByTestId('k8s-expiry-certs').locator('tbody tr').filter({ hasText: 'kube-apiserver' });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toMatch(/expired/);

    await j.click(row.getByRole('button', { name: /^Renew/ }));
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).not.toMatch(/expired/);
    const renewed = await j.download(page.getByTestId('k8s-expiry-renewed').getByRole('button', { name: /^Download(?! \.p12)/ }));
    holds(j, 'expiry');

    const d = join(dir, 'expiry');
    // Renewed as kubeadm does: the same key and names, from the same CA, valid a year from (about) now.
    expect(pubOfCert(renewed.text, d)).toBe(openssl(['req', '-noout', '-pubkey'], d, csrPem));
    expect(openssl(['x509', '-noout', '-checkend', String(3 * 86400)], d, renewed.text)).toBe('Certificate will not expire\n');
    expect(openssl(['x509', '-noout', '-ext', 'subjectAltName'], d, renewed.text)).toContain('DNS:kubernetes.default.svc.cluster.local');
    const issuer = openssl(['x509', '-noout', '-issuer'], d, renewed.text);
    expect(issuer).toBe('issuer=CN = kubernetes-ca\n');
  });
});
