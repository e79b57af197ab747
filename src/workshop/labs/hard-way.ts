/**
 * Lab 5: "Kubernetes The Hard Way" — the whole cluster certificate set from src/kube, and why each
 * certificate has its CN and O: which component presents it and what RBAC makes of it.
 */
import { certificateFacts } from '../../core/cert/read.ts';
import { verifyChain } from '../../core/verify/index.ts';
import { generateHardWayPki } from '../../kube/cluster-pki/hard-way.ts';
import type { ClusterKeyType } from '../../kube/cluster-pki/issue.ts';
import { certDer, sanLabel } from '../artifacts.ts';
import { checkOf, KEY_TYPE_OPTIONS } from '../steps.ts';
import { listOf, problemsOf } from '../texts.ts';
import type { CheckResult, LabDefinition, LabState, TextItem } from '../types.ts';

const HW_PREFIX = 'hard-way/';

/** What each certificate must say, by file base name; `role` names the text keys for component and RBAC meaning. */
function expectedIdentity(base: string): { cn: string; o: string; role: string } | undefined {
  const worker = /^worker-\d+$/.exec(base);
  if (worker) return { cn: `system:node:${base}`, o: 'system:nodes', role: 'kubelet' };
  const table: Record<string, { cn: string; o: string; role: string }> = {
    ca: { cn: 'Kubernetes', o: 'Kubernetes', role: 'ca' },
    admin: { cn: 'admin', o: 'system:masters', role: 'admin' },
    'kube-controller-manager': { cn: 'system:kube-controller-manager', o: 'system:kube-controller-manager', role: 'controller-manager' },
    'kube-proxy': { cn: 'system:kube-proxy', o: 'system:node-proxier', role: 'kube-proxy' },
    'kube-scheduler': { cn: 'system:kube-scheduler', o: 'system:kube-scheduler', role: 'scheduler' },
    kubernetes: { cn: 'kubernetes', o: 'Kubernetes', role: 'apiserver' },
    'service-account': { cn: 'service-accounts', o: 'Kubernetes', role: 'service-account' },
  };
  return table[base];
}

const certNames = (state: LabState) => Object.keys(state.artifacts).filter((n) => n.startsWith(HW_PREFIX) && n.endsWith('.pem') && !n.endsWith('-key.pem')).sort();
const baseOf = (name: string) => name.slice(HW_PREFIX.length).replace(/\.pem$/, '');

function hardWayRows(state: LabState): string[][] {
  return certNames(state).map((name) => {
    const f = certificateFacts(certDer(state.artifacts[name]!, name));
    const base = baseOf(name);
    const role = expectedIdentity(base)?.role ?? 'unknown';
    return [
      name.slice(HW_PREFIX.length),
      f.subject.filter((a) => a.type === '2.5.4.3').map((a) => a.value).join(', '),
      f.subject.filter((a) => a.type === '2.5.4.10').map((a) => a.value).join(', '),
      `role.${role}.component`,
      `role.${role}.rbac`,
      f.subjectAltNames.map(sanLabel).join(', '),
    ];
  });
}

export const HARD_WAY_LAB: LabDefinition = {
  id: 'hard-way',
  steps: [
    {
      id: 'generate',
      needs: [],
      fields: [{ id: 'keyType', kind: 'select', initial: 'ec-p256', options: KEY_TYPE_OPTIONS }],
      shows: (state) => certNames(state).map((name) => ({ name, kind: 'certificate' as const })),
      async run({ state, values, offered }) {
        const pki = await generateHardWayPki({ keyType: (values.keyType || 'ec-p256') as ClusterKeyType });
        for (const n of Object.keys(state.artifacts)) if (n.startsWith(HW_PREFIX)) delete state.artifacts[n];
        // Certificates only are kept (the state is stored); the keys and kubeconfigs (which embed keys) are offered for download once.
        for (const f of pki.files) {
          if (f.kind === 'certificate') state.artifacts[HW_PREFIX + f.path] = f.contents;
          else offered[f.path] = f.contents;
        }
      },
      async check(state) {
        const names = certNames(state);
        const ca = state.artifacts[`${HW_PREFIX}ca.pem`];
        const out: CheckResult[] = [checkOf('hw-count', names.length >= 10 && !!ca, 'check.hw-count', { count: String(names.length) })];
        if (!ca) return out;
        const caDer = certDer(ca, 'ca.pem');
        const failed: TextItem[] = [];
        for (const n of names) {
          if (n === `${HW_PREFIX}ca.pem`) continue;
          const r = await verifyChain(certDer(state.artifacts[n]!, n), { trusted: [caDer], purpose: 'any', profile: 'rfc5280' });
          if (!r.ok) failed.push({ key: 'value.file-problems', vars: { file: baseOf(n), problems: problemsOf(r.problems) } });
        }
        out.push(checkOf('hw-verify', failed.length === 0, failed.length ? 'check.hw-verify-bad' : 'check.hw-verify', { failed: listOf('entries', failed) }));
        return out;
      },
      commands: () => [
        {
          key: 'tool.cfssl',
          commands: [
            'cfssl gencert -initca ca-csr.json | cfssljson -bare ca',
            'cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes admin-csr.json | cfssljson -bare admin',
            'for i in 0 1 2; do cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -hostname=worker-${i},10.240.0.2${i} -profile=kubernetes worker-${i}-csr.json | cfssljson -bare worker-${i}; done',
            'cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -hostname=10.32.0.1,10.240.0.10,10.240.0.11,10.240.0.12,127.0.0.1,kubernetes,kubernetes.default,kubernetes.default.svc,kubernetes.default.svc.cluster,kubernetes.svc.cluster.local -profile=kubernetes kubernetes-csr.json | cfssljson -bare kubernetes',
          ],
        },
        { key: 'tool.openssl', commands: ['for c in *.pem; do case $c in *-key.pem|ca.pem) ;; *) openssl verify -CAfile ca.pem $c;; esac; done'] },
      ],
    },
    {
      id: 'identities',
      needs: [`${HW_PREFIX}ca.pem`],
      fields: [],
      shows: () => [],
      async run() {
        // The table is read from the certificates themselves.
      },
      async check(state) {
        return certNames(state).map((name) => {
          const base = baseOf(name);
          const want = expectedIdentity(base);
          const f = certificateFacts(certDer(state.artifacts[name]!, name));
          const cn = f.subject.filter((a) => a.type === '2.5.4.3').map((a) => a.value).join(', ');
          const o = f.subject.filter((a) => a.type === '2.5.4.10').map((a) => a.value).join(', ');
          return checkOf(`hw-id-${base}`, !!want && want.cn === cn && want.o === o, want ? 'check.hw-identity' : 'check.hw-identity-unknown', { file: base, cn, o, wantCn: want?.cn ?? '?', wantO: want?.o ?? '?' });
        });
      },
      table: (state) => ({ columns: ['table.file', 'table.cn', 'table.o', 'table.component', 'table.rbac', 'table.sans'], rows: hardWayRows(state) }),
      commands: () => [
        { key: 'tool.openssl', commands: ['for c in *.pem; do case $c in *-key.pem) ;; *) echo "$c: $(openssl x509 -in $c -noout -subject -nameopt RFC2253)";; esac; done'] },
        { key: 'tool.kubectl', commands: ['kubectl get clusterrolebindings system:node-proxier system:kube-scheduler system:kube-controller-manager -o wide', 'kubectl auth can-i --list --as=system:node:worker-0 --as-group=system:nodes'] },
      ],
    },
  ],
};
