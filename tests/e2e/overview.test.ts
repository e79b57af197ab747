/**
 * Inspect's overview table (issue #15) in Chromium and Firefox ESR from file://: a 5,000-certificate
 * FILE given to the file input shows the total and the counts, a search finds the one certificate
 * with a given CN among them, duplicates are counted right, sorting by notAfter puts the soonest
 * first, and only the rows on screen are in the DOM. Functional checks only: the time all this
 * takes is `npm run bench`'s (paste), not a test's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { appUrl, nonLocalRequests, openChromium, openFirefoxApp, waitForApp, waitInFirefox, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'certbench-overview-'));
/** Certificates made here: CN h5-cert-NNNN valid for NNNN+1 days (so notAfter order is CN order), and one needle. */
const UNIQUE = 500;
const TOTAL = 5000;
const NEEDLE_CN = 'needle-h5.overview.example';
const bundlePath = join(work, 'bundle.pem');
let duplicates = 0;
/** Entries whose notAfter is within 30 days (h5-cert-0000 … 0030: days left 0 … 30). */
let soon = 0;
/** How often h5-cert-0000 (the soonest) occurs. */
let soonestCopies = 0;
let soonestFingerprint = '';
/** The line the needle's block begins on in the file (block TOTAL / 2 + 1), as an editor counts. */
let needleLine = 0;

/** 499 certificates cycled to 4,999 entries, and the needle once in the middle: 4,500 are copies. */
async function makeBundle(): Promise<void> {
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', join(work, 'k.pem')]);
  const pems: string[] = new Array(UNIQUE);
  const make = async (i: number) => {
    const cn = i === UNIQUE - 1 ? NEEDLE_CN : `h5-cert-${String(i).padStart(4, '0')}`;
    const { stdout } = await run('openssl', ['req', '-x509', '-key', join(work, 'k.pem'), '-subj', `/O=certbench e2e/CN=${cn}`, '-days', String(i + 1), '-set_serial', String(1000 + i)]);
    pems[i] = stdout.trim();
  };
  // Two at a time: the machine has two cores.
  for (let i = 0; i < UNIQUE; i += 2) await Promise.all([make(i), ...(i + 1 < UNIQUE ? [make(i + 1)] : [])]);
  const cycled = Array.from({ length: TOTAL - 1 }, (_, i) => pems[i % (UNIQUE - 1)]!);
  cycled.splice(TOTAL / 2, 0, pems[UNIQUE - 1]!);
  writeFileSync(bundlePath, cycled.join('\n') + '\n');
  needleLine = cycled.slice(0, TOTAL / 2).reduce((line, pem) => line + pem.split('\n').length, 1);
  duplicates = TOTAL - UNIQUE;
  const position = (i: number) => i % (UNIQUE - 1);
  soon = Array.from({ length: TOTAL - 1 }, (_, i) => position(i)).filter((u) => u <= 30).length;
  soonestCopies = Array.from({ length: TOTAL - 1 }, (_, i) => position(i)).filter((u) => u === 0).length;
  writeFileSync(join(work, 'soonest.pem'), pems[0]! + '\n');
  soonestFingerprint = /=(\S+)/.exec(execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', join(work, 'soonest.pem')]).toString())![1]!;
}

beforeAll(makeBundle, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fmt = (n: number) => n.toLocaleString('en');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('Overview of a 5,000-certificate file in Chromium', () => {
  let s: ChromiumSession;
  let watch: PageWatch;

  beforeAll(async () => {
    s = await openChromium();
    watch = watchPage(s.page);
    await s.page.goto(appUrl() + '#inspect');
    await waitForApp(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the total and the duplicates, with only the rows on screen in the DOM', async () => {
    await s.page.getByTestId('file-input').setInputFiles(bundlePath);
    await s.page.getByTestId('inspect-status').filter({ hasText: `${TOTAL} objects found` }).waitFor({ timeout: 240_000 });
    const counts = await s.page.getByTestId('overview-counts').textContent();
    expect(counts).toBe(`${fmt(TOTAL)} objects, ${fmt(duplicates)} duplicates, ${fmt(soon)} expire within 30 days`);
    await expect(s.page.getByTestId('overview-grid').getAttribute('aria-rowcount')).resolves.toBe(String(TOTAL + 1));
    const rows = await s.page.getByTestId('overview-row').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(60);
    await expect(s.page.getByTestId('object-card').count()).resolves.toBe(0);
  });

  it('finds the one certificate with a CN among them', async () => {
    await s.page.getByTestId('overview-search').fill(NEEDLE_CN.toUpperCase());
    await s.page.getByTestId('overview-matching').filter({ hasText: '1 matches' }).waitFor();
    await expect(s.page.getByTestId('overview-row').count()).resolves.toBe(1);
    await expect(s.page.getByTestId('row-subject').textContent()).resolves.toBe(NEEDLE_CN);
    // Where to find it in the file: its block and the line that block begins on. The one file's name is said
    // above the table, not on every row; the cell's title has it.
    const origin = `block ${TOTAL / 2 + 1} (CERTIFICATE), line ${needleLine}`;
    await expect(s.page.getByTestId('row-origin').textContent()).resolves.toBe(origin);
    await expect(s.page.getByTestId('row-origin').getAttribute('title')).resolves.toBe(`bundle.pem › ${origin}`);
    expect(readFileSync(bundlePath, 'utf8').split('\n')[needleLine - 1]).toBe('-----BEGIN CERTIFICATE-----');
    await s.page.getByTestId('overview-search').fill('');
  });

  it('sorts by notAfter with the soonest first', async () => {
    await s.page.getByTestId('sort-notAfter').click();
    const first = s.page.locator('[data-testid="overview-row"][aria-rowindex="2"]');
    await expect(first.getByTestId('row-subject').textContent()).resolves.toBe(`h5-cert-0000×${soonestCopies}`);
    await expect(first.locator('[role="gridcell"]').nth(5).textContent()).resolves.toBe(soonestFingerprint);
  });

  it('is reachable by keyboard (arrows move, Enter opens the card) and axe finds no serious violation in the table', async () => {
    await s.page.getByTestId('overview-grid').focus();
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await expect(s.page.getByTestId('overview-grid').getAttribute('aria-activedescendant')).resolves.toBe('overview-r2');
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('overview-card').getByTestId('openssl-text').waitFor();
    await s.page.evaluate(axeSource);
    const serious = await s.page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document.querySelector('[data-testid="overview"]')!, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    });
    expect(serious).toEqual([]);
  });

  it('made no request but file:, data: or blob:, and logged no error', () => {
    expect(nonLocalRequests(watch.requests)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('Overview of a 5,000-certificate file in Firefox ESR', () => {
  let browser: Browser;
  let page: FirefoxPage;
  let requests: string[] = [];
  let errors: string[] = [];
  const text = (sel: string) => page.$eval(sel, (e) => e.textContent ?? '');

  beforeAll(async () => {
    ({ browser, page, requests, errors } = await openFirefoxApp('#inspect'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the total and the duplicates, with only the rows on screen in the DOM', async () => {
    const input = (await page.$('[data-testid="file-input"]'))!;
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(bundlePath);
    await waitInFirefox(page, (want) => document.querySelector('[data-testid="inspect-status"]')?.textContent === want, `${TOTAL} objects found`, 240_000);
    expect(await text('[data-testid="overview-counts"]')).toBe(`${fmt(TOTAL)} objects, ${fmt(duplicates)} duplicates, ${fmt(soon)} expire within 30 days`);
    expect(await page.$eval('[data-testid="overview-grid"]', (e) => e.getAttribute('aria-rowcount'))).toBe(String(TOTAL + 1));
    const rows = (await page.$$('[data-testid="overview-row"]')).length;
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(60);
  });

  it('finds the one certificate with a CN among them', async () => {
    await page.type('[data-testid="overview-search"]', NEEDLE_CN);
    await waitInFirefox(page, () => document.querySelectorAll('[data-testid="overview-row"]').length === 1);
    expect(await text('[data-testid="row-subject"]')).toBe(NEEDLE_CN);
    await page.$eval('[data-testid="overview-search"]', (e) => {
      (e as HTMLInputElement).value = '';
      e.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitInFirefox(page, () => document.querySelectorAll('[data-testid="overview-row"]').length > 1);
  });

  it('sorts by notAfter with the soonest first', async () => {
    await page.click('[data-testid="sort-notAfter"]');
    await waitInFirefox(
      page,
      (want) => document.querySelector('[data-testid="overview-row"][aria-rowindex="2"] [data-testid="row-subject"]')?.textContent === want,
      `h5-cert-0000×${soonestCopies}`,
    );
    const fp = await page.$eval('[data-testid="overview-row"][aria-rowindex="2"]', (r) => r.querySelectorAll('[role="gridcell"]')[5]?.textContent);
    expect(fp).toBe(soonestFingerprint);
  });

  it('made no request but file:, data: or blob:, and logged no error', () => {
    expect(nonLocalRequests(requests)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
