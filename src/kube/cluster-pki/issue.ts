/**
 * Issuing the certificates of a cluster PKI on the certificate core (buildCertificate): each with
 * its own new key, the exact subject, SANs and usages the layout prescribes.
 */
import { buildCertificate } from '../../core/cert/build.ts';
import type { ExtKeyUsageName, KeyUsageName } from '../../core/cert/extensions.ts';
import type { SubjectAltName } from '../../core/cert/general-names.ts';
import { encodeName, type NameAttribute } from '../../core/cert/name.ts';
import { randomSerialHex } from '../../core/cert/serial.ts';
import { keyIdentifierOf, parseSpki } from '../../core/cert/spki.ts';
import { DAY_MS, wholeSeconds } from '../../core/cert/time.ts';
import { CertbenchError, msg } from '../../core/errors.ts';
import { exportPrivateKeyPem } from '../../core/keys/export.ts';
import { generateKeyPair } from '../../core/keys/generate.ts';
import { keyAlgorithmOf, type KeyType } from '../../core/keys/key-types.ts';
import { spkiOfPublicKey } from '../../core/keys/spki.ts';
import { toPem } from '../../core/pem.ts';
import { kubeCertificateFacts } from '../x509-facts.ts';
import { isIpAddress } from './ip-math.ts';

/** A CA that signs within one generation run. */
export interface PkiCa {
  certificateDer: Uint8Array;
  certificatePem: string;
  subjectDer: Uint8Array;
  keyIdentifier: Uint8Array;
  key: CryptoKey;
  /** PEM of the CA key, absent when it was given from outside and must not be written. */
  keyPem?: string;
  notAfter: Date;
}

interface IssuedPair {
  certificateDer: Uint8Array;
  certificatePem: string;
  keyPem: string;
  keyPair: CryptoKeyPair;
}

/** Key types Kubernetes components load (kubeadm's encryptionAlgorithm: RSA-2048/3072/4096, ECDSA-P256/P384). */
export const CLUSTER_KEY_TYPES = ['ec-p256', 'ec-p384', 'rsa2048', 'rsa3072', 'rsa4096'] as const satisfies readonly KeyType[];
export type ClusterKeyType = (typeof CLUSTER_KEY_TYPES)[number];

export function checkClusterKeyType(keyType: string): ClusterKeyType {
  if ((CLUSTER_KEY_TYPES as readonly string[]).includes(keyType)) return keyType as ClusterKeyType;
  throw new CertbenchError('kube.keyTypeRefused', { keyType, choices: CLUSTER_KEY_TYPES.join(', ') }, msg('where.keyType'));
}

/** Private keys as kubeadm and cfssl write them: PKCS#1 `RSA PRIVATE KEY` or SEC1 `EC PRIVATE KEY`. */
export function privateKeyPem(key: CryptoKey, keyType: ClusterKeyType): Promise<string> {
  return exportPrivateKeyPem(key, { format: keyAlgorithmOf(keyType).family === 'rsa' ? 'pkcs1' : 'sec1' });
}

export async function publicKeyPem(publicKey: CryptoKey): Promise<string> {
  return toPem('PUBLIC KEY', await spkiOfPublicKey(publicKey));
}

export function sanList(values: readonly string[]): SubjectAltName[] {
  const seen = new Set<string>();
  const out: SubjectAltName[] = [];
  for (const raw of values) {
    const v = raw.trim();
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push({ type: isIpAddress(v) ? 'ip' : 'dns', value: v });
  }
  // DNS names first, then IPs: the order Go's x509 writes them, so kubeadm's certificates read the same.
  return [...out.filter((s) => s.type === 'dns'), ...out.filter((s) => s.type === 'ip')];
}

interface Validity {
  notBefore: Date;
  days: number;
}

function notAfterOf(v: Validity): Date {
  return new Date(wholeSeconds(v.notBefore).getTime() + v.days * DAY_MS);
}

export async function createPkiCa(subject: NameAttribute[], keyType: ClusterKeyType, validity: Validity, keyUsage: KeyUsageName[]): Promise<PkiCa> {
  const keyPair = await generateKeyPair(keyType);
  const spki = await spkiOfPublicKey(keyPair.publicKey);
  const ski = await keyIdentifierOf(parseSpki(spki));
  const notAfter = notAfterOf(validity);
  const der = await buildCertificate(
    {
      serialHex: randomSerialHex(new Set()),
      subject,
      notBefore: validity.notBefore,
      notAfter,
      subjectPublicKeyInfo: spki,
      extensions: { basicConstraints: { ca: true }, keyUsage, subjectKeyIdentifier: ski },
    },
    keyPair.privateKey,
  );
  return {
    certificateDer: der,
    certificatePem: toPem('CERTIFICATE', der),
    subjectDer: encodeName(subject),
    keyIdentifier: ski,
    key: keyPair.privateKey,
    keyPem: await privateKeyPem(keyPair.privateKey, keyType),
    notAfter,
  };
}

/** A CA given from outside (kubeadm's external CA): its certificate and private key. */
export async function pkiCaFromExisting(certificateDer: Uint8Array, key: CryptoKey, writeKeyPem?: string): Promise<PkiCa> {
  const facts = kubeCertificateFacts(certificateDer, 'external CA');
  if (!facts.isCa) throw new CertbenchError('kube.externalNotCa', undefined, msg('where.externalCa'));
  return {
    certificateDer,
    certificatePem: toPem('CERTIFICATE', certificateDer),
    subjectDer: facts.subjectDer,
    keyIdentifier: facts.subjectKeyId ?? (await keyIdentifierOf(parseSpki(facts.spki))),
    key,
    keyPem: writeKeyPem,
    notAfter: facts.notAfter,
  };
}

export interface LeafSpec {
  subject: NameAttribute[];
  sans?: SubjectAltName[];
  extKeyUsage: ExtKeyUsageName[];
  keyUsage: KeyUsageName[];
}

/** A new key and a certificate for it, signed by `ca`; validity is capped at the CA's notAfter. */
export async function issueLeaf(ca: PkiCa, spec: LeafSpec, keyType: ClusterKeyType, validity: Validity, taken: Set<string>): Promise<IssuedPair> {
  const keyPair = await generateKeyPair(keyType);
  const spki = await spkiOfPublicKey(keyPair.publicKey);
  const serialHex = randomSerialHex(taken);
  taken.add(serialHex);
  const notAfter = new Date(Math.min(notAfterOf(validity).getTime(), ca.notAfter.getTime()));
  const der = await buildCertificate(
    {
      serialHex,
      subject: spec.subject,
      issuerName: ca.subjectDer,
      notBefore: validity.notBefore,
      notAfter,
      subjectPublicKeyInfo: spki,
      extensions: {
        basicConstraints: { ca: false },
        keyUsage: spec.keyUsage,
        extKeyUsage: spec.extKeyUsage,
        subjectKeyIdentifier: await keyIdentifierOf(parseSpki(spki)),
        authorityKeyIdentifier: ca.keyIdentifier,
        ...(spec.sans?.length ? { subjectAltNames: spec.sans } : {}),
      },
    },
    ca.key,
  );
  return { certificateDer: der, certificatePem: toPem('CERTIFICATE', der), keyPem: await privateKeyPem(keyPair.privateKey, keyType), keyPair };
}

export const CN = (value: string): NameAttribute => ({ type: '2.5.4.3', value });
export const O = (value: string): NameAttribute => ({ type: '2.5.4.10', value });
export const OU = (value: string): NameAttribute => ({ type: '2.5.4.11', value });
export const C = (value: string): NameAttribute => ({ type: '2.5.4.6', value });
export const L = (value: string): NameAttribute => ({ type: '2.5.4.7', value });
export const ST = (value: string): NameAttribute => ({ type: '2.5.4.8', value });
