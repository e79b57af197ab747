/** Lab 2: a service/pod certificate with DNS and IP SANs (the Kubernetes docs' cfssl example), its CSR manifest, and the approver's two checks. */
import { parseCertificateRequest } from '../../core/ca/csr.ts';
import { formatFindings, hasErrors } from '../../kube/findings.ts';
import { buildCsrManifest } from '../../kube/csr-manifest.ts';
import { artifact, csrDer } from '../artifacts.ts';
import { formatReview, reviewRequest, type Requester } from '../approver.ts';
import { manifestCarriesCsr } from '../kube-checks.ts';
import { listOf } from '../texts.ts';
import { CA_FILE, caStep, checkOf, csrChecks, csrCommands, csrFieldsFor, dns, ip, makeKeyAndCsr, requestFrom, SERVER, signCommands, signCsr, verifyChecks } from '../steps.ts';
import type { LabDefinition, LabState } from '../types.ts';

const POD_CN = 'my-pod.my-namespace.pod.cluster.local';
const POD_SANS = ['DNS:my-svc.my-namespace.svc.cluster.local', 'DNS:my-pod.my-namespace.pod.cluster.local', 'IP:192.0.2.24', 'IP:10.0.34.2'];
const POD_SIGNER = 'example.com/serving';
const BASE = 'server';

const csrValues = (s: LabState) => s.values.csr ?? { cn: POD_CN, sans: POD_SANS.join('\n'), keyType: 'ec-p256' };
const requestOf = (s: LabState) => ({ ...requestFrom(csrValues(s), 'server'), keyType: 'ec-p256' as const });

function manifestFor(state: LabState) {
  const v = state.values.manifest ?? {};
  return buildCsrManifest({ csrDer: csrDer(artifact(state, `${BASE}.csr`), `${BASE}.csr`), signerName: v.signer || POD_SIGNER, name: v.name || 'my-svc.my-namespace' });
}

function requesterOf(state: LabState): Requester {
  const v = state.values.review ?? {};
  return {
    username: v.username ?? 'system:serviceaccount:my-namespace:default',
    namespace: v.namespace ?? 'my-namespace',
    pod: v.pod ?? 'my-pod',
    service: v.service ?? 'my-svc',
    podIp: v.podIp ?? '10.0.34.2',
    serviceIp: v.serviceIp ?? '192.0.2.24',
  };
}

export const SERVICE_POD_LAB: LabDefinition = {
  id: 'service-pod',
  steps: [
    caStep(),
    {
      id: 'csr',
      needs: [],
      fields: csrFieldsFor({ cn: POD_CN, sans: POD_SANS, usage: 'server', keyType: 'ec-p256' }, false),
      shows: () => [{ name: `${BASE}.csr`, kind: 'csr' }],
      keys: [BASE],
      async run({ state }) {
        await makeKeyAndCsr(state, BASE, requestOf(state));
      },
      async check(state) {
        const out = await csrChecks(state, BASE, { cn: POD_CN, sans: POD_SANS });
        const alg = parseCertificateRequest(artifact(state, `${BASE}.csr`)).keyAlgorithm;
        out.push(checkOf('csr-p256', alg.family === 'ec' && alg.curve === 'P-256', 'check.csr-p256'));
        return out;
      },
      commands: (state) => csrCommands(BASE, requestOf(state)),
    },
    {
      id: 'manifest',
      needs: [`${BASE}.csr`],
      fields: [
        { id: 'signer', kind: 'text', initial: POD_SIGNER },
        { id: 'name', kind: 'text', initial: 'my-svc.my-namespace' },
      ],
      shows: () => [{ name: 'my-svc.my-namespace.yaml', kind: 'yaml' }, { name: 'csr-findings.txt', kind: 'text' }],
      async run({ state }) {
        const m = manifestFor(state);
        state.artifacts['my-svc.my-namespace.yaml'] = m.yaml;
        state.artifacts['csr-findings.txt'] = formatFindings(m.findings) || 'no findings\n';
      },
      async check(state) {
        const m = manifestFor(state);
        return [
          checkOf('manifest-accepted', !hasErrors(m.findings), hasErrors(m.findings) ? 'check.manifest-refused' : 'check.manifest-accepted', { signer: m.manifest.spec.signerName, errors: listOf('clauses', m.findings.filter((f) => f.severity === 'error').map((f) => f.said)) }),
          manifestCarriesCsr(artifact(state, 'my-svc.my-namespace.yaml'), artifact(state, `${BASE}.csr`)),
        ];
      },
      commands: (state) => (state.artifacts[`${BASE}.csr`] ? [{ key: 'tool.kubectl', commands: manifestFor(state).commands.slice(0, 2) }] : []),
    },
    {
      id: 'review',
      needs: [`${BASE}.csr`, 'my-svc.my-namespace.yaml'],
      fields: [
        { id: 'username', kind: 'text', initial: 'system:serviceaccount:my-namespace:default' },
        { id: 'namespace', kind: 'text', initial: 'my-namespace' },
        { id: 'pod', kind: 'text', initial: 'my-pod' },
        { id: 'service', kind: 'text', initial: 'my-svc' },
        { id: 'podIp', kind: 'text', initial: '10.0.34.2' },
        { id: 'serviceIp', kind: 'text', initial: '192.0.2.24' },
      ],
      shows: () => [{ name: 'approver-review.txt', kind: 'text' }],
      async run({ state }) {
        const r = requesterOf(state);
        state.artifacts['approver-review.txt'] = formatReview(reviewRequest(parseCertificateRequest(artifact(state, `${BASE}.csr`)), r), r);
      },
      async check(state) {
        const r = requesterOf(state);
        const review = reviewRequest(parseCertificateRequest(artifact(state, `${BASE}.csr`)), r);
        return [
          checkOf('approver-names', review.namesOk, review.namesOk ? 'check.approver-names' : 'check.approver-names-bad', { names: review.notAllowed.join(', ') }),
          checkOf('approver-requester', review.requesterOk, review.requesterOk ? 'check.approver-requester' : 'check.approver-requester-bad', { user: r.username, namespace: r.namespace }),
        ];
      },
      commands: (state) => [
        {
          key: 'tool.kubectl',
          commands: [
            `kubectl get csr ${state.values.manifest?.name || 'my-svc.my-namespace'} -o jsonpath='{.spec.username}{"\\n"}{.spec.groups}{"\\n"}'`,
            `kubectl get csr ${state.values.manifest?.name || 'my-svc.my-namespace'} -o jsonpath='{.spec.request}' | base64 -d | openssl req -noout -text`,
            `kubectl -n ${requesterOf(state).namespace} get pod ${requesterOf(state).pod} -o jsonpath='{.status.podIP} {.spec.serviceAccountName}{"\\n"}'`,
          ],
        },
      ],
    },
    {
      id: 'approve',
      needs: [`${BASE}.csr`, 'approver-review.txt', CA_FILE],
      fields: [],
      shows: () => [{ name: `${BASE}.crt`, kind: 'certificate' }],
      async run({ state, env }) {
        await signCsr(state, env, BASE, SERVER, 8760);
      },
      check: (state) => verifyChecks(state, BASE, 'server', [dns('my-svc.my-namespace.svc.cluster.local'), ip('10.0.34.2'), ip('192.0.2.24')]),
      commands: (state) => [
        { key: 'tool.kubectl', commands: [`kubectl certificate approve ${state.values.manifest?.name || 'my-svc.my-namespace'}`] },
        ...signCommands(state, BASE, SERVER, 8760),
      ],
    },
  ],
};
