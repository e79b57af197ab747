/**
 * The facts about a certificate or CSR that Kubernetes cares about (subject O/CN, SAN kinds, key
 * usages, CA flag, public key, validity), in the shape the kube checks use: a view on the one
 * certificate reader, src/core/cert/read.ts. Not a printer: src/core/text does that.
 */
import { parseDer } from '../core/der/node.ts';
import { oidValue } from '../core/der/read.ts';
import { KEY_USAGES, type KeyUsageName } from '../core/cert/extensions.ts';
import type { NameAttribute } from '../core/cert/name.ts';
import { certificateFacts, requestFacts, type ExtensionFacts } from '../core/cert/read.ts';

const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';

/** RFC 5280 KeyUsage bit names, in bit order. */
export const KEY_USAGE_BITS = KEY_USAGES;
export type KeyUsageBit = KeyUsageName;

interface SubjectAltNames {
  dns: string[];
  ip: string[];
  email: string[];
  uri: string[];
  other: number;
}

export interface X509Facts {
  subject: NameAttribute[];
  commonName?: string;
  /** Every O value, in order: Kubernetes reads them as the groups. */
  organizations: string[];
  sans: SubjectAltNames;
  /** Absent when the extension is absent. */
  keyUsage?: KeyUsageBit[];
  extKeyUsage?: string[];
  /** basicConstraints cA (false when absent). */
  isCa: boolean;
  spki: Uint8Array;
  keyFamily: 'rsa' | 'ec' | 'ed25519' | 'other';
  subjectKeyId?: Uint8Array;
  authorityKeyId?: Uint8Array;
}

export interface KubeCertificateFacts extends X509Facts {
  der: Uint8Array;
  issuer: NameAttribute[];
  /** DER of the subject and issuer Names, for chain order checks. */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
}

function groupedSans(names: ExtensionFacts['subjectAltNames']): SubjectAltNames {
  const sans: SubjectAltNames = { dns: [], ip: [], email: [], uri: [], other: 0 };
  for (const n of names) {
    if (n.type === 'other') sans.other++;
    else sans[n.type].push(n.value);
  }
  return sans;
}

function keyFamilyOf(spki: Uint8Array): X509Facts['keyFamily'] {
  const oid = oidValue(parseDer(spki, 'subjectPublicKeyInfo').children[0]?.children[0], 'public key algorithm');
  if (oid === '1.2.840.113549.1.1.1') return 'rsa';
  if (oid === '1.2.840.10045.2.1') return 'ec';
  if (oid === '1.3.101.112') return 'ed25519';
  return 'other';
}

function kubeFacts(f: ExtensionFacts & { subject: NameAttribute[]; subjectPublicKeyInfo: Uint8Array }): X509Facts {
  const cn = f.subject.filter((a) => a.type === OID_CN).map((a) => a.value);
  return {
    subject: f.subject,
    commonName: cn[cn.length - 1],
    organizations: f.subject.filter((a) => a.type === OID_O).map((a) => a.value),
    sans: groupedSans(f.subjectAltNames),
    keyUsage: f.keyUsage,
    extKeyUsage: f.extKeyUsageOids,
    isCa: f.isCa,
    spki: f.subjectPublicKeyInfo,
    keyFamily: keyFamilyOf(f.subjectPublicKeyInfo),
    subjectKeyId: f.subjectKeyIdentifier,
    authorityKeyId: f.authorityKeyIdentifier,
  };
}

/** Kubernetes' view of a PKCS#10 CSR (DER), read by core/cert/read.ts. */
export function kubeCsrFacts(der: Uint8Array, where = 'CSR'): X509Facts {
  return kubeFacts(requestFacts(der, where));
}

/** Kubernetes' view of an X.509 certificate (DER), read by core/cert/read.ts. */
export function kubeCertificateFacts(der: Uint8Array, where = 'certificate'): KubeCertificateFacts {
  const f = certificateFacts(der, where);
  const { issuer, subjectDer, issuerDer, notBefore, notAfter } = f;
  return { ...kubeFacts(f), der, issuer, subjectDer, issuerDer, notBefore, notAfter };
}
