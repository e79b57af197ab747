/** The shapes the CA core hands to its callers (the IndexedDB store, the CLI's directory store, the UI). */
import type { SubjectAltName } from '../cert/general-names.ts';

/** A CA as the core needs it to issue: its certificate and the issuers above it. */
export interface CaCertificates {
  /** Stable id: hex SHA-256 of the CA certificate's DER (the same CA imported twice gets the same id). */
  id: string;
  certificate: Uint8Array;
  /** Certificates above this CA, nearest first, up to and including the root (empty for a root). */
  chain: Uint8Array[];
}

/** A CA that can sign right now: its certificates plus its private key (possibly non-extractable). */
export interface CaSigner extends CaCertificates {
  key: CryptoKey;
}

/** RFC 5280 §5.3.1 CRLReason codes (7 is unused). */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;
export type RevocationReason = keyof typeof REVOCATION_REASONS;

/** One certificate a CA issued: the inventory row. Dates are ISO strings so the row survives JSON and structured clone alike. */
export interface IssuedCertificate {
  caId: string;
  /** Lowercase hex of the serial's magnitude: unique per CA. */
  serialHex: string;
  /** OpenSSL one-line form, `CN = x, O = y`. */
  subject: string;
  subjectAltNames: SubjectAltName[];
  profile: string;
  notBefore: string;
  notAfter: string;
  status: 'valid' | 'revoked';
  revokedAt?: string;
  revocationReason?: RevocationReason;
  der: Uint8Array;
}

/**
 * The shortest passphrase (in characters) a new CA key is wrapped with, in the browser store and the
 * CLI's directory alike; keys wrapped earlier still unlock.
 */
export const MIN_CA_PASSPHRASE_LENGTH = 12;
