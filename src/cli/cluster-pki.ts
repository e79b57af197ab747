// `certbench cluster-pki`: a whole cluster PKI (kubeadm or Kubernetes The Hard Way) as a zip.
import { parseArgs } from 'node:util';
import { cliError } from './cli-error.ts';
import { importPrivateKey } from '../core/keys/import.ts';
import { generateHardWayPki, type HardWayWorker } from '../kube/cluster-pki/hard-way.ts';
import { CLUSTER_KEY_TYPES, checkClusterKeyType } from '../kube/cluster-pki/issue.ts';
import { generateKubeadmPki } from '../kube/cluster-pki/kubeadm.ts';
import type { PkiProgress } from '../kube/cluster-pki/types.ts';
import { clusterZipName, zipPkiFiles } from '../kube/cluster-pki/zip.ts';
import { formatFindings } from '../kube/findings.ts';
import { clusterRenewCommand, RENEW_USAGE } from './cluster-renew.ts';
import { writeFileAtomic } from './files.ts';
import { objectsIn, readFileBytes } from './k8s.ts';
import { registerCommand } from './registry.ts';

const list = (s: string | undefined) => (s ?? '').split(',').map((v) => v.trim()).filter(Boolean);

function days(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const d = Number(text);
  if (!(d > 0)) throw cliError(`${text} is not a positive number of days`, flag);
  return d;
}

/** "worker-0=10.240.0.20/35.1.2.3" → hostname, internal IP, optional external IP. */
function parseWorkers(text: string): HardWayWorker[] {
  return list(text).map((w) => {
    const m = /^([^=]+)=([^/]+)(?:\/(.+))?$/.exec(w);
    if (!m) throw cliError(`"${w}" is not HOSTNAME=INTERNAL_IP[/EXTERNAL_IP]`, '--workers');
    return { hostname: m[1]!, internalIp: m[2]!, ...(m[3] ? { externalIp: m[3] } : {}) };
  });
}

registerCommand('cluster-pki', 'generate a kubeadm or Kubernetes The Hard Way PKI as a zip, or renew an expired kubeadm /etc/kubernetes', async (args, io) => {
  if (args[0] === 'renew') return clusterRenewCommand(args.slice(1), io);
  const { values } = parseArgs({
    args,
    options: {
      layout: { type: 'string' }, out: { type: 'string' }, 'key-type': { type: 'string' }, 'leaf-days': { type: 'string' }, 'ca-days': { type: 'string' },
      'node-name': { type: 'string' }, 'advertise-address': { type: 'string' }, 'bind-port': { type: 'string' }, 'control-plane-endpoint': { type: 'string' },
      'service-subnet': { type: 'string' }, 'dns-domain': { type: 'string' }, 'cert-sans': { type: 'string' }, 'cluster-name': { type: 'string' },
      'external-ca-cert': { type: 'string' }, 'external-ca-key': { type: 'string' }, 'write-external-ca-key': { type: 'boolean' },
      workers: { type: 'string' }, 'controller-ips': { type: 'string' }, 'public-address': { type: 'string' }, 'service-cluster-ip-range': { type: 'string' },
    },
  });
  if (values.layout !== 'kubeadm' && values.layout !== 'hard-way') {
    throw cliError(`--layout kubeadm|hard-way is required (key types: ${CLUSTER_KEY_TYPES.join(', ')})`);
  }
  const out = values.out ?? clusterZipName(values.layout);
  const keyType = values['key-type'] ? checkClusterKeyType(values['key-type']) : undefined;
  const onProgress: PkiProgress = (p) => io.stderr(`\r[${p.done}/${p.total}] ${p.label}`.padEnd(48));
  let pki;
  if (values.layout === 'kubeadm') {
    let externalCa;
    if (values['external-ca-cert'] || values['external-ca-key']) {
      if (!values['external-ca-cert'] || !values['external-ca-key']) throw cliError('--external-ca-cert and --external-ca-key go together');
      const keyBytes = readFileBytes(values['external-ca-key'], '--external-ca-key');
      const key = await importPrivateKey(keyBytes);
      externalCa = {
        certificateDer: objectsIn(values['external-ca-cert'], '--external-ca-cert', 'certificate')[0]!,
        key: key.keyPair.privateKey,
        ...(values['write-external-ca-key'] ? { writeKey: new TextDecoder().decode(keyBytes) } : {}),
      };
    }
    const bindPort = values['bind-port'] === undefined ? undefined : Number(values['bind-port']);
    pki = await generateKubeadmPki({
      nodeName: values['node-name'], advertiseAddress: values['advertise-address'], bindPort, controlPlaneEndpoint: values['control-plane-endpoint'],
      serviceSubnet: values['service-subnet'], dnsDomain: values['dns-domain'], certSANs: list(values['cert-sans']), clusterName: values['cluster-name'],
      keyType, leafDays: days(values['leaf-days'], '--leaf-days'), caDays: days(values['ca-days'], '--ca-days'), externalCa, onProgress,
    });
  } else {
    pki = await generateHardWayPki({
      workers: values.workers ? parseWorkers(values.workers) : undefined,
      controllerIps: values['controller-ips'] ? list(values['controller-ips']) : undefined,
      publicAddress: values['public-address'], serviceClusterIpRange: values['service-cluster-ip-range'],
      keyType, leafDays: days(values['leaf-days'], '--leaf-days'), caDays: days(values['ca-days'], '--ca-days'), onProgress,
    });
  }
  io.stderr('\n');
  writeFileAtomic(out, zipPkiFiles(pki.files), 'private');
  io.stderr(formatFindings(pki.findings));
  io.stdout(`${pki.files.length} files (${pki.layout}) in ${pki.elapsedMs.toFixed(0)} ms → ${out}\n${pki.files.map((f) => `  ${f.path}`).join('\n')}\n`);
  return 0;
}, 'usage: certbench cluster-pki --layout kubeadm|hard-way [--out FILE.zip (default kubeadm-pki.zip, hard-way-pki.zip)] [--key-type ec-p256|ec-p384|rsa2048|rsa3072|rsa4096]\n                            [--leaf-days N] [--ca-days N]\n  kubeadm:  [--node-name NAME] [--advertise-address IP] [--bind-port N] [--control-plane-endpoint HOST[:PORT]]\n            [--service-subnet CIDR] [--dns-domain DOMAIN] [--cert-sans a,b] [--cluster-name NAME]\n            [--external-ca-cert FILE --external-ca-key FILE [--write-external-ca-key]]\n  hard-way: [--workers HOST=INTERNAL_IP[/EXTERNAL_IP],…] [--controller-ips a,b] [--public-address IP] [--service-cluster-ip-range CIDR]\n\n' + RENEW_USAGE);
