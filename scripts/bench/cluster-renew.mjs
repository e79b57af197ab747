import { benchPage } from './browser.mjs';
import { median } from './chromium.mjs';

export const title = 'Renewing a whole kubeadm set offline ("Renew a cluster": read the zip, load the CA keys, plan, renew 7 leaves and 5 kubeconfigs, zip) in Chromium';
const RUNS = 5;

export async function run() {
  const { browser, page } = await benchPage();
  try {
    const rows = [];
    for (const [keyType, label, barMs] of [['ec-p256', 'ECDSA P-256', 1000], ['rsa2048', 'RSA 2048', 3000]]) {
      const times = await page.evaluate(([k, n]) => globalThis.certbenchBench.clusterRenew(k, n), [keyType, RUNS]);
      const m = median(times);
      rows.push({ label: `${label} set renewed, median of ${RUNS}`, value: `${m.toFixed(1)} ms = ${(m / barMs).toFixed(2)} × the ${barMs / 1000} s bar`, bar: `< ${barMs / 1000} s`, ok: m < barMs });
    }
    return rows;
  } finally {
    await browser.close();
  }
}
