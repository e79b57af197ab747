/**
 * The words the chain screen adds to the core's verdict: which check each problem code belongs to
 * (for the ✓/✗ marks on every certificate of the path) and what to do about it.
 */
export const CHECKS = [
  { id: 'signature', label: 'Signature' },
  { id: 'validity', label: 'Valid at the chosen time' },
  { id: 'ca', label: 'CA role and constraints' },
  { id: 'purpose', label: 'Purpose (extended key usage)' },
  { id: 'format', label: 'Well-formed (names, extensions)' },
] as const;

export type CheckId = (typeof CHECKS)[number]['id'];

const CHECK_OF: Record<string, CheckId> = {
  'bad-signature': 'signature', 'weak-signature': 'signature', 'weak-key': 'signature', 'unsupported-key': 'signature',
  expired: 'validity', 'not-yet-valid': 'validity', revoked: 'validity', 'crl-invalid': 'validity',
  'not-ca': 'ca', 'no-keycertsign': 'ca', 'pathlen-exceeded': 'ca', 'leaf-is-ca': 'ca', 'leaf-keycertsign': 'ca',
  'path-too-long': 'ca', 'bad-name-constraints': 'ca', 'name-constraints': 'ca', 'leaf-name-constraints': 'ca',
  'no-issuer': 'ca',
  'wrong-eku': 'purpose', 'missing-eku': 'purpose', 'root-eku': 'purpose',
};

export function checkOf(code: string): CheckId {
  return CHECK_OF[code] ?? 'format';
}

const FIXES: Record<string, string> = {
  'bad-signature': 'This certificate was not signed by the key of the issuer found: put the right issuer in the pile, or reissue the certificate from the CA that should sign it.',
  'weak-signature': 'Reissue it signed with SHA-256 or better.',
  'weak-key': 'Reissue it with RSA 2048+ or an EC P-256/P-384 key.',
  'unsupported-key': 'Reissue it with an RSA, ECDSA P-256/384/521 or Ed25519 key.',
  expired: 'Renew the certificate (or check the "as of" time and the machine clock).',
  'not-yet-valid': 'Wait until it starts, fix the clock of the machine that issued it, or check the "as of" time.',
  revoked: 'Issue a new certificate; a revoked one cannot be brought back.',
  'crl-invalid': 'Fetch a current CRL signed by the issuing CA.',
  'not-ca': 'Reissue the intermediate with basicConstraints critical, CA:TRUE (openssl: -extfile with "basicConstraints=critical,CA:TRUE").',
  'no-keycertsign': 'Reissue the CA with keyUsage keyCertSign, cRLSign.',
  'pathlen-exceeded': 'Reissue the CA with a larger pathlen, or remove an intermediate from the chain.',
  'leaf-is-ca': 'Reissue the leaf with basicConstraints CA:FALSE: a CA certificate must not be used as a server or client certificate.',
  'leaf-keycertsign': 'Reissue the leaf without keyCertSign in keyUsage.',
  'path-too-long': 'Use a shorter chain: fewer intermediates between the leaf and the root.',
  'bad-name-constraints': 'Reissue the CA with well-formed nameConstraints.',
  'name-constraints': 'The leaf names something the CA may not vouch for: reissue the leaf with allowed names, or use a CA whose nameConstraints permit them.',
  'leaf-name-constraints': 'Reissue the leaf without nameConstraints.',
  'no-issuer': 'Add the missing intermediate or root to the pile, or choose the CA that issued it as the trust anchor.',
  'wrong-eku': 'Reissue it with the extendedKeyUsage for this purpose (serverAuth for servers, clientAuth for clients), or choose another purpose.',
  'missing-eku': 'Reissue the leaf with extendedKeyUsage serverAuth and/or clientAuth.',
  'root-eku': 'Choose a root without an extendedKeyUsage that excludes this purpose.',
  'too-many-paths': 'Remove unrelated certificates from the pile.',
  'name-mismatch': 'Reissue the certificate with the name in its subjectAltName.',
  'missing-ski': 'Reissue the CA with subjectKeyIdentifier=hash.',
  'missing-aki': 'Reissue with authorityKeyIdentifier=keyid.',
  'bad-san': 'Reissue the certificate with valid subjectAltName entries (DNS names, IP addresses).',
  'cn-spelling': 'Put every host name in subjectAltName; the CN is not used for names.',
};

export function fixFor(code: string): string {
  return FIXES[code] ?? 'Reissue the certificate with this field corrected.';
}
