import { benchPage } from './browser.mjs';
import { median } from './chromium.mjs';

export const title = 'Key and CSR creation in Chromium from file:// (median; CSR = build + sign after keygen)';
// RSA keygen is slow and noisy; fewer runs for the big keys keep the bench short.
const RUNS = { rsa2048: 7, rsa3072: 5, rsa4096: 5 };
// performance.now() is coarsened to 0.1 ms in a file:// page; medians of 21 runs smooth that out.

export async function run() {
  const { browser, page } = await benchPage();
  try {
    const results = await page.evaluate((runs) => globalThis.certbenchBench.create(runs), RUNS);
    return results.map((r) => {
      const keygen = median(r.keygen);
      const csr = median(r.csr);
      const row = { label: `${r.type}: keygen / CSR build+sign (n=${r.keygen.length})`, value: `${keygen.toFixed(1)} ms / +${csr.toFixed(2)} ms` };
      return r.type === 'ec-p256' ? { ...row, bar: 'CSR ≤ 5 ms beyond keygen', ok: csr <= 5 } : row;
    });
  } finally {
    await browser.close();
  }
}
