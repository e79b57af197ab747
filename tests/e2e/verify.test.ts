/**
 * The Verify area in real Chromium from file://, on a PKI openssl makes in the test: a broken chain's
 * explanation names the broken link, the good chain is OK, and each verdict equals `openssl verify`
 * on the same files; a hostname matched by a SAN and one only the CN would match; a key matched to its
 * certificate and a foreign key not. No console errors, no network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { appUrl, nonLocalRequests, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';
import { LEAF_DNS, makeTestPki, type TestPki } from './verify-pki.ts';

describe('Verify area in Chromium (file://)', () => {
  let s: ChromiumSession;
  let watch: PageWatch;
  let pki: TestPki;
  const pile = (...names: string[]) => names.map((n) => pki.pem(`${n}.pem`)).join('\n');

  beforeAll(async () => {
    pki = makeTestPki();
    s = await openChromium();
    watch = watchPage(s.page);
    await s.page.goto(`${appUrl()}#verify`);
    await waitForApp(s.page);
    await s.page.getByRole('tablist', { name: 'Verify sections' }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
    if (pki) rmSync(pki.dir, { recursive: true, force: true });
  });

  async function verifyChain(text: string): Promise<{ ok: boolean; problems: string }> {
    const page = s.page;
    await page.getByRole('tab', { name: 'Chain' }).click();
    await page.getByRole('textbox', { name: 'Certificates to verify' }).fill(text);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const verdict = page.getByTestId('verify-verdict');
    await verdict.waitFor();
    const ok = (await verdict.getAttribute('data-ok')) === 'true';
    const problems = ok ? '' : ((await page.getByTestId('verify-problems').textContent()) ?? '');
    return { ok, problems };
  }

  it('moves between sections with the arrow keys (one tab stop)', async () => {
    const page = s.page;
    await page.getByRole('tab', { name: 'Chain' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('verify-tab-hostname');
    await expect(page.getByRole('tab', { name: 'Hostname / IP' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('End');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('verify-tab-compare');
    await page.keyboard.press('Home');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('verify-tab-chain');
  });

  it('explains an intermediate without CA:TRUE, naming it, as openssl also refuses', async () => {
    const r = await verifyChain(pile('root', 'leaf-under-noca', 'int-noca'));
    const openssl = pki.opensslVerify({ ca: 'root.pem', untrusted: 'int-noca.pem', leaf: 'leaf-under-noca.pem', extra: ['-purpose', 'sslserver'] });
    expect(r.ok).toBe(openssl.ok);
    expect(r.ok).toBe(false);
    expect(openssl.output).toMatch(/invalid CA certificate/);
    expect(r.problems).toMatch(/intermediate 'Not A CA Intermediate'.*is not a CA/);
    expect(r.problems).toMatch(/Fix:.*CA:TRUE/);
    // The path is drawn root first; the broken intermediate carries the ✗.
    const entries = s.page.getByTestId('verify-path').locator('li.entry');
    await expect(entries.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.role}:${(e as HTMLElement).dataset.ok}`))).resolves.toEqual([
      'anchor:true', 'intermediate:false', 'leaf:true',
    ]);
    await expect(entries.nth(1).locator('[data-check="ca"]').getAttribute('data-ok')).resolves.toBe('false');
  });

  it('explains a leaf signed by another key than its issuer’s, as openssl also refuses', async () => {
    const r = await verifyChain(pile('int', 'leaf-otherkey', 'root'));
    const openssl = pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf-otherkey.pem', extra: ['-purpose', 'sslserver'] });
    expect(r.ok).toBe(openssl.ok);
    expect(r.ok).toBe(false);
    expect(r.problems).toMatch(/leaf 'otherkey'.*signature does not verify with the issuer's public key \('Test Intermediate CA'\)/);
  });

  it('says OK for the good chain in any order, as openssl does, and gives the openssl line that says so', async () => {
    const r = await verifyChain(pile('int', 'root', 'leaf'));
    const openssl = pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf.pem', extra: ['-purpose', 'sslserver'] });
    expect(openssl.ok).toBe(true);
    expect(r.ok).toBe(true);
    await expect(s.page.getByTestId('verify-verdict').textContent()).resolves.toMatch(/OK/);
    const command = (await s.page.getByTestId('verify-command').textContent())!;
    expect(command).toBe('openssl verify -CAfile ca.pem -untrusted untrusted.pem -purpose sslserver leaf.pem');
    execSync('cp root.pem ca.pem && cp int.pem untrusted.pem', { cwd: pki.dir });
    expect(execSync(command, { cwd: pki.dir }).toString()).toBe('leaf.pem: OK\n');
    const subjects = await s.page.getByTestId('verify-path').locator('li.entry .subject').allTextContents();
    expect(subjects).toEqual(['O = certbench test, CN = Test Root CA', 'O = certbench test, CN = Test Intermediate CA', 'CN = registry']);
  });

  it('reads the pile from a Kubernetes Secret file (tls.crt with the chain, ca.crt with the root)', async () => {
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    const secret = [
      'apiVersion: v1', 'kind: Secret', 'type: kubernetes.io/tls', 'metadata:', '  name: registry-tls', 'data:',
      `  tls.crt: ${b64(pile('leaf', 'int'))}`, `  ca.crt: ${b64(pki.pem('root.pem'))}`, `  tls.key: ${b64(pki.pem('leaf.key'))}`, '',
    ].join('\n');
    writeFileSync(pki.file('secret.yaml'), secret);
    await s.page.getByRole('tab', { name: 'Chain' }).click();
    await s.page.getByTestId('verify-pile-file').setInputFiles(pki.file('secret.yaml'));
    await expect(s.page.getByTestId('verify-pile-count').textContent()).resolves.toMatch(/3 certificates found; leaf: registry/);
    await s.page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(s.page.getByTestId('verify-verdict').getAttribute('data-ok')).resolves.toBe('true');
  });

  it('says system roots are not available offline', async () => {
    await s.page.getByLabel('Trust anchor').selectOption('system');
    await expect(s.page.getByTestId('verify-anchor-problem').textContent()).resolves.toMatch(/not available.*offline/);
    await s.page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(s.page.getByTestId('verify-error').textContent()).resolves.toMatch(/not available/);
    await s.page.getByLabel('Trust anchor').selectOption('pile');
  });

  it('shows the SAN a host name matched, and explains a name only the CN carries', async () => {
    const page = s.page;
    await page.getByRole('tab', { name: 'Hostname / IP' }).click();
    const cert = page.getByRole('textbox', { name: /^Certificate \(the leaf/ });
    const name = page.getByLabel('Host name or IP address');
    await cert.fill(pile('leaf', 'int'));
    await name.fill(LEAF_DNS);
    await name.press('Enter');
    await expect(page.getByTestId('verify-host-verdict').getAttribute('data-ok')).resolves.toBe('true');
    await expect(page.getByTestId('verify-host-matched').textContent()).resolves.toBe(`Matched by the SAN DNS:${LEAF_DNS}.`);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf.pem', extra: ['-verify_hostname', LEAF_DNS] }).ok).toBe(true);

    await name.fill('::1');
    await page.getByRole('button', { name: 'Check name' }).click();
    await expect(page.getByTestId('verify-host-matched').textContent()).resolves.toBe('Matched by the SAN IP:::1.');

    await cert.fill(pki.pem('cn-only.pem'));
    await name.fill(LEAF_DNS);
    await page.getByRole('button', { name: 'Check name' }).click();
    await expect(page.getByTestId('verify-host-verdict').getAttribute('data-ok')).resolves.toBe('false');
    await expect(page.getByTestId('verify-host-cn-only').textContent()).resolves.toMatch(/Only the subject CN matches.*Go ≥ 1\.15/);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'cn-only.pem', extra: ['-verify_hostname', LEAF_DNS] }).ok).toBe(false);
  });

  it('matches a key to its certificate with openssl’s SPKI SHA-256, and keeps a foreign key apart', async () => {
    const page = s.page;
    await page.getByRole('tab', { name: 'Match' }).click();
    const key = page.getByRole('textbox', { name: 'Private or public key' });
    await key.fill(pki.pem('leaf.key'));
    await page.getByRole('textbox', { name: 'Certificate', exact: true }).fill(pki.pem('leaf.pem'));
    await page.getByRole('button', { name: 'Compare public keys' }).click();
    await expect(page.getByTestId('verify-match-verdict').getAttribute('data-ok')).resolves.toBe('true');
    const want = execSync('openssl x509 -in leaf.pem -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r', { cwd: pki.dir }).toString().split(' ')[0];
    await expect(page.getByTestId('verify-match-spki').allTextContents()).resolves.toEqual([want, want]);

    await key.fill(pki.pem('foreign.key'));
    await page.getByRole('button', { name: 'Compare public keys' }).click();
    await expect(page.getByTestId('verify-match-verdict').getAttribute('data-ok')).resolves.toBe('false');
    await expect(page.getByTestId('verify-match-group').count()).resolves.toBe(2);
  });

  it('compares a certificate with its renewal section by section, and lints in the Kubernetes context', async () => {
    const page = s.page;
    execSync('openssl x509 -req -in leaf.csr -CA int.pem -CAkey int.key -set_serial 0x3001 -days 90 -sha256 -extfile leaf.ext -out leaf-renewed.pem', { cwd: pki.dir, stdio: 'pipe' });
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByRole('textbox', { name: 'First certificate (before)' }).fill(pki.pem('leaf.pem'));
    await page.getByRole('textbox', { name: 'Second certificate (after)' }).fill(pki.pem('leaf-renewed.pem'));
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const sections = page.getByTestId('verify-cmp-section');
    const names = await sections.locator('h3').allTextContents();
    expect(names).toEqual(['Serial Number (changed)', 'Validity (changed)', 'Signature Value (changed)']);
    await expect(sections.first().locator('[data-op="added"]').textContent()).resolves.toMatch(/Serial Number: 12289 \(0x3001\)/);

    execSync('openssl req -x509 -new -key foreign.key -subj "/O=system:masters/CN=admin" -days 30 -out admin.pem -addext "extendedKeyUsage=clientAuth"', { cwd: pki.dir, stdio: 'pipe' });
    await page.getByRole('tab', { name: 'Lints' }).click();
    await page.getByRole('textbox', { name: 'Certificates to lint' }).fill(pki.pem('admin.pem'));
    await page.getByRole('radio', { name: 'Kubernetes cluster' }).check();
    await page.getByRole('button', { name: 'Lint', exact: true }).click();
    const finding = page.getByTestId('verify-lint-cert').locator('[data-id="k8s-system-masters"]');
    await expect(finding.textContent()).resolves.toMatch(/system:masters.*Fix:/s);
  });

  it('made no network requests and logged no errors', () => {
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
