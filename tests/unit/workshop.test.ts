// The five labs run end to end in Node over the core; what they make is judged by openssl itself.
import 'fake-indexeddb/auto';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyLabState, itemText, labById, labText, labVarText, memoryLabEnv, runStep, shownArtifacts, shownKeys, type LabEnv, type LabId, type LabState } from '../../src/workshop/index.ts';
import { keyPemOf } from '../../src/workshop/artifacts.ts';
import { LAB_TEXTS_EN as EN } from '../../src/workshop/labs.en.ts';

/** The view composes these keys from lab and step ids, so they are looked up as strings. */
const LAB_TEXTS_EN: Record<string, string> = EN;
import { LABS } from '../../src/workshop/index.ts';
import { LabProgressStore } from '../../src/store/lab-progress.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-workshop-'));
const children: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const put = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
/** openssl's exit status and everything it printed. */
function openssl(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}
const b64 = (s: string) => Buffer.from(s, 'base64').toString();

/** Runs every step of a lab in order and expects each check to pass. */
async function runLab(id: LabId, env: LabEnv, values: Record<string, Record<string, string>> = {}): Promise<LabState> {
  const lab = labById(id)!;
  let state = emptyLabState(id);
  for (const step of lab.steps) {
    const r = await runStep(lab, step.id, state, env, values[step.id] ?? {});
    expect(r.error, `${id}/${step.id}`).toBeUndefined();
    expect(r.checks.filter((c) => !c.ok), `${id}/${step.id}`).toEqual([]);
    expect(r.passed).toBe(true);
    state = r.state;
  }
  expect(state.done).toEqual(lab.steps.map((s) => s.id));
  return state;
}

describe('lab texts', () => {
  it.each(LABS.flatMap((l) => l.steps.map((s) => [l.id, s.id] as const)))('%s/%s has a title, an explanation and labels for its fields', (labId, stepId) => {
    expect(LAB_TEXTS_EN[`lab.${labId}.${stepId}.title`]).toBeTruthy();
    expect(LAB_TEXTS_EN[`lab.${labId}.${stepId}.explain`]).toBeTruthy();
    const step = labById(labId)!.steps.find((s) => s.id === stepId)!;
    for (const f of step.fields) expect(LAB_TEXTS_EN[`field.${f.id}`], f.id).toBeTruthy();
  });
});

describe('lab 1: registry certificate → CSR object → approve → Secret', () => {
  it('makes a CSR with both registry SANs, a v1 manifest, a certificate and a Secret that openssl accepts', async () => {
    const env = memoryLabEnv();
    const s = await runLab('registry', env);
    const csr = put('registry.csr', s.artifacts['registry.csr']!);
    const req = openssl(['req', '-in', csr, '-noout', '-verify', '-text']);
    expect(req.out).toMatch(/verify OK|Certificate request self-signature verify OK/);
    expect(req.out).toContain('DNS:registry.docker-registry, DNS:registry.docker-registry.svc.cluster.local, DNS:localhost');
    const manifest = parse(s.artifacts['registry-csr.yaml']!);
    expect(manifest.apiVersion).toBe('certificates.k8s.io/v1');
    expect(manifest.spec.signerName).toBe('workshop.example/registry-signer');
    expect(b64(manifest.spec.request)).toBe(s.artifacts['registry.csr']);
    const ca = put('ca.crt', s.artifacts['ca.crt']!);
    const crt = put('registry.crt', s.artifacts['registry.crt']!);
    expect(openssl(['verify', '-CAfile', ca, '-verify_hostname', 'registry.docker-registry.svc.cluster.local', crt]).out).toContain('OK');
    // The lab says the registry is reached as localhost through a port-forward: a SAN, not only the CN.
    expect(openssl(['verify', '-CAfile', ca, '-verify_hostname', 'localhost', crt]).out).toContain('OK');
    const secret = parse(s.artifacts['registry-tls.yaml']!);
    expect(secret.type).toBe('kubernetes.io/tls');
    const tlsCrt = put('tls.crt', b64(secret.data['tls.crt']));
    const tlsKey = put('tls.key', b64(secret.data['tls.key']));
    expect(openssl(['x509', '-in', tlsCrt, '-noout', '-pubkey']).out).toBe(openssl(['pkey', '-in', tlsKey, '-pubout']).out);
    expect(openssl(['verify', '-CAfile', put('secret-ca.crt', b64(secret.data['ca.crt'])), tlsCrt]).out).toContain('OK');
    expect(parse(s.artifacts['deployment-patch.yaml']!).spec.template.spec.volumes[0].secret.secretName).toBe('registry-tls');
  });

  it('fails the CSR check when a registry SAN is left out (localhost as the CN only is not enough)', async () => {
    const env = memoryLabEnv();
    const lab = labById('registry')!;
    const r = await runStep(lab, 'csr', emptyLabState('registry'), env, { sans: 'DNS:registry.docker-registry' });
    expect(r.passed).toBe(false);
    expect(r.checks.find((c) => c.id === 'csr-sans')).toMatchObject({ ok: false, vars: { missing: 'DNS:registry.docker-registry.svc.cluster.local, DNS:localhost' } });
    expect(openssl(['req', '-in', put('one-san.csr', r.state.artifacts['registry.csr']!), '-noout', '-text']).out).not.toContain('svc.cluster.local');
    const noLocalhost = await runStep(lab, 'csr', emptyLabState('registry'), env, { sans: 'DNS:registry.docker-registry\nDNS:registry.docker-registry.svc.cluster.local' });
    expect(noLocalhost.checks.find((c) => c.id === 'csr-sans')).toMatchObject({ ok: false, vars: { missing: 'DNS:localhost' } });
  });

  it('refuses kubernetes.io/kubelet-serving for the registry (its signer issues only for kubelets)', async () => {
    const env = memoryLabEnv();
    const lab = labById('registry')!;
    let s = emptyLabState('registry');
    s = (await runStep(lab, 'csr', s, env)).state;
    const r = await runStep(lab, 'manifest', s, env, { signer: 'kubernetes.io/kubelet-serving' });
    expect(r.passed).toBe(false);
    const refused = r.checks.find((c) => c.id === 'manifest-accepted')!;
    expect(labVarText(refused.vars!.errors!)).toMatch(/system:node/);
    // The signer's objection is a message: worded in the reader's language, not English.
    const ja = labText('check.manifest-refused', refused.vars, 'ja');
    expect(ja).toMatch(/system:node/);
    expect(ja).not.toMatch(/\b(the|must|only|is)\b/);
  });
});

describe('lab 2: service and pod certificate, approver checks', () => {
  it('makes the docs\u2019 P-256 CSR with DNS and IP SANs, and a certificate valid for both IPs', async () => {
    const env = memoryLabEnv();
    const s = await runLab('service-pod', env);
    const text = openssl(['req', '-in', put('server.csr', s.artifacts['server.csr']!), '-noout', '-verify', '-text']).out;
    expect(text).toContain('ASN1 OID: prime256v1');
    expect(text).toContain('DNS:my-svc.my-namespace.svc.cluster.local, DNS:my-pod.my-namespace.pod.cluster.local, IP Address:192.0.2.24, IP Address:10.0.34.2');
    expect(text).toContain('Subject: CN = my-pod.my-namespace.pod.cluster.local');
    const ca = put('ca2.crt', s.artifacts['ca.crt']!);
    const crt = put('server.crt', s.artifacts['server.crt']!);
    for (const ipAddr of ['10.0.34.2', '192.0.2.24']) expect(openssl(['verify', '-CAfile', ca, '-verify_ip', ipAddr, crt]).out).toContain('OK');
    expect(openssl(['verify', '-CAfile', ca, '-verify_ip', '10.0.34.3', crt]).ok).toBe(false);
    expect(parse(s.artifacts['my-svc.my-namespace.yaml']!).spec.signerName).toBe('example.com/serving');
  });

  it('the review says no to a requester from another namespace and to names the pod may not have', async () => {
    const env = memoryLabEnv();
    const lab = labById('service-pod')!;
    let s = emptyLabState('service-pod');
    s = (await runStep(lab, 'csr', s, env)).state;
    s = (await runStep(lab, 'manifest', s, env)).state;
    const other = await runStep(lab, 'review', s, env, { username: 'system:serviceaccount:other:default' });
    expect(other.checks.map((c) => [c.id, c.ok])).toEqual([['approver-names', true], ['approver-requester', false]]);
    const wrongPod = await runStep(lab, 'review', s, env, { podIp: '10.0.34.99' });
    expect(wrongPod.checks.find((c) => c.id === 'approver-names')).toMatchObject({ ok: false, vars: { names: 'IP:10.0.34.2' } });
    expect(wrongPod.state.artifacts['approver-review.txt']).toContain('verdict: deny');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

describe('lab 3: own CA, API server, client, kubeconfig, handshake', () => {
  it('the certificates carry a real mutual-TLS handshake (s_server / s_client on 127.0.0.1)', async () => {
    const env = memoryLabEnv();
    const s = await runLab('apiserver', env);
    put('ca3.crt', s.artifacts['ca.crt']!);
    put('apiserver.crt', s.artifacts['apiserver.crt']!);
    put('apiserver.key', await keyPemOf(s, 'apiserver'));
    const kc = parse(s.artifacts['admin.kubeconfig']!);
    put('admin.crt', b64(kc.users[0].user['client-certificate-data']));
    put('admin.key', b64(kc.users[0].user['client-key-data']));
    expect(b64(kc.clusters[0].cluster['certificate-authority-data'])).toBe(s.artifacts['ca.crt']);
    expect(openssl(['x509', '-in', 'apiserver.crt', '-noout', '-ext', 'subjectAltName']).out).toContain('DNS:kubernetes.default.svc, DNS:kubemaster, IP Address:10.24.0.1');

    const port = await freePort();
    const server = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', 'apiserver.crt', '-key', 'apiserver.key', '-CAfile', 'ca3.crt', '-Verify', '1', '-verify_return_error', '-www', '-naccept', '1'], { cwd: dir });
    children.push(server);
    let serverOut = '';
    server.stdout!.on('data', (d: Buffer) => (serverOut += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (serverOut += d.toString()));
    const deadline = Date.now() + 10_000;
    while (!/ACCEPT/.test(serverOut) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const result = await new Promise<string>((resolve) => {
      const c = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-CAfile', 'ca3.crt', '-cert', 'admin.crt', '-key', 'admin.key', '-verify_hostname', 'kubemaster', '-verify_return_error', '-brief'], { cwd: dir });
      let out = '';
      c.stdout.on('data', (d: Buffer) => (out += d.toString()));
      c.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
      c.on('close', () => {
        clearTimeout(timer);
        resolve(out);
      });
      c.stdin.write('GET / HTTP/1.0\r\n\r\n');
      setTimeout(() => c.stdin.end(), 700);
    });
    expect(result).toContain('Verification: OK');
    expect(result).toContain('Verified peername: kubemaster');
    // s_server -www echoes the client certificate it accepted: the admin certificate from the kubeconfig.
    expect(result).toContain(s.artifacts['admin.crt']!.split('\n').slice(1, 4).join('\n'));
  });

  it('tells the handshake with the lab\u2019s own certificates, and flags a server URL not in the SANs', async () => {
    const env = memoryLabEnv();
    const lab = labById('apiserver')!;
    const s = await runLab('apiserver', env);
    const story = await lab.steps.find((st) => st.id === 'handshake')!.explain!(s);
    expect(story.map((i) => i.key)).toEqual(['handshake.hello', 'handshake.server-cert', 'handshake.client-checks-server', 'handshake.certificate-request', 'handshake.client-cert', 'handshake.server-checks-client', 'handshake.proof', 'handshake.identity']);
    expect(itemText(story[2]!)).toMatch(/: ok\.$/);
    expect(itemText(story[2]!, 'ja')).toMatch(/：成功。$/);
    expect(itemText(story[2]!, 'zh')).toMatch(/：通过。$/);
    expect(itemText(story[2]!, 'de')).toMatch(/: in Ordnung\.$/);
    expect(story[7]!.vars).toEqual({ user: 'admin', groups: 'system:masters' });
    const wrong = await runStep(lab, 'kubeconfig', s, env, { server: 'https://api.example.test:6443' });
    const nameCheck = wrong.checks.find((c) => c.id === 'kubeconfig-server-name')!;
    expect(nameCheck.ok).toBe(false);
    // The verifier's reason is a message: English as the CLI says it, Japanese in a Japanese page.
    expect(labText('check.kubeconfig-server-name-bad', nameCheck.vars)).toMatch(/api\.example\.test/);
    const ja = labText('check.kubeconfig-server-name-bad', nameCheck.vars, 'ja');
    expect(ja).toMatch(/api\.example\.test/);
    expect(ja.replace(/[\w.:-]*\.[\w.:-]+/g, '')).not.toMatch(/\b(the|not|does|match|name|is)\b/i);
    expect(wrong.state.done).not.toContain('handshake');
  });
});

describe('lab 4: expiry, the as-of clock and renewal', () => {
  it('short-lived certificates expire at the as-of time (openssl -attime agrees) and renewal fixes them', async () => {
    const env = memoryLabEnv();
    const s = await runLab('expiry', env);
    put('ca4.crt', s.artifacts['ca.crt']!);
    put('apiserver-old.crt', s.artifacts['apiserver-expired.crt']!);
    put('admin-old.crt', s.artifacts['admin-expired.crt']!);
    put('apiserver-new.crt', s.artifacts['apiserver.crt']!);
    put('admin-new.crt', s.artifacts['admin.crt']!);
    const asOf = new Date(s.values.clock!.asOf!);
    const at = String(Math.floor(asOf.getTime() / 1000));
    expect(s.artifacts['expiry-table.txt']).toMatch(/apiserver\s.*<invalid>/);
    expect(openssl(['verify', '-CAfile', 'ca4.crt', 'apiserver-old.crt']).out).toContain('OK');
    const old = openssl(['verify', '-attime', at, '-CAfile', 'ca4.crt', 'apiserver-old.crt', 'admin-old.crt']);
    expect(old.ok).toBe(false);
    expect(old.out).toContain('certificate has expired');
    expect(openssl(['verify', '-attime', at, '-CAfile', 'ca4.crt', 'apiserver-new.crt', 'admin-new.crt']).out).toMatch(/apiserver-new.crt: OK[\s\S]*admin-new.crt: OK/);
    expect(openssl(['x509', '-in', 'apiserver-old.crt', '-noout', '-pubkey']).out).toBe(openssl(['x509', '-in', 'apiserver-new.crt', '-noout', '-pubkey']).out);
    expect(openssl(['x509', '-in', 'apiserver-old.crt', '-noout', '-serial']).out).not.toBe(openssl(['x509', '-in', 'apiserver-new.crt', '-noout', '-serial']).out);
    expect(s.artifacts['expiry-table-renewed.txt']).not.toContain('<invalid>');
  });

  it('renew shows nothing as made before it runs; after it, the clock step still tells the story its checks tell', async () => {
    const env = memoryLabEnv();
    const lab = labById('expiry')!;
    const step = (id: string) => lab.steps.find((st) => st.id === id)!;
    let s = emptyLabState('expiry');
    for (const id of ['ca', 'issue', 'clock']) s = (await runStep(lab, id, s, env)).state;
    // apiserver.crt and admin.crt exist (made by step 2, expired as of the clock) but renew has not made them.
    expect(shownArtifacts(step('renew'), s)).toEqual([]);
    expect(shownKeys(step('renew'), s)).toEqual([]);
    const renewed = await runStep(lab, 'renew', s, env);
    expect(renewed.passed).toBe(true);
    s = renewed.state;
    expect(shownArtifacts(step('renew'), s).map((a) => a.name)).toEqual(['apiserver.crt', 'admin.crt', 'expiry-table-renewed.txt']);
    // Step 2 shows the certificates it issued, under the names renewal kept them as.
    expect(shownArtifacts(step('issue'), s).map((a) => a.name)).toEqual(['apiserver-expired.crt', 'admin-expired.crt']);
    // Step 3's checks and story judge the same (issued) certificates: both expired, never "valid".
    expect(s.checks.clock!.every((c) => c.ok)).toBe(true);
    const story = await step('clock').explain!(s);
    expect(story.map((i) => i.key)).toEqual(['breaks.as-of', 'breaks.server-expired', 'breaks.client-expired']);
    // Renewing again renews the issued certificate again: the -expired files stay the short-lived ones.
    const again = (await runStep(lab, 'renew', s, env)).state;
    expect(again.artifacts['apiserver-expired.crt']).toBe(s.artifacts['apiserver-expired.crt']);
    expect(again.artifacts['apiserver.crt']).not.toBe(s.artifacts['apiserver.crt']);
    put('ca4b.crt', again.artifacts['ca.crt']!);
    put('apiserver-expired-b.crt', again.artifacts['apiserver-expired.crt']!);
    const at = String(Math.floor(new Date(again.values.clock!.asOf!).getTime() / 1000));
    expect(openssl(['verify', '-attime', at, '-CAfile', 'ca4b.crt', 'apiserver-expired-b.crt']).out).toContain('certificate has expired');
  });

  it('re-issuing forgets the later steps\u2019 checks: they judged the certificates it replaced', async () => {
    const env = memoryLabEnv();
    const lab = labById('expiry')!;
    const s = await runLab('expiry', env);
    const r = await runStep(lab, 'issue', s, env);
    expect(r.state.done).toEqual(['ca', 'issue']);
    expect(Object.keys(r.state.checks).sort()).toEqual(['ca', 'issue']);
    for (const id of ['clock', 'renew']) expect(shownArtifacts(lab.steps.find((st) => st.id === id)!, r.state), id).toEqual([]);
    expect(r.state.artifacts['apiserver-expired.crt']).toBeUndefined();
  });

  it('ends with the offline rescue of the lab\u2019s kubeadm /etc/kubernetes: expired as of the clock, renewed, openssl agrees', async () => {
    const env = memoryLabEnv();
    const lab = labById('expiry')!;
    const s = await runLab('expiry', env);
    expect(lab.steps.at(-1)!.id).toBe('rescue');
    expect(s.done).toContain('rescue');
    expect(s.checks.rescue!.map((c) => [c.id, c.ok])).toEqual([['rescue-expired-before', true], ['rescue-same-key', true], ['rescue-verify', true]]);
    expect(s.artifacts['cluster-expiry-before.txt']).toMatch(/apiserver\s.*<invalid>/);
    expect(s.artifacts['cluster-expiry-after.txt']).not.toContain('<invalid>');
    expect(s.artifacts['RENEWAL-STEPS.txt']).toContain('/etc/kubernetes/manifests');
    const at = String(Math.floor(new Date(s.values.clock!.asOf!).getTime() / 1000));
    for (const [leaf, ca] of [['pki/apiserver.crt', 'pki/ca.crt'], ['pki/etcd/peer.crt', 'pki/etcd/ca.crt'], ['pki/front-proxy-client.crt', 'pki/front-proxy-ca.crt'], ['admin.conf.crt', 'pki/ca.crt']] as const) {
      const flat = (n: string) => `rescue-${n.replace(/\//g, '_')}`;
      put(flat(ca), s.artifacts[`cluster/${ca}`]!);
      put(flat(leaf), s.artifacts[`cluster/${leaf}`]!);
      put(`${flat(leaf)}.old`, s.artifacts[`cluster-expired/${leaf}`]!);
      expect(openssl(['verify', '-attime', at, '-CAfile', flat(ca), flat(leaf)]).out, leaf).toContain(': OK');
      expect(openssl(['verify', '-attime', at, '-CAfile', flat(ca), `${flat(leaf)}.old`]).out, leaf).toContain('certificate has expired');
      expect(openssl(['x509', '-in', flat(leaf), '-noout', '-pubkey']).out).toBe(openssl(['x509', '-in', `${flat(leaf)}.old`, '-noout', '-pubkey']).out);
    }
    // A broken renewal fails the lab's check: swap in a certificate of another key.
    const broken = { ...s, artifacts: { ...s.artifacts, 'cluster/pki/apiserver.crt': s.artifacts['cluster/pki/etcd/server.crt']! } };
    const checks = await lab.steps.at(-1)!.check(broken, env);
    expect(checks.find((c) => c.id === 'rescue-same-key')!.ok).toBe(false);
  });

  it('the clock check fails while the clock is before expiry', async () => {
    const env = memoryLabEnv();
    const lab = labById('expiry')!;
    let s = emptyLabState('expiry');
    s = (await runStep(lab, 'ca', s, env)).state;
    s = (await runStep(lab, 'issue', s, env)).state;
    const early = await runStep(lab, 'clock', s, env, { asOf: new Date(Date.now() + 60_000).toISOString() });
    expect(early.passed).toBe(false);
    const items = await lab.steps.find((st) => st.id === 'clock')!.explain!(early.state);
    expect(items.map((i) => i.key)).toEqual(['breaks.as-of', 'breaks.server-ok', 'breaks.client-ok']);
  });
});

describe('lab 5: the Hard Way', () => {
  it('generates the guide\u2019s certificates; openssl verifies each and reads the CN/O the table explains', async () => {
    const env = memoryLabEnv();
    const s = await runLab('hard-way', env);
    const ca = put('hw-ca.pem', s.artifacts['hard-way/ca.pem']!);
    const rows = labById('hard-way')!.steps[1]!.table!(s)!.rows;
    expect(rows.length).toBe(10);
    for (const [file, cn, o] of rows) {
      const p = put(`hw-${file}`, s.artifacts[`hard-way/${file}`]!);
      if (file !== 'ca.pem') expect(openssl(['verify', '-CAfile', ca, p]).out, file).toContain('OK');
      const subject = openssl(['x509', '-in', p, '-noout', '-subject', '-nameopt', 'RFC2253']).out;
      expect(subject, file).toContain(`CN=${cn}`);
      expect(subject, file).toContain(`O=${o}`);
    }
    expect(rows.find((r) => r[0] === 'worker-1.pem')!.slice(1, 4)).toEqual(['system:node:worker-1', 'system:nodes', 'role.kubelet.component']);
  });
});

describe('keys the commands name are offered', () => {
  // Every `<base>.key` a lab's commands use (other than the CA's own and the Secret's tls.key) is offered
  // as a download by the step that made it, under that name, and is the key of `<base>.crt` (openssl).
  it.each(['registry', 'service-pod', 'apiserver', 'expiry'] as const)('%s', async (id) => {
    const env = memoryLabEnv();
    const s = await runLab(id, env);
    const lab = labById(id)!;
    const named = new Set(lab.steps.flatMap((st) => st.commands(s).flatMap((g) => g.commands)).flatMap((c) => [...c.matchAll(/(?<![\w/-])([\w-]+)\.key\b/g)].map((m) => m[1]!)));
    named.delete('ca');
    named.delete('tls');
    const offered = lab.steps.flatMap((st) => shownKeys(st, s));
    expect([...named].sort()).toEqual([...new Set(offered)].sort());
    for (const base of offered) {
      const key = put(`${id}-${base}.key`, await keyPemOf(s, base));
      const crt = put(`${id}-${base}.crt`, s.artifacts[`${base}.crt`]!);
      expect(openssl(['pkey', '-in', key, '-pubout']).out, base).toBe(openssl(['x509', '-in', crt, '-noout', '-pubkey']).out);
    }
    if (id === 'registry') expect(lab.steps.find((st) => st.id === 'csr')!.keys).toEqual(['registry']);
  });
});

describe('lab progress in IndexedDB', () => {
  it('keeps artifacts and the lab keys (as CryptoKeys) across store instances, and a reset forgets them', async () => {
    const env = memoryLabEnv();
    const lab = labById('registry')!;
    const r = await runStep(lab, 'csr', emptyLabState('registry'), env);
    const name = `certbench-workshop-test-${Date.now()}`;
    await new LabProgressStore(name).save(r.state);
    const again = new LabProgressStore(name);
    const loaded = (await again.load('registry'))!;
    expect(loaded.done).toEqual(['csr']);
    expect(loaded.artifacts['registry.csr']).toBe(r.state.artifacts['registry.csr']);
    expect(loaded.keys.registry).toBeInstanceOf(CryptoKey);
    expect(await keyPemOf(loaded, 'registry')).toContain('BEGIN PRIVATE KEY');
    expect(await again.labsWithProgress()).toEqual(['registry']);
    await again.reset('registry');
    expect(await again.load('registry')).toBeUndefined();
  });
});
