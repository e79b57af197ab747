// The kubectl commands certbench shows for a kubeconfig, run offline with kubectl --kubeconfig=FILE:
// `kubectl config view --raw` must give the same clusters, users, contexts and current context as
// certbench's kubeconfig object.
import { describe, expect, it } from 'vitest';
import { stepNotes } from '../../src/core/equivalent-command.ts';
import { kubeconfigObject, type KubeconfigParts } from '../../src/kube/kubeconfig.ts';
import { kubeconfigCommands } from '../../src/kube/kubeconfig-commands.ts';
import { createRootCa } from '../../src/core/ca/create.ts';
import { exportPrivateKeyPem } from '../../src/core/keys/export.ts';
import { toPem } from '../../src/core/pem.ts';
import { put, runSteps, sh, tempDir } from './commands.helper.ts';

const KUBECTL = '/usr/bin/kubectl';

async function parts(extra: Partial<KubeconfigParts>): Promise<KubeconfigParts> {
  // Real PEMs (a CA and a client key): kubectl embeds the files' bytes, so any certificate will do.
  const ca = await createRootCa({ subject: 'CN=kubernetes', days: 10 });
  const client = await createRootCa({ subject: 'O=system:masters, CN=kubernetes-admin', days: 10 });
  return {
    clusterName: 'kubernetes',
    server: 'https://10.0.0.10:6443',
    caPem: toPem('CERTIFICATE', ca.certificate),
    userName: 'kubernetes-admin',
    certificatePem: toPem('CERTIFICATE', client.certificate) + toPem('CERTIFICATE', ca.certificate),
    keyPem: await exportPrivateKeyPem(client.key),
    ...extra,
  };
}

describe('kubectl config set-cluster / set-credentials / set-context / use-context as shown', () => {
  const cases: [string, Partial<KubeconfigParts>][] = [
    ['kubeadm-style admin', {}],
    ['node identity with a colon in the user name, a namespace and a named context', { userName: 'system:node:worker-1', clusterName: 'lab', contextName: 'worker-1', namespace: 'kube-system', server: 'https://api.lab.example:6443' }],
  ];
  for (const [name, extra] of cases) {
    it(name, async () => {
      const p = await parts(extra);
      const dir = tempDir('kubeconfig');
      const steps = kubeconfigCommands(p);
      // Save the PEMs under the names the first step asks for.
      const names = stepNotes(steps[0]!).match(/as (\S+), .* as (\S+) and its key as (\S+) first/)!;
      put(dir, names[1]!, p.caPem);
      put(dir, names[2]!, p.certificatePem);
      put(dir, names[3]!, p.keyPem);
      expect(steps.every((s) => s.text.startsWith('kubectl config ') && s.text.endsWith(' --kubeconfig=kubeconfig'))).toBe(true);
      runSteps(dir, steps.map((s) => ({ ...s, text: s.text.replace(/^kubectl /, `${KUBECTL} `) })));
      const viewed = JSON.parse(sh(dir, `${KUBECTL} config view --raw -o json --kubeconfig=kubeconfig`));
      const ours = kubeconfigObject(p);
      expect(viewed.clusters).toEqual(ours.clusters);
      expect(viewed.users).toEqual(ours.users);
      expect(viewed.contexts).toEqual(ours.contexts);
      expect(viewed['current-context']).toBe(ours['current-context']);
      expect(viewed.kind).toBe(ours.kind);
      expect(viewed.apiVersion).toBe(ours.apiVersion);
    });
  }
});
