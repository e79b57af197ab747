/**
 * What a person (or controller) approving a CSR for a pod must check, per the Kubernetes docs
 * ("Manage TLS Certificates in a Cluster"): 1. the subject and SANs are names the requester may
 * have; 2. the request really comes from that requester (spec.username of the CSR object).
 */
import type { CertificateRequest } from '../core/ca/csr.ts';
import { sanLabel } from './artifacts.ts';

export interface Requester {
  /** spec.username the API server filled in: system:serviceaccount:<namespace>:<name>. */
  username: string;
  namespace: string;
  pod: string;
  service: string;
  podIp: string;
  serviceIp: string;
}

interface ApproverReview {
  allowedNames: string[];
  /** Names asked for that the requester may not have. */
  notAllowed: string[];
  namesOk: boolean;
  /** The namespace of spec.username, when it is a service account. */
  requesterNamespace?: string;
  requesterOk: boolean;
}

function allowedNamesFor(r: Requester): string[] {
  return [`DNS:${r.service}.${r.namespace}.svc.cluster.local`, `DNS:${r.pod}.${r.namespace}.pod.cluster.local`, `IP:${r.serviceIp}`, `IP:${r.podIp}`];
}

export function reviewRequest(request: CertificateRequest, r: Requester): ApproverReview {
  const allowed = allowedNamesFor(r);
  const asked = request.subjectAltNames.map(sanLabel);
  const cn = request.subject.find((a) => a.type === '2.5.4.3')?.value;
  if (cn !== undefined) asked.push(`DNS:${cn}`);
  const notAllowed = [...new Set(asked.filter((n) => !allowed.includes(n)))];
  const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(r.username.trim());
  return {
    allowedNames: allowed,
    notAllowed,
    namesOk: notAllowed.length === 0 && asked.length > 0,
    ...(m ? { requesterNamespace: m[1]! } : {}),
    requesterOk: !!m && m[1] === r.namespace,
  };
}

export function formatReview(review: ApproverReview, r: Requester): string {
  return [
    `requester (spec.username): ${r.username}`,
    `may have: ${review.allowedNames.join(', ')}`,
    `1. names: ${review.namesOk ? 'every name is one the requester may have' : `NOT ALLOWED: ${review.notAllowed.join(', ') || '(no names)'}`}`,
    `2. requester: ${review.requesterOk ? `a service account in ${r.namespace}` : `NOT a service account in ${r.namespace}${review.requesterNamespace ? ` (it is in ${review.requesterNamespace})` : ''}`}`,
    `verdict: ${review.namesOk && review.requesterOk ? 'approve' : 'deny'}`,
  ].join('\n') + '\n';
}
