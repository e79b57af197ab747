/** Ready-made requests for the workshop's usual suspects: in-cluster services and Kubernetes identities. */
import type { CsrRequest } from './request.ts';

export interface CsrPreset {
  id: string;
  title: string;
  /** One sentence: what the certificate is for and who checks which field. */
  description: string;
  /** The short name the files made from it carry (`registry.key`, `registry.csr`), as the workshop's commands and the docs name them. */
  fileBase: string;
  request: CsrRequest;
}

export const CSR_PRESETS: readonly CsrPreset[] = [
  {
    id: 'docker-registry',
    title: 'Docker registry in a cluster',
    description: 'A registry Service in namespace docker-registry, reached by its short and full cluster DNS names and as localhost through a port-forward: all three are SANs, since clients check SANs, never the CN. Files: registry.key, registry.csr.',
    fileBase: 'registry',
    request: {
      subject: [{ type: 'CN', value: 'localhost' }],
      sans: ['DNS:registry.docker-registry', 'DNS:registry.docker-registry.svc.cluster.local', 'DNS:localhost'],
      usage: 'server',
      keyType: 'ec-p256',
    },
  },
  {
    id: 'kubernetes-service-pod',
    title: 'Kubernetes service and pod',
    description: 'A workload served under its Service name and its pod DNS name, plus the Service IP 192.0.2.24 and the pod IP 10.0.34.2 (the Kubernetes "Manage TLS Certificates in a Cluster" example; files server.key, server.csr as there).',
    fileBase: 'server',
    request: {
      subject: [{ type: 'CN', value: 'my-pod.my-namespace.pod.cluster.local' }],
      sans: ['DNS:my-svc.my-namespace.svc.cluster.local', 'DNS:my-pod.my-namespace.pod.cluster.local', 'IP:192.0.2.24', 'IP:10.0.34.2'],
      usage: 'server',
      keyType: 'ec-p256',
    },
  },
  {
    id: 'kube-apiserver',
    title: 'kube-apiserver serving certificate',
    description: "kubeadm's apiserver.crt: CN kube-apiserver; SANs the node name (control-plane here), kubernetes, kubernetes.default, kubernetes.default.svc and kubernetes.default.svc.cluster.local, the kubernetes Service IP 10.96.0.1 (first address of 10.96.0.0/12) and the control-plane IP (192.168.0.10 here): put in your node name and IP.",
    fileBase: 'apiserver',
    request: {
      subject: [{ type: 'CN', value: 'kube-apiserver' }],
      sans: [
        'DNS:control-plane', 'DNS:kubernetes', 'DNS:kubernetes.default', 'DNS:kubernetes.default.svc', 'DNS:kubernetes.default.svc.cluster.local',
        'IP:10.96.0.1', 'IP:192.168.0.10',
      ],
      usage: 'server',
      keyType: 'ec-p256',
    },
  },
  {
    id: 'cluster-admin',
    title: 'Cluster admin (client)',
    description: 'The admin user as kubeadm names it, kubernetes-admin, in group system:masters (CN is the user name, each O a group; kubeadm 1.29+ puts admin.conf in kubeadm:cluster-admins and keeps system:masters for super-admin.conf).',
    fileBase: 'admin',
    request: { subject: [{ type: 'O', value: 'system:masters' }, { type: 'CN', value: 'kubernetes-admin' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
  {
    id: 'kubelet',
    title: 'kubelet (client)',
    description: 'A node\'s kubelet: the Node authorizer needs CN system:node:<node name> and O system:nodes. Replace NAME with the node name.',
    fileBase: 'kubelet',
    request: { subject: [{ type: 'O', value: 'system:nodes' }, { type: 'CN', value: 'system:node:NAME' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
  {
    id: 'kube-proxy',
    title: 'kube-proxy (client)',
    description: 'kube-proxy, bound by the system:node-proxier ClusterRoleBinding.',
    fileBase: 'kube-proxy',
    request: { subject: [{ type: 'O', value: 'system:node-proxier' }, { type: 'CN', value: 'system:kube-proxy' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
  {
    id: 'kube-scheduler',
    title: 'kube-scheduler (client)',
    description: 'The scheduler, known to RBAC by the user name system:kube-scheduler.',
    fileBase: 'kube-scheduler',
    request: { subject: [{ type: 'CN', value: 'system:kube-scheduler' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
  {
    id: 'kube-controller-manager',
    title: 'kube-controller-manager (client)',
    description: 'The controller manager, known to RBAC by the user name system:kube-controller-manager.',
    fileBase: 'kube-controller-manager',
    request: { subject: [{ type: 'CN', value: 'system:kube-controller-manager' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
];

export function csrPreset(id: string): CsrPreset | undefined {
  return CSR_PRESETS.find((p) => p.id === id);
}
