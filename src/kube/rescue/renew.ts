/**
 * The offline rescue of an expired kubeadm cluster, as `kubeadm certs renew` does it on the node:
 * every leaf re-issued by its own CA with the same subject, SANs, usages and public key, a new
 * random serial, notBefore 5 minutes back; kubeconfigs keep everything but the client certificate.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { parseDocument } from 'yaml';
import { bytesEqual } from '../../core/bytes.ts';
import { buildCertificate } from '../../core/cert/build.ts';
import { EXTENDED_KEY_USAGES, type ExtKeyUsageName } from '../../core/cert/extensions.ts';
import { certificateFacts, type CertificateFacts } from '../../core/cert/read.ts';
import { randomSerialHex } from '../../core/cert/serial.ts';
import { keyAlgorithmOfSpki, keyIdentifierOf, parseSpki } from '../../core/cert/spki.ts';
import { BACKDATE_MS, DAY_MS, wholeSeconds } from '../../core/cert/time.ts';
import { CertbenchError } from '../../core/errors.ts';
import { decodeBase64Text } from '../../core/input/base64.ts';
import { generateKeyPair } from '../../core/keys/generate.ts';
import { keyTypeOf } from '../../core/keys/key-types.ts';
import { spkiOfPublicKey } from '../../core/keys/spki.ts';
import { toPem } from '../../core/pem.ts';
import { checkClusterKeyType, privateKeyPem } from '../cluster-pki/issue.ts';
import { checkExpiration, formatExpiryTable, type ExpiryReport } from '../expiry.ts';
import { detectFiles } from '../expiry-input.ts';
import { kubeadmDate } from '../go-format.ts';
import { base64OfText } from '../yaml-out.ts';
import { KUBEADM_CAS, type CaName, type LoadedCa, type LoadedCluster } from './input.ts';

export interface RescueOptions {
  /** "Now": the tables' date and the new certificates' start (default: the current time). */
  asOf?: Date;
  /** Renew only these rows (kubeadm names: apiserver, etcd-server, admin.conf, …); default all. */
  only?: readonly string[];
  /** Leaf validity in days (default 365, kubeadm's), capped at the CA's notAfter. */
  days?: number;
  /** New keys for the renewed leaves instead of keeping their public keys. */
  rotateKeys?: boolean;
  /** Re-issue the CAs with their own keys (same subject and key, new serial and validity). */
  renewCas?: boolean;
  /** CA validity in days when renewCas (default 3650, kubeadm's). */
  caDays?: number;
}

export type PlanAction = 'renew' | 'cannot' | 'skip' | 'keep' | 'self-renews';

export type PlanWhyCode =
  | 'ca-key-absent' | 'ca-renewed' | 'ca-kept' | 'ca-expired-kept' | 'ca-missing' | 'ca-expired'
  | 'not-chosen' | 'renewed-capped' | 'renewed' | 'self-renews' | 'cert-file';

export interface PlanWhy {
  code: PlanWhyCode;
  vars: Record<string, string>;
}

const why = (code: PlanWhyCode, vars: Record<string, string> = {}): { why: PlanWhy } => ({ why: { code, vars } });

export interface PlanItem {
  /** kubeadm's row name: apiserver, etcd-server, admin.conf, ca, … */
  name: string;
  path: string;
  kind: 'ca' | 'leaf' | 'kubeconfig';
  notAfter?: Date;
  expired?: boolean;
  action: PlanAction;
  /** Why, in a sentence: the new expiry for a renewal, else what stands in the way. */
  reason: string;
  /** The same as a code and its values, for a UI that words it in its own language. */
  why: PlanWhy;
  /** The new notAfter when renewed. */
  newNotAfter?: Date;
}

export interface RescuePlan {
  asOf: Date;
  before: ExpiryReport;
  beforeTable: string;
  items: PlanItem[];
  missing: LoadedCluster['missing'];
  other: string[];
  warnings: string[];
}

export interface RenewedItem {
  name: string;
  path: string;
  oldSerial: string;
  newSerial: string;
  notAfter: Date;
  keyRotated: boolean;
}

export interface RescueResult {
  plan: RescuePlan;
  /** Every file of the copy, renewed ones replaced; unchanged ones byte-identical. */
  files: Map<string, Uint8Array>;
  renewed: RenewedItem[];
  after: ExpiryReport;
  afterTable: string;
  steps: string;
  /** The renewed layout plus RENEWAL-STEPS.txt. */
  zip: Uint8Array;
  warnings: string[];
  elapsedMs: number;
}

export const STEPS_FILE = 'RENEWAL-STEPS.txt';

function checkedDays(days: number | undefined, fallback: number, what: string): number {
  const d = days ?? fallback;
  if (!Number.isFinite(d) || d <= 0) throw new CertbenchError('general.daysNotPositive', { days: d }, what);
  return d;
}

const notBeforeAt = (asOf: Date) => wholeSeconds(new Date(asOf.getTime() - BACKDATE_MS));
const isExpired = (f: CertificateFacts, asOf: Date) => f.notAfter.getTime() < asOf.getTime();

/** The CA that issued `f`: kubeadm's own for it when it matches, else any CA of the copy with that subject. */
function issuerOf(cluster: LoadedCluster, f: CertificateFacts, expected?: CaName): LoadedCa | undefined {
  const matching = cluster.cas.filter((ca) => bytesEqual(ca.facts.subjectDer, f.issuerDer));
  return matching.find((ca) => ca.name === expected) ?? matching[0];
}

const CA_KEY_FILES = new Set(Object.values(KUBEADM_CAS).map((base) => `${base}.key`));

/**
 * The check-expiration table of the files. Only the CA keys go in with the certificates: they alone
 * decide EXTERNALLY MANAGED, and importing every leaf and kubeconfig key (17 of them) would double the
 * time a renewal takes in a browser.
 */
async function expiryOf(files: Map<string, Uint8Array>, asOf: Date): Promise<ExpiryReport> {
  const wanted = [...files].filter(([p]) => p !== STEPS_FILE && (CA_KEY_FILES.has(p) || !/\.key$/.test(p)));
  const objects = detectFiles(wanted.map(([name, bytes]) => ({ name, bytes }))).objects.filter((o) => o.kind === 'certificate' || CA_KEY_FILES.has(o.origin.split(' › ')[0]!));
  return checkExpiration(objects, { asOf });
}

/** What a renewal with these options would do, and the check-expiration table as of `asOf`. */
export async function planRescue(cluster: LoadedCluster, options: RescueOptions = {}): Promise<RescuePlan> {
  const asOf = options.asOf ?? new Date();
  const days = checkedDays(options.days, 365, 'days');
  const caDays = checkedDays(options.caDays, 3650, 'CA days');
  const notBefore = notBeforeAt(asOf);
  const selected = (name: string) => !options.only?.length || options.only.includes(name);
  const warnings: string[] = [];
  const items: PlanItem[] = [];
  const caNotAfter = new Map<CaName, Date>();
  const caUsable = new Map<CaName, { reason: string; why: PlanWhy } | undefined>(); // undefined: usable, else why not

  for (const ca of cluster.cas) {
    const expired = isExpired(ca.facts, asOf);
    const base = { name: ca.name, path: ca.certPath, kind: 'ca' as const, notAfter: ca.facts.notAfter, expired };
    if (options.renewCas && selected(ca.name)) {
      if (!ca.key) {
        items.push({ ...base, action: 'cannot', reason: `its key ${ca.keyPath} is not in the copy (externally managed)`, ...why('ca-key-absent', { key: ca.keyPath }) });
      } else {
        const newNotAfter = new Date(notBefore.getTime() + caDays * DAY_MS);
        caNotAfter.set(ca.name, newNotAfter);
        items.push({ ...base, action: 'renew', reason: `re-issued with the same key until ${newNotAfter.toISOString()}`, newNotAfter, ...why('ca-renewed', { notAfter: newNotAfter.toISOString() }) });
      }
    } else {
      items.push({ ...base, action: 'keep', reason: expired ? 'expired, and kept as it is: choose "renew CAs" to re-issue it with the same key' : 'kept as it is', ...why(expired ? 'ca-expired-kept' : 'ca-kept') });
    }
    if (!caNotAfter.has(ca.name)) caNotAfter.set(ca.name, ca.facts.notAfter);
    caUsable.set(
      ca.name,
      !ca.key
        ? { reason: `its CA's key ${ca.keyPath} is not in the copy (externally managed)`, ...why('ca-key-absent', { key: ca.keyPath }) }
        : expired && !(options.renewCas && selected(ca.name))
          ? { reason: `its CA ${ca.name} expired on ${ca.facts.notAfter.toISOString()}: renew the CAs (same key) first`, ...why('ca-expired', { ca: ca.name, notAfter: ca.facts.notAfter.toISOString() }) }
          : undefined,
    );
  }

  const leafItem = (name: string, path: string, kind: 'leaf' | 'kubeconfig', f: CertificateFacts, expected: CaName): PlanItem => {
    const base = { name, path, kind, notAfter: f.notAfter, expired: isExpired(f, asOf) };
    const ca = issuerOf(cluster, f, expected);
    if (!ca) return { ...base, action: 'cannot', reason: `its CA (${KUBEADM_CAS[expected]}.crt, or another with its issuer's name) is not in the copy`, ...why('ca-missing', { file: `${KUBEADM_CAS[expected]}.crt` }) };
    const problem = caUsable.get(ca.name);
    if (problem) return { ...base, action: 'cannot', reason: problem.reason, why: problem.why };
    if (!selected(name)) return { ...base, action: 'skip', reason: 'not chosen', ...why('not-chosen') };
    const wanted = new Date(notBefore.getTime() + days * DAY_MS);
    const cap = caNotAfter.get(ca.name)!;
    if (wanted > cap) {
      warnings.push(`${name}: validity shortened to end with its CA ${ca.name} on ${cap.toISOString()} (a certificate cannot outlive its issuer)`);
      return { ...base, action: 'renew', reason: `renewed by ${ca.name} until ${cap.toISOString()} (capped at the CA's expiry)`, newNotAfter: cap, ...why('renewed-capped', { ca: ca.name, notAfter: cap.toISOString() }) };
    }
    return { ...base, action: 'renew', reason: `renewed by ${ca.name} until ${wanted.toISOString()}`, newNotAfter: wanted, ...why('renewed', { ca: ca.name, notAfter: wanted.toISOString() }) };
  };
  for (const leaf of cluster.leaves) items.push(leafItem(leaf.name, leaf.certPath, 'leaf', leaf.facts, leaf.ca));
  for (const kc of cluster.kubeconfigs) {
    if (kc.facts) items.push(leafItem(kc.name, kc.path, 'kubeconfig', kc.facts, 'ca'));
    else if (kc.certificateFile?.includes('kubelet-client-current.pem')) {
      items.push({ name: kc.name, path: kc.path, kind: 'kubeconfig', action: 'self-renews', reason: `points to ${kc.certificateFile}: the kubelet rotates its own client certificate (rotateCertificates), nothing to renew here`, ...why('self-renews', { file: kc.certificateFile }) });
    } else {
      items.push({ name: kc.name, path: kc.path, kind: 'kubeconfig', action: 'cannot', reason: `its client certificate is a file on the node (${kc.certificateFile ?? 'none'}), not embedded`, ...why('cert-file', { file: kc.certificateFile ?? '-' }) });
    }
  }
  for (const name of options.only ?? []) {
    if (!items.some((i) => i.name === name)) throw new CertbenchError('kube.notInCopy', { name, names: items.map((i) => i.name).join(', ') }, 'only');
  }
  const before = await expiryOf(cluster.files, asOf);
  return { asOf, before, beforeTable: formatExpiryTable(before), items, missing: cluster.missing, other: cluster.other, warnings };
}

function extKeyUsageNames(f: CertificateFacts, where: string): ExtKeyUsageName[] {
  return f.extKeyUsage.map((e) => {
    if (!(e in EXTENDED_KEY_USAGES)) throw new CertbenchError('kube.ekuUnwritable', { usage: e }, where);
    return e as ExtKeyUsageName;
  });
}

interface Signer {
  facts: CertificateFacts;
  key: CryptoKey;
  keyIdentifier: Uint8Array;
}

async function signerOf(facts: CertificateFacts, key: CryptoKey): Promise<Signer> {
  return { facts, key, keyIdentifier: facts.subjectKeyIdentifier ?? (await keyIdentifierOf(parseSpki(facts.subjectPublicKeyInfo))) };
}

/** A new key of the same type as the certificate's. */
async function newKeyLike(f: CertificateFacts, where: string): Promise<{ spki: Uint8Array; pem: string }> {
  const alg = keyAlgorithmOfSpki(parseSpki(f.subjectPublicKeyInfo));
  const type = alg ? keyTypeOf(alg) : undefined;
  if (!type) throw new CertbenchError('kube.keyNotRenewable', undefined, where);
  const clusterType = checkClusterKeyType(type);
  const pair = await generateKeyPair(clusterType);
  return { spki: await spkiOfPublicKey(pair.publicKey), pem: await privateKeyPem(pair.privateKey, clusterType) };
}

const MODE_PRIVATE = 0o600;
const MODE_PUBLIC = 0o644;

/** The output zip: kubeadm's modes (keys and kubeconfigs 0600), dated `asOf` so the same renewal zips the same. */
function zipLayout(files: Map<string, Uint8Array>, mtime: Date): Uint8Array {
  const tree: Zippable = {};
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const mode = /\.(key|conf)$/.test(path) ? MODE_PRIVATE : MODE_PUBLIC;
    tree[path] = [bytes, { mtime, os: 3, attrs: ((0o100000 | mode) << 16) >>> 0 }];
  }
  return zipSync(tree, { level: 6 });
}

/** Renews what the plan says; the CA keys come from `loadCluster`. */
export async function renewCluster(cluster: LoadedCluster, options: RescueOptions = {}): Promise<RescueResult> {
  const started = performance.now();
  const plan = await planRescue(cluster, options);
  const asOf = plan.asOf;
  const notBefore = notBeforeAt(asOf);
  const files = new Map(cluster.files);
  const renewed: RenewedItem[] = [];
  const taken = new Set<string>([...cluster.cas.map((c) => c.facts.serialHex), ...cluster.leaves.map((l) => l.facts.serialHex)]);
  const serial = () => {
    const s = randomSerialHex(taken);
    taken.add(s);
    return s;
  };
  const actionOf = (name: string) => plan.items.find((i) => i.name === name);

  const signers = new Map<CaName, Signer>();
  const renewedCaPem = new Map<CaName, { oldDer: Uint8Array; pem: string }>();
  for (const ca of cluster.cas) {
    if (!ca.key) continue;
    const item = actionOf(ca.name)!;
    if (item.action !== 'renew') {
      signers.set(ca.name, await signerOf(ca.facts, ca.key));
      continue;
    }
    const f = ca.facts;
    const newSerial = serial();
    const der = await buildCertificate(
      {
        serialHex: newSerial,
        subject: f.subject,
        issuerName: f.issuerDer,
        notBefore,
        notAfter: item.newNotAfter!,
        subjectPublicKeyInfo: f.subjectPublicKeyInfo,
        extensions: {
          basicConstraints: { ca: true, ...(f.pathLen !== undefined ? { pathLen: f.pathLen } : {}) },
          keyUsage: f.keyUsage ?? [],
          subjectKeyIdentifier: f.subjectKeyIdentifier ?? (await keyIdentifierOf(parseSpki(f.subjectPublicKeyInfo))),
          ...(f.authorityKeyIdentifier ? { authorityKeyIdentifier: f.authorityKeyIdentifier } : {}),
        },
      },
      ca.key,
    );
    const facts = certificateFacts(der, ca.certPath);
    // Existing certificates name the CA by its subject bytes: a re-encoded subject would orphan them.
    if (!bytesEqual(facts.subjectDer, f.subjectDer)) throw new CertbenchError('kube.subjectReencodes', undefined, ca.certPath);
    const pem = toPem('CERTIFICATE', der);
    files.set(ca.certPath, strToU8(pem));
    renewedCaPem.set(ca.name, { oldDer: f.der, pem });
    signers.set(ca.name, await signerOf(facts, ca.key));
    renewed.push({ name: ca.name, path: ca.certPath, oldSerial: f.serialHex, newSerial, notAfter: facts.notAfter, keyRotated: false });
  }

  const reissue = async (name: string, f: CertificateFacts, where: string): Promise<{ pem: string; keyPem?: string; newSerial: string; notAfter: Date }> => {
    const item = actionOf(name)!;
    const ca = issuerOf(cluster, f)!;
    const signer = signers.get(ca.name)!;
    const fresh = options.rotateKeys ? await newKeyLike(f, where) : undefined;
    const spki = fresh?.spki ?? f.subjectPublicKeyInfo;
    const newSerial = serial();
    const der = await buildCertificate(
      {
        serialHex: newSerial,
        subject: f.subject,
        issuerName: signer.facts.subjectDer,
        notBefore,
        notAfter: item.newNotAfter!,
        subjectPublicKeyInfo: spki,
        extensions: {
          basicConstraints: { ca: false },
          keyUsage: f.keyUsage ?? [],
          extKeyUsage: extKeyUsageNames(f, where),
          subjectKeyIdentifier: fresh || !f.subjectKeyIdentifier ? await keyIdentifierOf(parseSpki(spki)) : f.subjectKeyIdentifier,
          authorityKeyIdentifier: signer.keyIdentifier,
          ...(f.subjectAltNames.length ? { subjectAltNames: f.subjectAltNames } : {}),
        },
      },
      signer.key,
    );
    return { pem: toPem('CERTIFICATE', der), ...(fresh ? { keyPem: fresh.pem } : {}), newSerial, notAfter: item.newNotAfter! };
  };

  for (const leaf of cluster.leaves) {
    if (actionOf(leaf.name)?.action !== 'renew') continue;
    const r = await reissue(leaf.name, leaf.facts, leaf.certPath);
    files.set(leaf.certPath, strToU8(r.pem));
    if (r.keyPem) files.set(leaf.keyPath, strToU8(r.keyPem));
    renewed.push({ name: leaf.name, path: leaf.certPath, oldSerial: leaf.facts.serialHex, newSerial: r.newSerial, notAfter: r.notAfter, keyRotated: !!r.keyPem });
  }

  const newCaData = renewedCaPem.size ? renewedCaPem : undefined;
  for (const kc of cluster.kubeconfigs) {
    const renewing = kc.facts && actionOf(kc.name)?.action === 'renew';
    if (!renewing && !newCaData) continue;
    const doc = parseDocument(new TextDecoder().decode(cluster.files.get(kc.path)!));
    let changed = false;
    if (renewing) {
      const r = await reissue(kc.name, kc.facts!, kc.path);
      doc.setIn(['users', kc.userIndex, 'user', 'client-certificate-data'], base64OfText(r.pem));
      if (r.keyPem) doc.setIn(['users', kc.userIndex, 'user', 'client-key-data'], base64OfText(r.keyPem));
      renewed.push({ name: kc.name, path: kc.path, oldSerial: kc.facts!.serialHex, newSerial: r.newSerial, notAfter: r.notAfter, keyRotated: !!r.keyPem });
      changed = true;
    }
    // A renewed CA's new certificate replaces its old one wherever a cluster entry embeds it.
    const clusters = (doc.toJS() as { clusters?: { cluster?: { 'certificate-authority-data'?: string } }[] }).clusters ?? [];
    clusters.forEach((c, i) => {
      const data = c.cluster?.['certificate-authority-data'];
      if (!data || !newCaData) return;
      const text = new TextDecoder().decode(decodeBase64Text(data));
      for (const { oldDer, pem } of newCaData.values()) {
        if (text.replace(/\s/g, '').includes(toPem('CERTIFICATE', oldDer).replace(/\s/g, ''))) {
          doc.setIn(['clusters', i, 'cluster', 'certificate-authority-data'], base64OfText(pem));
          changed = true;
        }
      }
    });
    if (changed) files.set(kc.path, strToU8(doc.toString({ lineWidth: 0, minContentWidth: 0 })));
  }

  const after = await expiryOf(files, asOf);
  const afterTable = formatExpiryTable(after);
  const steps = renewalSteps(plan, renewed, afterTable, options);
  const withSteps = new Map(files);
  withSteps.set(STEPS_FILE, strToU8(steps));
  return { plan, files, renewed, after, afterTable, steps, zip: zipLayout(withSteps, asOf), warnings: plan.warnings, elapsedMs: performance.now() - started };
}

/** Which clients need the new file when a key was rotated. */
const ROTATED_KEY_USERS: Record<string, string> = {
  apiserver: 'only kube-apiserver loads it (clients trust the CA, not the key)',
  'apiserver-kubelet-client': 'only kube-apiserver loads it',
  'front-proxy-client': 'only kube-apiserver loads it',
  'apiserver-etcd-client': 'only kube-apiserver loads it',
  'etcd-server': 'only etcd on this node loads it',
  'etcd-peer': 'only etcd on this node loads it',
  'etcd-healthcheck-client': 'used by the etcd liveness probe on this node',
  'admin.conf': 'every copy of admin.conf elsewhere (~/.kube/config on workstations, CI secrets) must be replaced by the new file',
  'super-admin.conf': 'every copy elsewhere must be replaced by the new file',
  'controller-manager.conf': 'only kube-controller-manager on this node loads it',
  'scheduler.conf': 'only kube-scheduler on this node loads it',
  'kubelet.conf': 'the kubelet on this node: restart it (systemctl restart kubelet)',
};

/** RENEWAL-STEPS.txt: how to put the renewed files in place on the node. */
export function renewalSteps(plan: RescuePlan, renewed: readonly RenewedItem[], afterTable: string, options: RescueOptions): string {
  const changedPaths = renewed.map((r) => r.path).concat(renewed.filter((r) => r.keyRotated && r.path.endsWith('.crt')).map((r) => r.path.replace(/\.crt$/, '.key')));
  // A renewed CA changes certificate-authority-data in kubeconfigs that were not renewed themselves.
  const caRenewed = renewed.some((r) => r.name in KUBEADM_CAS);
  if (caRenewed) for (const i of plan.items) if (i.kind === 'kubeconfig' && i.action !== 'self-renews' && !changedPaths.includes(i.path)) changedPaths.push(i.path);
  const sorted = [...new Set(changedPaths)].sort();
  const lines: string[] = [];
  const say = (...l: string[]) => lines.push(...l);
  say(
    'Renewing a kubeadm control-plane node\'s certificates offline (certbench cluster-pki renew)',
    `As of ${plan.asOf.toISOString()}; ${renewed.length} certificate(s) renewed.`,
    '',
    'Renewed:',
    ...(renewed.length ? renewed.map((r) => `  ${r.name.padEnd(26)} serial ${r.oldSerial} -> ${r.newSerial}, until ${kubeadmDate(r.notAfter)}${r.keyRotated ? ', NEW KEY' : ''}`) : ['  (nothing)']),
  );
  const notRenewed = plan.items.filter((i) => i.action === 'cannot' || i.action === 'self-renews' || i.action === 'skip');
  if (notRenewed.length) say('', 'Not renewed:', ...notRenewed.map((i) => `  ${i.name.padEnd(26)} ${i.reason}`));
  if (plan.warnings.length) say('', 'Warnings:', ...plan.warnings.map((w) => `  ${w}`));
  say(
    '',
    'On the control-plane node, as root:',
    '',
    '1. Back up what is there now:',
    '     cp -a /etc/kubernetes /etc/kubernetes.bak-$(date +%Y%m%d-%H%M%S)',
    '',
    '2. Copy the renewed files into place (unzip this archive into ./renewed first; only these files changed,',
    '   everything else in the archive is byte-identical to the copy it was made from):',
    ...sorted.map((p) => `     install -m ${/\.(key|conf)$/.test(p) ? '600' : '644'} renewed/${p} /etc/kubernetes/${p}`),
    '',
    '3. Restart the control-plane static pods so they load the new files (the kubelet restarts them):',
    '     mkdir -p /etc/kubernetes/manifests-off',
    '     mv /etc/kubernetes/manifests/*.yaml /etc/kubernetes/manifests-off/',
    '     sleep 20   # until `crictl ps` shows kube-apiserver, controller-manager, scheduler and etcd gone',
    '     mv /etc/kubernetes/manifests-off/*.yaml /etc/kubernetes/manifests/',
    '   or stop their containers with crictl and let the kubelet start them again:',
    "     crictl ps --name 'kube-apiserver|kube-controller-manager|kube-scheduler|etcd' -q | xargs crictl stop",
    '',
    '4. Use the new admin credentials:',
    '     cp /etc/kubernetes/admin.conf ~/.kube/config',
    '     kubectl get nodes && kubeadm certs check-expiration',
    '',
    'kubelet.conf: as kubeadm says, `kubeadm certs renew` does not renew kubelet.conf. With client certificate',
    'rotation (the default since kubeadm 1.17) kubelet.conf points to /var/lib/kubelet/pki/kubelet-client-current.pem',
    'and the kubelet renews that certificate itself before it expires. If it already expired, or kubelet.conf embeds',
    'its certificate, put the renewed kubelet.conf in place, restart the kubelet (systemctl restart kubelet), and',
    'consider pointing it back to kubelet-client-current.pem so rotation takes over again.',
    '',
    'Other control-plane nodes hold their own apiserver, etcd and kubeconfig certificates: renew each node from',
    'its own copy of /etc/kubernetes (the CA files are the same everywhere).',
  );
  if (options.rotateKeys) {
    say('', 'Keys were rotated. Who needs the new files:');
    for (const r of renewed.filter((x) => x.keyRotated)) say(`  ${r.name.padEnd(26)} ${ROTATED_KEY_USERS[r.name] ?? 'whatever loads it must get the new key'}`);
  }
  if (options.renewCas) {
    say(
      '',
      'Renewed CAs keep their key and subject, so every certificate they signed before still verifies against',
      'the new CA certificate and nothing signed by them must be re-issued because of it. That is enough when the',
      'CA certificate is copied everywhere it is trusted: every node\'s /etc/kubernetes/pki/ca.crt and',
      'kubelet.conf, the kube-public/cluster-info ConfigMap (used by kubeadm join), the kube-root-ca.crt',
      'ConfigMaps that pods read, kubeconfigs handed out (certificate-authority-data), webhook caBundles and any',
      'client that pins the old ca.crt: those still hold the expired certificate and fail until updated.',
      'It is not enough when the CA key itself is compromised or too weak: then a new key, a new CA and',
      're-issuing everything (and re-joining the nodes) is the only way.',
    );
  }
  say('', 'Expiry after renewal (as `kubeadm certs check-expiration` shows it):', '', afterTable);
  return lines.join('\n') + '\n';
}
