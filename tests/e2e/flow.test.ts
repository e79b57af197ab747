/**
 * The flow across areas in real Chromium from file://, in one page without reloads (the hand-over is
 * in memory only): Create makes a CSR from the "Docker registry" preset; the CA signs that CSR
 * through "Use the CSR made in Create"; Kubernetes turns the same CSR into a manifest that
 * kubernetes-models accepts, and the issued certificate with Create's key into a TLS Secret whose
 * tls.crt openssl verifies against the CA and whose tls.key is the certificate's key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { CertificateSigningRequest } from 'kubernetes-models/certificates.k8s.io/v1/CertificateSigningRequest';
import { Secret } from 'kubernetes-models/v1/Secret';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-flow-'));
const CA_NAME = 'CN = Flow Root CA';

function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** openssl verify prints its verdict on stdout, its reasons on stderr: both, whatever the exit code. */
function opensslVerify(args: string[]): string {
  try {
    return execFileSync('openssl', ['verify', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, `dl-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/** Switches area through the header's links: the hash changes, the page is not reloaded. */
async function goToArea(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workbench areas' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

const publicKeyOf = {
  csr: (pem: string) => openssl(['req', '-noout', '-pubkey'], pem),
  cert: (pem: string) => openssl(['x509', '-noout', '-pubkey'], pem),
  key: (pem: string) => openssl(['pkey', '-pubout'], pem),
};

describe('Create → CA → Kubernetes in Chromium from file://', () => {
  let s: ChromiumSession;
  let page: Page;
  let watch: PageWatch;
  let csrPem = '';
  let caPem = '';

  beforeAll(async () => {
    s = await openChromium();
    page = s.page;
    watch = watchPage(page);
    await page.goto(`${appUrl()}#create`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Create' }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Create: the "Docker registry" preset makes a CSR openssl verifies', async () => {
    await page.getByRole('button', { name: 'Docker registry in a cluster' }).click();
    await page.getByRole('button', { name: 'Generate key and CSR' }).click();
    await page.getByRole('heading', { name: 'Your key and CSR' }).waitFor({ timeout: 30_000 });
    const csr = await download(page, () => page.getByRole('button', { name: /^Download the CSR as / }).click());
    expect(csr.name).toBe('registry.csr'); // the preset's short name, as lab 1's commands use it
    expect(openssl(['req', '-in', csr.path, '-verify', '-noout'])).toBe('');
    csrPem = csr.text;
  });

  it('CA: offers the CSR made in Create only once a CA exists, and signs it', async () => {
    await goToArea(page, 'CA');
    await page.getByText('Reading the CA store…').waitFor({ state: 'detached' });
    // No CA yet: nothing could sign it, so the CSR is not offered.
    expect(await page.getByTestId('sign-use-session-csr').count()).toBe(0);
    const form = page.getByRole('form', { name: 'Create a CA' });
    await form.getByLabel('Subject').fill('CN=Flow Root CA');
    await form.getByRole('radio', { name: 'Browser-held key (no passphrase)' }).check();
    await form.getByRole('button', { name: 'Create root CA' }).click();
    await expect.poll(() => page.getByTestId('ca-message').textContent(), { timeout: 20_000 }).toContain('Created root CA');
    const card = page.getByRole('article', { name: `CA ${CA_NAME}` });
    caPem = (await download(page, () => card.getByRole('button', { name: 'Download certificate PEM' }).click())).text;

    await page.getByRole('button', { name: 'Use the CSR made in Create (CN localhost)' }).click();
    await expect(page.getByLabel(/^Certificate signing request/).inputValue()).resolves.toBe(csrPem);
    const plan = page.getByRole('form', { name: 'Issuance plan' });
    await expect(plan.getByLabel(/Subject alternative names/).inputValue()).resolves.toBe('DNS:registry.docker-registry\nDNS:registry.docker-registry.svc.cluster.local\nDNS:localhost');
    await plan.getByRole('button', { name: 'Sign certificate' }).click();
    await page.getByRole('region', { name: 'Signed certificate' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('sign-kept-for-session').waitFor();
    const cert = await download(page, () => page.getByRole('button', { name: 'Download certificate', exact: true }).click());
    expect(opensslVerify(['-CAfile', join(dir, writeTemp('ca.pem', caPem)), cert.path])).toBe(`${cert.path}: OK\n`);
  });

  it('Kubernetes: a CSR manifest from the CSR made in Create, accepted by kubernetes-models', async () => {
    await goToArea(page, 'Kubernetes');
    await openSection(page, 'CSR manifest');
    await page.getByTestId('k8s-csr-use-session').click();
    await expect(page.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }).inputValue()).resolves.toBe(csrPem);
    // A registry's serving certificate is for a signer of one's own (the built-in ones are for kubelets and clients):
    // the form starts there, says why, and the placeholder domain is the person's to replace.
    await expect(page.getByLabel('Signer (spec.signerName)').inputValue()).resolves.toBe('custom');
    await expect(page.getByTestId('k8s-csr-suggestion').textContent()).resolves.toMatch(/no built-in signer issues those/);
    await expect(page.getByLabel('Custom signer name').inputValue()).resolves.toBe('example.com/serving');
    await page.getByLabel('Custom signer name').fill('example.com/registry-ca');
    await page.getByTestId('k8s-csr-yaml').waitFor();
    const file = await download(page, () => page.getByTestId('k8s-csr-yaml-download').click());
    const manifest = parse(file.text);
    expect(() => new CertificateSigningRequest(manifest).validate()).not.toThrow();
    expect(manifest).toMatchObject({ apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', spec: { signerName: 'example.com/registry-ca' } });
    expect(Buffer.from(manifest.spec.request, 'base64').toString('utf8')).toBe(csrPem);
  });

  it('Kubernetes: a TLS Secret from the issued certificate and Create’s key; openssl verifies tls.crt and matches tls.key', async () => {
    await openSection(page, 'TLS Secret');
    await page.getByTestId('k8s-secret-use-session').click();
    await page.getByLabel('Secret name').fill('registry-tls');
    await page.getByLabel('Namespace (optional)').fill('docker-registry');
    // The Secret is rebuilt a moment after each edit: wait for the one with both fields in.
    await expect.poll(() => page.getByTestId('k8s-secret-yaml').textContent(), { timeout: 20_000 }).toMatch(/namespace: docker-registry\n/);
    const file = await download(page, () => page.getByTestId('k8s-secret-yaml-download').click());
    const secret = parse(file.text);
    expect(() => new Secret(secret).validate()).not.toThrow();
    expect(secret).toMatchObject({ kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'registry-tls', namespace: 'docker-registry' } });
    // ca.crt is the CA that signed it, handed over with the certificate.
    expect(Buffer.from(secret.data['ca.crt'], 'base64').toString()).toBe(caPem);
    const tlsCrt = Buffer.from(secret.data['tls.crt'], 'base64').toString();
    const tlsKey = Buffer.from(secret.data['tls.key'], 'base64').toString();
    const crtPath = join(dir, writeTemp('tls.crt', tlsCrt));
    expect(opensslVerify(['-CAfile', join(dir, writeTemp('ca.pem', caPem)), '-untrusted', crtPath, crtPath])).toBe(`${crtPath}: OK\n`);
    expect(openssl(['x509', '-noout', '-subject', '-ext', 'subjectAltName'], tlsCrt)).toContain('DNS:registry.docker-registry, DNS:registry.docker-registry.svc.cluster.local');
    expect(tlsKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    // tls.key is tls.crt's key, and both are the key Create made for its CSR.
    expect(publicKeyOf.key(tlsKey)).toBe(publicKeyOf.cert(tlsCrt));
    expect(publicKeyOf.cert(tlsCrt)).toBe(publicKeyOf.csr(csrPem));
  });

  it('Kubernetes: the kubeconfig section offers the same certificate and key, and the CA that signed it', async () => {
    await openSection(page, 'kubeconfig');
    await page.getByTestId('k8s-kubeconfig-use-session').click();
    await expect(page.getByRole('textbox', { name: 'Client certificate (client-certificate-data)' }).inputValue()).resolves.toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    await expect(page.getByRole('textbox', { name: 'Client private key (client-key-data)' }).inputValue()).resolves.toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    await expect(page.getByRole('textbox', { name: 'Cluster CA certificate (certificate-authority-data)' }).inputValue()).resolves.toBe(caPem);
  });

  it('logged no console error and asked for nothing outside the page', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(nonLocalRequests(watch.requests)).toEqual([]);
  });
});

function writeTemp(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}
