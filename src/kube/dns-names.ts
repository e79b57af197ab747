/**
 * Kubernetes object names. Secrets and most objects need a DNS-1123 subdomain, namespaces a
 * DNS-1123 label (k8s.io/apimachinery/pkg/util/validation). The API server puts no rule on
 * CertificateSigningRequest names beyond a path segment, but certbench holds them to the
 * subdomain rule too so every tool (kubectl, GitOps, admission webhooks) takes them.
 */
import { msg, type CoreMessage } from '../core/errors.ts';

const DNS1123_SUBDOMAIN_MAX = 253;
const DNS1123_LABEL_MAX = 63;

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const LABEL_RE = new RegExp(`^${LABEL}$`);
const SUBDOMAIN_RE = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/** Why `name` is not a DNS-1123 label, or undefined when it is one. */
export function dns1123LabelProblem(name: string): CoreMessage | undefined {
  if (!name) return msg('kube.dnsEmpty');
  if (name.length > DNS1123_LABEL_MAX) return msg('kube.dnsTooLong', { max: DNS1123_LABEL_MAX, length: name.length });
  if (!LABEL_RE.test(name)) {
    return msg('kube.dnsLabel');
  }
  return undefined;
}

/** Why `name` is not a DNS-1123 subdomain, or undefined when it is one. */
export function dns1123SubdomainProblem(name: string): CoreMessage | undefined {
  if (!name) return msg('kube.dnsEmpty');
  if (name.length > DNS1123_SUBDOMAIN_MAX) return msg('kube.dnsTooLong', { max: DNS1123_SUBDOMAIN_MAX, length: name.length });
  if (!SUBDOMAIN_RE.test(name)) {
    return msg('kube.dnsSubdomain');
  }
  return undefined;
}

export const isDns1123Label = (name: string): boolean => dns1123LabelProblem(name) === undefined;
export const isDns1123Subdomain = (name: string): boolean => dns1123SubdomainProblem(name) === undefined;

/**
 * A DNS-1123 subdomain made from free text such as a certificate's CN:
 * "system:node:worker-1" → "system-node-worker-1", "*.Example.com" → "wildcard.example.com".
 * Returns `fallback` when nothing usable is left.
 */
export function suggestDns1123Name(text: string, fallback = 'certificate'): string {
  let s = text
    .trim()
    .toLowerCase()
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^a-z0-9.-]+/g, '-') // ':' '_' '@' spaces and the like become '-'
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-?\.-?/g, '.'); // a label may not start or end with '-'
  s = s.slice(0, DNS1123_SUBDOMAIN_MAX).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return isDns1123Subdomain(s) ? s : fallback;
}
