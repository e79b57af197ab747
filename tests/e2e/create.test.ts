/**
 * Create in real Chromium from file://: a preset, an extra IPv6 SAN, an RSA 4096 key made while
 * the page stays responsive, and the downloaded files judged by openssl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { appUrl, nonLocalRequests, openChromium, openFirefoxApp, waitForApp, waitInFirefox, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-create-'));

function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Clicks a Download button and saves the file; returns the browser's file name and the path. */
async function download(page: Page, buttonName: RegExp): Promise<{ name: string; path: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const path = join(dir, `dl-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

interface Watched {
  __observers?: unknown[];
  __longTasks: number[];
  __sawProgress: string[];
}

/** Clicks a Copy button, then pastes the clipboard (Ctrl+V) into the paste field and returns what arrived. */
async function copied(page: Page, buttonName: string): Promise<string> {
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  await page.getByText('Copied').first().waitFor();
  const details = page.locator('details.bring');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const field = page.getByLabel('cfssl CSR JSON or openssl req command');
  await field.fill('');
  await field.focus();
  await page.keyboard.press('Control+V');
  const text = await field.inputValue();
  await field.fill('');
  return text;
}

/** Records main-thread long tasks (Chromium's Long Tasks API) and every progress line shown, from now on. */
async function watchGenerate(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Watched;
    w.__longTasks = [];
    w.__sawProgress = [];
    const tasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    });
    tasks.observe({ type: 'longtask' });
    const dom = new MutationObserver(() => {
      const p = document.querySelector('[data-testid="create-view"] progress');
      if (p) w.__sawProgress.push(p.parentElement!.textContent!.trim());
    });
    dom.observe(document.body, { subtree: true, childList: true, characterData: true });
    w.__observers = [tasks, dom]; // held, so they are not collected mid-test
  });
}

async function watched(page: Page): Promise<Watched> {
  return page.evaluate(() => {
    const w = window as unknown as Watched;
    return { __longTasks: w.__longTasks, __sawProgress: w.__sawProgress };
  });
}

describe('Create in Chromium from file://', () => {
  let s: ChromiumSession;
  let watch: PageWatch;
  let page: Page;

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
  });

  const CN = 'my-pod.my-namespace.pod.cluster.local';
  let csrPath = '';
  let csrPubkey = '';

  it('fills the form from a preset, takes an IPv6 SAN and shows how it is read', async () => {
    await page.getByRole('button', { name: 'Kubernetes service and pod' }).click();
    await expect(page.getByLabel('Attribute 1 value (Common name)').inputValue()).resolves.toBe(CN);
    const sans = page.getByLabel(/^Names and addresses/);
    await sans.fill(`${await sans.inputValue()}\n2001:db8::1`);
    const read = page.getByRole('list', { name: 'SANs as read' });
    await expect(read.getByRole('listitem').count()).resolves.toBe(5);
    await expect(read.getByRole('listitem').last().textContent()).resolves.toMatch(/IP\s*2001:db8::1\s*→\s*2001:DB8:0:0:0:0:0:1/);
    await page.getByLabel('Key type').selectOption('rsa4096');
    await expect(page.getByRole('button', { name: 'Generate key and CSR' }).isEnabled()).resolves.toBe(true);
  });

  it('makes an RSA 4096 key with a progress line and no long main-thread task', async () => {
    await watchGenerate(page);
    await page.getByRole('button', { name: 'Generate key and CSR' }).click();
    await page.getByRole('heading', { name: 'Your key and CSR' }).waitFor({ timeout: 60_000 });
    const keygenMs = Number(await page.locator('[data-keygen-ms]').getAttribute('data-keygen-ms'));
    const { __longTasks: tasks, __sawProgress: progress } = await watched(page);
    const longest = Math.max(0, ...tasks);
    console.info(`RSA 4096 keygen ${keygenMs} ms; long tasks during Generate: ${tasks.length}, longest ${Math.round(longest)} ms`);
    expect(keygenMs).toBeGreaterThan(0);
    expect(progress[0]).toMatch(/^Making a new RSA 4096 key… \d+\.\d s$/);
    // How long the longest task is, is `npm run bench create-long-task`'s figure, not asserted here: a timed
    // assertion fails on a busy CI machine. This test keeps what holds anywhere: progress is shown, and the
    // observer the bench relies on does see a long task when there is one.
    // The observer does see a long task when there is one (so the check above can fail).
    // (Scheduled as a page task: script run by the test driver itself is not reported.)
    await page.evaluate(() => {
      setTimeout(() => {
        const end = performance.now() + 120;
        while (performance.now() < end);
      });
    });
    await expect.poll(async () => Math.max(0, ...(await watched(page)).__longTasks)).toBeGreaterThanOrEqual(100);
  });

  it('downloads a CSR that openssl verifies, with the subject and SANs asked for, printed exactly as the page shows', async () => {
    const csr = await download(page, /^Download the CSR as /);
    expect(csr.name).toBe('server.csr'); // the preset's file name, as the Kubernetes docs' example names it
    csrPath = csr.path;
    expect(openssl(['req', '-in', csr.path, '-verify', '-noout'])).toBe('');
    const text = openssl(['req', '-in', csr.path, '-noout', '-text']);
    expect(text).toContain(`Subject: CN = ${CN}\n`);
    expect(text).toContain(
      'DNS:my-svc.my-namespace.svc.cluster.local, DNS:my-pod.my-namespace.pod.cluster.local, IP Address:192.0.2.24, IP Address:10.0.34.2, IP Address:2001:DB8:0:0:0:0:0:1',
    );
    expect(text).toContain('Public-Key: (4096 bit)');
    expect(text).toContain('TLS Web Server Authentication');
    await expect(page.locator('#create-out-text').textContent()).resolves.toBe(text);
    await expect(copied(page, 'Copy the CSR')).resolves.toBe(csr.text);
    csrPubkey = openssl(['req', '-in', csr.path, '-pubkey', '-noout']);
    await expect(page.locator('#create-out-pub').textContent()).resolves.toBe(csrPubkey);
  });

  it('downloads the PKCS#8 key that belongs to the CSR', async () => {
    const key = await download(page, /^Download the private key as /);
    expect(key.name).toBe('server.key');
    expect(key.text).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(openssl(['pkey', '-in', key.path, '-pubout'])).toBe(csrPubkey);
    await expect(copied(page, 'Copy the private key')).resolves.toBe(key.text);
  });

  it('exports the key as encrypted PKCS#8 that openssl opens with the passphrase (and not without)', async () => {
    await page.getByLabel('Key format').selectOption('encrypted-pkcs8');
    const encrypt = page.getByRole('button', { name: 'Encrypt key' });
    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse');
    await page.getByLabel('Confirm passphrase').fill('correct hors');
    await expect(encrypt.isDisabled()).resolves.toBe(true);
    await expect(page.locator('#create-key-passphrase-problem').textContent()).resolves.toBe('the two passphrases differ');
    await page.getByLabel('Confirm passphrase').fill('correct horse');
    await encrypt.click();
    await page.locator('#create-out-key').filter({ hasText: 'ENCRYPTED PRIVATE KEY' }).waitFor({ timeout: 30_000 });
    const key = await download(page, /^Download the private key as /);
    expect(key.text).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(openssl(['pkey', '-in', key.path, '-passin', 'pass:correct horse', '-pubout'])).toBe(csrPubkey);
    expect(() => openssl(['pkey', '-in', key.path, '-passin', 'pass:wrong', '-pubout'])).toThrow();
    expect(openssl(['asn1parse', '-in', key.path])).toMatch(/:PBKDF2\n[\s\S]*INTEGER +:0927C0\n[\s\S]*:hmacWithSHA256\n[\s\S]*:aes-256-cbc\n/); // 600000 = 0x927C0
  });

  it('shows an openssl command that makes the same request', async () => {
    const line = (await page.locator('#create-out-openssl').textContent())!;
    expect(line).toContain(`-newkey rsa:4096`);
    execFileSync('sh', ['-c', line], { cwd: dir, stdio: 'pipe' });
    const theirs = openssl(['req', '-in', join(dir, 'server.csr'), '-noout', '-text']);
    const ours = openssl(['req', '-in', csrPath, '-noout', '-text']);
    const requested = (t: string) => t.slice(t.indexOf('Requested Extensions:'), t.indexOf('Signature Algorithm:', t.indexOf('Requested Extensions:')));
    expect(requested(theirs)).toBe(requested(ours));
    expect(theirs.match(/Subject: .*/)![0]).toBe(ours.match(/Subject: .*/)![0]);
  });

  it('signs a CSR with an existing encrypted key pasted in', async () => {
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'existing.key', '-aes-256-cbc', '-pass', 'pass:s3cret']);
    const pem = readFileSync(join(dir, 'existing.key'), 'utf8');
    const existingPub = openssl(['pkey', '-in', 'existing.key', '-passin', 'pass:s3cret', '-pubout']);
    await page.getByRole('button', { name: 'Forget key and CSR' }).click();
    await page.getByRole('button', { name: 'Cluster admin (client)' }).click();
    await page.getByLabel('Use an existing key').check();
    await page.getByLabel(/^Existing private key/).fill(pem);
    await page.getByLabel('Passphrase of the encrypted key').fill('s3cret');
    await page.getByRole('button', { name: 'Load key' }).click();
    await page.getByText('ECDSA P-384 key (encrypted PKCS#8) loaded').waitFor();
    await page.getByRole('button', { name: 'Generate CSR' }).click();
    await page.getByRole('heading', { name: 'Your key and CSR' }).waitFor();
    const csr = await download(page, /^Download the CSR as /);
    expect(csr.name).toBe('admin.csr');
    expect(openssl(['req', '-in', csr.path, '-verify', '-noout'])).toBe('');
    expect(openssl(['req', '-in', csr.path, '-pubkey', '-noout'])).toBe(existingPub);
    const text = openssl(['req', '-in', csr.path, '-noout', '-text']);
    expect(text).toContain('Subject: O = system:masters, CN = kubernetes-admin\n');
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA384');
    await expect(page.locator('#create-out-openssl').textContent()).resolves.toMatch(/ -key admin\.key /);
  });

  it('takes an Ed25519 key from a file, signs with it, and offers only the formats that hold it', async () => {
    openssl(['genpkey', '-algorithm', 'ed25519', '-out', 'ed.key']);
    const edPub = openssl(['pkey', '-in', 'ed.key', '-pubout']);
    await page.getByRole('button', { name: 'Forget this key' }).click();
    await page.getByLabel(/^Or choose a key file/).setInputFiles(join(dir, 'ed.key'));
    await page.getByText('Ed25519 key (PKCS#8) loaded').waitFor();
    await page.getByRole('button', { name: 'Generate CSR' }).click();
    await page.getByRole('heading', { name: 'Your key and CSR' }).waitFor();
    const csr = await download(page, /^Download the CSR as /);
    expect(openssl(['req', '-in', csr.path, '-verify', '-noout'])).toBe('');
    expect(openssl(['req', '-in', csr.path, '-pubkey', '-noout'])).toBe(edPub);
    expect(openssl(['req', '-in', csr.path, '-noout', '-text'])).toContain('Signature Algorithm: ED25519');
    await expect(page.getByText('The form has changed since this CSR was made').count()).resolves.toBe(0);
    const formats = await page.getByLabel('Key format').locator('option').allTextContents();
    expect(formats).toEqual(['PKCS#8 (PRIVATE KEY)', 'Encrypted PKCS#8 (ENCRYPTED PRIVATE KEY)']);
  });

  it('works from the keyboard: a preset by Enter, rows reordered with focus kept on the moved row', async () => {
    await page.getByLabel('Make a new key').check();
    const preset = page.getByRole('button', { name: 'kubelet (client)' });
    await preset.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Attribute 2 value (Common name)').inputValue()).resolves.toBe('system:node:NAME');
    // The Ed25519 CSR above is still shown, and says it no longer matches the form.
    await page.getByText('The form has changed since this CSR was made').waitFor();
    await page.getByLabel('New attribute').selectOption('OU');
    await page.getByRole('button', { name: 'Add attribute' }).press('Enter');
    await page.keyboard.type('nodes'); // focus went to the new row's value
    await page.getByRole('button', { name: 'Move attribute 3 up' }).focus();
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await expect(focused()).resolves.toBe('Move attribute 2 up');
    await page.keyboard.press('Enter');
    // First now: its Up button is disabled, so focus goes to its value.
    await expect(focused()).resolves.toBe('Attribute 1 value (Organizational unit)');
    const values = await page.getByLabel(/^Attribute \d value/).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toEqual(['nodes', 'system:nodes', 'system:node:NAME']);
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('Move attribute 1 down');
    // Generate says why it waits, through aria-describedby, and the reason is on screen.
    await page.getByLabel('Attribute 3 value (Common name)').fill('');
    const generate = page.getByRole('button', { name: 'Generate key and CSR' });
    await expect(generate.isDisabled()).resolves.toBe(true);
    const reasonId = (await generate.getAttribute('aria-describedby'))!;
    await expect(page.locator(`#${reasonId}`).textContent()).resolves.toContain('CN is empty');
    await expect(page.locator(`#${reasonId}`).isVisible()).resolves.toBe(true);
  });

  it('made no request but file:, data: or blob:, and logged no error', () => {
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('Create in Firefox ESR from file://', () => {
  let browser: Browser;
  let page: FirefoxPage;
  let requests: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    ({ browser, page, requests, errors } = await openFirefoxApp('#create'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const click = (name: string) =>
    page.evaluate((n) => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === n);
      if (!b) throw new Error(`no button ${n}`);
      b.click();
    }, name);

  it('makes an Ed25519 key and a CSR openssl verifies, and hands the key to <a download> as a Blob', async () => {
    await click('Kubernetes service and pod');
    await waitInFirefox(page, () => !(document.querySelector('#create-key-type option[value="ed25519"]') as HTMLOptionElement).disabled);
    await page.select('#create-key-type', 'ed25519');
    // Downloads are Blob URLs clicked through an <a download>: record them instead of saving.
    await page.evaluate(() => {
      const w = window as unknown as { __saved: Promise<{ name: string; text: string }>[] };
      w.__saved = [];
      const blobs = new Map<string, Blob>();
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => {
        const u = create(b);
        blobs.set(u, b as Blob);
        return u;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.__saved.push(blobs.get(this.href)!.text().then((text) => ({ name: this.download, text })));
      };
    });
    await click('Generate key and CSR');
    await page.waitForSelector('#create-out-key', { timeout: 30_000 });
    const csrPem = await page.$eval('#create-out-csr', (e) => e.textContent!);
    writeFileSync(join(dir, 'ff.csr'), csrPem);
    expect(openssl(['req', '-in', 'ff.csr', '-verify', '-noout'])).toBe('');
    const text = openssl(['req', '-in', 'ff.csr', '-noout', '-text']);
    expect(text).toContain('Signature Algorithm: ED25519');
    expect(await page.$eval('#create-out-text', (e) => e.textContent)).toBe(text);
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label')?.startsWith('Download the private key'))!.click());
    const saved = await page.evaluate(() => Promise.all((window as unknown as { __saved: Promise<{ name: string; text: string }>[] }).__saved));
    expect(saved.map((f) => f.name)).toEqual(['server.key']);
    writeFileSync(join(dir, 'ff.key'), saved[0]!.text);
    expect(openssl(['pkey', '-in', 'ff.key', '-pubout'])).toBe(openssl(['req', '-in', 'ff.csr', '-pubkey', '-noout']));
  });

  it('made no network request and logged no error', async () => {
    const loaded = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
    expect(nonLocalRequests(loaded)).toEqual([]);
    expect(nonLocalRequests(requests)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
