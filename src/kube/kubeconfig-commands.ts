/**
 * The kubectl commands that write the same kubeconfig as buildKubeconfig: set-cluster,
 * set-credentials and set-context with --embed-certs, then use-context. They run offline
 * (`--kubeconfig=FILE` edits a file and never contacts a cluster).
 */
import { msg } from '../core/errors.ts';
import { shellLine, type EquivalentStep } from '../core/equivalent-command.ts';
import type { KubeconfigObject } from './kubeconfig.ts';

interface KubeconfigCommandInput {
  clusterName: string;
  server: string;
  userName: string;
  /** Default `<user>@<cluster>`, as kubeconfigObject names it. */
  contextName?: string;
  namespace?: string;
  /** Saved copies of the PEMs the kubeconfig embeds; defaults ca.crt, <user>.crt, <user>.key, kubeconfig. */
  files?: { ca?: string; certificate?: string; key?: string; kubeconfig?: string };
}

/** A file name from a user name (`system:node:worker-1` → `system-node-worker-1`). */
function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'user';
}

export function kubeconfigCommands(input: KubeconfigCommandInput): EquivalentStep[] {
  const base = fileSafe(input.userName);
  const ca = input.files?.ca ?? 'ca.crt';
  const cert = input.files?.certificate ?? `${base}.crt`;
  const key = input.files?.key ?? `${base}.key`;
  const out = `--kubeconfig=${input.files?.kubeconfig ?? 'kubeconfig'}`;
  const context = input.contextName ?? `${input.userName}@${input.clusterName}`;
  return [
    {
      tool: 'kubectl',
      title: msg('step.kubeconfig.cluster'),
      text: shellLine(['kubectl', 'config', 'set-cluster', input.clusterName, `--server=${input.server}`, `--certificate-authority=${ca}`, '--embed-certs=true', out]),
      notes: [msg('step.note.kubeconfigFiles', { ca, cert, key })],
    },
    {
      tool: 'kubectl',
      title: msg('step.kubeconfig.user'),
      text: shellLine(['kubectl', 'config', 'set-credentials', input.userName, `--client-certificate=${cert}`, `--client-key=${key}`, '--embed-certs=true', out]),
    },
    {
      tool: 'kubectl',
      title: msg('step.kubeconfig.context'),
      text: shellLine(['kubectl', 'config', 'set-context', context, `--cluster=${input.clusterName}`, `--user=${input.userName}`, ...(input.namespace ? [`--namespace=${input.namespace}`] : []), out]),
    },
    { tool: 'kubectl', title: msg('step.kubeconfig.use'), text: shellLine(['kubectl', 'config', 'use-context', context, out]) },
  ];
}

/** The commands for a kubeconfig certbench built (its one cluster, user and context). */
export function kubeconfigCommandsFor(config: KubeconfigObject): EquivalentStep[] {
  const cluster = config.clusters[0];
  const user = config.users[0];
  const context = config.contexts[0];
  if (!cluster || !user || !context) return [];
  return kubeconfigCommands({
    clusterName: cluster.name,
    server: cluster.cluster.server,
    userName: user.name,
    contextName: context.name,
    ...(context.context.namespace ? { namespace: context.context.namespace } : {}),
  });
}
