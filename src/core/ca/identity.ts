/** CA ids and the facts the issuing code reads from a CA certificate. */
import { toArrayBuffer, toHex } from '../bytes.ts';
import { certificateFacts, type CertificateFacts } from '../cert/read.ts';
import { keyIdentifierOf, parseSpki } from '../cert/spki.ts';

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
