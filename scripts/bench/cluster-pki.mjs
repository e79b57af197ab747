import { benchPage } from './browser.mjs';
import { median } from './chromium.mjs';

export const title = 'Whole kubeadm cluster PKI (ECDSA P-256: 4 key pairs for CAs/sa, 10 leaves, 5 kubeconfigs) in Chromium';
const RUNS = 5;

export async function run() {
  const { browser, page } = await benchPage();
  try {
    const times = await page.evaluate((n) => globalThis.certbenchBench.kubeadm(n), RUNS);
    const m = median(times);
    return [{ label: `kubeadm PKI, median of ${RUNS}`, value: `${m.toFixed(1)} ms = ${(m / 1000).toFixed(2)} × the 1 s bar`, bar: '< 1 s', ok: m < 1000 }];
  } finally {
    await browser.close();
  }
}
