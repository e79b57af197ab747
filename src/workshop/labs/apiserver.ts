/** Lab 3: your own CA → API server certificate with its SANs → client certificate → kubeconfig → the TLS handshake, step by step. */
import { buildKubeconfig } from '../../kube/kubeconfig.ts';
import { certificateFacts } from '../../core/cert/read.ts';
import { formatDistinguishedName } from '../../core/cert/name.ts';
import { toHex } from '../../core/bytes.ts';
import { verifyChain } from '../../core/verify/index.ts';
import { artifact, certDer, keyPemOf, linesOf, sanLabel } from '../artifacts.ts';
import { kubeconfigChecks } from '../kube-checks.ts';
import { problemsOf } from '../texts.ts';
import { CA_FILE, caStep, CLIENT, checkOf, csrChecks, csrCommands, csrFieldsFor, dns, ip, makeKeyAndCsr, NONE, requestFrom, SERVER, signCommands, signCsr, verifyChecks } from '../steps.ts';
import type { LabDefinition, LabState, TextItem } from '../types.ts';

const APISERVER_CN = 'kubernetes.default.svc';
const APISERVER_SANS = ['DNS:kubernetes.default.svc', 'DNS:kubemaster', 'IP:10.24.0.1'];

const apiValues = (s: LabState) => s.values.apiserver ?? { cn: APISERVER_CN, sans: APISERVER_SANS.join('\n'), keyType: 'ec-p256' };
const clientValues = (s: LabState) => s.values.client ?? { cn: 'admin', o: 'system:masters', keyType: 'ec-p256' };
const serverUrl = (s: LabState) => s.values.kubeconfig?.server || 'https://kubemaster:6443';

async function sha256Hex(der: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', der.slice().buffer as ArrayBuffer)), ':').toUpperCase();
}

/** The handshake between kubectl and the API server, told with the lab's actual certificates. */
async function handshakeStory(state: LabState): Promise<TextItem[]> {
  const ca = certificateFacts(certDer(artifact(state, CA_FILE), CA_FILE));
  const api = certificateFacts(certDer(artifact(state, 'apiserver.crt'), 'apiserver.crt'));
  const client = certificateFacts(certDer(artifact(state, 'admin.crt'), 'admin.crt'));
  const host = new URL(serverUrl(state)).hostname.replace(/^\[|\]$/g, '');
  const caName = formatDistinguishedName(ca.subject);
  const peer = /^[0-9.]+$|:/.test(host) ? ({ kind: 'ip', value: host } as const) : ({ kind: 'dns', value: host } as const);
  const serverOk = (await verifyChain(api.der, { trusted: [ca.der], purpose: 'server', profile: 'rfc5280', peerName: peer })).ok;
  const clientOk = (await verifyChain(client.der, { trusted: [ca.der], purpose: 'client', profile: 'rfc5280' })).ok;
  const cn = client.subject.find((a) => a.type === '2.5.4.3')?.value ?? '';
  const groups = client.subject.filter((a) => a.type === '2.5.4.10').map((a) => a.value).join(', ');
  return [
    { key: 'handshake.hello', vars: { host, server: serverUrl(state) } },
    { key: 'handshake.server-cert', vars: { subject: formatDistinguishedName(api.subject), serial: api.serialHex, sans: api.subjectAltNames.map(sanLabel).join(', '), issuer: caName } },
    { key: 'handshake.client-checks-server', vars: { ca: caName, fingerprint: await sha256Hex(ca.der), host, result: { key: serverOk ? 'handshake.ok' : 'handshake.fails' } } },
    { key: 'handshake.certificate-request', vars: { ca: caName } },
    { key: 'handshake.client-cert', vars: { subject: formatDistinguishedName(client.subject), serial: client.serialHex } },
    { key: 'handshake.server-checks-client', vars: { ca: caName, result: { key: clientOk ? 'handshake.ok' : 'handshake.fails' } } },
    { key: 'handshake.proof', vars: {} },
    { key: 'handshake.identity', vars: { user: cn, groups: groups || NONE } },
  ];
}

export const APISERVER_LAB: LabDefinition = {
  id: 'apiserver',
  steps: [
    caStep('CN=kubernetes-ca'),
    {
      id: 'apiserver',
      needs: [CA_FILE],
      fields: csrFieldsFor({ cn: APISERVER_CN, sans: APISERVER_SANS, usage: 'server', keyType: 'ec-p256' }),
      shows: () => [{ name: 'apiserver.csr', kind: 'csr' }, { name: 'apiserver.crt', kind: 'certificate' }],
      keys: ['apiserver'],
      async run({ state, env, values }) {
        await makeKeyAndCsr(state, 'apiserver', requestFrom(values, 'server'));
        await signCsr(state, env, 'apiserver', SERVER, 8760);
      },
      async check(state) {
        const names = linesOf(apiValues(state).sans).filter((s) => /^(DNS|IP):/.test(s));
        return [
          ...(await csrChecks(state, 'apiserver', { cn: APISERVER_CN, sans: APISERVER_SANS })),
          ...(await verifyChecks(state, 'apiserver', 'server', names.map((n) => (n.startsWith('IP:') ? ip(n.slice(3)) : dns(n.slice(4)))))),
        ];
      },
      commands: (state) => [...csrCommands('apiserver', requestFrom(apiValues(state), 'server')), ...signCommands(state, 'apiserver', SERVER, 8760)],
    },
    {
      id: 'client',
      needs: [CA_FILE],
      fields: csrFieldsFor({ cn: 'admin', o: ['system:masters'], sans: [], usage: 'client', keyType: 'ec-p256' }),
      shows: () => [{ name: 'admin.csr', kind: 'csr' }, { name: 'admin.crt', kind: 'certificate' }],
      keys: ['admin'],
      async run({ state, env, values }) {
        await makeKeyAndCsr(state, 'admin', requestFrom(values, 'client'));
        await signCsr(state, env, 'admin', CLIENT, 8760);
      },
      async check(state) {
        const v = clientValues(state);
        const out = await verifyChecks(state, 'admin', 'client', []);
        const f = certificateFacts(certDer(artifact(state, 'admin.crt'), 'admin.crt'));
        out.push(checkOf('client-auth', f.extKeyUsage.includes('clientAuth'), 'check.client-auth'));
        out.push(checkOf('client-user', !!v.cn && f.subject.some((a) => a.type === '2.5.4.3' && a.value === v.cn), 'check.client-user', { user: v.cn ?? '' }));
        return out;
      },
      commands: (state) => [...csrCommands('admin', requestFrom(clientValues(state), 'client')), ...signCommands(state, 'admin', CLIENT, 8760)],
    },
    {
      id: 'kubeconfig',
      needs: ['apiserver.crt', 'admin.crt'],
      fields: [{ id: 'server', kind: 'text', initial: 'https://kubemaster:6443' }],
      shows: () => [{ name: 'admin.kubeconfig', kind: 'yaml' }],
      async run({ state, values }) {
        const r = await buildKubeconfig({
          server: values.server || 'https://kubemaster:6443',
          caCertificates: [certDer(artifact(state, CA_FILE), CA_FILE)],
          certificates: [certDer(artifact(state, 'admin.crt'), 'admin.crt')],
          privateKey: await keyPemOf(state, 'admin'),
        });
        state.artifacts['admin.kubeconfig'] = r.yaml;
      },
      check: (state) => kubeconfigChecks(artifact(state, 'admin.kubeconfig'), certDer(artifact(state, CA_FILE), CA_FILE), certDer(artifact(state, 'apiserver.crt'), 'apiserver.crt')),
      commands: (state) => [
        {
          key: 'tool.kubectl',
          commands: [
            `kubectl config set-cluster kubernetes --server=${serverUrl(state)} --certificate-authority=ca.crt --embed-certs --kubeconfig=admin.kubeconfig`,
            `kubectl config set-credentials ${clientValues(state).cn || 'admin'} --client-certificate=admin.crt --client-key=admin.key --embed-certs --kubeconfig=admin.kubeconfig`,
            `kubectl config set-context default --cluster=kubernetes --user=${clientValues(state).cn || 'admin'} --kubeconfig=admin.kubeconfig`,
            'kubectl config use-context default --kubeconfig=admin.kubeconfig',
            'KUBECONFIG=./admin.kubeconfig kubectl auth whoami',
          ],
        },
      ],
    },
    {
      id: 'handshake',
      needs: ['apiserver.crt', 'admin.crt'],
      fields: [],
      shows: () => [],
      async run() {
        // Nothing to make: the story and the checks are computed from the certificates.
      },
      async check(state) {
        const ca = certDer(artifact(state, CA_FILE), CA_FILE);
        const host = new URL(serverUrl(state)).hostname;
        const peer = /^[0-9.]+$/.test(host) ? ip(host) : dns(host);
        const server = await verifyChain(certDer(artifact(state, 'apiserver.crt'), 'apiserver.crt'), { trusted: [ca], purpose: 'server', profile: 'rfc5280', peerName: peer });
        const client = await verifyChain(certDer(artifact(state, 'admin.crt'), 'admin.crt'), { trusted: [ca], purpose: 'client', profile: 'rfc5280' });
        return [
          checkOf('handshake-server', server.ok, server.ok ? 'check.handshake-server' : 'check.handshake-server-bad', { host, problems: problemsOf(server.problems) }),
          checkOf('handshake-client', client.ok, client.ok ? 'check.handshake-client' : 'check.handshake-client-bad', { problems: problemsOf(client.problems) }),
        ];
      },
      explain: handshakeStory,
      commands: (state) => {
        const host = new URL(serverUrl(state)).hostname;
        return [
          {
            key: 'tool.openssl',
            commands: [
              'openssl s_server -accept 127.0.0.1:6443 -cert apiserver.crt -key apiserver.key -CAfile ca.crt -Verify 1 -verify_return_error -www',
              `openssl s_client -connect 127.0.0.1:6443 -CAfile ca.crt -cert admin.crt -key admin.key -verify_hostname ${host} -verify_return_error -brief`,
            ],
          },
          { key: 'tool.curl', commands: [`curl --cacert ca.crt --cert admin.crt --key admin.key --resolve ${host}:6443:127.0.0.1 https://${host}:6443/`] },
        ];
      },
    },
  ],
};
