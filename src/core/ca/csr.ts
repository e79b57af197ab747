/** Reading and verifying a PKCS#10 request before anything is signed for it. */
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes.ts';
import type { SubjectAltName } from '../cert/general-names.ts';
import { OID, type KeyUsageName } from '../cert/extensions.ts';
import { nameAttributes, type NameAttribute } from '../cert/name.ts';
import { extensionFacts, readRequest, type RequestParts } from '../cert/read.ts';
import { importSpki, keyAlgorithmOfSpki, parseSpki } from '../cert/spki.ts';
import { CertbenchError, errorMessage } from '../errors.ts';
import type { KeyAlgorithm } from '../keys/key-types.ts';
import { oidDisplayName } from '../oids.ts';
import { derFromInput } from './input.ts';

const OID_ED25519 = '1.3.101.112';
const WHERE = 'CSR';

export interface CertificateRequest {
  der: Uint8Array;
  subject: NameAttribute[];
  subjectPublicKeyInfo: Uint8Array;
  keyAlgorithm: KeyAlgorithm;
  /** From the extensionRequest attribute; copied into the certificate. */
  subjectAltNames: SubjectAltName[];
  /** The key usage, extended key usage and basic constraints it asks for: the profile decides those, the plan names any difference. */
  requestedUsage: RequestedUsage;
  /** Other requested extensions (OIDs): the profile decides those, and the plan says so. */
  otherRequestedExtensions: string[];
}

/** What a CSR's extensionRequest asks for that a signing profile decides; a field is absent when the extension is. */
export interface RequestedUsage {
  keyUsage?: KeyUsageName[];
  /** extendedKeyUsage OIDs, in the request's order. */
  extKeyUsageOids?: string[];
  basicConstraints?: { isCa: boolean; pathLen?: number };
}

/** The extensions read here rather than listed as "other". */
const READ_HERE: ReadonlySet<string> = new Set([OID.subjectAltName, OID.keyUsage, OID.extKeyUsage, OID.basicConstraints]);

/** Parses a CSR (PEM or DER). Does not verify it: see `verifyCertificateRequest`. */
export function parseCertificateRequest(input: string | Uint8Array): CertificateRequest {
  const der = derFromInput(input, ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'], WHERE);
  let parts: RequestParts;
  try {
    parts = readRequest(der, WHERE);
  } catch (e) {
    throw new CertbenchError('ca.csrUnreadable', { reason: errorMessage(e) }, WHERE);
  }
  const spki = parseSpki(parts.spki.der);
  const keyAlgorithm = keyAlgorithmOfSpki(spki);
  if (!keyAlgorithm) throw new CertbenchError('ca.csrKeyUnsupported', { algorithm: oidDisplayName(spki.algorithm.algorithmId) }, WHERE);
  const extensions = parts.extensions;
  const facts = extensionFacts(extensions.filter((e) => READ_HERE.has(e.oid)), WHERE);
  const present = new Set(extensions.map((e) => e.oid));
  const requestedUsage: RequestedUsage = {
    ...(facts.keyUsage ? { keyUsage: facts.keyUsage } : {}),
    ...(facts.extKeyUsageOids ? { extKeyUsageOids: facts.extKeyUsageOids } : {}),
    ...(present.has(OID.basicConstraints) ? { basicConstraints: { isCa: facts.isCa, ...(facts.pathLen !== undefined ? { pathLen: facts.pathLen } : {}) } } : {}),
  };
  return {
    der,
    subject: nameAttributes(parts.subject),
    subjectPublicKeyInfo: parts.spki.der,
    keyAlgorithm,
    subjectAltNames: facts.subjectAltNames,
    requestedUsage,
    otherRequestedExtensions: extensions.map((e) => e.oid).filter((oid) => !READ_HERE.has(oid)),
  };
}

/**
 * Checks the request's self-signature (proof that its maker holds the private key). RSA and ECDSA
 * through pkijs; Ed25519, which pkijs does not know, through WebCrypto. Throws a CertbenchError when bad.
 */
export async function verifyCertificateRequest(request: CertificateRequest): Promise<void> {
  const csr = pkijs.CertificationRequest.fromBER(toArrayBuffer(request.der));
  let ok: boolean;
  try {
    if (csr.signatureAlgorithm.algorithmId === OID_ED25519 || request.keyAlgorithm.family === 'ed25519') {
      if (csr.signatureAlgorithm.algorithmId !== OID_ED25519 || request.keyAlgorithm.family !== 'ed25519') ok = false;
      else {
        const { key } = await importSpki(request.subjectPublicKeyInfo);
        ok = await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, toArrayBuffer(new Uint8Array(csr.signatureValue.valueBlock.valueHexView)), toArrayBuffer(csr.tbsView));
      }
    } else {
      ok = await csr.verify();
    }
  } catch (e) {
    throw new CertbenchError('ca.csrSignatureUncheckable', { reason: errorMessage(e) }, WHERE);
  }
  if (!ok) throw new CertbenchError('ca.csrSignatureBad', undefined, WHERE);
}

/** Parse and verify in one step: what every signing path uses. */
export async function readVerifiedRequest(input: string | Uint8Array): Promise<CertificateRequest> {
  const request = parseCertificateRequest(input);
  await verifyCertificateRequest(request);
  return request;
}

