/**
 * No input is lost by navigating, in Chromium and Firefox ESR from file://: a person fills a field
 * and picks a sub-tab (or a choice, or an open panel) in each of the six areas, goes through all six
 * and back, and finds everything as it was — a key made in Create and a private key pasted in the
 * TLS Secret form included. After a reload the non-secret fields are back (from the tab's
 * sessionStorage) and the private keys and the passphrase are not, neither on screen nor in storage.
 * Driven by clicks, typing and pasting; the page's state is never touched directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AREAS, type AreaId } from '../../src/ui/areas.ts';
import { appUrl, nonLocalRequests, openChromium, openFirefoxApp, waitForApp, waitInFirefox, watchPage } from './browsers.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-area-switch-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'switch.key', '-out', 'switch.crt', '-days', '30', '-subj', '/CN=switch.example.test', '-addext', 'subjectAltName=DNS:switch.example.test']);
const CERT = readFileSync(join(dir, 'switch.crt'), 'utf8');
const KEY = readFileSync(join(dir, 'switch.key'), 'utf8');
openssl(['req', '-new', '-key', 'switch.key', '-out', 'switch.csr', '-subj', '/CN=switch-csr']);
const CSR = readFileSync(join(dir, 'switch.csr'), 'utf8');
const KEY_BODY_START = KEY.split('\n')[1]!.slice(0, 40);
const PASSPHRASE = 'never written to storage 7291';

const TITLES: Record<AreaId, string> = { inspect: 'Inspect', create: 'Create', ca: 'CA', kubernetes: 'Kubernetes', verify: 'Verify', workshop: 'Workshop' };

/** What both browsers' pages offer (playwright-core's and puppeteer-core's Page alike), plus the few calls that differ. */
interface Driver {
  click(selector: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void>; down(key: string): Promise<void>; up(key: string): Promise<void> };
  waitFor<A>(fn: (arg: A) => unknown, arg: A): Promise<void>;
  reload(): Promise<void>;
  errors(): string[];
  requests(): string[];
  close(): Promise<void>;
}

async function chromiumDriver(): Promise<Driver> {
  const session = await openChromium();
  const page = session.page;
  const watch = watchPage(page);
  await page.goto(appUrl());
  await waitForApp(page);
  return {
    click: (s) => page.click(s),
    // The drivers' generics are looser than each library's own (handles unwrapped); the arguments here are plain JSON.
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never),
    keyboard: page.keyboard,
    waitFor: async (fn, arg) => void (await page.waitForFunction(fn as never, arg as never, { timeout: 15_000 })),
    reload: async () => {
      await page.reload();
      await waitForApp(page);
    },
    errors: () => [...watch.consoleErrors, ...watch.pageErrors],
    requests: () => watch.requests,
    close: () => session.close(),
  };
}

async function firefoxDriver(): Promise<Driver> {
  const { browser, page, requests, errors } = await openFirefoxApp();
  return {
    click: (s) => page.click(s),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as Promise<never>,
    keyboard: {
      type: (t) => page.keyboard.type(t),
      press: (k) => page.keyboard.press(k as never),
      down: (k) => page.keyboard.down(k as never),
      up: (k) => page.keyboard.up(k as never),
    },
    waitFor: (fn, arg) => waitInFirefox(page, fn as never, arg as never, 15_000),
    reload: async () => {
      await page.reload();
      await waitInFirefox(page, () => document.documentElement.dataset.ready === 'true', undefined, 15_000);
    },
    errors: () => errors,
    requests: () => requests,
    close: () => browser.close(),
  };
}

/** Typing into a field: click it, select what is there, type over it. */
async function typeOver(d: Driver, selector: string, text: string): Promise<void> {
  await d.click(selector);
  await d.keyboard.down('Control');
  await d.keyboard.press('KeyA');
  await d.keyboard.up('Control');
  await d.keyboard.type(text);
}

/** Pasting into a field, as Ctrl+V does: the text is inserted where the caret is, as one input. */
async function paste(d: Driver, selector: string, text: string): Promise<void> {
  await d.click(selector);
  await d.evaluate((t) => void document.execCommand('insertText', false, t), text);
}

async function goTo(d: Driver, area: AreaId): Promise<void> {
  await d.click(`nav a[href="#${area}"]`);
  await d.waitFor((title) => document.querySelector('main h1')?.textContent === title, TITLES[area]);
  const views: Record<AreaId, string> = {
    inspect: '[data-testid="inspect-view"]',
    create: '[data-testid="create-view"]',
    ca: '[data-testid="ca-view"]',
    kubernetes: '[data-testid="kubernetes-view"]',
    verify: '[data-testid="verify-view"]',
    workshop: '[data-testid="ws-lab"]',
  };
  await d.waitFor((s) => !!document.querySelector(s), views[area]);
}

/** Field values, checked states, open panels and selected tabs, read off the page. */
const read = (d: Driver, selectors: Record<string, string>) =>
  d.evaluate((sel) => {
    const out: Record<string, string | boolean | null> = {};
    for (const [name, s] of Object.entries(sel)) {
      const [css, what] = s.split(' @');
      const el = document.querySelector(css!);
      if (!el) out[name] = null;
      else if (what === 'checked') out[name] = (el as HTMLInputElement).checked;
      else if (what === 'open') out[name] = (el as HTMLDetailsElement).open;
      else if (what) out[name] = el.getAttribute(what);
      else if ('value' in el) out[name] = (el as HTMLInputElement).value;
      else out[name] = el.textContent;
    }
    return out;
  }, selectors);

const INSPECT = { text: '#inspect-input', asn1: '#card-0-tab-asn1 @aria-selected' };
const CREATE = {
  preset: 'button[aria-describedby="create-preset-docker-registry-desc"] @aria-pressed',
  sans: '#create-sans',
  client: 'input[name="create-usage"][value="client"] @checked',
  bringOpen: 'details.bring @open',
  paste: '#create-paste',
};
const CA = {
  subject: '#ca-subject',
  browserKey: 'input[name="ca-create-protection"][value="browser-key"] @checked',
  constraintsOpen: 'form[aria-label="Create a CA"] details @open',
  permittedDns: '#ca-nc-permittedDns',
};
const KUBE = { tab: '#k8s-tab-secret @aria-selected', cert: '#k8s-secret-cert', key: '#k8s-secret-key', name: '#k8s-secret-name' };
const VERIFY_HOST = { tab: '#verify-tab-hostname @aria-selected', host: '[data-testid="verify-host-name"]' };
const WORKSHOP = { lab: '[data-testid="ws-lab-apiserver"] @aria-current', server: '[data-testid="ws-field-kubeconfig-server"]', caSubject: '[data-testid="ws-field-ca-subject"]' };

const SANS = 'DNS:registry.docker-registry\nDNS:registry.docker-registry.svc.cluster.local\nDNS:localhost\nDNS:switch.example.test';

/** Fills a field and picks a sub-tab (or choice, or panel) in each area; returns the CSR Create made. */
async function fillEveryArea(d: Driver): Promise<string> {
  await paste(d, INSPECT.text, CERT);
  await d.waitFor(() => !!document.querySelector('#card-0-tab-asn1'), null);
  await d.click('#card-0-tab-asn1');

  await goTo(d, 'create');
  await d.click('button[aria-describedby="create-preset-docker-registry-desc"]');
  await d.click('#create-sans');
  await d.keyboard.down('Control');
  await d.keyboard.press('End');
  await d.keyboard.up('Control');
  await d.keyboard.type('\nDNS:switch.example.test');
  await d.click(CREATE.client.split(' @')[0]!);
  await d.click('details.bring summary');
  await typeOver(d, '#create-paste', 'openssl req -new -subj "/CN=not applied yet"');
  await d.click('[data-testid="create-view"] .go button[type="submit"]');
  await d.waitFor(() => /BEGIN CERTIFICATE REQUEST/.test(document.querySelector('#create-out-csr')?.textContent ?? ''), null);
  const csr = (await read(d, { csr: '#create-out-csr' })).csr as string;

  await goTo(d, 'ca');
  await typeOver(d, CA.subject, 'CN=Area Switch Root CA');
  await typeOver(d, '#ca-create-pass', PASSPHRASE);
  await d.click(CA.browserKey.split(' @')[0]!);
  await d.click('form[aria-label="Create a CA"] details summary');
  await typeOver(d, CA.permittedDns, '.switch.example.test');

  await goTo(d, 'kubernetes');
  await d.click('#k8s-tab-secret');
  await paste(d, KUBE.cert, CERT);
  await paste(d, KUBE.key, KEY);
  await typeOver(d, KUBE.name, 'switch-tls');

  await goTo(d, 'verify');
  await paste(d, '#verify-pile', CERT);
  await d.click('#verify-tab-hostname');
  await typeOver(d, VERIFY_HOST.host, 'switch.example.test');

  await goTo(d, 'workshop');
  await d.click('[data-testid="ws-lab-apiserver"]');
  await d.waitFor(() => !!document.querySelector('[data-testid="ws-field-kubeconfig-server"]'), null);
  await typeOver(d, WORKSHOP.server, 'https://switch.example.test:6443');
  await typeOver(d, WORKSHOP.caSubject, 'CN=switch-workshop-ca');
  return csr;
}

/** The Verify chain text: its tab is opened to read it, then the host-name tab the person had open is picked again. */
async function verifyPile(d: Driver): Promise<string | null> {
  await d.click('#verify-tab-chain');
  const { pile } = await read(d, { pile: '#verify-pile' });
  await d.click('#verify-tab-hostname');
  return pile as string | null;
}

async function storedText(d: Driver): Promise<string> {
  return d.evaluate(() => Array.from({ length: sessionStorage.length }, (_, i) => `${sessionStorage.key(i)}=${sessionStorage.getItem(sessionStorage.key(i)!)}`).join('\n'), null);
}

describe.each([
  ['Chromium', chromiumDriver],
  ['Firefox ESR', firefoxDriver],
])('%s: every area keeps its input across area switches and, without secrets, across a reload', (_name, open) => {
  let d: Driver;
  let csr = '';

  beforeAll(async () => {
    d = await open();
  });
  afterAll(async () => {
    await d?.close();
  });

  it('fills a field and picks a sub-tab in all six areas, goes through all six, and finds each as it was', async () => {
    csr = await fillEveryArea(d);
    for (const area of AREAS) await goTo(d, area);

    await goTo(d, 'inspect');
    expect(await read(d, INSPECT)).toEqual({ text: CERT, asn1: 'true' });
    await goTo(d, 'create');
    expect(await read(d, CREATE)).toEqual({ preset: 'true', sans: SANS, client: true, bringOpen: true, paste: 'openssl req -new -subj "/CN=not applied yet"' });
    // The key and CSR made here are still here (in memory only).
    expect((await read(d, { csr: '#create-out-csr' })).csr).toBe(csr);
    await goTo(d, 'ca');
    expect(await read(d, CA)).toEqual({ subject: 'CN=Area Switch Root CA', browserKey: true, constraintsOpen: true, permittedDns: '.switch.example.test' });
    await goTo(d, 'kubernetes');
    expect(await read(d, KUBE)).toEqual({ tab: 'true', cert: CERT, key: KEY, name: 'switch-tls' });
    // The area still works on what is typed, not only shows it: the Secret follows a new name, and a
    // request pasted in the CSR manifest section is read (the state's derived values outlive the first view).
    await typeOver(d, KUBE.name, 'switch-tls-2');
    await d.waitFor(() => /name: switch-tls-2\n/.test(document.querySelector('[data-testid="k8s-secret-yaml"]')?.textContent ?? ''), null);
    await d.click('#k8s-tab-csr');
    await paste(d, '#k8s-csr-input', CSR);
    await d.waitFor(() => /name: switch-csr\n/.test(document.querySelector('[data-testid="k8s-csr-yaml"]')?.textContent ?? ''), null);
    await d.click('#k8s-tab-secret');
    await goTo(d, 'verify');
    expect(await read(d, VERIFY_HOST)).toEqual({ tab: 'true', host: 'switch.example.test' });
    expect(await verifyPile(d)).toBe(CERT);
    await goTo(d, 'workshop');
    expect(await read(d, WORKSHOP)).toEqual({ lab: 'true', server: 'https://switch.example.test:6443', caSubject: 'CN=switch-workshop-ca' });
  });

  it('after a reload the non-secret fields and sub-tabs are back; the private keys and the passphrase are neither on screen nor in sessionStorage', async () => {
    const before = await storedText(d);
    expect(before).toContain('switch-tls-2');
    await d.reload();

    const stored = await storedText(d);
    expect(stored).not.toMatch(/PRIVATE KEY/);
    expect(stored).not.toContain(KEY_BODY_START);
    expect(stored).not.toContain(PASSPHRASE);

    await goTo(d, 'inspect');
    await d.waitFor(() => document.querySelector('#card-0-tab-asn1')?.getAttribute('aria-selected') === 'true', null);
    expect(await read(d, INSPECT)).toEqual({ text: CERT, asn1: 'true' });
    await goTo(d, 'create');
    expect(await read(d, CREATE)).toEqual({ preset: 'true', sans: SANS, client: true, bringOpen: true, paste: 'openssl req -new -subj "/CN=not applied yet"' });
    // The key made before the reload is gone with the page, as the notice says.
    expect((await read(d, { csr: '#create-out-csr' })).csr).toBeNull();
    await goTo(d, 'ca');
    expect(await read(d, CA)).toEqual({ subject: 'CN=Area Switch Root CA', browserKey: true, constraintsOpen: true, permittedDns: '.switch.example.test' });
    await d.click('input[name="ca-create-protection"][value="passphrase"]');
    expect((await read(d, { pass: '#ca-create-pass' })).pass).toBe('');
    await goTo(d, 'kubernetes');
    expect(await read(d, KUBE)).toEqual({ tab: 'true', cert: CERT, key: '', name: 'switch-tls-2' });
    await goTo(d, 'verify');
    expect(await read(d, VERIFY_HOST)).toEqual({ tab: 'true', host: 'switch.example.test' });
    expect(await verifyPile(d)).toBe(CERT);
    await goTo(d, 'workshop');
    await d.waitFor(() => !!document.querySelector('[data-testid="ws-field-kubeconfig-server"]'), null);
    expect(await read(d, WORKSHOP)).toEqual({ lab: 'true', server: 'https://switch.example.test:6443', caSubject: 'CN=switch-workshop-ca' });
  });

  it('made no network request and logged no error', () => {
    expect(nonLocalRequests(d.requests())).toEqual([]);
    expect(d.errors()).toEqual([]);
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
