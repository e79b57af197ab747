/**
 * Certificate expiry in the manner of `kubeadm certs check-expiration`: one row per certificate
 * (kubeconfigs by file name), CAs in their own table, the CA each certificate hangs from, and
 * whether a CA is externally managed (its key is not among the inputs).
 */
import { bytesEqual, toHex } from '../core/bytes.ts';
import { importPrivateKey } from '../core/keys/import.ts';
import { toPem } from '../core/pem.ts';
import { visibleText } from '../core/text/visible.ts';
import type { FoundObject } from '../core/types.ts';
import { kubeadmDate, shortHumanDuration, tabwrite } from './go-format.ts';
import { kubeCertificateFacts, type KubeCertificateFacts } from './x509-facts.ts';

export interface ExpiryRow {
  /**
   * kubeadm's name where the file is one of kubeadm's ("apiserver", "etcd-server", "admin.conf"), else
   * the file or object it came from; for pasted text (no file name), the certificate's CN.
   */
  name: string;
  /** The name is the certificate's CN (pasted text), so `origin` says where it came from. */
  namedByCn?: true;
  origin: string;
  subject?: string;
  /** The certificate itself: what finds it in a CA's inventory (to renew it) or in the input (to replace it). */
  der: Uint8Array;
  notAfter: Date;
  residualSeconds: number;
  /** kubeadm's RESIDUAL TIME ("364d", "9y", "<invalid>" once expired). */
  residual: string;
  expired: boolean;
  /** The CA's row name, or the issuer's CN when the CA is not among the inputs. */
  certificateAuthority: string;
  /** Whether the CA key is absent from the inputs (kubeadm's meaning); undefined when the CA itself is absent. */
  externallyManaged?: boolean;
}

export interface ExpiryReport {
  asOf: Date;
  certificates: ExpiryRow[];
  certificateAuthorities: ExpiryRow[];
}

/** kubeadm's row names for files of its layout (path relative to /etc/kubernetes). */
const KUBEADM_NAMES: Record<string, string> = {
  'pki/apiserver.crt': 'apiserver',
  'pki/apiserver-kubelet-client.crt': 'apiserver-kubelet-client',
  'pki/front-proxy-client.crt': 'front-proxy-client',
  'pki/apiserver-etcd-client.crt': 'apiserver-etcd-client',
  'pki/etcd/server.crt': 'etcd-server',
  'pki/etcd/peer.crt': 'etcd-peer',
  'pki/etcd/healthcheck-client.crt': 'etcd-healthcheck-client',
  'pki/ca.crt': 'ca',
  'pki/front-proxy-ca.crt': 'front-proxy-ca',
  'pki/etcd/ca.crt': 'etcd-ca',
};

/** A row name from an origin such as "kubernetes/pki/etcd/server.crt › block 1 (CERTIFICATE)". */
export function rowNameOf(origin: string): string {
  const parts = origin.split(' › ');
  const file = parts[0]!.replace(/\\/g, '/');
  const at = file.lastIndexOf('pki/');
  const kubeadm = at >= 0 ? KUBEADM_NAMES[file.slice(at)] : undefined;
  if (kubeadm) return kubeadm;
  const base = file.split('/').pop()!;
  if (parts.includes('kubeconfig')) return base || 'kubeconfig';
  const secret = parts.find((p) => p.startsWith('Secret ') || p.startsWith('ConfigMap ') || p.startsWith('CertificateSigningRequest '));
  if (secret) return [base, secret].filter(Boolean).join(' › ');
  return base.replace(/\.(crt|pem|cer|der|cert)$/i, '') || origin;
}

interface Candidate {
  facts: KubeCertificateFacts;
  origin: string;
  name: string;
  namedByCn: boolean;
  /** In a kubeconfig, only the user's certificate is a row: the cluster CA data repeats ca.crt. */
  kubeconfigCa: boolean;
}

const issuerCn = (f: KubeCertificateFacts) => f.issuer.filter((a) => a.type === '2.5.4.3').pop()?.value;

async function privateKeySpkis(objects: readonly FoundObject[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const o of objects) {
    if (!['private-key', 'rsa-private-key', 'ec-private-key'].includes(o.kind)) continue;
    const label = o.kind === 'private-key' ? 'PRIVATE KEY' : o.kind === 'rsa-private-key' ? 'RSA PRIVATE KEY' : 'EC PRIVATE KEY';
    try {
      const k = await importPrivateKey(toPem(label, o.der));
      out.push(new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', k.keyPair.publicKey)));
    } catch {
      // A key certbench cannot load simply does not count as a CA key.
    }
  }
  return out;
}

export interface ExpiryOptions {
  /** "Now" (default: the current time). */
  asOf?: Date;
  /** Names of inputs that are no file (pasted text): their rows are named by the certificate's CN. */
  pastedInputs?: readonly string[];
}

/** The input name an origin starts with ("pasted text › block 2 (CERTIFICATE)" → "pasted text"). */
const inputOf = (origin: string) => origin.split(' › ')[0]!;

/** Builds the report. Certificates that appear twice (ca.crt and a kubeconfig's CA data) count once. */
export async function checkExpiration(objects: readonly FoundObject[], options: ExpiryOptions = {}): Promise<ExpiryReport> {
  const asOf = options.asOf ?? new Date();
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const o of objects) {
    if (o.kind !== 'certificate') continue;
    let facts: KubeCertificateFacts;
    try {
      facts = kubeCertificateFacts(o.der, o.origin);
    } catch {
      continue; // detectInput already reported what it could not read
    }
    const namedByCn = !!options.pastedInputs?.includes(inputOf(o.origin)) && !!facts.commonName;
    const name = namedByCn ? facts.commonName! : rowNameOf(o.origin);
    candidates.push({ facts, origin: o.origin, name, namedByCn, kubeconfigCa: o.origin.includes('certificate-authority-data') });
  }
  // Rows named from files first, so a CA that is both pki/ca.crt and kubeconfig data is called "ca".
  candidates.sort((a, b) => Number(a.kubeconfigCa) - Number(b.kubeconfigCa));
  const unique = candidates.filter((c) => {
    const key = toHex(c.facts.der);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const keys = await privateKeySpkis(objects);
  const hasKey = (f: KubeCertificateFacts) => keys.some((k) => bytesEqual(k, f.spki));

  const nameCounts = new Map<string, number>();
  const row = (c: Candidate, ca?: Candidate): ExpiryRow => {
    const n = (nameCounts.get(c.name) ?? 0) + 1;
    nameCounts.set(c.name, n);
    const residualSeconds = Math.trunc((c.facts.notAfter.getTime() - asOf.getTime()) / 1000);
    const selfIssued = bytesEqual(c.facts.subjectDer, c.facts.issuerDer);
    return {
      // Shown in a table: names from the certificates with hidden and bidi characters escaped.
      name: visibleText(n > 1 ? `${c.name} (${n})` : c.name),
      ...(c.namedByCn ? { namedByCn: true as const } : {}),
      origin: c.origin,
      ...(c.facts.commonName !== undefined ? { subject: visibleText(c.facts.commonName) } : {}),
      der: c.facts.der,
      notAfter: c.facts.notAfter,
      residualSeconds,
      residual: shortHumanDuration(residualSeconds),
      expired: residualSeconds < 0,
      certificateAuthority: visibleText(ca ? ca.name : selfIssued ? '' : (issuerCn(c.facts) ?? '')),
      externallyManaged: c.facts.isCa ? !hasKey(c.facts) : ca ? !hasKey(ca.facts) : undefined,
    };
  };
  const cas = unique.filter((c) => c.facts.isCa);
  const leaves = unique.filter((c) => !c.facts.isCa);
  const issuerOf = (c: Candidate) => cas.find((ca) => ca !== c && bytesEqual(ca.facts.subjectDer, c.facts.issuerDer));
  const byName = (a: ExpiryRow, b: ExpiryRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    asOf,
    certificates: leaves.map((c) => row(c, issuerOf(c))).sort(byName),
    certificateAuthorities: cas.map((c) => row(c, issuerOf(c))).sort(byName),
  };
}

const yesNo = (v: boolean | undefined) => (v === undefined ? '-' : v ? 'yes' : 'no');

/** The report as `kubeadm certs check-expiration` prints it. */
export function formatExpiryTable(report: ExpiryReport): string {
  const lines = ['CERTIFICATE\tEXPIRES\tRESIDUAL TIME\tCERTIFICATE AUTHORITY\tEXTERNALLY MANAGED'];
  for (const r of report.certificates) lines.push(`${r.name}\t${kubeadmDate(r.notAfter)}\t${r.residual}\t${r.certificateAuthority}\t${yesNo(r.externallyManaged).padEnd(8)}`);
  lines.push('');
  lines.push('CERTIFICATE AUTHORITY\tEXPIRES\tRESIDUAL TIME\tEXTERNALLY MANAGED');
  for (const r of report.certificateAuthorities) lines.push(`${r.name}\t${kubeadmDate(r.notAfter)}\t${r.residual}\t${yesNo(r.externallyManaged).padEnd(8)}`);
  return tabwrite(lines);
}

/** The report as plain JSON (dates ISO 8601), for scripts and monitoring. */
export function expiryReportJson(report: ExpiryReport): unknown {
  const row = (r: ExpiryRow) => ({
    name: r.name,
    origin: r.origin,
    subjectCommonName: r.subject ?? null,
    expires: r.notAfter.toISOString(),
    residualTimeSeconds: r.residualSeconds,
    residualTime: r.residual,
    expired: r.expired,
    certificateAuthority: r.certificateAuthority,
    externallyManaged: r.externallyManaged ?? null,
  });
  return { asOf: report.asOf.toISOString(), certificates: report.certificates.map(row), certificateAuthorities: report.certificateAuthorities.map(row) };
}
