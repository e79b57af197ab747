/** CA ids and the facts the issuing code reads from a CA certificate. */
import { toArrayBuffer, toHex } from '../bytes.ts';
import { certificateFacts, type CertificateFacts } from '../cert/read.ts';
import { keyIdentifierOf, parseSpki } from '../cert/spki.ts';
import { readCertView } from '../verify/certificate.ts';
import { verifySignature } from '../verify/signature.ts';

/** Hex SHA-256 of the certificate DER: the CA's id in every store. */
export async function caIdOf(certificate: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', toArrayBuffer(certificate))));
}

/** The CA's key identifier: its SKI extension, else computed the way OpenSSL does. */
export async function caKeyIdentifier(facts: CertificateFacts): Promise<Uint8Array> {
  return facts.subjectKeyIdentifier ?? keyIdentifierOf(parseSpki(facts.subjectPublicKeyInfo));
}

export function caFacts(certificate: Uint8Array): CertificateFacts {
  return certificateFacts(certificate, 'CA certificate');
}

/**
 * Whether `issuer`'s key signed `certificate` (its signature verifies with the issuer's public key).
 * False for anything that is not a certificate or whose algorithm cannot be checked.
 */
export async function signedBy(certificate: Uint8Array, issuer: Uint8Array): Promise<boolean> {
  try {
    const child = readCertView(certificate);
    if (child.malformed.length) return false;
    return await verifySignature(child.tbs, child.signature, child.signatureAlgorithm.oid, child.signatureAlgorithm.params, readCertView(issuer).spki);
  } catch {
    return false;
  }
}
