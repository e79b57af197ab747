/**
 * The certificates of Kelsey Hightower's "Kubernetes The Hard Way" (the cfssl edition): one CA,
 * the admin client, one kubelet certificate per worker, the controller-manager, kube-proxy and
 * scheduler clients, the API server certificate and the service-account signing pair — with the
 * guide's file names (ca.pem, ca-key.pem, …), subjects, SANs and cfssl "kubernetes" profile usages,
 * plus the kubeconfigs the guide generates from them.
 */
import { CertbenchError, msg } from '../../core/errors.ts';
import { backdatedNotBefore } from '../../core/cert/time.ts';
import type { KeyUsageName } from '../../core/cert/extensions.ts';
import type { NameAttribute } from '../../core/cert/name.ts';
import { dns1123SubdomainProblem } from '../dns-names.ts';
import { finding, type Finding } from '../findings.ts';
import { kubeconfigObject } from '../kubeconfig.ts';
import { toYaml } from '../yaml-out.ts';
import { firstServiceIp, httpsUrl, isIpAddress } from './ip-math.ts';
import { C, checkClusterKeyType, CN, createPkiCa, issueLeaf, L, O, OU, ST, sanList, type ClusterKeyType } from './issue.ts';
import type { ClusterPki, PkiFile, PkiProgress } from './types.ts';

export interface HardWayWorker {
  hostname: string;
  internalIp: string;
  externalIp?: string;
}

export interface HardWayPkiOptions {
  /** Default worker-0…2 at 10.240.0.20…22, as in the guide. */
  workers?: HardWayWorker[];
  /** Controller internal IPs (default 10.240.0.10…12). */
  controllerIps?: string[];
  /** KUBERNETES_PUBLIC_ADDRESS: the load balancer in front of the API servers. */
  publicAddress?: string;
  /** --service-cluster-ip-range (default 10.32.0.0/24, whose first address 10.32.0.1 is in the API server certificate). */
  serviceClusterIpRange?: string;
  /** The guide uses RSA-2048 (cfssl's default); default here is the same. */
  keyType?: ClusterKeyType;
  /** cfssl profile expiry 8760h (365 days) and CA 5 years (cfssl's default), as in the guide. */
  leafDays?: number;
  caDays?: number;
  notBefore?: Date;
  onProgress?: PkiProgress;
}

const DEFAULT_WORKERS: HardWayWorker[] = [0, 1, 2].map((i) => ({ hostname: `worker-${i}`, internalIp: `10.240.0.2${i}` }));
const DEFAULT_CONTROLLERS = ['10.240.0.10', '10.240.0.11', '10.240.0.12'];
/** cfssl's "kubernetes" profile: signing, key encipherment, server auth, client auth. */
const LEAF_KU: KeyUsageName[] = ['digitalSignature', 'keyEncipherment'];
const CA_KU: KeyUsageName[] = ['keyCertSign', 'cRLSign'];
export const HARD_WAY_CLUSTER = 'kubernetes-the-hard-way';

/** The guide's subject: C=US, ST=Oregon, L=Portland, O=…, OU=…, CN=… (cfssl writes them in this order). */
const subject = (cn: string, o: string, ou: string): NameAttribute[] => [C('US'), ST('Oregon'), L('Portland'), O(o), OU(ou), CN(cn)];
const GUIDE_OU = 'Kubernetes The Hard Way';

function checkIp(ip: string, field: string): string {
  if (!isIpAddress(ip)) throw new CertbenchError('kube.mustBeIp', { value: ip }, field);
  return ip.trim();
}

/** The API server certificate's names (the guide's KUBERNETES_HOSTNAMES plus the addresses). */
export function hardWayApiServerSans(serviceIp: string, controllerIps: readonly string[], publicAddress?: string): string[] {
  return [
    serviceIp, ...controllerIps, ...(publicAddress ? [publicAddress] : []), '127.0.0.1',
    'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster', 'kubernetes.svc.cluster.local',
  ];
}

export async function generateHardWayPki(options: HardWayPkiOptions = {}): Promise<ClusterPki> {
  const started = performance.now();
  const workers = options.workers ?? DEFAULT_WORKERS;
  for (const w of workers) {
    const p = dns1123SubdomainProblem(w.hostname);
    if (p) throw new CertbenchError('kube.badWorkerHostname', { hostname: w.hostname, problem: p }, 'workers');
    checkIp(w.internalIp, `${w.hostname} internal IP`);
    if (w.externalIp) checkIp(w.externalIp, `${w.hostname} external IP`);
  }
  const controllerIps = (options.controllerIps ?? DEFAULT_CONTROLLERS).map((ip) => checkIp(ip, 'controller IPs'));
  const publicAddress = options.publicAddress?.trim() || undefined;
  const serviceIp = firstServiceIp(options.serviceClusterIpRange ?? '10.32.0.0/24');
  const keyType = checkClusterKeyType(options.keyType ?? 'rsa2048');
  const notBefore = options.notBefore ?? backdatedNotBefore();
  const leafValidity = { notBefore, days: options.leafDays ?? 365 };
  const findings: Finding[] = [];
  const files: PkiFile[] = [];
  const total = 1 + 1 + workers.length + 3 + 1 + 1;
  let done = 0;
  const step = (label: string) => options.onProgress?.({ done: ++done, total, label });
  const taken = new Set<string>();

  const ca = await createPkiCa(subject('Kubernetes', 'Kubernetes', 'CA'), keyType, { notBefore, days: options.caDays ?? 1825 }, CA_KU);
  files.push({ path: 'ca.pem', contents: ca.certificatePem, kind: 'certificate' }, { path: 'ca-key.pem', contents: ca.keyPem!, kind: 'private-key' });
  step('ca');

  const pems = new Map<string, { cert: string; key: string }>();
  const leaf = async (base: string, name: NameAttribute[], sans: string[] = []) => {
    const pair = await issueLeaf(ca, { subject: name, sans: sanList(sans), extKeyUsage: ['serverAuth', 'clientAuth'], keyUsage: LEAF_KU }, keyType, leafValidity, taken);
    files.push({ path: `${base}.pem`, contents: pair.certificatePem, kind: 'certificate' }, { path: `${base}-key.pem`, contents: pair.keyPem, kind: 'private-key' });
    pems.set(base, { cert: pair.certificatePem, key: pair.keyPem });
    step(base);
  };
  await leaf('admin', subject('admin', 'system:masters', GUIDE_OU));
  for (const w of workers) {
    await leaf(w.hostname, subject(`system:node:${w.hostname}`, 'system:nodes', GUIDE_OU), [w.hostname, ...(w.externalIp ? [w.externalIp] : []), w.internalIp]);
  }
  await leaf('kube-controller-manager', subject('system:kube-controller-manager', 'system:kube-controller-manager', GUIDE_OU));
  await leaf('kube-proxy', subject('system:kube-proxy', 'system:node-proxier', GUIDE_OU));
  await leaf('kube-scheduler', subject('system:kube-scheduler', 'system:kube-scheduler', GUIDE_OU));
  await leaf('kubernetes', subject('kubernetes', 'Kubernetes', GUIDE_OU), hardWayApiServerSans(serviceIp, controllerIps, publicAddress));
  await leaf('service-account', subject('service-accounts', 'Kubernetes', GUIDE_OU));

  if (!publicAddress) {
    findings.push(finding('warning', 'publicAddress', msg('kube.noPublicAddress', { address: controllerIps[0] ?? '127.0.0.1' })));
  }
  const remote = httpsUrl(publicAddress ?? controllerIps[0] ?? '127.0.0.1', 6443);
  const local = httpsUrl('127.0.0.1', 6443);
  const kubeconfig = (file: string, base: string, user: string, server: string) => {
    const p = pems.get(base)!;
    const obj = kubeconfigObject({ clusterName: HARD_WAY_CLUSTER, server, caPem: ca.certificatePem, userName: user, certificatePem: p.cert, keyPem: p.key, contextName: 'default' });
    files.push({ path: file, contents: toYaml(obj), kind: 'kubeconfig' });
  };
  for (const w of workers) kubeconfig(`${w.hostname}.kubeconfig`, w.hostname, `system:node:${w.hostname}`, remote);
  kubeconfig('kube-proxy.kubeconfig', 'kube-proxy', 'system:kube-proxy', remote);
  kubeconfig('kube-controller-manager.kubeconfig', 'kube-controller-manager', 'system:kube-controller-manager', local);
  kubeconfig('kube-scheduler.kubeconfig', 'kube-scheduler', 'system:kube-scheduler', local);
  kubeconfig('admin.kubeconfig', 'admin', 'admin', local);
  return { layout: 'hard-way', files, findings, elapsedMs: performance.now() - started };
}
