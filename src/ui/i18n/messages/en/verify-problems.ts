/**
 * problem-words.ts in words: the checks the chain screen marks on every certificate of the path
 * (`check.<id>`) and what to do about each verify problem code (`fix.<code>`, codes kept as the core names them).
 */
const en = {
  'check.signature': 'Signature',
  'check.validity': 'Valid at the chosen time',
  'check.ca': 'CA role and constraints',
  'check.purpose': 'Purpose (extended key usage)',
  'check.format': 'Well-formed (names, extensions)',
  'fix.bad-signature':
    'This certificate was not signed by the key of the issuer found: put the right issuer in the pile, or reissue the certificate from the CA that should sign it.',
  'fix.weak-signature': 'Reissue it signed with SHA-256 or better.',
  'fix.weak-key': 'Reissue it with RSA 2048+ or an EC P-256/P-384 key.',
  'fix.unsupported-key': 'Reissue it with an RSA, ECDSA P-256/384/521 or Ed25519 key.',
  'fix.expired': 'Renew the certificate (or check the "as of" time and the machine clock).',
  'fix.not-yet-valid': 'Wait until it starts, fix the clock of the machine that issued it, or check the "as of" time.',
  'fix.revoked': 'Issue a new certificate; a revoked one cannot be brought back.',
  'fix.crl-invalid': 'Fetch a current CRL signed by the issuing CA.',
  'fix.not-ca': 'Reissue the intermediate with basicConstraints critical, CA:TRUE (openssl: -extfile with "basicConstraints=critical,CA:TRUE").',
  'fix.no-keycertsign': 'Reissue the CA with keyUsage keyCertSign, cRLSign.',
  'fix.pathlen-exceeded': 'Reissue the CA with a larger pathlen, or remove an intermediate from the chain.',
  'fix.leaf-is-ca': 'Reissue the leaf with basicConstraints CA:FALSE: a CA certificate must not be used as a server or client certificate.',
  'fix.leaf-keycertsign': 'Reissue the leaf without keyCertSign in keyUsage.',
  'fix.path-too-long': 'Use a shorter chain: fewer intermediates between the leaf and the root.',
  'fix.bad-name-constraints': 'Reissue the CA with well-formed nameConstraints.',
  'fix.name-constraints':
    'The leaf names something the CA may not vouch for: reissue the leaf with allowed names, or use a CA whose nameConstraints permit them.',
  'fix.leaf-name-constraints': 'Reissue the leaf without nameConstraints.',
  'fix.no-issuer': 'Add the missing intermediate or root to the pile, or choose the CA that issued it as the trust anchor.',
  'fix.wrong-eku': 'Reissue it with the extendedKeyUsage for this purpose (serverAuth for servers, clientAuth for clients), or choose another purpose.',
  'fix.missing-eku': 'Reissue the leaf with extendedKeyUsage serverAuth and/or clientAuth, or check with the RFC 5280 profile if only Go and openssl clients will see it.',
  'fix.root-eku': 'Choose a root without an extendedKeyUsage that excludes this purpose.',
  'fix.too-many-paths': 'Remove unrelated certificates from the pile.',
  'fix.name-mismatch': 'Reissue the certificate with the name in its subjectAltName.',
  'fix.missing-ski': 'Reissue the CA with subjectKeyIdentifier=hash.',
  'fix.missing-aki': 'Reissue with authorityKeyIdentifier=keyid.',
  'fix.bad-san': 'Reissue the certificate with valid subjectAltName entries (DNS names, IP addresses).',
  'fix.cn-spelling': 'Put every host name in subjectAltName; the CN is not used for names.',
  'fix.other': 'Reissue the certificate with this field corrected.',
} as const;

export default en;
