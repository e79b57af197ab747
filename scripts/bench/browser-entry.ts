// Bundled by scripts/bench/browser.mjs into a page opened from file:// in Chromium, so the figures
// are the browser's WebCrypto and the app's own core code, not Node's.
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { KEY_TYPES, type KeyType } from '../../src/core/keys/key-types.ts';
import { buildCsr } from '../../src/core/csr/build.ts';
import { generateKubeadmPki, loadCluster, readClusterFiles, renewCluster, zipPkiFiles, type ClusterKeyType } from '../../src/kube/index.ts';

const REQUEST = {
  subject: [{ type: 'CN' as const, value: 'registry.docker-registry.svc.cluster.local' }],
  sans: ['registry.docker-registry', 'registry.docker-registry.svc.cluster.local', '10.96.0.10', '2001:db8::1'],
  usage: 'server' as const,
};

async function timeCreate(type: KeyType, runs: number) {
  const keygen: number[] = [];
  const csr: number[] = [];
  // Untimed first rounds: the first CSR of a page also compiles the CSR code path (JIT warm-up).
  for (let i = 0; i < 3; i++) await buildCsr(REQUEST, await generateKeyPair(type));
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const pair = await generateKeyPair(type);
    const t1 = performance.now();
    await buildCsr(REQUEST, pair);
    const t2 = performance.now();
    keygen.push(t1 - t0);
    csr.push(t2 - t1);
  }
  return { type, keygen, csr };
}

async function timeKubeadm(runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await generateKubeadmPki({ keyType: 'ec-p256' });
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Renewing a whole kubeadm set as the "Renew a cluster" section does, from the dropped zip's bytes:
 * read, load the CA keys, plan (the before table) and renew 12 certificates (7 leaves, 5 kubeconfigs) (the after table, the zip).
 */
async function timeClusterRenew(keyType: ClusterKeyType, runs: number) {
  const zip = zipPkiFiles((await generateKubeadmPki({ keyType })).files);
  const later = new Date(Date.now() + 400 * 86_400_000);
  const renewOnce = async () => {
    const result = await renewCluster(await loadCluster(readClusterFiles([{ path: 'kubeadm-pki.zip', bytes: zip }])), { asOf: later });
    if (result.renewed.length !== 12) throw new Error(`renewed ${result.renewed.length} of 12`);
  };
  await renewOnce(); // untimed: compiles the code paths
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await renewOnce();
    times.push(performance.now() - t0);
  }
  return times;
}

(globalThis as unknown as { certbenchBench: unknown }).certbenchBench = {
  async create(runsFor: Record<string, number>) {
    const out = [];
    // Warm every path first, so the first key type measured does not pay for the JIT.
    for (const type of KEY_TYPES) if (!type.startsWith('rsa')) await timeCreate(type, 20);
    for (const type of KEY_TYPES) out.push(await timeCreate(type, runsFor[type] ?? 21));
    return out;
  },
  kubeadm: timeKubeadm,
  clusterRenew: timeClusterRenew,
};
