/**
 * The About panel of the built file, opened from file:// in Chromium and Firefox ESR: it names the
 * version, commit and date the build took from git (asked here of git itself), its self-check finds
 * every script that ran among the CSP's hashes, no network request and nothing the CSP refused (and
 * names the refusals after the page tries a fetch and an image from the network), it lists the bundled
 * packages as the build's THIRD-PARTY-LICENSES.txt does, and (Chromium) it checks a copy of the
 * file against a SHA256SUMS that sha256sum wrote: the real copy matches, a copy with one byte
 * changed does not.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { appUrl, DIST_HTML, nonLocalRequests, openChromium, openFirefoxApp, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const root = resolve(import.meta.dirname, '../..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
// What the build must have written in: dist/ is built from this checkout (npm test builds it when
// older than the sources or made from another commit). Others may commit while the suite runs, so
// the commit shown must be HEAD or an ancestor of it — a commit git knows — and the date shown that
// commit's time as git gives it. Whether the tree was dirty is decided when dist/ is built (other
// e2e tests, the screenshots, may change tracked files before this one runs): the marker is allowed.
const isoTime = (sha: string) => new Date(Number(git('log', '-1', '--format=%ct', sha)) * 1000).toISOString().replace('.000Z', 'Z');
function expectCommitOfThisCheckout(full: string | null | undefined, short: string | null | undefined, date: string | null | undefined) {
  const m = /^([0-9a-f]{40})(-dirty)?$/.exec(full ?? '');
  expect(m, `commit shown: ${full}`).not.toBeNull();
  const [, sha, dirty = ''] = m!;
  expect(spawnSync('git', ['merge-base', '--is-ancestor', sha, 'HEAD'], { cwd: root }).status, `${sha} is not HEAD or an ancestor of it`).toBe(0);
  if (short !== undefined) expect(short).toBe(`${sha.slice(0, 12)}${dirty}`);
  expect(date).toBe(isoTime(sha));
}
const PACKAGES = [...readFileSync(join(root, 'dist/THIRD-PARTY-LICENSES.txt'), 'utf8').matchAll(/^={72}\n(\S+) (\S+) \(([^)]+)\)\n={72}$/gm)].map((m) => `${m[1]} ${m[2]} — ${m[3]}`);

describe('About in Chromium from file://', () => {
  let s: ChromiumSession;
  let watch: PageWatch;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'certbench-about-'));
    s = await openChromium();
    watch = watchPage(s.page);
    await s.page.goto(appUrl());
    await waitForApp(s.page);
    // Use the app a little first, so that the self-check has more than the start-up scripts to look
    // at: an area's chunk, and a decode in Inspect, which starts the decode worker.
    await s.page.getByRole('link', { name: 'CA' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'CA' }).waitFor();
    await s.page.getByRole('link', { name: 'Inspect' }).click();
    await s.page.locator('#inspect-input').fill(readFileSync(join(root, 'tests/fixtures/corpus/certs', readdirSync(join(root, 'tests/fixtures/corpus/certs')).find((f) => f.endsWith('.pem'))!), 'utf8'));
    await s.page.getByRole('button', { name: 'Decode', exact: true }).click();
    await s.page.getByTestId('inspect-status').filter({ hasText: /found/ }).waitFor();
    await s.page.getByRole('button', { name: 'About' }).click();
    await s.page.getByTestId('about').waitFor();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the version, commit and build date that git gives for this checkout', async () => {
    await expect(s.page.getByTestId('about-version').textContent()).resolves.toBe(VERSION);
    const commit = s.page.getByTestId('about-commit');
    const [short, date] = [await commit.textContent(), await s.page.getByTestId('about-date').textContent()];
    expectCommitOfThisCheckout(await commit.getAttribute('title'), short, date);
    // The CLI of the same build says the same.
    expect(execFileSync(process.execPath, [join(root, 'dist/cli.mjs'), '--version'], { encoding: 'utf8' })).toBe(`certbench ${VERSION} (commit ${short}, built ${date})\n`);
  });

  it('finds every script that ran among the CSP hashes, and no network request', async () => {
    const scripts = s.page.getByTestId('about-scripts');
    await scripts.waitFor();
    await expect(scripts.getAttribute('data-ok')).resolves.toBe('true');
    // The loader, the start-up chunks and the CA area's at least; the decode worker's entry and the core it needs.
    expect(Number(await scripts.getAttribute('data-ran'))).toBeGreaterThanOrEqual(3);
    expect(Number(await scripts.getAttribute('data-worker'))).toBeGreaterThanOrEqual(2);
    await expect(s.page.getByTestId('about-worker').textContent()).resolves.toContain('decode worker');
    await expect(s.page.getByTestId('about-network').getAttribute('data-ok')).resolves.toBe('true');
    await expect(s.page.getByTestId('about-refused').getAttribute('data-ok')).resolves.toBe('true');
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect([...watch.consoleErrors, ...watch.pageErrors]).toEqual([]);
  });

  it('lists the bundled packages as THIRD-PARTY-LICENSES.txt does, each with its licence text', async () => {
    expect(PACKAGES).toEqual(expect.arrayContaining([expect.stringMatching(/^pkijs /), expect.stringMatching(/^svelte /), expect.stringMatching(/^yaml /)]));
    const items = s.page.getByTestId('about-licences').locator('summary');
    await expect(items.allTextContents()).resolves.toEqual(PACKAGES);
    await items.first().click();
    await expect(s.page.getByTestId('about-licences').locator('pre').first().textContent()).resolves.toMatch(/Permission|Licensed|Redistribution/);
  });

  it('checks a copy of the file against SHA256SUMS written by sha256sum: the copy matches, a changed copy does not', async () => {
    const name = `certbench-${VERSION}.html`;
    copyFileSync(DIST_HTML, join(dir, name));
    writeFileSync(join(dir, 'SHA256SUMS'), execFileSync('sha256sum', [name], { cwd: dir, encoding: 'utf8' }));
    const expected = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').split(' ')[0];
    await s.page.getByTestId('about-sums').setInputFiles(join(dir, 'SHA256SUMS'));
    await s.page.getByTestId('about-file').setInputFiles(join(dir, name));
    await expect(s.page.getByTestId('about-file-verdict').getAttribute('data-ok')).resolves.toBe('true');
    await expect(s.page.getByTestId('about-file-hash').textContent()).resolves.toContain(expected);

    const bytes = readFileSync(join(dir, name));
    bytes[bytes.length - 2] ^= 1;
    const changed = join(dir, 'changed', name);
    execFileSync('mkdir', ['-p', join(dir, 'changed')]);
    writeFileSync(changed, bytes);
    await s.page.getByTestId('about-file').setInputFiles(changed);
    await expect.poll(() => s.page.getByTestId('about-file-verdict').getAttribute('data-ok')).toBe('false');
    await expect(s.page.getByTestId('about-file-verdict').textContent()).resolves.toContain(expected);
  });

  it('closes with Escape', async () => {
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('about').waitFor({ state: 'detached' });
  });

  it('names what the CSP refused when something in the page tries the network, and nothing is sent', async () => {
    await expect(s.page.getByTestId('about-refused').count()).resolves.toBe(0);
    // Chromium reports a request the CSP blocks (the image) before blocking it; it must fail as blocked, with no response.
    const before = watch.requests.length;
    const failed = new Map<string, string>();
    const answered: string[] = [];
    s.page.on('requestfailed', (r) => failed.set(r.url(), r.failure()?.errorText ?? ''));
    s.page.on('response', (r) => answered.push(r.url()));
    await s.page.evaluate(async () => {
      await fetch('https://certbench-probe.invalid/fetch').catch(() => undefined);
      const img = new Image();
      img.src = 'https://certbench-probe.invalid/pixel.png';
      document.body.append(img);
      await new Promise((done) => setTimeout(done, 200));
      img.remove();
    });
    await s.page.getByRole('button', { name: 'About' }).click();
    const refused = s.page.getByTestId('about-refused');
    await refused.waitFor();
    await expect(refused.getAttribute('data-ok')).resolves.toBe('false');
    const text = await refused.textContent();
    expect(text).toContain('connect-src https://certbench-probe.invalid/fetch');
    expect(text).toContain('img-src https://certbench-probe.invalid/pixel.png');
    await expect(s.page.getByTestId('about-network').getAttribute('data-ok')).resolves.toBe('true');
    const tried = nonLocalRequests(watch.requests.slice(before));
    expect(tried.every((url) => url.startsWith('https://certbench-probe.invalid/'))).toBe(true);
    for (const url of tried) expect(failed.get(url), url).toMatch(/^(csp|net::ERR_BLOCKED_BY_CSP)$/);
    expect(nonLocalRequests(answered)).toEqual([]);
  });
});

describe('About in Firefox ESR from file://', () => {
  let browser: Browser;
  let page: FirefoxPage;
  let requests: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    ({ browser, page, requests, errors } = await openFirefoxApp());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the version and commit, finds every script in the CSP and no network request', async () => {
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'About')?.click());
    await page.waitForSelector('[data-testid="about-scripts"]');
    const shown = await page.evaluate(() => {
      const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
      return {
        version: q('about-version')?.textContent,
        commit: q('about-commit')?.getAttribute('title'),
        date: q('about-date')?.textContent,
        scripts: q('about-scripts')?.getAttribute('data-ok'),
        ran: Number(q('about-scripts')?.getAttribute('data-ran')),
        network: q('about-network')?.getAttribute('data-ok'),
        refused: q('about-refused')?.getAttribute('data-ok'),
        licences: q('about-licences')?.querySelectorAll('summary').length,
        commands: q('about-commands')?.textContent ?? '',
      };
    });
    expectCommitOfThisCheckout(shown.commit, undefined, shown.date);
    expect(shown).toEqual({ version: VERSION, commit: shown.commit, date: shown.date, scripts: 'true', ran: shown.ran, network: 'true', refused: 'true', licences: PACKAGES.length, commands: shown.commands });
    expect(shown.ran).toBeGreaterThanOrEqual(2);
    for (const command of ['sha256sum -c --ignore-missing SHA256SUMS', `Get-FileHash -Algorithm SHA256 certbench-${VERSION}.html`, 'shasum -a 256 -c --ignore-missing SHA256SUMS']) expect(shown.commands).toContain(command);
    expect(nonLocalRequests(requests)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('names what the CSP refused after the page tries a fetch', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="about"]', { hidden: true });
    await page.evaluate(() => fetch('https://certbench-probe.invalid/fetch').then(() => 'sent', () => 'refused'));
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'About')?.click());
    await page.waitForSelector('[data-testid="about-refused"]');
    const refused = await page.evaluate(() => {
      const p = document.querySelector('[data-testid="about-refused"]');
      return { ok: p?.getAttribute('data-ok'), text: p?.textContent ?? '', network: document.querySelector('[data-testid="about-network"]')?.getAttribute('data-ok') };
    });
    expect(refused).toEqual({ ok: 'false', text: expect.stringContaining('connect-src https://certbench-probe.invalid/fetch'), network: 'true' });
    expect(nonLocalRequests(requests)).toEqual([]);
  });
});
