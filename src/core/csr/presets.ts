/** Ready-made requests for the workshop's usual suspects: in-cluster services and Kubernetes identities. */
import type { CsrRequest } from './request.ts';

export interface CsrPreset {
  id: string;
  title: string;
  /** One sentence: what the certificate is for and who checks which field. */
  description: string;
  request: CsrRequest;
}

export const CSR_PRESETS: readonly CsrPreset[] = [
  {
    id: 'docker-registry',
    title: 'Docker registry in a cluster',
    description: 'A registry Service in namespace docker-registry, reached by its short and full cluster DNS names (and as localhost through a port-forward).',
    request: {
      subject: [{ type: 'CN', value: 'localhost' }],
      sans: ['DNS:registry.docker-registry', 'DNS:registry.docker-registry.svc.cluster.local'],
      usage: 'server',
      keyType: 'ec-p256',
    },
  },
  {
    id: 'kubernetes-service-pod',
    title: 'Kubernetes service and pod',
    description: 'A workload served under its Service name and its pod DNS name, plus the pod and service IPs (the Kubernetes "Manage TLS certificates" example).',
    request: {
      subject: [{ type: 'CN', value: 'my-pod.my-namespace.pod.cluster.local' }],
      sans: ['DNS:my-svc.my-namespace.svc.cluster.local', 'DNS:my-pod.my-namespace.pod.cluster.local', 'IP:172.168.0.24', 'IP:10.0.34.2'],
      usage: 'server',
      keyType: 'ec-p256',
    },
  },
  {
    id: 'kube-apiserver',
    title: 'kube-apiserver serving certificate',
    description: 'The API server as clients reach it: in-cluster service name, the control-plane host name and the kubernetes Service IP.',
    request: {
      subject: [{ type: 'CN', value: 'kubernetes.default.svc' }],
      sans: ['DNS:kubernetes.default.svc', 'DNS:kubemaster', 'IP:10.24.0.1'],
      usage: 'server',
      keyType: 'ec-p256',
    },
  },
  {
    id: 'cluster-admin',
    title: 'Cluster admin (client)',
    description: 'A user the API server knows as "admin" in group system:masters (CN is the user name, each O a group).',
    request: { subject: [{ type: 'O', value: 'system:masters' }, { type: 'CN', value: 'admin' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
  {
    id: 'kubelet',
    title: 'kubelet (client)',
    description: 'A node\'s kubelet: the Node authorizer needs CN system:node:<node name> and O system:nodes. Replace NAME with the node name.',
    request: { subject: [{ type: 'O', value: 'system:nodes' }, { type: 'CN', value: 'system:node:NAME' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
  {
    id: 'kube-proxy',
    title: 'kube-proxy (client)',
    description: 'kube-proxy, bound by the system:node-proxier ClusterRoleBinding.',
    request: { subject: [{ type: 'O', value: 'system:node-proxier' }, { type: 'CN', value: 'system:kube-proxy' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
  {
    id: 'kube-scheduler',
    title: 'kube-scheduler (client)',
    description: 'The scheduler, known to RBAC by the user name system:kube-scheduler.',
    request: { subject: [{ type: 'CN', value: 'system:kube-scheduler' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
  {
    id: 'kube-controller-manager',
    title: 'kube-controller-manager (client)',
    description: 'The controller manager, known to RBAC by the user name system:kube-controller-manager.',
    request: { subject: [{ type: 'CN', value: 'system:kube-controller-manager' }], sans: [], usage: 'client', keyType: 'ec-p256' },
  },
];

export function csrPreset(id: string): CsrPreset | undefined {
  return CSR_PRESETS.find((p) => p.id === id);
}
