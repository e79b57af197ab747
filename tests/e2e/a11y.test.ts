/**
 * Accessibility in real Chromium from file://: axe-core over every area of the app, in light and
 * dark, with content on screen (a decoded certificate in Inspect). Bar: no serious or critical
 * violation. Then the areas are walked with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appUrl, openChromium, waitForApp, type ChromiumSession } from './browsers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const corpus = join(import.meta.dirname, '../fixtures/corpus/certs');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // axe is injected through the test driver (evaluate), which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

async function areaIds(page: Page): Promise<string[]> {
  return page.$$eval('nav[aria-label="Workbench areas"] a', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
}

describe('accessibility (axe-core) in Chromium from file://', () => {
  let s: ChromiumSession;

  beforeAll(async () => {
    s = await openChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('would see a violation (control: an unlabelled button and an image without alt)', async () => {
    const page = await s.context.newPage();
    await page.goto(appUrl() + '#inspect');
    await waitForApp(page);
    await page.evaluate(() => {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<button id="axe-control"></button><img id="axe-control-img" src="data:,">');
    });
    const found = await seriousViolations(page);
    expect(found.some((v) => v.includes('button-name'))).toBe(true);
    expect(found.some((v) => v.includes('image-alt'))).toBe(true);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every area has no serious or critical violation (${scheme})`, async () => {
      await s.page.emulateMedia({ colorScheme: scheme });
      await s.page.goto(appUrl() + '#inspect');
      await waitForApp(s.page);
      const found: string[] = [];
      for (const id of await areaIds(s.page)) {
        await s.page.goto(appUrl() + `#${id}`);
        await waitForApp(s.page);
        await s.page.getByRole('heading', { level: 1 }).waitFor();
        if (id === 'inspect') {
          await s.page.locator('#inspect-input').fill(readFileSync(join(corpus, 'mozroot__ANF_Secure_Server_Root_CA.pem'), 'utf8'));
          await s.page.getByRole('button', { name: 'Decode', exact: true }).click();
          await s.page.getByTestId('openssl-text').waitFor();
        }
        found.push(...(await seriousViolations(s.page)).map((v) => `#${id}: ${v}`));
      }
      expect(found).toEqual([]);
    });
  }

  it('every area is reachable from the keyboard alone, and the skip link moves focus to the content', async () => {
    await s.page.goto(appUrl() + '#inspect');
    await waitForApp(s.page);
    for (const id of await areaIds(s.page)) {
      // Tab through the page from the top until the area's link has focus, then press Enter.
      await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await s.page.keyboard.press('Tab');
        reached = await s.page.evaluate((href) => document.activeElement?.getAttribute('href') === href, `#${id}`);
      }
      expect(reached, `Tab reaches the ${id} link`).toBe(true);
      await s.page.keyboard.press('Enter');
      await s.page.waitForFunction((h) => location.hash === h, `#${id}`);
    }
    // A fresh load: the first Tab lands on the skip link.
    await s.page.reload();
    await waitForApp(s.page);
    await s.page.keyboard.press('Tab');
    await expect(s.page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await s.page.keyboard.press('Enter');
    await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });
});
