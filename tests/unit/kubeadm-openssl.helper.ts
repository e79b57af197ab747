/**
 * A kubeadm-style /etc/kubernetes made by openssl alone (not by certbench): the three CAs, the seven
 * leaves with kubeadm's subjects, SANs and EKUs, sa.key/sa.pub, and the kubeconfigs written with the
 * yaml library around openssl's certificates — the input the cluster rescue is judged on.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { openssl } from './kube-tls.helper.ts';

export interface OpensslKubeadmOptions {
  keyType?: 'ec' | 'rsa';
  nodeName?: string;
  /** Days for each CA (kubeadm: 3650). */
  caDays?: Partial<Record<'ca' | 'front-proxy-ca' | 'etcd-ca', number>>;
  /** kubelet.conf embeds its client certificate (before kubeadm 1.17) instead of pointing to kubelet-client-current.pem. */
  kubeletEmbedded?: boolean;
}

export const LEAF_FILES: { base: string; ca: string; subj: string; eku: string; san?: string }[] = [
  { base: 'pki/apiserver', ca: 'pki/ca', subj: '/CN=kube-apiserver', eku: 'serverAuth', san: 'DNS:NODE,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1,IP:192.168.56.10' },
  { base: 'pki/apiserver-kubelet-client', ca: 'pki/ca', subj: '/O=kubeadm:cluster-admins/CN=kube-apiserver-kubelet-client', eku: 'clientAuth' },
  { base: 'pki/front-proxy-client', ca: 'pki/front-proxy-ca', subj: '/CN=front-proxy-client', eku: 'clientAuth' },
  { base: 'pki/etcd/server', ca: 'pki/etcd/ca', subj: '/CN=NODE', eku: 'serverAuth,clientAuth', san: 'DNS:NODE,DNS:localhost,IP:192.168.56.10,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1' },
  { base: 'pki/etcd/peer', ca: 'pki/etcd/ca', subj: '/CN=NODE', eku: 'serverAuth,clientAuth', san: 'DNS:NODE,DNS:localhost,IP:192.168.56.10,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1' },
  { base: 'pki/etcd/healthcheck-client', ca: 'pki/etcd/ca', subj: '/CN=kube-etcd-healthcheck-client', eku: 'clientAuth' },
  { base: 'pki/apiserver-etcd-client', ca: 'pki/etcd/ca', subj: '/CN=kube-apiserver-etcd-client', eku: 'clientAuth' },
];

export const KUBECONFIG_USERS: { file: string; subj: string; user: string; server: string }[] = [
  { file: 'admin.conf', subj: '/O=kubeadm:cluster-admins/CN=kubernetes-admin', user: 'kubernetes-admin', server: 'https://192.168.56.10:6443' },
  { file: 'super-admin.conf', subj: '/O=system:masters/CN=kubernetes-super-admin', user: 'kubernetes-super-admin', server: 'https://192.168.56.10:6443' },
  { file: 'controller-manager.conf', subj: '/CN=system:kube-controller-manager', user: 'system:kube-controller-manager', server: 'https://192.168.56.10:6443' },
  { file: 'scheduler.conf', subj: '/CN=system:kube-scheduler', user: 'system:kube-scheduler', server: 'https://192.168.56.10:6443' },
];

const CA_FILES = [['ca', 'pki/ca', '/CN=kubernetes'], ['front-proxy-ca', 'pki/front-proxy-ca', '/CN=front-proxy-ca'], ['etcd-ca', 'pki/etcd/ca', '/CN=etcd-ca']] as const;

let serialCounter = 0x1000;
const nextSerial = () => `0x${(serialCounter++).toString(16)}`;

/** Writes /etc/kubernetes's content into `root` (folders created). */
export function makeOpensslKubeadm(root: string, options: OpensslKubeadmOptions = {}): void {
  const node = options.nodeName ?? 'cp-1';
  const work = join(root, '..', `.work-${Math.random().toString(16).slice(2)}`);
  mkdirSync(join(root, 'pki/etcd'), { recursive: true });
  mkdirSync(work, { recursive: true });
  const conf = join(work, 'req.cnf');
  writeFileSync(conf, '[req]\ndistinguished_name=dn\n[dn]\n');
  const genKey = (path: string) =>
    options.keyType === 'rsa'
      ? openssl(['genrsa', '-traditional', '-out', path, '2048'], root)
      : openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', path], root);
  for (const [name, base, subj] of CA_FILES) {
    const caConf = join(work, `${name}.cnf`);
    writeFileSync(caConf, '[req]\ndistinguished_name=dn\n[dn]\n[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature,keyEncipherment,keyCertSign\nsubjectKeyIdentifier=hash\n');
    genKey(`${base}.key`);
    const days = String(options.caDays?.[name] ?? 3650);
    openssl(['req', '-x509', '-new', '-config', caConf, '-key', `${base}.key`, '-subj', subj, '-days', days, '-set_serial', nextSerial(), '-extensions', 'v3', '-out', `${base}.crt`], root);
  }
  const leaf = (base: string, ca: string, subj: string, eku: string, san?: string) => {
    const ext = join(work, `${base.replace(/\//g, '_')}.ext`);
    writeFileSync(ext, `[v3]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=${eku}\nauthorityKeyIdentifier=keyid\n${san ? `subjectAltName=${san}\n` : ''}`);
    genKey(`${base}.key`);
    openssl(['req', '-new', '-config', conf, '-key', `${base}.key`, '-subj', subj, '-out', join(work, 'leaf.csr')], root);
    openssl(['x509', '-req', '-in', join(work, 'leaf.csr'), '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-set_serial', nextSerial(), '-days', '365', '-extfile', ext, '-extensions', 'v3', '-out', `${base}.crt`], root);
  };
  for (const l of LEAF_FILES) leaf(l.base, l.ca, l.subj.replace('NODE', node), l.eku, l.san?.replace(/NODE/g, node));
  openssl(['genrsa', '-traditional', '-out', 'pki/sa.key', '2048'], root);
  openssl(['rsa', '-in', 'pki/sa.key', '-pubout', '-out', 'pki/sa.pub'], root);

  const b64 = (path: string) => readFileSync(join(root, path)).toString('base64');
  const kubeconfig = (file: string, user: string, server: string, userEntry: Record<string, string>) => {
    const context = `${user}@kubernetes`;
    writeFileSync(join(root, file), stringify({
      apiVersion: 'v1',
      clusters: [{ cluster: { 'certificate-authority-data': b64('pki/ca.crt'), server }, name: 'kubernetes' }],
      contexts: [{ context: { cluster: 'kubernetes', user }, name: context }],
      'current-context': context,
      kind: 'Config',
      preferences: {},
      users: [{ name: user, user: userEntry }],
    }));
  };
  const users = [...KUBECONFIG_USERS];
  if (options.kubeletEmbedded) users.push({ file: 'kubelet.conf', subj: `/O=system:nodes/CN=system:node:${node}`, user: `system:node:${node}`, server: 'https://192.168.56.10:6443' });
  for (const u of users) {
    const base = join(work, u.file);
    leaf(relative(root, base), 'pki/ca', u.subj, 'clientAuth');
    kubeconfig(u.file, u.user, u.server, { 'client-certificate-data': b64(relative(root, `${base}.crt`)), 'client-key-data': b64(relative(root, `${base}.key`)) });
  }
  if (!options.kubeletEmbedded) {
    kubeconfig('kubelet.conf', 'default-auth', 'https://192.168.56.10:6443', {
      'client-certificate': '/var/lib/kubelet/pki/kubelet-client-current.pem',
      'client-key': '/var/lib/kubelet/pki/kubelet-client-current.pem',
    });
  }
}

/** Every file under `dir` as its path relative to `base` (what a dropped folder gives: "kubernetes/pki/ca.crt"). */
export function filesUnder(dir: string, base: string = dirname(dir)): { path: string; bytes: Uint8Array }[] {
  const out: { path: string; bytes: Uint8Array }[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, base));
    else out.push({ path: relative(base, p), bytes: new Uint8Array(readFileSync(p)) });
  }
  return out;
}
