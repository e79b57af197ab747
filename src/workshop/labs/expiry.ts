/**
 * Lab 4: short-lived certificates, a movable "as of" clock (the kubeadm-style expiry table from
 * src/kube), what breaks when the client or the API server certificate expires, and renewal from
 * the CA core (same key, new serial and validity, as `kubeadm certs renew` does); it ends with the
 * offline rescue of the lab's own kubeadm /etc/kubernetes (src/kube/rescue), expired as of the clock.
 */
import { planRenewal } from '../../core/ca/issue.ts';
import { certificateFacts } from '../../core/cert/read.ts';
import { bytesEqual } from '../../core/bytes.ts';
import { detectInput } from '../../core/input/detect.ts';
import { verifyChain } from '../../core/verify/index.ts';
import { DAY_MS } from '../../core/cert/time.ts';
import { generateKubeadmPki } from '../../kube/cluster-pki/kubeadm.ts';
import { checkExpiration, formatExpiryTable } from '../../kube/expiry.ts';
import { loadCluster, readClusterFiles } from '../../kube/rescue/input.ts';
import { renewCluster } from '../../kube/rescue/renew.ts';
import { STEPS_FILE } from '../../kube/rescue/steps.ts';
import { artifact, certDer } from '../artifacts.ts';
import { listOf, problemsOf } from '../texts.ts';
import { CA_FILE, caCertOf, caStep, CLIENT, checkOf, csrCommands, makeKeyAndCsr, SERVER, signCommands, signCsr } from '../steps.ts';
import type { LabDefinition, LabEnv, LabState, TextItem } from '../types.ts';

const CERTS = [
  { base: 'apiserver', profile: SERVER, request: { subject: [{ type: 'CN' as const, value: 'kube-apiserver' }], sans: ['DNS:kubemaster', 'DNS:kubernetes.default.svc', 'IP:10.24.0.1'], usage: 'server' as const, keyType: 'ec-p256' as const } },
  { base: 'admin', profile: CLIENT, request: { subject: [{ type: 'O' as const, value: 'system:masters' }, { type: 'CN' as const, value: 'admin' }], sans: [], usage: 'client' as const, keyType: 'ec-p256' as const } },
];

const hoursOf = (s: LabState) => Math.max(1, Number(s.values.issue?.hours ?? '1') || 1);
const renewHoursOf = (s: LabState) => Math.max(1, Number(s.values.renew?.hours ?? '8760') || 8760);

/** The clock: the person's "as of" time, default one hour after the short-lived certificates expire. */
function asOfOf(state: LabState): Date {
  const v = state.values.clock?.asOf;
  if (v) {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return defaultAsOf(state);
}

function defaultAsOf(state: LabState): Date {
  const name = issuedName(state, 'apiserver');
  const pem = state.artifacts[name];
  if (!pem) return new Date();
  return new Date(certificateFacts(certDer(pem, name)).notAfter.getTime() + 3_600_000);
}

/**
 * The file holding the short-lived certificate step 2 issued: `<base>.crt` until renewal, then
 * `<base>-expired.crt` (renewal puts the new one in `<base>.crt`). The clock step judges these, so
 * after renewal its checks, its table and its story still talk about the same certificates.
 */
function issuedName(state: LabState, base: string): string {
  return state.artifacts[`${base}-expired.crt`] !== undefined ? `${base}-expired.crt` : `${base}.crt`;
}

/** `YYYY-MM-DDTHH:MM` in UTC, what the as-of field holds. */
export function asOfText(d: Date): string {
  return d.toISOString().slice(0, 16) + 'Z';
}

/** The kubeadm-style table of the CA and the given certificate files, as of `asOf`. */
async function expiryTableAt(state: LabState, asOf: Date, names: string[]): Promise<string> {
  const objects = [CA_FILE, ...names].flatMap((n) => detectInput(artifact(state, n), n).objects);
  return formatExpiryTable(await checkExpiration(objects, { asOf }));
}

const issuedNames = (state: LabState) => CERTS.map((c) => issuedName(state, c.base));

async function verifiesAt(state: LabState, base: string, at: Date, name = `${base}.crt`) {
  const purpose = base === 'admin' ? 'client' : 'server';
  return verifyChain(certDer(artifact(state, name), name), { trusted: [certDer(artifact(state, CA_FILE), CA_FILE)], purpose, profile: 'rfc5280', at });
}

/** The issued (short-lived) certificates as of the clock: what the clock step checks and tells. */
async function issuedAt(state: LabState, at: Date) {
  return {
    client: await verifiesAt(state, 'admin', at, issuedName(state, 'admin')),
    server: await verifiesAt(state, 'apiserver', at, issuedName(state, 'apiserver')),
  };
}

async function whatBreaks(state: LabState): Promise<TextItem[]> {
  const at = asOfOf(state);
  const { client, server } = await issuedAt(state, at);
  const items: TextItem[] = [{ key: 'breaks.as-of', vars: { asOf: at.toISOString() } }];
  items.push({ key: server.ok ? 'breaks.server-ok' : 'breaks.server-expired', vars: { problems: problemsOf(server.problems) } });
  items.push({ key: client.ok ? 'breaks.client-ok' : 'breaks.client-expired', vars: { problems: problemsOf(client.problems) } });
  return items;
}

async function renew(state: LabState, env: LabEnv): Promise<void> {
  const ca = await caCertOf(state, env);
  for (const c of CERTS) {
    // Always from the certificate step 2 issued: renewing twice renews it again, never the renewal.
    const name = issuedName(state, c.base);
    const issued = artifact(state, name);
    const entry = await env.issued(ca.id, certificateFacts(certDer(issued, name)).serialHex);
    const plan = planRenewal(entry, ca, { profile: c.profile, hours: renewHoursOf(state) });
    const result = await env.issue(ca.id, plan);
    state.artifacts[`${c.base}-expired.crt`] = issued;
    state.artifacts[`${c.base}.crt`] = result.pem;
  }
  state.artifacts['expiry-table-renewed.txt'] = await expiryTableAt(state, asOfOf(state), CERTS.map((c) => `${c.base}.crt`));
}

/** The lab's cluster: its /etc/kubernetes as `cluster/…` (certificates only: the state is stored, keys are not), its step 2 originals as `cluster-expired/…`. */
const CLUSTER = 'cluster/';
const CLUSTER_EXPIRED = 'cluster-expired/';
const CLUSTER_CAS = ['pki/ca.crt', 'pki/front-proxy-ca.crt', 'pki/etcd/ca.crt'];
const clusterLeaves = (state: LabState) => Object.keys(state.artifacts).filter((n) => n.startsWith(CLUSTER) && !CLUSTER_CAS.includes(n.slice(CLUSTER.length))).sort();
const clientCertOf = (kubeconfig: string): string => {
  const m = /client-certificate-data:\s*(\S+)/.exec(kubeconfig);
  return m ? new TextDecoder().decode(Uint8Array.from(atob(m[1]!), (c) => c.charCodeAt(0))) : '';
};

/**
 * The lab's own kubeadm control plane, its certificates made when step 2's were and as short-lived,
 * so as of the clock they have expired; then the offline rescue as of the clock, as an admin would
 * run it on a copy of /etc/kubernetes.
 */
async function rescue(state: LabState): Promise<void> {
  const issued = certificateFacts(certDer(artifact(state, issuedName(state, 'apiserver')), 'apiserver.crt'));
  const pki = await generateKubeadmPki({
    nodeName: 'kubemaster',
    notBefore: issued.notBefore,
    leafDays: (issued.notAfter.getTime() - issued.notBefore.getTime()) / DAY_MS,
  });
  const encoder = new TextEncoder();
  const files = readClusterFiles(pki.files.map((f) => ({ path: f.path, bytes: encoder.encode(f.contents) })));
  const result = await renewCluster(await loadCluster(files), { asOf: asOfOf(state) });
  for (const n of Object.keys(state.artifacts)) if (n.startsWith(CLUSTER) || n.startsWith(CLUSTER_EXPIRED)) delete state.artifacts[n];
  const decoder = new TextDecoder();
  for (const f of pki.files) {
    const renewed = decoder.decode(result.files.get(f.path)!);
    if (f.kind === 'certificate') {
      state.artifacts[CLUSTER + f.path] = renewed;
      if (!CLUSTER_CAS.includes(f.path)) state.artifacts[CLUSTER_EXPIRED + f.path] = f.contents;
    } else if (f.kind === 'kubeconfig' && clientCertOf(renewed)) {
      state.artifacts[`${CLUSTER}${f.path}.crt`] = clientCertOf(renewed);
      state.artifacts[`${CLUSTER_EXPIRED}${f.path}.crt`] = clientCertOf(f.contents);
    }
  }
  state.artifacts['cluster-expiry-before.txt'] = result.plan.beforeTable;
  state.artifacts['cluster-expiry-after.txt'] = result.afterTable;
  state.artifacts[STEPS_FILE] = result.steps;
}

async function rescueChecks(state: LabState) {
  const at = asOfOf(state);
  const leaves = clusterLeaves(state);
  const cas = CLUSTER_CAS.map((n) => state.artifacts[CLUSTER + n]).filter((p): p is string => !!p).map((p) => certDer(p, 'CA'));
  const expiredBefore: string[] = [];
  const notVerified: TextItem[] = [];
  const notSameKey: string[] = [];
  for (const name of leaves) {
    const file = name.slice(CLUSTER.length);
    const old = state.artifacts[CLUSTER_EXPIRED + file];
    const now = certDer(artifact(state, name), name);
    if (!old) {
      notSameKey.push(file);
      continue;
    }
    const a = certificateFacts(certDer(old, file));
    const b = certificateFacts(now);
    if (a.notAfter.getTime() < at.getTime()) expiredBefore.push(file);
    if (!bytesEqual(a.subjectPublicKeyInfo, b.subjectPublicKeyInfo) || a.serialHex === b.serialHex || !bytesEqual(a.subjectDer, b.subjectDer)) notSameKey.push(file);
    const r = await verifyChain(now, { trusted: cas, purpose: 'any', profile: 'rfc5280', at });
    if (!r.ok) notVerified.push({ key: 'value.file-problems', vars: { file, problems: problemsOf(r.problems) } });
  }
  const count = String(leaves.length);
  return [
    checkOf('rescue-expired-before', leaves.length > 0 && expiredBefore.length === leaves.length, 'check.rescue-expired-before', { count: String(expiredBefore.length), total: count, asOf: at.toISOString() }),
    checkOf('rescue-same-key', leaves.length > 0 && notSameKey.length === 0, notSameKey.length ? 'check.rescue-not-same-key' : 'check.rescue-same-key', { count, files: notSameKey.join(', ') }),
    checkOf('rescue-verify', leaves.length > 0 && notVerified.length === 0, notVerified.length ? 'check.rescue-not-verified' : 'check.rescue-verified', { count, asOf: at.toISOString(), problems: listOf('entries', notVerified) }),
  ];
}

export const EXPIRY_LAB: LabDefinition = {
  id: 'expiry',
  steps: [
    caStep(),
    {
      id: 'issue',
      needs: [CA_FILE],
      fields: [{ id: 'hours', kind: 'number', initial: '1' }],
      // After renewal the certificates this step issued are the -expired.crt files.
      shows: (state) => issuedNames(state).map((name) => ({ name, kind: 'certificate' as const })),
      keys: CERTS.map((c) => c.base),
      async run({ state, env }) {
        for (const c of CERTS) {
          await makeKeyAndCsr(state, c.base, c.request);
          await signCsr(state, env, c.base, c.profile, hoursOf(state));
        }
        delete state.artifacts['apiserver-expired.crt'];
        delete state.artifacts['admin-expired.crt'];
      },
      async check(state) {
        const out = [];
        for (const c of CERTS) {
          const f = certificateFacts(certDer(artifact(state, `${c.base}.crt`), `${c.base}.crt`));
          const hours = (f.notAfter.getTime() - f.notBefore.getTime()) / 3_600_000;
          const now = await verifiesAt(state, c.base, new Date());
          out.push(checkOf(`${c.base}-short`, hours <= 24, 'check.short-lived', { file: `${c.base}.crt`, hours: String(hours) }));
          out.push(checkOf(`${c.base}-valid-now`, now.ok, now.ok ? 'check.valid-now' : 'check.not-valid-now', { file: `${c.base}.crt`, problems: problemsOf(now.problems) }));
        }
        return out;
      },
      commands: (state) => [
        ...CERTS.flatMap((c) => csrCommands(c.base, c.request).filter((g) => g.key === 'tool.openssl')),
        ...CERTS.flatMap((c) => signCommands(state, c.base, c.profile, hoursOf(state)).filter((g) => g.key === 'tool.cfssl')),
      ],
    },
    {
      id: 'clock',
      needs: ['apiserver.crt', 'admin.crt'],
      fields: [{ id: 'asOf', kind: 'datetime', initial: (s) => asOfText(defaultAsOf(s)) }],
      shows: () => [{ name: 'expiry-table.txt', kind: 'text' }],
      async run({ state }) {
        state.artifacts['expiry-table.txt'] = await expiryTableAt(state, asOfOf(state), issuedNames(state));
      },
      async check(state) {
        const at = asOfOf(state);
        const { client, server } = await issuedAt(state, at);
        const expired = (r: typeof client) => r.problems.some((p) => p.code === 'expired');
        return [
          checkOf('clock-client-expired', expired(client), 'check.clock-client-expired', { asOf: at.toISOString() }),
          checkOf('clock-server-expired', expired(server), 'check.clock-server-expired', { asOf: at.toISOString() }),
        ];
      },
      explain: whatBreaks,
      commands: (state) => [
        { key: 'tool.kubeadm', commands: ['kubeadm certs check-expiration'] },
        {
          key: 'tool.openssl',
          commands: [
            `openssl verify -attime ${Math.floor(asOfOf(state).getTime() / 1000)} -CAfile ca.crt apiserver.crt admin.crt`,
            'openssl x509 -in apiserver.crt -noout -enddate -checkend 0',
          ],
        },
      ],
    },
    {
      id: 'renew',
      needs: ['apiserver.crt', 'admin.crt', 'expiry-table.txt'],
      fields: [{ id: 'hours', kind: 'number', initial: '8760' }],
      shows: () => [{ name: 'apiserver.crt', kind: 'certificate' }, { name: 'admin.crt', kind: 'certificate' }, { name: 'expiry-table-renewed.txt', kind: 'text' }],
      async run({ state, env }) {
        await renew(state, env);
      },
      async check(state) {
        const at = asOfOf(state);
        const out = [];
        for (const c of CERTS) {
          const now = await verifiesAt(state, c.base, at);
          out.push(checkOf(`${c.base}-renewed-valid`, now.ok, now.ok ? 'check.renewed-valid' : 'check.renewed-invalid', { file: `${c.base}.crt`, asOf: at.toISOString(), problems: problemsOf(now.problems) }));
          const old = state.artifacts[`${c.base}-expired.crt`];
          if (old) {
            const a = certificateFacts(certDer(old, 'old'));
            const b = certificateFacts(certDer(artifact(state, `${c.base}.crt`), `${c.base}.crt`));
            out.push(checkOf(`${c.base}-same-key`, bytesEqual(a.subjectPublicKeyInfo, b.subjectPublicKeyInfo) && a.serialHex !== b.serialHex, 'check.renewed-same-key', { file: `${c.base}.crt` }));
          } else out.push(checkOf(`${c.base}-same-key`, false, 'check.renewed-missing', { file: `${c.base}.crt` }));
        }
        return out;
      },
      commands: (state) => [
        { key: 'tool.kubeadm', commands: ['kubeadm certs renew apiserver', 'kubeadm certs renew admin.conf', 'kubeadm certs check-expiration'] },
        {
          key: 'tool.openssl',
          commands: [
            `openssl x509 -x509toreq -in apiserver-expired.crt -signkey apiserver.key -copy_extensions copyall -out apiserver-renew.csr`,
            `openssl x509 -req -in apiserver-renew.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days ${Math.max(1, Math.round(renewHoursOf(state) / 24))} -copy_extensions copyall -out apiserver.crt`,
            `openssl verify -attime ${Math.floor(asOfOf(state).getTime() / 1000)} -CAfile ca.crt apiserver.crt admin.crt`,
          ],
        },
      ],
    },
    {
      id: 'rescue',
      needs: ['expiry-table-renewed.txt'],
      fields: [],
      shows: (state) => [
        ...[...CLUSTER_CAS.map((n) => CLUSTER + n).filter((n) => state.artifacts[n] !== undefined), ...clusterLeaves(state)].map((name) => ({ name, kind: 'certificate' as const })),
        ...['cluster-expiry-before.txt', 'cluster-expiry-after.txt', STEPS_FILE].filter((n) => state.artifacts[n] !== undefined).map((name) => ({ name, kind: 'text' as const })),
      ],
      async run({ state }) {
        await rescue(state);
      },
      check: rescueChecks,
      commands: (state) => [
        { key: 'tool.certbench', commands: [`tar czf kubernetes.tar.gz -C / etc/kubernetes`, `certbench cluster-pki renew --in kubernetes.tar.gz --out renewed.zip --at ${asOfOf(state).toISOString()}`] },
        { key: 'tool.kubeadm', commands: ['kubeadm certs renew all', 'kubeadm certs check-expiration'] },
      ],
    },
  ],
};
