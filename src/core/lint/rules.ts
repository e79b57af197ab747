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
import { msg, render, type CoreMessage } from '../errors.ts';
import { visibleMessage } from '../text/visible.ts';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  /** Stable id: 'expired', 'rsa-too-small', 'k8s-system-masters', … */
  id: string;
  severity: LintSeverity;
  /** One line: what is wrong (English, as the CLI prints it). */
  message: string;
  /** One line: how to fix it (English). */
  fix: string;
  /** `message` as a message id with params (names escaped), for the UI to word in its language. */
  said: CoreMessage;
  /** `fix` the same way. */
  fixSaid: CoreMessage;
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

/** A rule's verdict: how bad, what is wrong, how to fix it. */
interface Verdict {
  severity: LintSeverity;
  said: CoreMessage;
  fixSaid: CoreMessage;
}

type Rule = (ctx: Ctx) => Verdict | undefined;

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
    at > c.notAfter ? { severity: 'error', said: msg('lint.expired', { date: c.notAfter.toISOString(), days: days(at.getTime() - c.notAfter.getTime()) }), fixSaid: msg('lint.fix.renew') } : undefined,
  'not-yet-valid': ({ c, at }) =>
    at < c.notBefore ? { severity: 'error', said: msg('lint.notYetValid', { date: c.notBefore.toISOString() }), fixSaid: msg('lint.fix.clock') } : undefined,
  'expires-soon': ({ c, at }) => {
    const left = c.notAfter.getTime() - at.getTime();
    return left >= 0 && left < 30 * DAY ? { severity: 'warning', said: msg('lint.expiresSoon', { days: days(left), date: c.notAfter.toISOString() }), fixSaid: msg('lint.fix.renewNow') } : undefined;
  },
  'cn-only': ({ c, cn, isCa }) =>
    !isCa && !c.subjectAltNames && cn.length
      ? { severity: 'error', said: msg('lint.cnOnly', { cn: cn[0]! }), fixSaid: msg('lint.fix.addSan', { cn: cn[0]! }) }
      : undefined,
  'cn-not-in-san': ({ c, cn, isCa }) => {
    const sans = c.subjectAltNames?.names ?? [];
    const bad = cn.find((v) => !sans.some((n) => (n.kind === 'dns' && n.value === v) || (n.kind === 'ip' && canonicalIpText(n.bytes) === v)));
    return !isCa && c.subjectAltNames && bad !== undefined
      ? { severity: 'warning', said: msg('lint.cnNotInSan', { cn: bad }), fixSaid: msg('lint.fix.cnAsSan') }
      : undefined;
  },
  'invalid-dns-san': ({ dns }) => {
    for (const name of dns) {
      const reason = dnsSanProblem(name);
      if (reason) return { severity: 'error', said: msg('lint.invalidDnsSan', { name, reason }), fixSaid: msg('lint.fix.dnsSyntax') };
    }
    return undefined;
  },
  'rsa-too-small': ({ c }) => {
    try {
      const k = publicKeyAlgorithm(c.spki);
      return k.family === 'rsa' && k.bits < 2048 ? { severity: 'error', said: msg('lint.rsaTooSmall', { bits: k.bits }), fixSaid: msg('lint.fix.biggerKey') } : undefined;
    } catch {
      return undefined;
    }
  },
  'weak-signature': ({ c, selfSigned }) => {
    const weak = WEAK_SIGNATURES[c.signatureAlgorithm.oid];
    if (!weak) return undefined;
    return selfSigned && c.basicConstraints?.ca
      ? { severity: 'info', said: msg('lint.rootWeakSignature', { algorithm: weak }), fixSaid: msg('lint.fix.replaceRootLater') }
      : { severity: 'error', said: msg('lint.weakSignature', { algorithm: weak }), fixSaid: msg('lint.fix.sha256') };
  },
  'leaf-is-ca': ({ c, isCa }) => {
    const looksLeaf = c.extKeyUsage?.oids.some((o) => o === EKU.serverAuth || o === EKU.clientAuth) || c.subjectAltNames?.names.some((n) => n.kind === 'dns' || n.kind === 'ip');
    return isCa && looksLeaf ? { severity: 'warning', said: msg('lint.leafIsCa'), fixSaid: msg('lint.fix.leafNotCa') } : undefined;
  },
  'missing-eku': ({ c, opts, isCa }) => {
    if (isCa) return undefined;
    const want = opts.usage === 'client' ? EKU.clientAuth : opts.usage === 'server' ? EKU.serverAuth : undefined;
    const name = opts.usage === 'client' ? 'clientAuth' : 'serverAuth';
    if (!c.extKeyUsage) {
      return want
        ? { severity: 'error', said: msg('lint.noEkuNeeded', { eku: name }), fixSaid: msg('lint.fix.addEku', { eku: name }) }
        : { severity: 'warning', said: msg('lint.noEku'), fixSaid: msg('lint.fix.addEkuEither') };
    }
    if (want && !c.extKeyUsage.oids.includes(want)) {
      return { severity: 'error', said: msg(opts.usage === 'client' ? 'lint.ekuLacksClientAuth' : 'lint.ekuLacksServerAuth'), fixSaid: msg('lint.fix.addEku', { eku: name }) };
    }
    return undefined;
  },
  'validity-too-long': ({ c, opts, isCa }) => {
    const span = days(c.notAfter.getTime() - c.notBefore.getTime());
    if (isCa || span <= 398) return undefined;
    return opts.pki === 'public'
      ? { severity: 'warning', said: msg('lint.validityPublic', { days: span }), fixSaid: msg('lint.fix.shorterValidity') }
      : { severity: 'info', said: msg('lint.validityPrivate', { days: span }), fixSaid: msg('lint.fix.planRenewal') };
  },
  'bad-serial': ({ c }) => {
    const s = c.serial;
    if (!s.length || s[0]! & 0x80 || s.every((b) => b === 0)) return { severity: 'error', said: msg('lint.serialNotPositive'), fixSaid: msg('lint.fix.randomSerial') };
    if (s.length > 20) return { severity: 'error', said: msg('lint.serialTooLong', { bytes: s.length }), fixSaid: msg('lint.fix.shortSerial') };
    return undefined;
  },
  'missing-ski': ({ c, isCa }) =>
    isCa && !c.subjectKeyId ? { severity: 'warning', said: msg('lint.caNoSki'), fixSaid: msg('lint.fix.addSki') } : undefined,
  'missing-aki': ({ c, selfSigned }) =>
    !selfSigned && !c.authorityKeyId?.keyId ? { severity: 'warning', said: msg('lint.noAki'), fixSaid: msg('lint.fix.addAki') } : undefined,
  'ca-without-crlsign': ({ c, isCa }) =>
    isCa && c.keyUsage && !c.keyUsage.usages.has('cRLSign') ? { severity: 'warning', said: msg('lint.caNoCrlSign'), fixSaid: msg('lint.fix.addCrlSign') } : undefined,
  // Kubernetes
  'k8s-system-masters': ({ orgs, cn }) =>
    orgs.includes('system:masters') && !cn.includes('kubernetes-super-admin')
      ? { severity: 'warning', said: msg('lint.systemMasters', { cn: cn[0] ?? msg('lint.noCn') }), fixSaid: msg('lint.fix.adminGroup') }
      : undefined,
  'k8s-apiserver-names': ({ dns, cn }) => {
    const isApiServer = cn.includes('kube-apiserver') || dns.some((d) => d === 'kubernetes.default' || d === 'kubernetes.default.svc');
    if (!isApiServer) return undefined;
    const missing = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc'].filter((d) => !dns.includes(d)).join(', ');
    // The cluster domain is the cluster's own: named with words ("or your cluster domain").
    const clusterLocal = dns.some((d) => d.startsWith('kubernetes.default.svc.')) ? undefined : msg('lint.clusterLocalName');
    const names = clusterLocal ? (missing ? msg('lint.namesAndClusterLocal', { names: missing, clusterLocal }) : clusterLocal) : missing;
    return names ? { severity: 'error', said: msg('lint.apiserverNames', { names }), fixSaid: msg('lint.fix.addDnsSans', { names }) } : undefined;
  },
  'k8s-apiserver-service-ip': ({ dns, cn, ips, opts }) => {
    const isApiServer = cn.includes('kube-apiserver') || dns.some((d) => d === 'kubernetes.default' || d === 'kubernetes.default.svc');
    const want = opts.kubeServiceIp ?? '10.96.0.1';
    return isApiServer && !ips.includes(want)
      ? { severity: 'error', said: msg('lint.apiserverServiceIp', { ip: want, ips: ips.join(', ') || msg('lint.none') }), fixSaid: msg('lint.fix.addServiceIp', { ip: want }) }
      : undefined;
  },
  'k8s-kubelet-subject': ({ cn, orgs }) => {
    const nodeCn = cn.find((v) => v.startsWith('system:node:'));
    if (nodeCn !== undefined && !orgs.includes('system:nodes')) return { severity: 'error', said: msg('lint.kubeletNoNodesGroup', { cn: nodeCn }), fixSaid: msg('lint.fix.nodesGroup') };
    if (orgs.includes('system:nodes') && (nodeCn === undefined || nodeCn === 'system:node:')) return { severity: 'error', said: msg('lint.kubeletBadCn', { cn: cn[0] ?? '' }), fixSaid: msg('lint.fix.nodeCn') };
    return undefined;
  },
  'k8s-etcd-clientauth': ({ c, cn, dns }) => {
    const etcd = cn.some((v) => /etcd/i.test(v)) || dns.some((d) => /etcd/i.test(d));
    const eku = c.extKeyUsage?.oids ?? [];
    return etcd && eku.includes(EKU.serverAuth) && !eku.includes(EKU.clientAuth) && !c.basicConstraints?.ca
      ? { severity: 'warning', said: msg('lint.etcdNoClientAuth'), fixSaid: msg('lint.fix.etcdClientAuth') }
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
  const verdicts: { id: string; verdict: Verdict }[] = [];
  for (const [id, rule] of Object.entries(RULES)) {
    const verdict = rule(ctx);
    if (verdict) verdicts.push({ id, verdict });
  }
  for (const said of c.malformed) verdicts.unshift({ id: 'malformed', verdict: { severity: 'error', said, fixSaid: msg('lint.fix.reissue') } });
  // Messages quote names from the certificate: hidden and bidi characters are shown escaped.
  return verdicts.map(({ id, verdict }) => finding(id, verdict));
}

function finding(id: string, { severity, said, fixSaid }: Verdict): LintFinding {
  const shown = visibleMessage(said);
  const fixShown = visibleMessage(fixSaid);
  return { id, severity, message: render(shown), fix: render(fixShown), said: shown, fixSaid: fixShown };
}
