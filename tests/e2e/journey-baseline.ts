/**
 * The five walkthroughs of issue 11 as a new user has to do them on the UI before the bench
 * (commit 4edceed): each area on its own, hand-offs only where that UI offered one ("Use the CSR made
 * in Create", "Use the certificate just issued"), otherwise download in one area and open the file in
 * another, and type again what an area forgot on the way. The shortest path that UI allows: browser-held
 * CA keys (no passphrase to type twice), defaults wherever they do, nothing downloaded that the
 * walkthrough does not need. Counted by the journey harness (./journey.ts); each walkthrough is judged
 * (openssl, kubernetes-models, the page's own expiry table) so a count is only reported for a journey
 * that worked.
 *
 * Not a test file (vitest's e2e include is *.test.ts): run by scripts/journey-baseline.mjs against a
 * build of 4edceed; the numbers are in ./journey-baseline.json, for the ceilings of the new journeys.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { unzipSync } from 'fflate';
import { CertificateSigningRequest } from 'kubernetes-models/certificates.k8s.io/v1/CertificateSigningRequest';
import { Secret } from 'kubernetes-models/v1/Secret';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage } from './browsers.ts';
import { journey, untilPlanIsOneDay, type Journey, type JourneyReport } from './journey.ts';
import { b64, judge, openssl, pubOfCert, pubOfKey, verify, write } from './journey-judges.ts';

type Walk = (page: Page, j: Journey, dir: string) => Promise<void>;

// ---- moves a person makes, each counted by the journey ----

async function goTo(page: Page, j: Journey, area: 'Create' | 'CA' | 'Kubernetes'): Promise<void> {
  await j.click(page.getByRole('navigation', { name: 'Workbench areas' }).getByRole('link', { name: area, exact: true }));
  await page.getByRole('heading', { level: 1, name: area }).waitFor();
  if (area === 'CA') await page.getByText('Reading the CA store…').waitFor({ state: 'detached' });
}

async function openTab(page: Page, j: Journey, name: string): Promise<void> {
  await j.click(page.getByRole('tab', { name }));
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

async function createCsrFromPreset(page: Page, j: Journey, preset: string, edit?: () => Promise<void>): Promise<void> {
  await j.click(page.getByRole('button', { name: preset }));
  await edit?.();
  await j.click(page.getByRole('button', { name: 'Generate key and CSR' }));
  await page.getByRole('heading', { name: 'Your key and CSR' }).waitFor({ timeout: 60_000 });
}

/** A root CA whose key the browser holds (the option without a passphrase typed twice). */
async function createRootCa(page: Page, j: Journey, subject: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Create a CA' });
  await j.fill(form.getByLabel('Subject'), subject);
  await j.check(form.getByRole('radio', { name: 'Browser-held key (no passphrase)' }));
  await j.click(form.getByRole('button', { name: 'Create root CA' }));
  await page.getByTestId('ca-message').filter({ hasText: 'Created root CA' }).waitFor({ timeout: 30_000 });
}

async function signSessionCsr(page: Page, j: Journey, before?: () => Promise<void>): Promise<void> {
  await j.click(page.getByTestId('sign-use-session-csr'));
  const plan = page.getByRole('form', { name: 'Issuance plan' });
  await plan.waitFor();
  await before?.();
  await j.click(plan.getByRole('button', { name: 'Sign certificate' }));
  await page.getByRole('region', { name: 'Signed certificate' }).waitFor({ timeout: 30_000 });
}

const downloadIssued = (page: Page, j: Journey) => j.download(page.getByRole('button', { name: 'Download certificate', exact: true }));

/** The CA certificate for the judge, saved without counting (the person did not need it). */
async function judgeSavesCaPem(page: Page, dir: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download certificate PEM' }).first().click()]);
  const path = join(dir, 'judge-ca.pem');
  await dl.saveAs(path);
  return readFileSync(path, 'utf8');
}

/** Kubernetes' CSR manifest section (open on arrival) from Create's CSR, for a signer of one's own; the judge reads the manifest. */
async function csrManifestForOwnSigner(page: Page, j: Journey, signer: string, csrPem: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: 'CSR manifest' }).waitFor();
  await j.click(page.getByTestId('k8s-csr-use-session'));
  // The default signer (kube-apiserver-client) refuses a serving certificate: a signer of one's own.
  await j.select(page.getByLabel('Signer (spec.signerName)'), 'custom');
  await j.fill(page.getByLabel('Custom signer name'), signer);
  await page.getByTestId('k8s-csr-yaml').waitFor();
  const manifest = parse((await j.download(page.getByTestId('k8s-csr-yaml-download'))).text);
  new CertificateSigningRequest(manifest).validate();
  judge(manifest.spec.signerName === signer && b64(manifest.spec.request) === csrPem, 'the manifest carries Create’s CSR for that signer');
}

/** The TLS Secret section from the certificate just issued and Create's key; returns its tls.crt and tls.key. */
async function tlsSecretOfIssued(page: Page, j: Journey, name: string, namespace: string): Promise<{ crt: string; key: string }> {
  await openTab(page, j, 'TLS Secret');
  await j.click(page.getByTestId('k8s-secret-use-session'));
  await j.fill(page.getByLabel('Secret name'), name);
  await j.fill(page.getByLabel('Namespace (optional)'), namespace);
  await page.getByTestId('k8s-secret-yaml').filter({ hasText: `namespace: ${namespace}` }).waitFor({ timeout: 20_000 });
  const secret = parse((await j.download(page.getByTestId('k8s-secret-yaml-download'))).text);
  new Secret(secret).validate();
  return { crt: b64(secret.data['tls.crt']), key: b64(secret.data['tls.key']) };
}

// ---- the five walkthroughs ----

/** a. Create's "Docker registry" preset → a CA signs it → its CSR manifest → a TLS Secret. */
const registry: Walk = async (page, j, dir) => {
  await goTo(page, j, 'Create');
  await createCsrFromPreset(page, j, 'Docker registry in a cluster');
  const csrPem = (await page.locator('#create-out-csr').textContent())!;

  await goTo(page, j, 'CA');
  await createRootCa(page, j, 'CN=Registry CA');
  const caPem = await judgeSavesCaPem(page, dir);
  await signSessionCsr(page, j);

  await goTo(page, j, 'Kubernetes');
  await csrManifestForOwnSigner(page, j, 'example.com/registry-ca', csrPem);
  const secret = await tlsSecretOfIssued(page, j, 'registry-tls', 'docker-registry');

  const crt = write(dir, 'tls.crt', secret.crt);
  judge(verify(['-CAfile', write(dir, 'ca.pem', caPem), crt], dir) === `${crt}: OK\n`, 'openssl verifies tls.crt against the CA');
  judge(pubOfKey(secret.key, dir) === pubOfCert(secret.crt, dir), 'tls.key is tls.crt’s key');
};

/** b. The Kubernetes docs' pod certificate: preset → CSR manifest for a custom signer → signed by one's own CA → TLS Secret. */
const pod: Walk = async (page, j, dir) => {
  await goTo(page, j, 'Create');
  await createCsrFromPreset(page, j, 'Kubernetes service and pod');
  const csrPem = (await page.locator('#create-out-csr').textContent())!;

  await goTo(page, j, 'Kubernetes');
  await csrManifestForOwnSigner(page, j, 'example.com/serving', csrPem);

  // "Sign the certificate with your own CA", then put it into .status.certificate: that UI has no
  // step for the status update, so the certificate goes out as a file for kubectl.
  await goTo(page, j, 'CA');
  await createRootCa(page, j, 'CN=My Example Signer');
  const caPem = await judgeSavesCaPem(page, dir);
  await signSessionCsr(page, j);
  const issued = await downloadIssued(page, j);

  await goTo(page, j, 'Kubernetes');
  const secret = await tlsSecretOfIssued(page, j, 'my-svc-tls', 'my-namespace');

  judge(verify(['-CAfile', write(dir, 'ca.pem', caPem), issued.path], dir) === `${issued.path}: OK\n`, 'openssl verifies the signed certificate');
  judge(/IP Address:10\.0\.34\.2/.test(openssl(['x509', '-noout', '-ext', 'subjectAltName'], dir, issued.text)), 'the certificate has the pod IP SANs');
  judge(secret.crt.startsWith(issued.text.trim()), 'tls.crt is the signed certificate');
  judge(pubOfKey(secret.key, dir) === pubOfCert(issued.text, dir), 'tls.key is its key');
};

/** c. A CA; the API server's certificate from the preset; an admin client certificate; an admin kubeconfig. */
const apiServerAndAdmin: Walk = async (page, j, dir) => {
  await goTo(page, j, 'CA');
  await createRootCa(page, j, 'CN=kubernetes');
  // The kubeconfig form will want the CA certificate and offers no hand-off for it.
  const ca = await j.download(page.getByRole('button', { name: 'Download certificate PEM' }));

  await goTo(page, j, 'Create');
  await createCsrFromPreset(page, j, 'kube-apiserver serving certificate');
  // Create forgets its key when left: the API server's key is saved now or never.
  const apiserverKey = await j.download(page.getByRole('button', { name: /^Download the private key as / }));

  await goTo(page, j, 'CA');
  await signSessionCsr(page, j);
  const apiserverCrt = await downloadIssued(page, j);

  await goTo(page, j, 'Create');
  await createCsrFromPreset(page, j, 'Cluster admin (client)', () => j.fill(page.getByLabel('Attribute 2 value (Common name)'), 'kubernetes-admin'));

  await goTo(page, j, 'CA');
  // Sign starts on the server profile whatever the CSR asks for: the admin needs client.
  await signSessionCsr(page, j, () => j.select(page.getByLabel('Profile'), 'client'));

  await goTo(page, j, 'Kubernetes');
  await openTab(page, j, 'kubeconfig');
  await j.click(page.getByTestId('k8s-kubeconfig-use-session'));
  await j.upload(page.getByTestId('k8s-kc-ca-file'), ca.path);
  await j.fill(page.getByLabel('API server URL'), 'https://kubemaster:6443');
  await page.getByTestId('k8s-kc-yaml').waitFor({ timeout: 20_000 });
  const kubeconfig = parse((await j.download(page.getByTestId('k8s-kc-yaml-download'))).text);

  judge(verify(['-CAfile', ca.path, '-purpose', 'sslserver', apiserverCrt.path], dir) === `${apiserverCrt.path}: OK\n`, 'openssl verifies the API server certificate');
  judge(pubOfKey(apiserverKey.text, dir) === pubOfCert(apiserverCrt.text, dir), 'the API server key is its certificate’s');
  const user = kubeconfig.users[0].user;
  const adminCrt = write(dir, 'admin.crt', b64(user['client-certificate-data']));
  judge(b64(kubeconfig.clusters[0].cluster['certificate-authority-data']) === ca.text, 'the kubeconfig trusts the CA');
  judge(verify(['-CAfile', ca.path, '-purpose', 'sslclient', adminCrt], dir) === `${adminCrt}: OK\n`, 'openssl verifies the admin certificate for client use');
  judge(openssl(['x509', '-noout', '-subject', '-in', adminCrt], dir) === 'subject=O = system:masters, CN = kubernetes-admin\n', 'the admin is kubernetes-admin in system:masters');
  judge(pubOfKey(b64(user['client-key-data']), dir) === pubOfCert(readFileSync(adminCrt, 'utf8'), dir), 'client-key-data is the admin certificate’s key');
};

/** d. The kubeadm cluster PKI, downloaded, then checked in the expiry tab. */
const clusterPki: Walk = async (page, j, dir) => {
  await goTo(page, j, 'Kubernetes');
  await openTab(page, j, 'Cluster PKI');
  await j.click(page.getByRole('button', { name: 'Generate the cluster PKI' }));
  await page.getByTestId('k8s-pki-elapsed').waitFor({ timeout: 60_000 });
  const zip = await j.download(page.getByTestId('k8s-pki-download'));
  await openTab(page, j, 'Expiry check');
  await j.upload(page.getByTestId('k8s-expiry-file'), zip.path);
  const certs = page.getByTestId('k8s-expiry-certs');
  await certs.waitFor({ timeout: 20_000 });

  const files = unzipSync(new Uint8Array(zip.bytes));
  for (const [path, bytes] of Object.entries(files)) write(join(dir, 'kubeadm'), path, bytes);
  const p = (f: string) => join(dir, 'kubeadm', 'pki', f);
  judge(verify(['-CAfile', p('ca.crt'), p('apiserver.crt')], dir) === `${p('apiserver.crt')}: OK\n`, 'openssl verifies apiserver.crt');
  judge(verify(['-CAfile', p('etcd/ca.crt'), p('etcd/server.crt')], dir) === `${p('etcd/server.crt')}: OK\n`, 'openssl verifies etcd/server.crt');
  const names = await certs.locator('tbody th').allTextContents();
  judge(names.includes('apiserver') && names.includes('admin.conf') && names.length >= 10, `the expiry table lists the cluster’s certificates (${names.join(', ')})`);
};

/** e. A short-lived certificate checked as of a later date in the expiry tab, renewed in CA, checked again. */
const expiry: Walk = async (page, j, dir) => {
  const later = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);

  await goTo(page, j, 'CA');
  await createRootCa(page, j, 'CN=Expiry Lab CA');
  const caPem = await judgeSavesCaPem(page, dir);

  await goTo(page, j, 'Create');
  await createCsrFromPreset(page, j, 'kube-apiserver serving certificate');

  await goTo(page, j, 'CA');
  await signSessionCsr(page, j, async () => {
    const plan = page.getByRole('form', { name: 'Issuance plan' });
    await j.fill(plan.getByLabel('Validity (days)'), '1');
    await untilPlanIsOneDay(plan);
  });
  const first = await downloadIssued(page, j);

  const checkAsOf = async (file: string): Promise<string> => {
    await goTo(page, j, 'Kubernetes');
    await openTab(page, j, 'Expiry check');
    await j.upload(page.getByTestId('k8s-expiry-file'), file);
    await j.fill(page.getByLabel('As of (UTC date)'), later);
    await page.getByTestId('k8s-expiry-asof').filter({ hasText: `as of ${later}` }).waitFor();
    const row = page.getByTestId('k8s-expiry-certs').locator('tbody tr').first();
    await row.waitFor({ timeout: 20_000 });
    return (await row.textContent()) ?? '';
  };
  const before = await checkAsOf(first.path);
  judge(/expired/.test(before), `the one-day certificate is expired as of ${later} (${before})`);

  await goTo(page, j, 'CA');
  await j.click(page.getByRole('button', { name: /^Renew certificate / }));
  const plan = page.getByRole('form', { name: 'Issuance plan' });
  await plan.waitFor();
  // Renewal plans the profile's default validity (a year), not the one day typed before: judged from
  // the plan's own start (backdated a few minutes), not this test's clock, which is a day off just
  // after midnight UTC.
  const range = (await plan.getByText(/^\d{4}-\d\d-\d\dT[\d:]+Z to \d{4}-\d\d-\d\dT[\d:]+Z$/).textContent()) ?? '';
  const [from, to] = range.split(' to ');
  judge(Date.parse(to!) - Date.parse(from!) === 365 * 86_400_000, `the renewal plans a year of validity (${range})`);
  await j.click(plan.getByRole('button', { name: 'Sign certificate' }));
  await page.getByRole('region', { name: 'Signed certificate' }).waitFor({ timeout: 30_000 });
  const renewed = await downloadIssued(page, j);

  const after = await checkAsOf(renewed.path);
  judge(!/expired/.test(after), `the renewed certificate is valid as of ${later} (${after})`);
  const ca = write(dir, 'ca.pem', caPem);
  judge(verify(['-CAfile', ca, renewed.path], dir) === `${renewed.path}: OK\n`, 'openssl verifies the renewed certificate');
  judge(pubOfCert(renewed.text, dir) === pubOfCert(first.text, dir), 'renewal kept the key');
};

export const WALKTHROUGHS: Record<string, Walk> = {
  registry,
  pod,
  'api-server-and-admin': apiServerAndAdmin,
  'cluster-pki': clusterPki,
  expiry,
};

/** Runs one walkthrough in a fresh Chromium profile (a new user: no CA yet) on the app at htmlPath. */
export async function runWalkthrough(name: string, htmlPath: string): Promise<JourneyReport> {
  const walk = WALKTHROUGHS[name];
  if (!walk) throw new Error(`no walkthrough ${name}: ${Object.keys(WALKTHROUGHS).join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), `journey-${name}-`));
  const s = await openChromium();
  try {
    const watch = watchPage(s.page);
    await s.page.goto(appUrl(htmlPath));
    await waitForApp(s.page);
    const j = journey(s.page, name, { downloadDir: dir });
    await walk(s.page, j, dir);
    judge(watch.pageErrors.length === 0 && watch.consoleErrors.length === 0, `no page errors (${[...watch.pageErrors, ...watch.consoleErrors].join('; ')})`);
    judge(nonLocalRequests(watch.requests).length === 0, 'no network requests');
    return j.print();
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
