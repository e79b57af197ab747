/**
 * Screenshots of each area for the README (docs/screenshots/<area>-<light|dark>.png), taken in
 * Chromium from file://. Each run rewrites them, so they show the app as built.
 *
 * The window is 1600 px wide, so the bench is docked beside the areas, and before the first shot the
 * bench is filled the way a person fills it: Create → the Docker registry preset → Generate → "Sign
 * with a new CA" in the result's next steps. Each area is then reached as a person would reach it —
 * the certificate's "TLS Secret", "Verify" (then "Verify chain") and "Inspect" buttons on the bench, the
 * header's links for the rest — and shot with what that left on screen.
 *
 * What is asserted: the dark theme really is dark and the light one light (the page follows
 * prefers-color-scheme), the bench is docked and holds the key, CSR, certificate and CA tied together,
 * each next step lands in its area with the object filled in, and every area renders its heading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appUrl, openChromium, waitForApp, type ChromiumSession } from './browsers.ts';

const out = join(import.meta.dirname, '../../docs/screenshots');

/** Relative luminance of the page background, 0 (black) to 1 (white). */
async function backgroundLuminance(page: Page): Promise<number> {
  const rgb = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

const bench = (page: Page) => page.getByTestId('bench');
/** An object on the docked bench, by kind and title (its group of next steps). */
const onBench = (page: Page, what: string) => bench(page).getByRole('group', { name: what });
const REGISTRY_CERT = 'Certificate localhost';

/** The Create area with the registry's key and CSR made and signed by a new CA: the result shows the certificate's next steps. */
async function fillBench(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Workbench areas' }).getByRole('link', { name: 'Create', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Create' }).waitFor();
  await page.getByRole('button', { name: 'Docker registry in a cluster' }).click();
  await page.getByRole('button', { name: /^Generate (key and )?CSR$/ }).click();
  await page.getByRole('heading', { name: 'Your key and CSR' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('create-next-steps').getByRole('button', { name: 'Sign with a new CA' }).click();
  await page.getByTestId('quick-signed').waitFor({ timeout: 30_000 });
  await page.getByTestId('create-next-steps').scrollIntoViewIfNeeded();
}

/** How each area is reached once the bench is filled; areas not named here are opened from the header. */
const REACH: Record<string, (page: Page) => Promise<void>> = {
  async kubernetes(page) {
    await onBench(page, REGISTRY_CERT).getByRole('button', { name: 'TLS Secret' }).click();
    await page.getByTestId('k8s-secret-yaml').waitFor({ timeout: 20_000 });
    // The Secret's place follows the certificate's Service SAN (registry.docker-registry.svc…).
    await expect(page.getByTestId('k8s-secret-yaml').textContent()).resolves.toMatch(/name: registry-tls\n\s+namespace: docker-registry/);
  },
  async verify(page) {
    await onBench(page, REGISTRY_CERT).getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verify' }).waitFor();
    // The chain check receives the certificate with the CA that signed it.
    await expect(page.locator('#verify-pile').inputValue()).resolves.toMatch(/(-----BEGIN CERTIFICATE-----[^]*){2}/);
    await page.getByTestId('verify-run').click();
    await expect(page.getByTestId('verify-verdict').getAttribute('data-ok')).resolves.toBe('true');
  },
  async inspect(page) {
    await onBench(page, REGISTRY_CERT).getByRole('button', { name: 'Inspect' }).click();
    await page.getByTestId('openssl-text').waitFor();
    await expect(page.getByTestId('openssl-text').textContent()).resolves.toContain('Issuer: CN = kubernetes-ca');
  },
};

describe('README screenshots, light and dark, the bench docked and filled', () => {
  let s: ChromiumSession | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  for (const scheme of ['light', 'dark'] as const) {
    // A fresh profile for each scheme: "Sign with a new CA" is offered only while the CA store is empty.
    it(`every area, ${scheme}`, async () => {
      mkdirSync(out, { recursive: true });
      s = await openChromium();
      const page = s.page;
      await page.setViewportSize({ width: 1600, height: 1000 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(appUrl() + '#inspect');
      await waitForApp(page);
      const lum = await backgroundLuminance(page);
      if (scheme === 'dark') expect(lum).toBeLessThan(0.2);
      else expect(lum).toBeGreaterThan(0.8);

      await fillBench(page);
      await expect(bench(page).isVisible()).resolves.toBe(true);
      for (const what of ['Private key localhost', 'CSR localhost', REGISTRY_CERT, 'CA certificate kubernetes-ca']) await onBench(page, what).waitFor();
      // Tied by public key: the certificate finds the key Create made for its request.
      await expect(bench(page).getByRole('listitem', { name: REGISTRY_CERT }).textContent()).resolves.toContain('its key is on the bench');

      const areas = await page.$$eval('nav[aria-label="Workbench areas"] a', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
      expect(areas).toContain('create');
      // Create first: the page is on its result already.
      for (const area of ['create', ...areas.filter((a) => a !== 'create')]) {
        if (REACH[area]) await REACH[area](page);
        else if (area !== 'create') await page.locator(`nav[aria-label="Workbench areas"] a[href="#${area}"]`).click();
        await expect(page.evaluate(() => location.hash)).resolves.toBe(`#${area}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expect(bench(page).isVisible()).resolves.toBe(true);
        const file = join(out, `${area}-${scheme}.png`);
        await page.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(10_000);
      }
    }, 120_000);
  }
});
