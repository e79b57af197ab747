/**
 * RENEWAL-STEPS.txt, written into the rescue's zip: how to put the renewed files in place on the
 * control-plane node, who needs a rotated key, and what a renewed CA still leaves to do.
 */
import { kubeadmDate } from '../go-format.ts';
import { KUBEADM_CAS } from './input.ts';
import type { RescueOptions, RescuePlan } from './plan.ts';
import type { RenewedItem } from './renew.ts';

export const STEPS_FILE = 'RENEWAL-STEPS.txt';

/** Which clients need the new file when a key was rotated. */
const ROTATED_KEY_USERS: Record<string, string> = {
  apiserver: 'only kube-apiserver loads it (clients trust the CA, not the key)',
  'apiserver-kubelet-client': 'only kube-apiserver loads it',
  'front-proxy-client': 'only kube-apiserver loads it',
  'apiserver-etcd-client': 'only kube-apiserver loads it',
  'etcd-server': 'only etcd on this node loads it',
  'etcd-peer': 'only etcd on this node loads it',
  'etcd-healthcheck-client': 'used by the etcd liveness probe on this node',
  'admin.conf': 'every copy of admin.conf elsewhere (~/.kube/config on workstations, CI secrets) must be replaced by the new file',
  'super-admin.conf': 'every copy elsewhere must be replaced by the new file',
  'controller-manager.conf': 'only kube-controller-manager on this node loads it',
  'scheduler.conf': 'only kube-scheduler on this node loads it',
  'kubelet.conf': 'the kubelet on this node: restart it (systemctl restart kubelet)',
};

/** RENEWAL-STEPS.txt: how to put the renewed files in place on the node. */
export function renewalSteps(plan: RescuePlan, renewed: readonly RenewedItem[], afterTable: string, options: RescueOptions): string {
  const changedPaths = renewed.map((r) => r.path).concat(renewed.filter((r) => r.keyRotated && r.path.endsWith('.crt')).map((r) => r.path.replace(/\.crt$/, '.key')));
  // A renewed CA changes certificate-authority-data in kubeconfigs that were not renewed themselves.
  const caRenewed = renewed.some((r) => r.name in KUBEADM_CAS);
  if (caRenewed) for (const i of plan.items) if (i.kind === 'kubeconfig' && i.action !== 'self-renews' && !changedPaths.includes(i.path)) changedPaths.push(i.path);
  const sorted = [...new Set(changedPaths)].sort();
  const lines: string[] = [];
  const say = (...l: string[]) => lines.push(...l);
  say(
    'Renewing a kubeadm control-plane node\'s certificates offline (certbench cluster-pki renew)',
    `As of ${plan.asOf.toISOString()}; ${renewed.length} certificate(s) renewed.`,
    '',
    'Renewed:',
    ...(renewed.length ? renewed.map((r) => `  ${r.name.padEnd(26)} serial ${r.oldSerial} -> ${r.newSerial}, until ${kubeadmDate(r.notAfter)}${r.keyRotated ? ', NEW KEY' : ''}`) : ['  (nothing)']),
  );
  const notRenewed = plan.items.filter((i) => i.action === 'cannot' || i.action === 'self-renews' || i.action === 'skip');
  if (notRenewed.length) say('', 'Not renewed:', ...notRenewed.map((i) => `  ${i.name.padEnd(26)} ${i.reason}`));
  if (plan.warnings.length) say('', 'Warnings:', ...plan.warnings.map((w) => `  ${w}`));
  say(
    '',
    'On the control-plane node, as root:',
    '',
    '1. Back up what is there now:',
    '     cp -a /etc/kubernetes /etc/kubernetes.bak-$(date +%Y%m%d-%H%M%S)',
    '',
    '2. Copy the renewed files into place (unzip this archive into ./renewed first; only these files changed,',
    '   everything else in the archive is byte-identical to the copy it was made from):',
    ...sorted.map((p) => `     install -m ${/\.(key|conf)$/.test(p) ? '600' : '644'} renewed/${p} /etc/kubernetes/${p}`),
    '',
    '3. Restart the control-plane static pods so they load the new files (the kubelet restarts them):',
    '     mkdir -p /etc/kubernetes/manifests-off',
    '     mv /etc/kubernetes/manifests/*.yaml /etc/kubernetes/manifests-off/',
    '     sleep 20   # until `crictl ps` shows kube-apiserver, controller-manager, scheduler and etcd gone',
    '     mv /etc/kubernetes/manifests-off/*.yaml /etc/kubernetes/manifests/',
    '   or stop their containers with crictl and let the kubelet start them again:',
    "     crictl ps --name 'kube-apiserver|kube-controller-manager|kube-scheduler|etcd' -q | xargs crictl stop",
    '',
    '4. Use the new admin credentials:',
    '     cp /etc/kubernetes/admin.conf ~/.kube/config',
    '     kubectl get nodes && kubeadm certs check-expiration',
    '',
    'kubelet.conf: as kubeadm says, `kubeadm certs renew` does not renew kubelet.conf. With client certificate',
    'rotation (the default since kubeadm 1.17) kubelet.conf points to /var/lib/kubelet/pki/kubelet-client-current.pem',
    'and the kubelet renews that certificate itself before it expires. If it already expired, or kubelet.conf embeds',
    'its certificate, put the renewed kubelet.conf in place, restart the kubelet (systemctl restart kubelet), and',
    'consider pointing it back to kubelet-client-current.pem so rotation takes over again.',
    '',
    'Other control-plane nodes hold their own apiserver, etcd and kubeconfig certificates: renew each node from',
    'its own copy of /etc/kubernetes (the CA files are the same everywhere).',
  );
  if (options.rotateKeys) {
    say('', 'Keys were rotated. Who needs the new files:');
    for (const r of renewed.filter((x) => x.keyRotated)) say(`  ${r.name.padEnd(26)} ${ROTATED_KEY_USERS[r.name] ?? 'whatever loads it must get the new key'}`);
  }
  if (options.renewCas) {
    say(
      '',
      'Renewed CAs keep their key and subject, so every certificate they signed before still verifies against',
      'the new CA certificate and nothing signed by them must be re-issued because of it. That is enough when the',
      'CA certificate is copied everywhere it is trusted: every node\'s /etc/kubernetes/pki/ca.crt and',
      'kubelet.conf, the kube-public/cluster-info ConfigMap (used by kubeadm join), the kube-root-ca.crt',
      'ConfigMaps that pods read, kubeconfigs handed out (certificate-authority-data), webhook caBundles and any',
      'client that pins the old ca.crt: those still hold the expired certificate and fail until updated.',
      'It is not enough when the CA key itself is compromised or too weak: then a new key, a new CA and',
      're-issuing everything (and re-joining the nodes) is the only way.',
    );
  }
  say('', 'Expiry after renewal (as `kubeadm certs check-expiration` shows it):', '', afterTable);
  return lines.join('\n') + '\n';
}
