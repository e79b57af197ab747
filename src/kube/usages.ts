/**
 * Kubernetes' key usage strings (certificates.k8s.io/v1 KeyUsage) and how they map to X.509
 * KeyUsage bits and ExtendedKeyUsage OIDs — the same table the kube-controller-manager signer uses.
 */
import type { KeyUsageBit, X509Facts } from './x509-facts.ts';

export const KUBE_USAGES = [
  'signing', 'digital signature', 'content commitment', 'key encipherment', 'key agreement',
  'data encipherment', 'cert sign', 'crl sign', 'encipher only', 'decipher only', 'any',
  'server auth', 'client auth', 'code signing', 'email protection', 's/mime', 'ipsec end system',
  'ipsec tunnel', 'ipsec user', 'timestamping', 'ocsp signing', 'microsoft sgc', 'netscape sgc',
] as const;
export type KubeUsage = (typeof KUBE_USAGES)[number];

export const isKubeUsage = (s: string): s is KubeUsage => (KUBE_USAGES as readonly string[]).includes(s);

const FROM_KEY_USAGE: Record<KeyUsageBit, KubeUsage> = {
  digitalSignature: 'digital signature',
  nonRepudiation: 'content commitment',
  keyEncipherment: 'key encipherment',
  dataEncipherment: 'data encipherment',
  keyAgreement: 'key agreement',
  keyCertSign: 'cert sign',
  cRLSign: 'crl sign',
  encipherOnly: 'encipher only',
  decipherOnly: 'decipher only',
};

const FROM_EKU: Record<string, KubeUsage> = {
  '2.5.29.37.0': 'any',
  '1.3.6.1.5.5.7.3.1': 'server auth',
  '1.3.6.1.5.5.7.3.2': 'client auth',
  '1.3.6.1.5.5.7.3.3': 'code signing',
  '1.3.6.1.5.5.7.3.4': 'email protection',
  '1.3.6.1.5.5.7.3.5': 'ipsec end system',
  '1.3.6.1.5.5.7.3.6': 'ipsec tunnel',
  '1.3.6.1.5.5.7.3.7': 'ipsec user',
  '1.3.6.1.5.5.7.3.8': 'timestamping',
  '1.3.6.1.5.5.7.3.9': 'ocsp signing',
  '1.3.6.1.4.1.311.10.3.3': 'microsoft sgc',
  '2.16.840.1.113730.4.1': 'netscape sgc',
};

/**
 * The usages a CSR asks for through its requested KeyUsage and ExtendedKeyUsage extensions,
 * in Kubernetes' words. `unmapped` lists EKU OIDs Kubernetes has no word for.
 */
export function usagesOfFacts(facts: Pick<X509Facts, 'keyUsage' | 'extKeyUsage'>): { usages: KubeUsage[]; unmapped: string[] } {
  const usages: KubeUsage[] = [];
  const unmapped: string[] = [];
  for (const bit of facts.keyUsage ?? []) usages.push(FROM_KEY_USAGE[bit]);
  for (const oid of facts.extKeyUsage ?? []) {
    const u = FROM_EKU[oid];
    if (u) usages.push(u);
    else unmapped.push(oid);
  }
  return { usages: [...new Set(usages)], unmapped };
}
