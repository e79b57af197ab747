/**
 * The PKI `kubeadm init` writes to /etc/kubernetes (kubeadm ≥ 1.29): the three CAs, the API
 * server, etcd and front-proxy certificates, the service-account key pair, and the five
 * kubeconfigs — with kubeadm's file names, CNs, Os, usages, SANs and lifetimes
 * (cmd/kubeadm/app/phases/certs/certlist.go, phases/kubeconfig).
 */
import { CertbenchError, msg } from '../../core/errors.ts';
import { backdatedNotBefore } from '../../core/cert/time.ts';
import { generateKeyPair } from '../../core/keys/generate.ts';
import type { KeyUsageName } from '../../core/cert/extensions.ts';
import { dns1123SubdomainProblem } from '../dns-names.ts';
import { finding, type Finding } from '../findings.ts';
import { kubeconfigObject, serverUrlProblem } from '../kubeconfig.ts';
import { toYaml } from '../yaml-out.ts';
import { firstServiceIp, httpsUrl, isIpAddress } from './ip-math.ts';
import {
  checkClusterKeyType, CN, createPkiCa, issueLeaf, O, pkiCaFromExisting, privateKeyPem, publicKeyPem, sanList,
  type ClusterKeyType, type LeafSpec, type PkiCa,
} from './issue.ts';
import type { ClusterPki, PkiFile, PkiProgress } from './types.ts';

/** The ClusterConfiguration/InitConfiguration fields that shape the certificates. */
export interface KubeadmPkiOptions {
  /** nodeRegistration.name: the control-plane node's name (default "control-plane"). */
  nodeName?: string;
  /** localAPIEndpoint.advertiseAddress (an IP; default "192.168.0.10"). */
  advertiseAddress?: string;
  /** localAPIEndpoint.bindPort (default 6443). */
  bindPort?: number;
  /** controlPlaneEndpoint, "host[:port]": goes into the API server SANs and into admin/kubelet kubeconfigs. */
  controlPlaneEndpoint?: string;
  /** networking.serviceSubnet (default 10.96.0.0/12). */
  serviceSubnet?: string;
  /** networking.dnsDomain (default cluster.local). */
  dnsDomain?: string;
  /** apiServer.certSANs: extra names and IPs. */
  certSANs?: string[];
  /** clusterName, the cluster's name in the kubeconfigs (default "kubernetes"). */
  clusterName?: string;
  /** encryptionAlgorithm (default ECDSA P-256 here; kubeadm's own default is RSA-2048). */
  keyType?: ClusterKeyType;
  /** Leaf lifetime in days (default 365) and CA lifetime in days (default 3650), as kubeadm. */
  leafDays?: number;
  caDays?: number;
  /** Start of validity (default: now − 5 minutes, against clock skew). */
  notBefore?: Date;
  /**
   * Sign with an existing cluster CA instead of making one. Its key is used but not written to the
   * zip unless `writeKey` is given (kubeadm's external-CA mode is exactly "ca.key absent").
   */
  externalCa?: { certificateDer: Uint8Array; key: CryptoKey; writeKey?: string };
  onProgress?: PkiProgress;
}

const LEAF_KU: KeyUsageName[] = ['digitalSignature', 'keyEncipherment'];
/** kubeadm's self-signed CAs: KeyEncipherment | DigitalSignature | CertSign. */
const CA_KU: KeyUsageName[] = ['digitalSignature', 'keyEncipherment', 'keyCertSign'];

interface Resolved {
  nodeName: string;
  advertiseAddress: string;
  bindPort: number;
  controlPlaneEndpoint?: string;
  serviceIp: string;
  dnsDomain: string;
  certSANs: string[];
  clusterName: string;
  keyType: ClusterKeyType;
  leafDays: number;
  caDays: number;
  notBefore: Date;
}

function resolve(o: KubeadmPkiOptions): Resolved {
  const nodeName = (o.nodeName ?? 'control-plane').trim();
  const nodeProblem = dns1123SubdomainProblem(nodeName);
  if (nodeProblem) throw new CertbenchError('kube.badName', { value: nodeName, problem: nodeProblem }, 'nodeName');
  const advertiseAddress = (o.advertiseAddress ?? '192.168.0.10').trim();
  if (!isIpAddress(advertiseAddress)) throw new CertbenchError('kube.mustBeIp', { value: advertiseAddress }, 'advertiseAddress');
  const bindPort = o.bindPort ?? 6443;
  if (!Number.isInteger(bindPort) || bindPort < 1 || bindPort > 65535) throw new CertbenchError('kube.notPort', { port: bindPort }, 'bindPort');
  const dnsDomain = (o.dnsDomain ?? 'cluster.local').trim();
  const domainProblem = dns1123SubdomainProblem(dnsDomain);
  if (domainProblem) throw new CertbenchError('kube.badName', { value: dnsDomain, problem: domainProblem }, 'dnsDomain');
  for (const days of [o.leafDays, o.caDays]) {
    if (days !== undefined && (!Number.isFinite(days) || days <= 0)) throw new CertbenchError('general.daysNotPositive', { days }, msg('where.validity'));
  }
  return {
    nodeName,
    advertiseAddress,
    bindPort,
    controlPlaneEndpoint: o.controlPlaneEndpoint?.trim() || undefined,
    serviceIp: firstServiceIp(o.serviceSubnet ?? '10.96.0.0/12'),
    dnsDomain,
    certSANs: (o.certSANs ?? []).map((s) => s.trim()).filter(Boolean),
    clusterName: o.clusterName ?? 'kubernetes',
    keyType: checkClusterKeyType(o.keyType ?? 'ec-p256'),
    leafDays: o.leafDays ?? 365,
    caDays: o.caDays ?? 3650,
    notBefore: o.notBefore ?? backdatedNotBefore(),
  };
}

/** "host[:port]" → host, for SANs; a bracketed IPv6 loses its brackets. */
function endpointHost(endpoint: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(endpoint) ?? /^([^:]+)(?::\d+)?$/.exec(endpoint);
  return m ? m[1]! : endpoint;
}

function endpointUrl(endpoint: string, defaultPort: number): string {
  const url = /:\d+$/.test(endpoint) && !/^[^[]*:.*:/.test(endpoint) ? `https://${endpoint}` : httpsUrl(endpointHost(endpoint), defaultPort);
  const problem = serverUrlProblem(url);
  if (problem) throw CertbenchError.of(problem, 'controlPlaneEndpoint');
  return url;
}

/** The API server certificate's SANs, in kubeadm's order (GetAPIServerAltNames). */
export function apiServerSans(r: Pick<Resolved, 'nodeName' | 'dnsDomain' | 'serviceIp' | 'advertiseAddress' | 'controlPlaneEndpoint' | 'certSANs'>): string[] {
  return [
    r.nodeName, 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${r.dnsDomain}`,
    r.serviceIp, r.advertiseAddress,
    ...(r.controlPlaneEndpoint ? [endpointHost(r.controlPlaneEndpoint)] : []),
    ...r.certSANs,
  ];
}

/** Generates the whole kubeadm PKI. */
export async function generateKubeadmPki(options: KubeadmPkiOptions = {}): Promise<ClusterPki> {
  const started = performance.now();
  const r = resolve(options);
  const findings: Finding[] = [];
  const files: PkiFile[] = [];
  const total = 3 + 7 + 1 + 5 - (options.externalCa ? 1 : 0);
  let done = 0;
  const step = (label: string) => options.onProgress?.({ done: ++done, total, label });
  const validity = (days: number) => ({ notBefore: r.notBefore, days });
  const taken = new Set<string>();

  const ca = options.externalCa
    ? await pkiCaFromExisting(options.externalCa.certificateDer, options.externalCa.key, options.externalCa.writeKey)
    : await createPkiCa([CN('kubernetes')], r.keyType, validity(r.caDays), CA_KU);
  if (!options.externalCa) step('ca');
  else if (!options.externalCa.writeKey) {
    findings.push(finding('info', 'ca.key', msg('kube.externalCaNoKey')));
  }
  const frontProxyCa = await createPkiCa([CN('front-proxy-ca')], r.keyType, validity(r.caDays), CA_KU);
  step('front-proxy-ca');
  const etcdCa = await createPkiCa([CN('etcd-ca')], r.keyType, validity(r.caDays), CA_KU);
  step('etcd/ca');

  const addCa = (base: string, c: PkiCa) => {
    files.push({ path: `pki/${base}.crt`, contents: c.certificatePem, kind: 'certificate' });
    if (c.keyPem) files.push({ path: `pki/${base}.key`, contents: c.keyPem, kind: 'private-key' });
  };
  addCa('ca', ca);
  addCa('front-proxy-ca', frontProxyCa);
  addCa('etcd/ca', etcdCa);

  const leaf = async (base: string, issuer: PkiCa, spec: Omit<LeafSpec, 'keyUsage'>) => {
    const pair = await issueLeaf(issuer, { ...spec, keyUsage: LEAF_KU }, r.keyType, validity(r.leafDays), taken);
    files.push({ path: `pki/${base}.crt`, contents: pair.certificatePem, kind: 'certificate' }, { path: `pki/${base}.key`, contents: pair.keyPem, kind: 'private-key' });
    step(base);
  };
  const etcdSans = sanList([r.nodeName, 'localhost', r.advertiseAddress, '127.0.0.1', '::1']);
  await leaf('apiserver', ca, { subject: [CN('kube-apiserver')], sans: sanList(apiServerSans(r)), extKeyUsage: ['serverAuth'] });
  await leaf('apiserver-kubelet-client', ca, { subject: [O('kubeadm:cluster-admins'), CN('kube-apiserver-kubelet-client')], extKeyUsage: ['clientAuth'] });
  await leaf('front-proxy-client', frontProxyCa, { subject: [CN('front-proxy-client')], extKeyUsage: ['clientAuth'] });
  await leaf('etcd/server', etcdCa, { subject: [CN(r.nodeName)], sans: etcdSans, extKeyUsage: ['serverAuth', 'clientAuth'] });
  await leaf('etcd/peer', etcdCa, { subject: [CN(r.nodeName)], sans: etcdSans, extKeyUsage: ['serverAuth', 'clientAuth'] });
  await leaf('etcd/healthcheck-client', etcdCa, { subject: [CN('kube-etcd-healthcheck-client')], extKeyUsage: ['clientAuth'] });
  await leaf('apiserver-etcd-client', etcdCa, { subject: [CN('kube-apiserver-etcd-client')], extKeyUsage: ['clientAuth'] });

  const sa = await generateKeyPair(r.keyType);
  files.push(
    { path: 'pki/sa.key', contents: await privateKeyPem(sa.privateKey, r.keyType), kind: 'private-key' },
    { path: 'pki/sa.pub', contents: await publicKeyPem(sa.publicKey), kind: 'public-key' },
  );
  step('sa.key');

  const local = httpsUrl(r.advertiseAddress, r.bindPort);
  const external = r.controlPlaneEndpoint ? endpointUrl(r.controlPlaneEndpoint, r.bindPort) : local;
  const kubeconfig = async (file: string, user: string, groups: string[], server: string) => {
    const pair = await issueLeaf(ca, { subject: [...groups.map(O), CN(user)], extKeyUsage: ['clientAuth'], keyUsage: LEAF_KU }, r.keyType, validity(r.leafDays), taken);
    const obj = kubeconfigObject({ clusterName: r.clusterName, server, caPem: ca.certificatePem, userName: user, certificatePem: pair.certificatePem, keyPem: pair.keyPem });
    files.push({ path: file, contents: toYaml(obj), kind: 'kubeconfig' });
    step(file);
  };
  await kubeconfig('admin.conf', 'kubernetes-admin', ['kubeadm:cluster-admins'], external);
  await kubeconfig('super-admin.conf', 'kubernetes-super-admin', ['system:masters'], external);
  await kubeconfig('kubelet.conf', `system:node:${r.nodeName}`, ['system:nodes'], external);
  await kubeconfig('controller-manager.conf', 'system:kube-controller-manager', [], local);
  await kubeconfig('scheduler.conf', 'system:kube-scheduler', [], local);

  findings.push(finding('info', 'admin.conf', msg('kube.adminConf')));
  return { layout: 'kubeadm', files, findings, elapsedMs: performance.now() - started };
}
