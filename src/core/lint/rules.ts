/**
 * Certificate lints: each rule looks at one certificate and says, in one line, what is wrong and
 * how to fix it. General X.509 / CA/Browser Forum rules first, then Kubernetes PKI rules.
 */
import { readCertView, type CertView } from '../verify/certificate.ts';
import { dnsSanProblem } from '../verify/hostname.ts';
import { canonicalIpText } from '../verify/general-names.ts';
import { commonNames } from '../verify/names.ts';
import { publicKeyAlgorithm } from '../verify/signature.ts';
import { EKU } from '../verify/path-checks.ts';
import { visibleText } from '../text/visible.ts';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  /** Stable id: 'expired', 'rsa-too-small', 'k8s-system-masters', … */
  id: string;
  severity: LintSeverity;
  /** One line: what is wrong. */
  message: string;
  /** One line: how to fix it. */
  fix: string;
}

export interface LintOptions {
  /** default now */
  at?: Date;
  /** 'public': a publicly trusted TLS certificate (CA/Browser Forum limits apply); default 'private'. */
  pki?: 'public' | 'private';
  /** What the certificate is meant for; when given, the matching EKU is required. */
  usage?: 'server' | 'client';
  /** The cluster's kubernetes service IP (first address of the service CIDR); default 10.96.0.1. */
  kubeServiceIp?: string;
}

interface Ctx {
  c: CertView;
  at: Date;
  opts: LintOptions;
  cn: string[];
  orgs: string[];
  dns: string[];
  ips: string[];
  isCa: boolean;
  selfSigned: boolean;
}

type Rule = (ctx: Ctx) => Omit<LintFinding, 'id'> | undefined;

const DAY = 86_400_000;
const OID_O = '2.5.4.10';
const WEAK_SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'MD5', '1.2.840.113549.1.1.2': 'MD2', '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.10045.4.1': 'SHA-1', '1.2.840.10040.4.3': 'SHA-1', '1.3.14.3.2.29': 'SHA-1',
};

const days = (ms: number) => Math.floor(ms / DAY);

/** The rules, in the order findings are listed. */
export const RULES: Record<string, Rule> = {
  expired: ({ c, at }) =>
    at > c.notAfter ? { severity: 'error', message: `expired on ${c.notAfter.toISOString()} (${days(at.getTime() - c.notAfter.getTime())} days ago)`, fix: 'renew it: issue a new certificate for the same names and deploy it' } : undefined,
  'not-yet-valid': ({ c, at }) =>
    at < c.notBefore ? { severity: 'error', message: `not valid until ${c.notBefore.toISOString()}`, fix: 'check the issuing machine\'s clock, or wait; backdate notBefore a few minutes when issuing' } : undefined,
  'expires-soon': ({ c, at }) => {
    const left = c.notAfter.getTime() - at.getTime();
    return left >= 0 && left < 30 * DAY ? { severity: 'warning', message: `expires in ${days(left)} days (${c.notAfter.toISOString()})`, fix: 'renew it now' } : undefined;
  },
  'cn-only': ({ c, cn, isCa }) =>
    !isCa && !c.subjectAltNames && cn.length
      ? { severity: 'error', message: `names its host only in the CN "${cn[0]}" and has no subjectAltName; Go ≥ 1.15 and browsers ignore the CN`, fix: `reissue with subjectAltName DNS:${cn[0]} (or IP:…)` }
      : undefined,
  'cn-not-in-san': ({ c, cn, isCa }) => {
    const sans = c.subjectAltNames?.names ?? [];
    const bad = cn.find((v) => !sans.some((n) => (n.kind === 'dns' && n.value === v) || (n.kind === 'ip' && canonicalIpText(n.bytes) === v)));
    return !isCa && c.subjectAltNames && bad !== undefined
      ? { severity: 'warning', message: `the CN "${bad}" is not one of the subjectAltNames (CA/Browser Forum 7.1.4.3)`, fix: 'reissue with the CN equal to one SAN, or without a CN' }
      : undefined;
  },
  'invalid-dns-san': ({ dns }) => {
    const bad = dns.find((d) => dnsSanProblem(d));
    return bad !== undefined ? { severity: 'error', message: `DNS SAN "${bad}" is not a valid host name or wildcard: ${dnsSanProblem(bad)}`, fix: 'reissue with letters, digits, hyphens and dots only (wildcard only as "*." at the left)' } : undefined;
  },
  'rsa-too-small': ({ c }) => {
    try {
      const k = publicKeyAlgorithm(c.spki);
      return k.family === 'rsa' && k.bits < 2048 ? { severity: 'error', message: `RSA key of ${k.bits} bits (at least 2048 are required)`, fix: 'generate a new key of 2048 bits or more (or ECDSA P-256) and reissue' } : undefined;
    } catch {
      return undefined;
    }
  },
  'weak-signature': ({ c, selfSigned }) => {
    const weak = WEAK_SIGNATURES[c.signatureAlgorithm.oid];
    if (!weak) return undefined;
    return selfSigned && c.basicConstraints?.ca
      ? { severity: 'info', message: `self-signed with ${weak}; a root's own signature is not checked, so this is harmless`, fix: 'none needed; replace the root when convenient' }
      : { severity: 'error', message: `signed with ${weak}, which is broken and refused by browsers and Go`, fix: 'reissue signed with SHA-256 or stronger' };
  },
  'leaf-is-ca': ({ c, isCa }) => {
    const looksLeaf = c.extKeyUsage?.oids.some((o) => o === EKU.serverAuth || o === EKU.clientAuth) || c.subjectAltNames?.names.some((n) => n.kind === 'dns' || n.kind === 'ip');
    return isCa && looksLeaf ? { severity: 'warning', message: 'has CA:TRUE but looks like a server or client certificate (TLS EKU or DNS/IP SANs)', fix: 'reissue the leaf with basicConstraints CA:FALSE and without keyCertSign' } : undefined;
  },
  'missing-eku': ({ c, opts, isCa }) => {
    if (isCa) return undefined;
    const want = opts.usage === 'client' ? EKU.clientAuth : opts.usage === 'server' ? EKU.serverAuth : undefined;
    const name = opts.usage === 'client' ? 'clientAuth' : 'serverAuth';
    if (!c.extKeyUsage) return { severity: want ? 'error' : 'warning', message: `has no extKeyUsage${want ? `; ${name} is needed` : ''} (browsers and kubeadm expect one)`, fix: `reissue with extendedKeyUsage ${want ? name : 'serverAuth and/or clientAuth'}` };
    if (want && !c.extKeyUsage.oids.includes(want)) return { severity: 'error', message: `its extKeyUsage lacks ${name}, so it will be refused for ${opts.usage} use`, fix: `reissue with extendedKeyUsage ${name}` };
    return undefined;
  },
  'validity-too-long': ({ c, opts, isCa }) => {
    const span = days(c.notAfter.getTime() - c.notBefore.getTime());
    if (isCa || span <= 398) return undefined;
    return opts.pki === 'public'
      ? { severity: 'warning', message: `valid for ${span} days; publicly trusted TLS certificates may last at most 398`, fix: 'reissue with a validity of 398 days or less' }
      : { severity: 'info', message: `valid for ${span} days (more than the 398 allowed for public TLS; fine for a private PKI if renewal is planned)`, fix: 'none needed for private PKI; plan its renewal' };
  },
  'bad-serial': ({ c }) => {
    const s = c.serial;
    if (!s.length || s[0]! & 0x80 || s.every((b) => b === 0)) return { severity: 'error', message: 'serial number is zero or negative (RFC 5280 requires a positive integer)', fix: 'reissue with a random positive serial (16 bytes)' };
    if (s.length > 20) return { severity: 'error', message: `serial number is ${s.length} bytes (at most 20 allowed)`, fix: 'reissue with a serial of at most 20 bytes' };
    return undefined;
  },
  'missing-ski': ({ c, isCa }) =>
    isCa && !c.subjectKeyId ? { severity: 'warning', message: 'CA certificate without subjectKeyIdentifier (chain building and RFC 5280 need it)', fix: 'reissue with subjectKeyIdentifier = hash' } : undefined,
  'missing-aki': ({ c, selfSigned }) =>
    !selfSigned && !c.authorityKeyId?.keyId ? { severity: 'warning', message: 'no authorityKeyIdentifier key ID (RFC 5280 requires one when not self-signed)', fix: 'reissue with authorityKeyIdentifier = keyid' } : undefined,
  'ca-without-crlsign': ({ c, isCa }) =>
    isCa && c.keyUsage && !c.keyUsage.usages.has('cRLSign') ? { severity: 'warning', message: 'CA keyUsage lacks cRLSign, so CRLs it signs will be refused', fix: 'reissue the CA with keyUsage keyCertSign, cRLSign (and digitalSignature)' } : undefined,
  // Kubernetes
  'k8s-system-masters': ({ orgs, cn }) =>
    orgs.includes('system:masters') && !cn.includes('kubernetes-super-admin')
      ? { severity: 'warning', message: `O=system:masters gives "${cn[0] ?? '(no CN)'}" unrevocable cluster-admin that bypasses RBAC; only the break-glass kubernetes-super-admin should have it`, fix: 'issue with O=kubeadm:cluster-admins (bound to cluster-admin by RBAC) or a narrower group' }
      : undefined,
  'k8s-apiserver-names': ({ dns, cn }) => {
    const isApiServer = cn.includes('kube-apiserver') || dns.some((d) => d === 'kubernetes.default' || d === 'kubernetes.default.svc');
    if (!isApiServer) return undefined;
    const missing = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc'].filter((d) => !dns.includes(d));
    if (!dns.some((d) => d.startsWith('kubernetes.default.svc.'))) missing.push('kubernetes.default.svc.cluster.local (or your cluster domain)');
    return missing.length ? { severity: 'error', message: `API server certificate lacks the in-cluster names ${missing.join(', ')}; pods reaching the API by name will fail TLS`, fix: `reissue with DNS SANs ${missing.join(', ')}` } : undefined;
  },
  'k8s-apiserver-service-ip': ({ dns, cn, ips, opts }) => {
    const isApiServer = cn.includes('kube-apiserver') || dns.some((d) => d === 'kubernetes.default' || d === 'kubernetes.default.svc');
    const want = opts.kubeServiceIp ?? '10.96.0.1';
    return isApiServer && !ips.includes(want)
      ? { severity: 'error', message: `API server certificate lacks the kubernetes service IP ${want} (IP SANs: ${ips.join(', ') || 'none'})`, fix: `reissue with IP SAN ${want} (the first address of --service-cluster-ip-range)` }
      : undefined;
  },
  'k8s-kubelet-subject': ({ cn, orgs }) => {
    const nodeCn = cn.find((v) => v.startsWith('system:node:'));
    if (nodeCn !== undefined && !orgs.includes('system:nodes')) return { severity: 'error', message: `kubelet certificate "${nodeCn}" lacks O=system:nodes, so the Node authorizer will not treat it as a node`, fix: 'reissue with subject O=system:nodes, CN=system:node:<node name>' };
    if (orgs.includes('system:nodes') && (nodeCn === undefined || nodeCn === 'system:node:')) return { severity: 'error', message: `O=system:nodes but the CN "${cn[0] ?? ''}" is not system:node:<node name>`, fix: 'reissue with CN=system:node:<node name> (the exact node name)' };
    return undefined;
  },
  'k8s-etcd-clientauth': ({ c, cn, dns }) => {
    const etcd = cn.some((v) => /etcd/i.test(v)) || dns.some((d) => /etcd/i.test(d));
    const eku = c.extKeyUsage?.oids ?? [];
    return etcd && eku.includes(EKU.serverAuth) && !eku.includes(EKU.clientAuth) && !c.basicConstraints?.ca
      ? { severity: 'warning', message: 'etcd server/peer certificate without clientAuth: etcd peers connect to each other as clients with it', fix: 'reissue with extendedKeyUsage serverAuth, clientAuth (as kubeadm does)' }
      : undefined;
  },
};

/** Lints one certificate (DER). Throws a CertbenchError only when it is not a certificate. */
export function lintCertificate(der: Uint8Array, options: LintOptions = {}, where?: string): LintFinding[] {
  const c = readCertView(der, where);
  const ctx: Ctx = {
    c,
    at: options.at ?? new Date(),
    opts: options,
    cn: commonNames(c.subject),
    orgs: c.subject.flat().filter((a) => a.oid === OID_O).map((a) => a.text),
    dns: (c.subjectAltNames?.names ?? []).flatMap((n) => (n.kind === 'dns' ? [n.value] : [])),
    ips: (c.subjectAltNames?.names ?? []).flatMap((n) => (n.kind === 'ip' ? [canonicalIpText(n.bytes)] : [])),
    isCa: !!c.basicConstraints?.ca,
    selfSigned: c.selfIssued,
  };
  const findings: LintFinding[] = [];
  for (const [id, rule] of Object.entries(RULES)) {
    const f = rule(ctx);
    if (f) findings.push({ id, ...f });
  }
  for (const m of c.malformed) findings.unshift({ id: 'malformed', severity: 'error', message: m, fix: 'reissue the certificate; most verifiers will refuse this one' });
  // Messages quote names from the certificate: hidden and bidi characters are shown escaped.
  return findings.map((f) => ({ ...f, message: visibleText(f.message), fix: visibleText(f.fix) }));
}
