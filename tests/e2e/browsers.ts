/**
 * Real browsers for the e2e suite: Debian's Chromium driven by playwright-core, Debian's Firefox ESR
 * driven by puppeteer-core over WebDriver BiDi. Both open dist/index.html through a file:// URL.
 * scripts/ensure-browsers.mjs has made sure both exist before vitest starts, so a missing browser is
 * a failure here, never a skip.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';

export const DIST_HTML = resolve(import.meta.dirname, '../../dist/index.html');

export function appUrl(htmlPath = DIST_HTML): string {
  if (!existsSync(htmlPath) || statSync(htmlPath).size === 0) {
    throw new Error(`${htmlPath} is missing: run \`npm run build\` first (npm test does it for you)`);
  }
  return pathToFileURL(htmlPath).href;
}

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Flags measured to work on this machine: no sandbox as root, no background traffic to Google. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every test opens a file:// page; allow-file-access keeps file:// navigation within one context.
  '--allow-file-access-from-files',
];

export interface ChromiumSession {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * A persistent Chromium profile in a fresh directory: state (IndexedDB) survives reloads and, when the
 * same userDataDir is passed again, a browser restart.
 */
export async function openChromium(userDataDir?: string): Promise<ChromiumSession> {
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'certbench-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    userDataDir: dir,
    async close() {
      await context.close();
      if (!userDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a page did that a test must see: every request URL, console errors, uncaught errors. */
export interface PageWatch {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  return watch;
}

/** Only local schemes: the app must never touch the network. */
export function nonLocalRequests(urls: string[]): string[] {
  return urls.filter((u) => !/^(file|data|blob):/.test(u));
}

export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 15_000 });
}

/** Firefox ESR over WebDriver BiDi (puppeteer-core), with a fresh profile. */
export async function openFirefox() {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    // Keep Firefox from phoning home (captive portal, updates, telemetry) on a closed network.
    extraPrefsFirefox: {
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  const page = await browser.newPage();
  return { browser, page };
}

/** Firefox on the app from file://, watched like watchPage() does for Chromium (errors; requests as BiDi reports them). */
export async function openFirefoxApp(hash = '') {
  const { browser, page } = await openFirefox();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(appUrl() + hash);
  await waitInFirefox(page, () => document.documentElement.dataset.ready === 'true', undefined, 15_000);
  return { browser, page, requests, errors };
}

/**
 * Waits until `predicate(arg)`, run in the page, is true (or resolves to true). Not puppeteer's
 * page.waitForFunction: it builds the predicate in the page with `new Function`, which the app's
 * Content-Security-Policy (no 'unsafe-eval') refuses in Firefox ESR 140.12 ("call to Function()
 * blocked by CSP"); page.evaluate (WebDriver BiDi's script.callFunction) is not refused. A poll
 * that fails because the page is navigating (a reload) is tried again until the time is up.
 */
export async function waitInFirefox<A>(page: FirefoxPage, predicate: (arg: A) => boolean | Promise<boolean>, arg?: A, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      if (await page.evaluate(predicate as (arg: unknown) => boolean | Promise<boolean>, arg)) return;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) {
      throw new Error(`waited ${timeout} ms for ${predicate.toString()}${last === undefined ? '' : ` (last poll: ${String(last)})`}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
