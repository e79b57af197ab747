/**
 * certificates.k8s.io/v1 signer names and the rules the built-in signers of kube-controller-manager
 * apply before they issue (k8s.io/kubernetes pkg/apis/certificates/v1 helpers and the signer
 * controller). Each broken rule becomes a Finding with a plain explanation.
 */
import { dns1123LabelProblem, dns1123SubdomainProblem } from './dns-names.ts';
import { finding, type Finding } from './findings.ts';
import type { KubeUsage } from './usages.ts';
import type { X509Facts } from './x509-facts.ts';
import { msg, type CoreMessage } from '../core/errors.ts';

export const SIGNER_API_SERVER_CLIENT = 'kubernetes.io/kube-apiserver-client';
export const SIGNER_KUBELET_CLIENT = 'kubernetes.io/kube-apiserver-client-kubelet';
export const SIGNER_KUBELET_SERVING = 'kubernetes.io/kubelet-serving';
export const SIGNER_LEGACY_UNKNOWN = 'kubernetes.io/legacy-unknown';

type BuiltInSigner = typeof SIGNER_API_SERVER_CLIENT | typeof SIGNER_KUBELET_CLIENT | typeof SIGNER_KUBELET_SERVING;

/** The built-in signers a v1 CSR can name, with what each is for (for pickers). */
export const BUILT_IN_SIGNERS: readonly { name: BuiltInSigner; purpose: string }[] = [
  { name: SIGNER_API_SERVER_CLIENT, purpose: 'client certificates for users and workloads that authenticate to the API server' },
  { name: SIGNER_KUBELET_CLIENT, purpose: 'kubelet client certificates (CN=system:node:<name>, O=system:nodes)' },
  { name: SIGNER_KUBELET_SERVING, purpose: 'kubelet serving certificates (the kubelet\'s HTTPS endpoint)' },
];

export const isBuiltInSigner = (s: string): s is BuiltInSigner => BUILT_IN_SIGNERS.some((b) => b.name === s);

/** Why a signerName cannot be used in a v1 CSR, or undefined when it can (mirrors ValidateSignerName). */
export function signerNameProblem(signerName: string): CoreMessage | undefined {
  if (!signerName) return msg('kube.signerRequired');
  if (signerName === SIGNER_LEGACY_UNKNOWN) {
    return msg('kube.signerLegacyUnknown');
  }
  const parts = signerName.split('/');
  if (parts.length !== 2) return msg('kube.signerForm', { signer: signerName });
  const [domain, path] = parts as [string, string];
  if (domain.length > 253) return msg('kube.signerDomainLong', { domain });
  const labels = domain.split('.');
  for (const label of labels) {
    const p = dns1123LabelProblem(label);
    if (p) return msg('kube.signerDomainLabel', { domain, label, problem: p });
  }
  if (labels.length < 2) return msg('kube.signerDomainShort', { domain });
  const p = dns1123SubdomainProblem(path);
  if (p) return msg('kube.signerPath', { path, problem: p });
  return undefined;
}

const OID_EKU_SERVER = '1.3.6.1.5.5.7.3.1';
const OID_EKU_CLIENT = '1.3.6.1.5.5.7.3.2';

function nodeSubjectFindings(facts: X509Facts, out: Finding[]): void {
  const o = facts.organizations;
  if (o.length !== 1 || o[0] !== 'system:nodes') {
    out.push(finding('error', 'subject.O', msg('kube.nodeO', { found: o.length ? o.map((v) => `O=${v}`).join(', ') : msg('kube.noO') })));
  }
  if (!facts.commonName?.startsWith('system:node:') || facts.commonName.length === 'system:node:'.length) {
    out.push(finding('error', 'subject.CN', msg('kube.nodeCn', { found: facts.commonName ? `CN=${facts.commonName}` : msg('kube.noCn') })));
  }
}

/** `usages` must include every one of `required` and stay within `allowed`. */
function usageFindings(usages: readonly KubeUsage[], required: readonly KubeUsage[], allowed: readonly KubeUsage[], signer: string, out: Finding[]): void {
  const missing = required.filter((u) => !usages.includes(u));
  if (missing.length) out.push(finding('error', 'spec.usages', msg('kube.usagesRequired', { signer, usages: missing.map((u) => `"${u}"`).join(' and ') })));
  const extra = usages.filter((u) => !allowed.includes(u));
  if (extra.length) {
    out.push(finding('error', 'spec.usages', msg('kube.usagesAllowed', { signer, allowed: allowed.map((u) => `"${u}"`).join(', '), extra: extra.map((u) => `"${u}"`).join(', ') })));
  }
}

function noCaFindings(facts: X509Facts, usages: readonly KubeUsage[], out: Finding[]): void {
  if (facts.isCa || usages.includes('cert sign') || usages.includes('crl sign')) {
    out.push(finding('error', 'spec.usages', msg('kube.noCaSigner')));
  }
}

/**
 * Checks a CSR and the usages that will go into spec.usages against a signer's rules.
 * Custom signers (example.com/…) have their own rules, so only the universal ones are checked.
 */
export function checkSignerRules(signerName: string, facts: X509Facts, usages: readonly KubeUsage[]): Finding[] {
  const out: Finding[] = [];
  noCaFindings(facts, usages, out);
  switch (signerName) {
    case SIGNER_API_SERVER_CLIENT:
      usageFindings(usages, ['client auth'], ['digital signature', 'key encipherment', 'client auth'], signerName, out);
      if (facts.organizations.includes('system:masters')) {
        out.push(finding('warning', 'subject.O', msg('kube.systemMasters')));
      }
      if (!facts.commonName) out.push(finding('warning', 'subject.CN', msg('kube.noCnUser')));
      break;
    case SIGNER_KUBELET_CLIENT: {
      nodeSubjectFindings(facts, out);
      const s = facts.sans;
      const kinds = [s.dns.length && 'DNS', s.ip.length && 'IP', s.email.length && 'email', s.uri.length && 'URI', s.other && 'other'].filter(Boolean);
      if (kinds.length) out.push(finding('error', 'subjectAltName', msg('kube.kubeletClientSans', { kinds: kinds.join(', ') })));
      usageFindings(usages, ['digital signature', 'client auth'], ['digital signature', 'key encipherment', 'client auth'], signerName, out);
      break;
    }
    case SIGNER_KUBELET_SERVING: {
      nodeSubjectFindings(facts, out);
      const s = facts.sans;
      if (!s.dns.length && !s.ip.length) out.push(finding('error', 'subjectAltName', msg('kube.kubeletServingSans')));
      if (s.email.length) out.push(finding('error', 'subjectAltName', msg('kube.kubeletServingEmail')));
      if (s.uri.length) out.push(finding('error', 'subjectAltName', msg('kube.kubeletServingUri')));
      usageFindings(usages, ['digital signature', 'server auth'], ['digital signature', 'key encipherment', 'server auth'], signerName, out);
      break;
    }
    default:
      if (signerName.startsWith('kubernetes.io/') && signerName !== SIGNER_LEGACY_UNKNOWN) {
        out.push(finding('warning', 'spec.signerName', msg('kube.signerUnknownBuiltIn', { signer: signerName })));
      } else if (!signerName.startsWith('kubernetes.io/')) {
        out.push(finding('info', 'spec.signerName', msg('kube.signerCustom', { signer: signerName })));
      }
  }
  // Kubernetes reads spec.usages, not the CSR's own extensions: say so when they disagree.
  const ekus = facts.extKeyUsage ?? [];
  if (usages.includes('server auth') && ekus.length && !ekus.includes(OID_EKU_SERVER)) {
    out.push(finding('info', 'spec.usages', msg('kube.usagesServerAuth')));
  }
  if (usages.includes('client auth') && ekus.length && !ekus.includes(OID_EKU_CLIENT)) {
    out.push(finding('info', 'spec.usages', msg('kube.usagesClientAuth')));
  }
  return out;
}

/** Which rule picked the suggested signer: a kubelet's client or serving certificate, another client, or a serving certificate no built-in signer issues. */
export type SignerRule = 'node-client' | 'node-serving' | 'client' | 'serving';

export interface SignerSuggestion {
  signerName: string;
  /** Why, in a sentence (English; the UI words it by `rule`). */
  reason: string;
  /** true: no built-in signer fits, so a signer of your own (your CA signs it and writes status.certificate). */
  custom: boolean;
  rule: SignerRule;
  /** The node name after system:node: (node rules only). */
  nodeName?: string;
}

/** The custom signerName offered for serving certificates: a placeholder domain to replace with one you own. */
export const DEFAULT_CUSTOM_SIGNER = 'example.com/serving';

const NODE_PREFIX = 'system:node:';

/**
 * The signer a CSR is most likely meant for, from what it asks: CN=system:node:… is a kubelet (client
 * certificate, or serving when it asks for server auth / names DNS or IP addresses); another client
 * certificate is for kube-apiserver-client; a serving certificate that is not a kubelet's has no
 * built-in signer (only the kubelet-serving signer issues server auth), so a custom signerName.
 * Without an extendedKeyUsage, DNS/IP names are what make it a serving certificate.
 */
export function suggestSigner(facts: X509Facts): SignerSuggestion {
  const ekus = facts.extKeyUsage ?? [];
  const server = ekus.includes(OID_EKU_SERVER);
  const client = ekus.includes(OID_EKU_CLIENT);
  const netNames = facts.sans.dns.length + facts.sans.ip.length > 0;
  const serving = server || (ekus.length === 0 && netNames);
  const cn = facts.commonName ?? '';
  const nodeName = cn.startsWith(NODE_PREFIX) && cn.length > NODE_PREFIX.length ? cn.slice(NODE_PREFIX.length) : undefined;
  if (nodeName !== undefined) {
    return serving
      ? { signerName: SIGNER_KUBELET_SERVING, custom: false, rule: 'node-serving', nodeName, reason: `CN=${cn} asks for a serving certificate (server auth or DNS/IP names) for node ${nodeName}: kubernetes.io/kubelet-serving issues the kubelet's HTTPS certificate` }
      : { signerName: SIGNER_KUBELET_CLIENT, custom: false, rule: 'node-client', nodeName, reason: `CN=${cn} asks for a client certificate for node ${nodeName}: kubernetes.io/kube-apiserver-client-kubelet issues kubelet client certificates` };
  }
  if (serving) {
    return {
      signerName: DEFAULT_CUSTOM_SIGNER,
      custom: true,
      rule: 'serving',
      reason: `a serving certificate (${server ? `server auth${client ? ' and client auth' : ''}` : 'DNS/IP names'}) that is not a kubelet's: no built-in signer issues it, so name a signer of your own (replace example.com with a domain you own); after kubectl certificate approve, your CA signs it and you put the certificate into .status.certificate`,
    };
  }
  return {
    signerName: SIGNER_API_SERVER_CLIENT,
    custom: false,
    rule: 'client',
    reason: `a client certificate${cn ? ` for user "${cn}"` : ''} (${client ? 'client auth' : 'no server auth, no DNS/IP names'}): kubernetes.io/kube-apiserver-client issues certificates that authenticate to the API server`,
  };
}

/**
 * Usages for a signer when the CSR asks for none: what kubelet and client-go request (key encipherment
 * only for RSA). A signer of your own has no defaults, except for what suggestSigner calls a serving
 * certificate (given `facts`): then the serving usages, as the Kubernetes docs' example requests them.
 */
export function defaultUsagesFor(signerName: string, keyFamily: X509Facts['keyFamily'], facts?: X509Facts): KubeUsage[] | undefined {
  const ke: KubeUsage[] = keyFamily === 'rsa' ? ['key encipherment'] : [];
  if (signerName === SIGNER_KUBELET_SERVING) return ['digital signature', ...ke, 'server auth'];
  if (signerName === SIGNER_API_SERVER_CLIENT || signerName === SIGNER_KUBELET_CLIENT) return ['digital signature', ...ke, 'client auth'];
  if (facts && !signerName.startsWith('kubernetes.io/') && suggestSigner(facts).rule === 'serving') return ['digital signature', ...ke, 'server auth'];
  return undefined;
}
