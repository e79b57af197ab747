/**
 * Screenshots of each area for the README (docs/screenshots/<area>-<light|dark>.png), taken in
 * Chromium from file:// with something on screen. Each run rewrites them, so they show the app as built.
 * What is asserted: the dark theme really is dark and the light one light (the page follows
 * prefers-color-scheme), and every area renders its heading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appUrl, openChromium, waitForApp, type ChromiumSession } from './browsers.ts';

const out = join(import.meta.dirname, '../../docs/screenshots');
const cert = readFileSync(join(import.meta.dirname, '../fixtures/corpus/certs/mozroot__ANF_Secure_Server_Root_CA.pem'), 'utf8');

/** Relative luminance of the page background, 0 (black) to 1 (white). */
async function backgroundLuminance(page: Page): Promise<number> {
  const rgb = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

const SETUP: Record<string, (page: Page) => Promise<void>> = {
  async inspect(page) {
    await page.locator('#inspect-input').fill(cert);
    await page.getByRole('button', { name: 'Decode', exact: true }).click();
    await page.getByTestId('openssl-text').waitFor();
  },
  async create(page) {
    await page.getByRole('button', { name: 'Kubernetes service and pod' }).click();
  },
};

describe('README screenshots, light and dark', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    s = await openChromium();
    await s.page.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every area, ${scheme}`, async () => {
      await s.page.emulateMedia({ colorScheme: scheme });
      await s.page.goto(appUrl() + '#inspect');
      await waitForApp(s.page);
      const lum = await backgroundLuminance(s.page);
      if (scheme === 'dark') expect(lum).toBeLessThan(0.2);
      else expect(lum).toBeGreaterThan(0.8);
      const areas = await s.page.$$eval('nav[aria-label="Workbench areas"] a', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
      for (const area of areas) {
        await s.page.goto(appUrl() + `#${area}`);
        await s.page.getByRole('heading', { level: 1 }).waitFor();
        await SETUP[area]?.(s.page);
        const file = join(out, `${area}-${scheme}.png`);
        await s.page.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(10_000);
      }
    });
  }
});
