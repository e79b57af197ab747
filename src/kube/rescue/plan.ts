/**
 * What an offline rescue of a kubeadm cluster would do, row by row, before anything is signed:
 * which certificates are renewed (and until when, capped at their CA's expiry), which cannot be and
 * why, and the `kubeadm certs check-expiration` table of the copy as it is.
 */
import { bytesEqual } from '../../core/bytes.ts';
import type { CertificateFacts } from '../../core/cert/read.ts';
import { BACKDATE_MS, DAY_MS, wholeSeconds } from '../../core/cert/time.ts';
import { CertbenchError } from '../../core/errors.ts';
import { checkExpiration, formatExpiryTable, type ExpiryReport } from '../expiry.ts';
import { detectFiles } from '../expiry-input.ts';
import { KUBEADM_CAS, type CaName, type LoadedCa, type LoadedCluster } from './input.ts';
import { STEPS_FILE } from './steps.ts';

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

type PlanAction = 'renew' | 'cannot' | 'skip' | 'keep' | 'self-renews';

type PlanWhyCode =
  | 'ca-key-absent' | 'ca-renewed' | 'ca-kept' | 'ca-expired-kept' | 'ca-missing' | 'ca-expired'
  | 'not-chosen' | 'renewed-capped' | 'renewed' | 'self-renews' | 'cert-file';

interface PlanWhy {
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

function checkedDays(days: number | undefined, fallback: number, what: string): number {
  const d = days ?? fallback;
  if (!Number.isFinite(d) || d <= 0) throw new CertbenchError('general.daysNotPositive', { days: d }, what);
  return d;
}

export const notBeforeAt = (asOf: Date) => wholeSeconds(new Date(asOf.getTime() - BACKDATE_MS));
const isExpired = (f: CertificateFacts, asOf: Date) => f.notAfter.getTime() < asOf.getTime();

/** The CA that issued `f`: kubeadm's own for it when it matches, else any CA of the copy with that subject. */
export function issuerOf(cluster: LoadedCluster, f: CertificateFacts, expected?: CaName): LoadedCa | undefined {
  const matching = cluster.cas.filter((ca) => bytesEqual(ca.facts.subjectDer, f.issuerDer));
  return matching.find((ca) => ca.name === expected) ?? matching[0];
}

const CA_KEY_FILES = new Set(Object.values(KUBEADM_CAS).map((base) => `${base}.key`));

/**
 * The check-expiration table of the files. Only the CA keys go in with the certificates: they alone
 * decide EXTERNALLY MANAGED, and importing every leaf and kubeconfig key (17 of them) would double the
 * time a renewal takes in a browser.
 */
export async function expiryOf(files: Map<string, Uint8Array>, asOf: Date): Promise<ExpiryReport> {
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
