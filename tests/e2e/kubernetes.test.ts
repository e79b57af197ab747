/**
 * The Kubernetes area in real Chromium from file://: a CSR made by openssl becomes a manifest that
 * kubernetes-models accepts and whose spec.request is that CSR; a Secret from openssl's cert and
 * key (and a refusal for a key that is not the certificate's); the kubeadm cluster PKI zip judged
 * by `openssl verify`; the expiry table from that zip. No console errors, no network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { unzipSync } from 'fflate';
import { CertificateSigningRequest } from 'kubernetes-models/certificates.k8s.io/v1';
import { Secret } from 'kubernetes-models/v1';
import type { Locator, Page } from 'playwright-core';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();

/** Clicks the button (a test id, or a locator) and saves what it downloads. */
async function download(page: Page, button: string | Locator, dir: string): Promise<{ name: string; path: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), (typeof button === 'string' ? page.getByTestId(button) : button).click()]);
  const path = join(dir, `download-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path };
}

async function openSection(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

describe('Kubernetes area in Chromium (file://)', () => {
  let s: ChromiumSession;
  let watch: PageWatch;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'certbench-k8s-e2e-'));
    s = await openChromium();
    watch = watchPage(s.page);
    await s.page.goto(`${appUrl()}#kubernetes`);
    await waitForApp(s.page);
    await s.page.getByRole('tablist', { name: 'Kubernetes sections' }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('moves between sections with the arrow keys (one tab stop)', async () => {
    const first = s.page.getByRole('tab', { name: 'CSR manifest' });
    await first.focus();
    await s.page.keyboard.press('ArrowRight');
    await expect(s.page.getByRole('tab', { name: 'TLS Secret' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe('k8s-tab-secret');
    await s.page.keyboard.press('End');
    await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe('k8s-tab-cluster-renew');
    await s.page.keyboard.press('ArrowRight');
    await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe('k8s-tab-csr');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('turns an openssl CSR into a v1 manifest: kubernetes-models accepts it and spec.request is that CSR', async () => {
    const keyPath = join(dir, 'jane.key');
    const csrPath = join(dir, 'jane.csr');
    openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyPath, '-out', csrPath, '-subj', '/O=developers/CN=jane']);
    const csrPem = readFileSync(csrPath, 'utf8');
    await openSection(s.page, 'CSR manifest');
    await s.page.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }).fill(csrPem);

    // legacy-unknown is refused with its reason, and nothing is offered for export.
    await s.page.getByLabel('Signer (spec.signerName)').selectOption('kubernetes.io/legacy-unknown');
    await expect(s.page.getByTestId('k8s-csr-signer-problem').textContent()).resolves.toMatch(/refused by certificates\.k8s\.io\/v1/);
    await s.page.getByTestId('k8s-csr-blocked').waitFor();
    expect(await s.page.getByTestId('k8s-csr-yaml').count()).toBe(0);

    await s.page.getByLabel('Signer (spec.signerName)').selectOption('kubernetes.io/kube-apiserver-client');
    // A name that is not a DNS-1123 subdomain is refused; the one from the CN is used when empty.
    await s.page.getByLabel('Name (metadata.name)').fill('Jane_Doe');
    await expect(s.page.getByTestId('k8s-csr-name-problem').textContent()).resolves.toMatch(/DNS-1123 subdomain/);
    await s.page.getByLabel('Name (metadata.name)').fill('');
    await s.page.getByLabel(/spec\.expirationSeconds/).fill('86400');
    await s.page.getByTestId('k8s-csr-yaml').waitFor();
    const findings = await s.page.getByTestId('k8s-csr-findings').textContent();
    expect(findings).toContain('expirationSeconds');
    expect(findings).toContain('the usual ones for kubernetes.io/kube-apiserver-client');

    const commands = await s.page.getByTestId('k8s-csr-commands').locator('code').allTextContents();
    expect(commands).toEqual([
      'kubectl apply -f jane.yaml',
      'kubectl get csr',
      'kubectl certificate approve jane',
      "kubectl get csr jane -o jsonpath='{.status.certificate}' | base64 -d > jane.crt",
    ]);

    const file = await download(s.page, 'k8s-csr-yaml-download', dir);
    expect(file.name).toBe('jane.yaml');
    const text = readFileSync(file.path, 'utf8');
    expect(text).toBe(await s.page.getByTestId('k8s-csr-yaml').textContent());
    const manifest = parse(text);
    expect(() => new CertificateSigningRequest(manifest).validate()).not.toThrow();
    expect(manifest.metadata.name).toBe('jane');
    expect(manifest.spec.signerName).toBe('kubernetes.io/kube-apiserver-client');
    expect(manifest.spec.usages).toEqual(['digital signature', 'client auth']);
    expect(manifest.spec.expirationSeconds).toBe(86400);
    const request = Buffer.from(manifest.spec.request, 'base64').toString('utf8');
    expect(request).toBe(csrPem);
    // openssl reads it back as the same, correctly signed request.
    const der = (pem: string) => execFileSync('openssl', ['req', '-outform', 'DER'], { input: pem });
    expect(der(request).equals(der(csrPem))).toBe(true);
    expect(openssl(['req', '-noout', '-verify', '-subject'], request)).toContain('subject=O = developers, CN = jane');
  });

  it('a service’s serving certificate: a signer of your own, the CA area signs it, and the status patch holds that certificate', async () => {
    const csrPath = join(dir, 'my-svc.csr');
    openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'my-svc.key'), '-out', csrPath, '-subj', '/CN=my-svc.my-namespace.svc.cluster.local',
      '-addext', 'subjectAltName=DNS:my-svc.my-namespace.svc.cluster.local,IP:192.0.2.24', '-addext', 'keyUsage=critical,digitalSignature', '-addext', 'extendedKeyUsage=serverAuth']);
    const csrPem = readFileSync(csrPath, 'utf8');
    const name = 'my-svc.my-namespace.svc.cluster.local';
    const page = s.page;

    // A CA of one's own, in this browser.
    await page.evaluate(() => (location.hash = '#ca'));
    const form = page.getByRole('form', { name: 'Create a CA' });
    await form.getByLabel('Subject').fill('CN=Own Serving CA');
    await form.getByRole('radio', { name: 'Browser-held key (no passphrase)' }).check();
    await form.getByRole('button', { name: 'Create root CA' }).click();
    await expect.poll(() => page.getByTestId('ca-message').textContent(), { timeout: 20_000 }).toContain('Created root CA');
    const [caDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('article', { name: 'CA CN = Own Serving CA' }).getByRole('button', { name: 'Download certificate PEM' }).click()]);
    const caPath = join(dir, 'own-serving-ca.pem');
    await caDownload.saveAs(caPath);

    await page.evaluate(() => (location.hash = '#kubernetes'));
    await openSection(page, 'CSR manifest');
    await page.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }).fill(csrPem);
    // No built-in signer issues it: the form starts on a signer of one's own and says why.
    await expect(page.getByLabel('Signer (spec.signerName)').inputValue()).resolves.toBe('custom');
    await expect(page.getByLabel('Custom signer name').inputValue()).resolves.toBe('example.com/serving');
    await expect(page.getByTestId('k8s-csr-suggestion').textContent()).resolves.toMatch(/no built-in signer issues those/);
    const manifest = parse((await page.getByTestId('k8s-csr-yaml').textContent())!);
    expect(() => new CertificateSigningRequest(manifest).validate()).not.toThrow();
    expect(manifest.spec).toMatchObject({ signerName: 'example.com/serving', usages: ['digital signature', 'server auth'] });
    const steps = await page.getByTestId('k8s-csr-commands').locator('code').allTextContents();
    expect(steps.slice(0, 2)).toEqual([`kubectl apply -f ${name}.yaml`, `kubectl certificate approve ${name}`]);
    expect(steps.some((c) => c.includes(`kubectl replace --raw /apis/certificates.k8s.io/v1/certificatesigningrequests/${name}/status -f -`))).toBe(true);

    // "Sign this request with a CA…" takes it to the CA's sign form, where the CA signs it.
    await page.getByTestId('k8s-csr-sign-with-ca').click();
    await page.waitForFunction(() => location.hash === '#ca');
    await expect.poll(() => page.getByLabel(/^Certificate signing request/).inputValue(), { timeout: 10_000 }).toBe(csrPem);
    await page.getByRole('form', { name: 'Issuance plan' }).getByRole('button', { name: 'Sign certificate' }).click();
    await page.getByRole('region', { name: 'Signed certificate' }).waitFor({ timeout: 20_000 });

    // Back in the CSR manifest (the request taken from the bench), the certificate signed for it fills the status patch by itself.
    await page.evaluate(() => (location.hash = '#kubernetes'));
    await openSection(page, 'CSR manifest');
    await page.getByTestId('k8s-csr-input-bench').selectOption({ label: `${name} (CSR)` });
    await page.getByTestId('k8s-csr-status').waitFor();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('k8s-csr-status-download').click()]);
    expect(dl.suggestedFilename()).toBe(`${name}-status.json`);
    const patchPath = join(dir, dl.suggestedFilename());
    await dl.saveAs(patchPath);
    const patch = JSON.parse(readFileSync(patchPath, 'utf8'));
    expect(Object.keys(patch)).toEqual(['status']);
    const issuedPath = join(dir, 'my-svc.crt');
    writeFileSync(issuedPath, Buffer.from(patch.status.certificate, 'base64'));
    // openssl: the CA in this browser signed it, for this request's key, with the names asked for.
    expect(openssl(['verify', '-CAfile', caPath, issuedPath]).trim()).toBe(`${issuedPath}: OK`);
    expect(openssl(['x509', '-in', issuedPath, '-noout', '-pubkey'])).toBe(openssl(['req', '-in', csrPath, '-noout', '-pubkey']));
    expect(openssl(['x509', '-in', issuedPath, '-noout', '-ext', 'subjectAltName'])).toContain(`DNS:${name}, IP Address:192.0.2.24`);
    const patchCommands = await page.getByTestId('k8s-csr-status-commands').locator('code').allTextContents();
    expect(patchCommands[0]).toBe(`kubectl patch csr ${name} --subresource=status --type=merge --patch-file ${name}-status.json`);
  });

  it('refuses a CSR whose signature is broken, as kube-apiserver does', async () => {
    const der = execFileSync('openssl', ['req', '-in', join(dir, 'jane.csr'), '-outform', 'DER']);
    der[der.length - 1] = der[der.length - 1]! ^ 0x01;
    const broken = join(dir, 'broken.csr.der');
    writeFileSync(broken, der);
    await openSection(s.page, 'CSR manifest');
    await s.page.getByTestId('k8s-csr-input-file').setInputFiles(broken);
    await expect.poll(() => s.page.getByTestId('k8s-csr-input-problem').textContent(), { timeout: 10_000 }).toMatch(/^CSR: its signature does not verify with its own public key/);
    await expect(s.page.getByTestId('k8s-csr-blocked').textContent()).resolves.toMatch(/signature does not verify, and kube-apiserver refuses such a request/);
    expect(await s.page.getByTestId('k8s-csr-yaml').count()).toBe(0);
  });

  it('makes a TLS Secret from an openssl certificate and key, and refuses a key that is not the certificate’s', async () => {
    const crt = join(dir, 'tls.crt');
    const key = join(dir, 'tls.key');
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '30', '-subj', '/CN=app.example.com', '-addext', 'subjectAltName=DNS:app.example.com']);
    await openSection(s.page, 'TLS Secret');
    await s.page.getByTestId('k8s-secret-cert-file').setInputFiles(crt);
    await s.page.getByTestId('k8s-secret-key-file').setInputFiles(key);
    await s.page.getByLabel('Secret name').fill('app-tls');
    await s.page.getByLabel('Namespace (optional)').fill('web');
    await s.page.getByTestId('k8s-secret-yaml').waitFor();
    await expect(s.page.getByTestId('k8s-secret-commands').locator('code').first().textContent()).resolves.toBe('kubectl create secret tls app-tls --cert=tls.crt --key=tls.key -n web');
    const snippet = parse((await s.page.getByTestId('k8s-secret-mount-snippet').textContent())!);
    expect(snippet.spec.template.spec.volumes).toEqual([{ name: 'tls', secret: { secretName: 'app-tls' } }]);
    expect(snippet.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'tls', mountPath: '/etc/tls', readOnly: true }]);

    const file = await download(s.page, 'k8s-secret-yaml-download', dir);
    expect(file.name).toBe('app-tls.yaml');
    const secret = parse(readFileSync(file.path, 'utf8'));
    expect(() => new Secret(secret).validate()).not.toThrow();
    expect(secret).toMatchObject({ apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'app-tls', namespace: 'web' } });
    const tlsCrt = Buffer.from(secret.data['tls.crt'], 'base64').toString();
    const tlsKey = Buffer.from(secret.data['tls.key'], 'base64').toString();
    expect(tlsCrt).toBe(readFileSync(crt, 'utf8'));
    // The key in the Secret is the certificate's: openssl says their public keys are the same.
    const pubOfKey = openssl(['pkey', '-pubout'], tlsKey);
    const pubOfCert = openssl(['x509', '-noout', '-pubkey'], tlsCrt);
    expect(pubOfKey).toBe(pubOfCert);

    const otherKey = join(dir, 'other.key');
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', otherKey]);
    await s.page.getByTestId('k8s-secret-key-file').setInputFiles(otherKey);
    await expect(s.page.getByTestId('k8s-secret-error').textContent({ timeout: 10_000 })).resolves.toMatch(/Refused: .*private key does not match the certificate CN=app\.example\.com/);
    expect(await s.page.getByTestId('k8s-secret-yaml').count()).toBe(0);
  });

  it('makes a kubeconfig and says who the API server will see', async () => {
    const ca = join(dir, 'ca.crt');
    const caKey = join(dir, 'ca.key');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', caKey, '-out', ca, '-days', '30', '-subj', '/CN=kubernetes']);
    const crt = join(dir, 'jane.crt');
    writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
    openssl(['x509', '-req', '-in', join(dir, 'jane.csr'), '-CA', ca, '-CAkey', caKey, '-CAcreateserial', '-days', '30', '-out', crt, '-extfile', join(dir, 'client.ext')]);
    await openSection(s.page, 'kubeconfig');
    await s.page.getByTestId('k8s-kc-cert-file').setInputFiles(crt);
    await s.page.getByTestId('k8s-kc-key-file').setInputFiles(join(dir, 'jane.key'));
    await s.page.getByTestId('k8s-kc-ca-file').setInputFiles(ca);
    await s.page.getByLabel('API server URL').fill('http://10.0.0.10:6443');
    await expect(s.page.getByTestId('k8s-kc-blocked').textContent()).resolves.toContain('must use https://');
    await s.page.getByLabel('API server URL').fill('https://10.0.0.10:6443');
    await s.page.getByTestId('k8s-kc-yaml').waitFor();
    await expect(s.page.getByTestId('k8s-kc-identity').textContent()).resolves.toMatch(/user jane \(from the CN\), groups developers \(from O\)/);
    const file = await download(s.page, 'k8s-kc-yaml-download', dir);
    expect(file.name).toBe('jane.kubeconfig');
    const kc = parse(readFileSync(file.path, 'utf8'));
    expect(kc.clusters[0]).toEqual({ name: 'kubernetes', cluster: { server: 'https://10.0.0.10:6443', 'certificate-authority-data': Buffer.from(readFileSync(ca)).toString('base64') } });
    expect(kc['current-context']).toBe('jane@kubernetes');
    expect(Buffer.from(kc.users[0].user['client-certificate-data'], 'base64').toString()).toBe(readFileSync(crt, 'utf8'));
  });

  let zipPath = '';

  it('generates the kubeadm PKI (ECDSA P-256) with progress, and openssl verifies every certificate in kubeadm-pki.zip', async () => {
    await openSection(s.page, 'Cluster PKI');
    await s.page.getByLabel('kubeadm (/etc/kubernetes)').check();
    await expect(s.page.getByLabel('Key type').inputValue()).resolves.toBe('ec-p256');
    await s.page.getByLabel('Node name (nodeRegistration.name)').fill('cp-1');
    await s.page.getByLabel('Advertise address (IP)').fill('10.0.0.10');
    await s.page.getByLabel(/Extra API server SANs/).fill('k8s.example.com, 203.0.113.10');
    // One click: the set is generated and kubeadm-pki.zip saved.
    const file = await download(s.page, s.page.getByRole('button', { name: 'Generate and download kubeadm-pki.zip' }), dir);
    const elapsed = s.page.getByTestId('k8s-pki-elapsed');
    await elapsed.waitFor({ timeout: 60_000 });
    const ms = Number(await elapsed.getAttribute('data-ms'));
    console.log(`[measure] kubeadm cluster PKI, ECDSA P-256, Chromium: ${ms.toFixed(1)} ms (${await elapsed.textContent()})`);
    expect(ms).toBeGreaterThan(0); // the time itself is `npm run bench cluster-pki`'s figure, not asserted here
    await expect(s.page.getByTestId('k8s-pki-progress').textContent()).resolves.toMatch(/^16 of 16 key pairs/);
    await expect(s.page.locator('#k8s-pki-progress').getAttribute('value')).resolves.toBe('16');

    expect(file.name).toBe('kubeadm-pki.zip');
    // The set's expiry table in place, named as the Expiry check names kubeadm's files.
    const expiry = s.page.getByTestId('k8s-pki-expiry');
    await expiry.waitFor();
    expect(await expiry.locator('tbody th').allTextContents()).toEqual(expect.arrayContaining(['apiserver', 'etcd-server', 'admin.conf', 'ca', 'etcd-ca']));
    // Saved again from the button under the result: the same bytes.
    const again = await download(s.page, 'k8s-pki-download', dir);
    expect(again.name).toBe('kubeadm-pki.zip');
    expect(readFileSync(again.path).equals(readFileSync(file.path))).toBe(true);
    zipPath = file.path;
    const root = join(dir, 'kubeadm');
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(file.path)))) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), bytes);
    }
    const p = (f: string) => join(root, 'pki', f);
    const verify = (ca: string, cert: string) => openssl(['verify', '-CAfile', p(ca), p(cert)]).trim();
    for (const cert of ['apiserver.crt', 'apiserver-kubelet-client.crt']) expect(verify('ca.crt', cert)).toBe(`${p(cert)}: OK`);
    expect(verify('front-proxy-ca.crt', 'front-proxy-client.crt')).toBe(`${p('front-proxy-client.crt')}: OK`);
    for (const cert of ['etcd/server.crt', 'etcd/peer.crt', 'etcd/healthcheck-client.crt', 'apiserver-etcd-client.crt']) expect(verify('etcd/ca.crt', cert)).toBe(`${p(cert)}: OK`);
    for (const ca of ['ca.crt', 'front-proxy-ca.crt', 'etcd/ca.crt']) expect(verify(ca, ca)).toBe(`${p(ca)}: OK`);
    // Each key is its certificate's.
    for (const base of ['apiserver', 'etcd/server', 'front-proxy-client']) {
      expect(openssl(['pkey', '-in', p(`${base}.key`), '-pubout'])).toBe(openssl(['x509', '-in', p(`${base}.crt`), '-noout', '-pubkey']));
    }
    const sans = openssl(['x509', '-in', p('apiserver.crt'), '-noout', '-ext', 'subjectAltName']);
    expect(sans.split('\n')[1]!.trim()).toBe(
      'DNS:cp-1, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, DNS:k8s.example.com, IP Address:10.96.0.1, IP Address:10.0.0.10, IP Address:203.0.113.10',
    );
    expect(openssl(['x509', '-in', p('apiserver.crt'), '-noout', '-subject'])).toBe('subject=CN = kube-apiserver\n');
    // The kubeconfigs' client certificates hang from the cluster CA too.
    const admin = parse(readFileSync(join(root, 'admin.conf'), 'utf8'));
    writeFileSync(join(dir, 'admin.crt'), Buffer.from(admin.users[0].user['client-certificate-data'], 'base64'));
    expect(openssl(['verify', '-CAfile', p('ca.crt'), join(dir, 'admin.crt')]).trim()).toBe(`${join(dir, 'admin.crt')}: OK`);
    expect(admin.clusters[0].cluster.server).toBe('https://10.0.0.10:6443');
  });

  it('generates the Hard Way PKI for the workers entered; openssl verifies them against ca.pem', async () => {
    await openSection(s.page, 'Cluster PKI');
    await s.page.getByLabel('Kubernetes The Hard Way').check();
    await s.page.getByLabel('Workers', { exact: true }).fill('2');
    await s.page.getByLabel('Workers', { exact: true }).press('Tab');
    await s.page.getByLabel('Worker 1 hostname').fill('node-b');
    await s.page.getByLabel('Worker 1 internal IP').fill('10.240.0.31');
    await s.page.getByLabel('Worker 1 external IP').fill('198.51.100.7');
    await s.page.getByLabel('Public address (KUBERNETES_PUBLIC_ADDRESS)').fill('203.0.113.50');
    const file = await download(s.page, s.page.getByRole('button', { name: 'Generate and download hard-way-pki.zip' }), dir);
    await s.page.getByTestId('k8s-pki-elapsed').waitFor({ timeout: 60_000 });
    await expect(s.page.getByTestId('k8s-pki-progress').textContent()).resolves.toMatch(/^9 of 9 key pairs/);
    expect(file.name).toBe('hard-way-pki.zip'); // not the kubeadm zip's name: both can sit in Downloads
    const root = join(dir, 'hard-way');
    mkdirSync(root, { recursive: true });
    const entries = unzipSync(readFileSync(file.path));
    for (const [path, bytes] of Object.entries(entries)) writeFileSync(join(root, path), bytes);
    expect(Object.keys(entries)).toContain('node-b.kubeconfig');
    for (const cert of ['admin.pem', 'worker-0.pem', 'node-b.pem', 'kubernetes.pem', 'kube-proxy.pem', 'service-account.pem']) {
      expect(openssl(['verify', '-CAfile', join(root, 'ca.pem'), join(root, cert)]).trim()).toBe(`${join(root, cert)}: OK`);
    }
    const nodeB = openssl(['x509', '-in', join(root, 'node-b.pem'), '-noout', '-subject', '-ext', 'subjectAltName']);
    expect(nodeB).toContain('CN = system:node:node-b');
    expect(nodeB).toContain('DNS:node-b, IP Address:198.51.100.7, IP Address:10.240.0.31');
    expect(openssl(['x509', '-in', join(root, 'kubernetes.pem'), '-noout', '-ext', 'subjectAltName'])).toContain('IP Address:203.0.113.50');
  });

  it('checks expiry of the dropped kubeadm-pki.zip like kubeadm, as of a date the user moves, with JSON export', async () => {
    expect(zipPath).not.toBe('');
    await openSection(s.page, 'Expiry check');
    // Dropped onto the section as a file, the way a person drags kubeadm-pki.zip from the file manager.
    const zipBase64 = readFileSync(zipPath).toString('base64');
    const dataTransfer = await s.page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'kubeadm-pki.zip', { type: 'application/zip' }));
      return dt;
    }, zipBase64);
    await s.page.getByRole('region', { name: 'Expiry check input' }).dispatchEvent('drop', { dataTransfer });
    await expect(s.page.getByRole('list', { name: 'Files loaded' }).textContent()).resolves.toContain('kubeadm-pki.zip');
    const certs = s.page.getByTestId('k8s-expiry-certs');
    await certs.waitFor();
    const names = await certs.locator('tbody th').allTextContents();
    expect(names).toEqual([
      'admin.conf', 'apiserver', 'apiserver-etcd-client', 'apiserver-kubelet-client', 'controller-manager.conf',
      'etcd-healthcheck-client', 'etcd-peer', 'etcd-server', 'front-proxy-client', 'kubelet.conf', 'scheduler.conf', 'super-admin.conf',
    ]);
    await expect(s.page.getByTestId('k8s-expiry-cas').locator('tbody th').allTextContents()).resolves.toEqual(['ca', 'etcd-ca', 'front-proxy-ca']);
    const apiserverRow = await certs.locator('tbody tr', { has: s.page.locator('th', { hasText: /^apiserver$/ }) }).locator('td').allTextContents();
    expect(apiserverRow[1]).toMatch(/^36[45]d/);
    expect(apiserverRow[2]).toBe('ca');
    expect(apiserverRow[3]).toBe('no');

    // Two years on, every leaf has expired.
    const later = new Date(Date.now() + 2 * 365 * 86400_000).toISOString().slice(0, 10);
    await s.page.getByLabel('As of (UTC date)').fill(later);
    await expect(s.page.getByTestId('k8s-expiry-asof').textContent()).resolves.toBe(`as of ${later}T00:00:00Z`);
    await expect(certs.locator('tbody tr').first().locator('td').nth(1).textContent()).resolves.toMatch(/<invalid>/);

    const file = await download(s.page, 'k8s-expiry-json-download', dir);
    expect(file.name).toBe('expiry.json');
    const json = JSON.parse(readFileSync(file.path, 'utf8'));
    expect(json.asOf).toBe(`${later}T00:00:00.000Z`);
    expect(json.certificates).toHaveLength(12);
    expect(json.certificates.every((c: { expired: boolean }) => c.expired)).toBe(true);
    expect(json.certificateAuthorities.map((c: { name: string }) => c.name)).toEqual(['ca', 'etcd-ca', 'front-proxy-ca']);
  });

  it('made no request but file:, data: or blob:, and logged no error', () => {
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
