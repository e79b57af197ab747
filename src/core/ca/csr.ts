/** Reading and verifying a PKCS#10 request before anything is signed for it. */
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes.ts';
import { decodeGeneralNames, type SubjectAltName } from '../cert/general-names.ts';
import { OID } from '../cert/extensions.ts';
import { nameAttributes, type NameAttribute } from '../cert/name.ts';
import { importSpki, keyAlgorithmOfSpki, spkiDer } from '../cert/spki.ts';
import { CertbenchError, describeError } from '../errors.ts';
import type { KeyAlgorithm } from '../keys/key-types.ts';
import { oidDisplayName } from '../oids.ts';
import { derFromInput } from './input.ts';

const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const OID_ED25519 = '1.3.101.112';
const WHERE = 'CSR';

export interface CertificateRequest {
  der: Uint8Array;
  subject: NameAttribute[];
  subjectPublicKeyInfo: Uint8Array;
  keyAlgorithm: KeyAlgorithm;
  /** From the extensionRequest attribute; copied into the certificate. */
  subjectAltNames: SubjectAltName[];
  /** Other requested extensions (OIDs): the profile decides those, and the plan says so. */
  otherRequestedExtensions: string[];
}

function requestedExtensions(csr: pkijs.CertificationRequest): pkijs.Extension[] {
  const attr = csr.attributes?.find((a) => a.type === OID_EXTENSION_REQUEST);
  if (!attr) return [];
  try {
    return new pkijs.Extensions({ schema: attr.values[0] }).extensions;
  } catch (e) {
    throw new CertbenchError(`the extensionRequest attribute cannot be read: ${describeError(e)}`, WHERE);
  }
}

/** Parses a CSR (PEM or DER). Does not verify it: see `verifyCertificateRequest`. */
export function parseCertificateRequest(input: string | Uint8Array): CertificateRequest {
  const der = derFromInput(input, ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'], WHERE);
  let csr: pkijs.CertificationRequest;
  try {
    csr = pkijs.CertificationRequest.fromBER(toArrayBuffer(der));
  } catch (e) {
    throw new CertbenchError(`not a PKCS#10 certificate request: ${describeError(e)}`, WHERE);
  }
  const keyAlgorithm = keyAlgorithmOfSpki(csr.subjectPublicKeyInfo);
  if (!keyAlgorithm) throw new CertbenchError(`its ${oidDisplayName(csr.subjectPublicKeyInfo.algorithm.algorithmId)} public key is not one certbench certifies (RSA, ECDSA P-256/384/521, Ed25519)`, WHERE);
  let subjectAltNames: SubjectAltName[] = [];
  const other: string[] = [];
  for (const ext of requestedExtensions(csr)) {
    if (ext.extnID === OID.subjectAltName) subjectAltNames = decodeGeneralNames(new Uint8Array(ext.extnValue.valueBlock.valueHexView), `${WHERE} › subjectAltName`);
    else other.push(ext.extnID);
  }
  return {
    der,
    subject: nameAttributes(csr.subject),
    subjectPublicKeyInfo: spkiDer(csr.subjectPublicKeyInfo),
    keyAlgorithm,
    subjectAltNames,
    otherRequestedExtensions: other,
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
    throw new CertbenchError(`its signature cannot be checked: ${describeError(e)}`, WHERE);
  }
  if (!ok) throw new CertbenchError('its signature does not verify with its own public key: the request was altered or is corrupt', WHERE);
}

/** Parse and verify in one step: what every signing path uses. */
export async function readVerifiedRequest(input: string | Uint8Array): Promise<CertificateRequest> {
  const request = parseCertificateRequest(input);
  await verifyCertificateRequest(request);
  return request;
}

