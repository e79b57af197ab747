/**
 * The interface in Japanese and in Simplified Chinese, in Chromium from file://: a person picks the language in
 * the switch, goes through every area and each of its tabs, and finds no interface text left in English; a cut PEM
 * pasted into Inspect is reported in that language. What stays as the tools print it (the OpenSSL text, commands,
 * YAML, field names in code) is in <pre>/<code>/inputs and is not judged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AREAS } from '../../src/ui/areas.ts';
import { appUrl, openChromium, waitForApp, watchPage, type ChromiumSession, type PageWatch } from './browsers.ts';

const LANGUAGES = [
  { code: 'ja', tag: 'ja', script: /[\u3040-\u30ff\u3400-\u9fff]/ },
  { code: 'zh', tag: 'zh-Hans', script: /[\u3400-\u9fff]/ },
] as const;

/** A certificate whose END line and last base64 line were cut off, as a copy from a terminal often is. */
const CUT_PEM = `-----BEGIN CERTIFICATE-----
MIIBdzCCAR2gAwIBAgIUWn2dNXnRYAbrd4H6v0cQnCQxHbcwCgYIKoZIzj0EAwIw
ETEPMA0GA1UEAwwGY3V0LmNhMB4XDTI2MDEwMTAwMDAwMFoXDTI3MDEwMTAwMDAw
`;

const CERT = execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', '/dev/null', '-subj', '/CN=languages.example', '-days', '2'], { encoding: 'utf8' });

/**
 * Text nodes of the page that read as English prose: two or more words of Latin letters and no character of the
 * language's script. Verbatim tool output and what the person typed are skipped.
 */
function englishLeft(scriptSource: string): string[] {
  const script = new RegExp(scriptSource);
  const verbatim = 'pre, code, kbd, samp, textarea, input, select option[lang], script, style, [translate="no"], [data-verbatim]';
  const found = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.replace(/\s+/g, ' ').trim();
    const parent = node.parentElement!;
    if (!text || parent.closest(verbatim) || !parent.checkVisibility()) continue;
    if (script.test(text)) continue;
    if (/\b[A-Za-z]{3,}[,:]? [a-z]{2,}\b/.test(text)) found.add(text);
  }
  // Attributes a screen reader says aloud are interface text too.
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (el.closest(verbatim.replace('input, ', '').replace('textarea, ', ''))) continue;
    for (const attr of ['aria-label', 'title', 'placeholder']) {
      const text = el.getAttribute(attr)?.trim();
      if (text && !script.test(text) && /\b[A-Za-z]{3,}[,:]? [a-z]{2,}\b/.test(text) && !/^(e\.g\.|z\.B\.)|[/=@]/.test(text)) found.add(`${attr}: ${text}`);
    }
  }
  return [...found];
}

let session: ChromiumSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  session = await openChromium();
  page = session.page;
  watch = watchPage(page);
  await page.goto(appUrl());
  await waitForApp(page);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

describe('the English-text check', () => {
  it('finds the interface text when the page is in English (it is not blind)', async () => {
    await page.selectOption('[data-testid=language-switch]', 'en');
    await page.click('nav a[href="#create"]');
    await page.waitForFunction(() => location.hash === '#create');
    const left = await page.evaluate(englishLeft, LANGUAGES[0].script.source);
    expect(left.length).toBeGreaterThan(10);
  });
});

describe.each(LANGUAGES)('the interface in $code', ({ code, tag, script }) => {
  it('the switch offers English, Deutsch, 日本語 and 简体中文, and sets the page language', async () => {
    const offered = await page.$$eval('[data-testid=language-switch] option', (os) => os.map((o) => o.textContent!.trim()));
    expect(offered).toEqual(['English', 'Deutsch', '日本語', '简体中文']);
    await page.selectOption('[data-testid=language-switch]', code);
    await page.waitForFunction((t) => document.documentElement.lang === t, tag);
  });

  it.each(AREAS.map((a) => [a]))('%s and each of its tabs show no English interface text', async (area) => {
    await page.click(`nav a[href="#${area}"]`);
    await page.waitForFunction((a) => location.hash === `#${a}` && !!document.querySelector('main h1'), area);
    const left: Record<string, string[]> = { '(area)': await page.evaluate(englishLeft, script.source) };
    const tabs = await page.$$eval('main [role=tab]', (ts) => ts.map((t) => t.id).filter(Boolean));
    for (const id of tabs) {
      if (!(await page.isVisible(`#${id}`))) continue;
      await page.click(`#${id}`);
      left[id] = await page.evaluate(englishLeft, script.source);
    }
    expect(Object.fromEntries(Object.entries(left).filter(([, v]) => v.length))).toEqual({});
  }, 60_000);

  it('a cut PEM pasted into Inspect is reported in that language', async () => {
    await page.click('nav a[href="#inspect"]');
    await page.fill('#inspect-input', '');
    await page.click('#inspect-input');
    await page.evaluate((text) => {
      const box = document.querySelector<HTMLTextAreaElement>('#inspect-input')!;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, CUT_PEM);
    if ((await page.inputValue('#inspect-input')) === '') await page.fill('#inspect-input', CUT_PEM);
    await page.getByRole('button', { name: /^(デコード|解码)/ }).click();
    const problem = page.locator('[data-testid=problems], .problems').first();
    await problem.waitFor({ timeout: 15_000 });
    const said = (await problem.innerText()).trim();
    expect(said).toMatch(script);
    expect(said).not.toMatch(/\bblock\b/); // the place has words too ("block 1")
    expect(said).toMatch(/CERTIFICATE/);
    expect(await page.evaluate(englishLeft, script.source)).toEqual([]);
  });

  it("a decoded certificate's card names where it came from in that language", async () => {
    await page.fill('#inspect-input', CERT);
    await page.getByRole('button', { name: /^(デコード|解码)/ }).click();
    // The previous language's cards are replaced: wait for this certificate's card, worded in this language.
    const origin = page.locator('[data-testid=card-origin]').first();
    await expect.poll(() => origin.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(script);
    const text = await origin.innerText();
    expect(text).toContain('CERTIFICATE');
    expect(text).not.toMatch(/\bblock\b/);
  });

  it('nothing failed in the page', () => {
    expect([...watch.consoleErrors, ...watch.pageErrors]).toEqual([]);
  });
});

/**
 * A small PKI made by openssl for the Verify area in each language: a root, an intermediate without
 * basicConstraints (not a CA: the chain fails), a leaf under it for leaf.example, and a CN-only
 * certificate (lint errors). Plain one-word names, so what the check finds is interface text.
 */
function verifyPki(): { pile: string; leaf: string; lintPile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-languages-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  const key = (name: string) => run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`]);
  const issue = (name: string, subject: string, issuer: string, ext: string[]) => {
    key(name);
    run(['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`]);
    writeFileSync(join(dir, `${name}.ext`), `${ext.join('\n')}\n`);
    run(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-set_serial', '0x2001', '-days', '200', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
  };
  try {
    key('root');
    run(['req', '-x509', '-new', '-key', 'root.key', '-subj', '/CN=root.example', '-days', '365', '-sha256', '-out', 'root.pem',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    issue('int', '/CN=int.example', 'root', ['keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid']);
    issue('leaf', '/CN=leaf.example', 'int', ['subjectAltName=DNS:leaf.example', 'extendedKeyUsage=serverAuth', 'keyUsage=critical,digitalSignature', 'authorityKeyIdentifier=keyid']);
    issue('cnonly', '/CN=cnonly.example', 'root', ['basicConstraints=CA:FALSE', 'authorityKeyIdentifier=keyid']);
    const pem = (name: string) => readFileSync(join(dir, `${name}.pem`), 'utf8');
    return { pile: pem('leaf') + pem('int') + pem('root'), leaf: pem('leaf'), lintPile: pem('cnonly') + pem('int') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a failing chain, a host name that is not covered and a lint in the Verify area; returns each result list's text. */
async function verifyResults(pki: ReturnType<typeof verifyPki>): Promise<{ problems: string; reason: string; findings: string }> {
  await page.click('nav a[href="#verify"]');
  await page.waitForFunction(() => location.hash === '#verify' && !!document.querySelector('#verify-tab-chain'));
  await page.click('#verify-tab-chain');
  await page.fill('#verify-pile', pki.pile);
  await page.click('[data-testid=verify-run]');
  await page.locator('[data-testid=verify-verdict][data-ok=false]').waitFor({ timeout: 15_000 });
  const problems = await page.locator('[data-testid=verify-problems]').innerText();

  await page.click('#verify-tab-hostname');
  await page.fill('#verify-host-cert', pki.leaf);
  await page.fill('[data-testid=verify-host-name]', 'other.example');
  await page.click('[data-testid=verify-host-run]');
  const reason = await page.locator('[data-testid=verify-host-reason]').innerText({ timeout: 15_000 });

  await page.click('#verify-tab-lints');
  await page.fill('#verify-lint-certs', pki.lintPile);
  await page.click('[data-testid=verify-lint-run]');
  await page.locator('[data-testid=verify-lint-cert] li[data-severity]').first().waitFor({ timeout: 15_000 });
  const findings = (await page.locator('[data-testid=verify-lint-cert]').allInnerTexts()).join('\n');
  return { problems, reason, findings };
}

describe('Verify: why a chain fails, why a name is not covered, and lint findings are worded in the language', () => {
  let pki: ReturnType<typeof verifyPki>;
  beforeAll(() => {
    pki = verifyPki();
  });

  it('in English the check finds them (it is not blind to the result lists)', async () => {
    await page.selectOption('[data-testid=language-switch]', 'en');
    const r = await verifyResults(pki);
    expect(r.problems).toContain("intermediate 'int.example' is not a CA: basicConstraints missing");
    expect(r.reason).toContain('other.example is not among its DNS SANs (leaf.example)');
    expect(r.findings).toContain('names its host only in the CN "cnonly.example" and has no subjectAltName');
    // Each tab's results, as the English-text check reads the page.
    const left: string[] = [];
    for (const tab of ['chain', 'hostname', 'lints']) {
      await page.click(`#verify-tab-${tab}`);
      left.push(...(await page.evaluate(englishLeft, LANGUAGES[0].script.source)));
    }
    expect(left.some((t) => t.includes('basicConstraints missing'))).toBe(true);
    expect(left.some((t) => t.includes('not among its DNS SANs'))).toBe(true);
    expect(left.some((t) => t.includes('has no subjectAltName'))).toBe(true);
  }, 60_000);

  it.each(LANGUAGES)('in $code the result lists have no English interface text', async ({ code, tag, script }) => {
    await page.selectOption('[data-testid=language-switch]', code);
    await page.waitForFunction((t) => document.documentElement.lang === t, tag);
    const r = await verifyResults(pki);
    for (const text of [r.problems, r.reason, r.findings]) expect(text).toMatch(script);
    // The certificates' names and the rule ids stay as they are.
    expect(r.problems).toContain("'int.example'");
    expect(r.findings).toContain('cn-only');
    expect(r.problems).not.toMatch(/is not a CA|basicConstraints missing/);
    expect(r.findings).not.toMatch(/has no subjectAltName|reissue/);
    const left: Record<string, string[]> = {};
    for (const tab of ['chain', 'hostname', 'lints']) {
      await page.click(`#verify-tab-${tab}`);
      left[tab] = await page.evaluate(englishLeft, script.source);
    }
    expect(Object.fromEntries(Object.entries(left).filter(([, v]) => v.length))).toEqual({});
  }, 60_000);

  it('nothing failed in the page', () => {
    expect([...watch.consoleErrors, ...watch.pageErrors]).toEqual([]);
  });
});
