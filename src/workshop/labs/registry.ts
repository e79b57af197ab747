/** Lab 1: a registry certificate with SANs → CertificateSigningRequest → approve (sign) → TLS Secret → Deployment mount. */
import { formatFindings, hasErrors } from '../../kube/findings.ts';
import { buildCsrManifest } from '../../kube/csr-manifest.ts';
import { buildTlsSecret } from '../../kube/tls-secret.ts';
import { SIGNER_KUBELET_SERVING } from '../../kube/signers.ts';
import { artifact, certDer, csrDer, keyPemOf } from '../artifacts.ts';
import { manifestCarriesCsr, secretChecks } from '../kube-checks.ts';
import { listOf } from '../texts.ts';
import { CA_FILE, caStep, checkOf, csrChecks, csrCommands, csrFieldsFor, dns, makeKeyAndCsr, requestFrom, SERVER, signCommands, signCsr, verifyChecks } from '../steps.ts';
import type { LabDefinition, LabState } from '../types.ts';

/** The names the registry is reached by: its Service (short and full) and localhost through a port-forward. */
const REGISTRY_SANS = ['DNS:registry.docker-registry', 'DNS:registry.docker-registry.svc.cluster.local', 'DNS:localhost'];
const REGISTRY_CUSTOM_SIGNER = 'workshop.example/registry-signer';
const BASE = 'registry';

const hoursOf = (s: LabState) => Number(s.values.approve?.hours ?? '8760') || 8760;

function manifestFor(state: LabState) {
  const v = state.values.manifest ?? {};
  return buildCsrManifest({ csrDer: csrDer(artifact(state, `${BASE}.csr`), `${BASE}.csr`), signerName: v.signer ?? REGISTRY_CUSTOM_SIGNER, name: v.name ?? 'registry' });
}

export const REGISTRY_LAB: LabDefinition = {
  id: 'registry',
  steps: [
    caStep(),
    {
      id: 'csr',
      needs: [],
      fields: csrFieldsFor({ cn: 'localhost', sans: REGISTRY_SANS, usage: 'server', keyType: 'ec-p256' }),
      shows: () => [{ name: `${BASE}.csr`, kind: 'csr' }],
      keys: [BASE],
      async run({ state, values }) {
        await makeKeyAndCsr(state, BASE, requestFrom(values, 'server'));
      },
      check: (state) => csrChecks(state, BASE, { cn: 'localhost', sans: REGISTRY_SANS }),
      commands: (state) => csrCommands(BASE, requestFrom(state.values.csr ?? { cn: 'localhost', sans: REGISTRY_SANS.join('\n') }, 'server')),
    },
    {
      id: 'manifest',
      needs: [`${BASE}.csr`],
      fields: [
        { id: 'signer', kind: 'select', initial: REGISTRY_CUSTOM_SIGNER, options: [
          { value: REGISTRY_CUSTOM_SIGNER, key: 'signer.custom' },
          { value: SIGNER_KUBELET_SERVING, key: 'signer.kubelet-serving' },
        ] },
        { id: 'name', kind: 'text', initial: 'registry' },
      ],
      shows: () => [{ name: 'registry-csr.yaml', kind: 'yaml' }, { name: 'registry-csr-findings.txt', kind: 'text' }],
      async run({ state }) {
        const m = manifestFor(state);
        state.artifacts['registry-csr.yaml'] = m.yaml;
        state.artifacts['registry-csr-findings.txt'] = formatFindings(m.findings) || 'no findings\n';
      },
      async check(state) {
        const m = manifestFor(state);
        const errors = m.findings.filter((f) => f.severity === 'error').map((f) => f.said);
        return [
          checkOf('manifest-accepted', !hasErrors(m.findings), hasErrors(m.findings) ? 'check.manifest-refused' : 'check.manifest-accepted', { signer: m.manifest.spec.signerName, errors: listOf('clauses', errors) }),
          manifestCarriesCsr(artifact(state, 'registry-csr.yaml'), artifact(state, `${BASE}.csr`)),
          checkOf('manifest-server-auth', m.usages.includes('server auth'), 'check.manifest-server-auth', { usages: m.usages.join(', ') }),
        ];
      },
      commands(state) {
        if (!state.artifacts[`${BASE}.csr`]) return [];
        const m = manifestFor(state);
        return [{ key: 'tool.kubectl', commands: m.commands.slice(0, 2) }];
      },
    },
    {
      id: 'approve',
      needs: [`${BASE}.csr`, 'registry-csr.yaml', CA_FILE],
      fields: [{ id: 'hours', kind: 'number', initial: '8760' }],
      shows: () => [{ name: `${BASE}.crt`, kind: 'certificate' }],
      async run({ state, env }) {
        await signCsr(state, env, BASE, SERVER, hoursOf(state));
      },
      check: (state) => verifyChecks(state, BASE, 'server', REGISTRY_SANS.map((n) => dns(n.replace(/^DNS:/, '')))),
      commands(state) {
        const name = state.values.manifest?.name ?? 'registry';
        return [
          {
            key: 'tool.kubectl',
            commands: [
              `kubectl certificate approve ${name}`,
              `# a custom signer's controller then uploads the certificate into the status:`,
              `kubectl get csr ${name} -o json | jq --arg cert "$(base64 -w0 ${BASE}.crt)" '.status.certificate = $cert' | kubectl replace --raw /apis/certificates.k8s.io/v1/certificatesigningrequests/${name}/status -f -`,
              `kubectl get csr ${name} -o jsonpath='{.status.certificate}' | base64 -d > ${BASE}.crt`,
            ],
          },
          ...signCommands(state, BASE, SERVER, hoursOf(state)),
        ];
      },
    },
    {
      id: 'secret',
      needs: [`${BASE}.crt`],
      fields: [
        { id: 'name', kind: 'text', initial: 'registry-tls' },
        { id: 'namespace', kind: 'text', initial: 'docker-registry' },
      ],
      shows: () => [{ name: 'registry-tls.yaml', kind: 'yaml' }, { name: 'deployment-patch.yaml', kind: 'yaml' }],
      async run({ state, values }) {
        const result = await buildTlsSecret({
          name: values.name || 'registry-tls',
          ...(values.namespace ? { namespace: values.namespace } : {}),
          certificates: [certDer(artifact(state, `${BASE}.crt`), `${BASE}.crt`)],
          privateKey: await keyPemOf(state, BASE),
          caCertificates: [certDer(artifact(state, CA_FILE), CA_FILE)],
          containerName: 'registry',
          mountPath: '/certs',
        });
        state.artifacts['registry-tls.yaml'] = result.yaml;
        state.artifacts['deployment-patch.yaml'] = result.deploymentSnippet;
      },
      check: (state) => secretChecks(artifact(state, 'registry-tls.yaml'), certDer(artifact(state, CA_FILE), CA_FILE)),
      commands(state) {
        const v = state.values.secret ?? {};
        const name = v.name || 'registry-tls';
        const ns = v.namespace || 'docker-registry';
        return [
          {
            key: 'tool.kubectl',
            commands: [
              `kubectl create secret tls ${name} --cert=${BASE}.crt --key=${BASE}.key -n ${ns}`,
              `kubectl apply -f ${name}.yaml   # with ca.crt, which create secret tls cannot add`,
              `kubectl -n ${ns} patch deployment registry --patch-file deployment-patch.yaml`,
              `kubectl -n ${ns} set env deployment/registry REGISTRY_HTTP_TLS_CERTIFICATE=/certs/tls.crt REGISTRY_HTTP_TLS_KEY=/certs/tls.key`,
            ],
          },
          {
            key: 'tool.openssl',
            commands: [
              `diff <(openssl x509 -in ${BASE}.crt -noout -pubkey) <(openssl pkey -in ${BASE}.key -pubout) && echo key matches`,
              `openssl verify -CAfile ca.crt ${BASE}.crt`,
            ],
          },
        ];
      },
    },
  ],
};
