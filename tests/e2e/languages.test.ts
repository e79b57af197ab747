/**
 * The interface in Japanese and in Simplified Chinese, in Chromium from file://: a person picks the language in
 * the switch, goes through every area and each of its tabs, and finds no interface text left in English; a cut PEM
 * pasted into Inspect is reported in that language. What stays as the tools print it (the OpenSSL text, commands,
 * YAML, field names in code) is in <pre>/<code>/inputs and is not judged.
 */
import { execFileSync } from 'node:child_process';
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
