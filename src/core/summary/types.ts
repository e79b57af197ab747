/** What a summary holds: plain data (it crosses the Worker boundary). */
import type { ObjectKind } from '../types.ts';
import type { KeyInfo } from '../asn1/key-info.ts';
import type { CoreMessage, LocatedMessage } from '../errors.ts';

export type { KeyInfo };

export type ValidityState = 'valid' | 'expiring-soon' | 'expired' | 'not-yet-valid';

export interface Validity {
  /** ISO 8601, UTC. */
  notBefore: string;
  notAfter: string;
  state: ValidityState;
  /** Whole days to expiry (valid), since expiry (expired) or to the start (not yet valid). */
  days: number;
  /** "expires in 12 days", "expired 3 days ago", "not yet valid (starts in 2 days)". */
  text: string;
}

export interface Fingerprints {
  sha256: string;
  sha1: string;
}

export interface Summary {
  kind: ObjectKind;
  /** A short title for the card: the subject's CN, else the subject, else the kind; in English (the CLI's words). */
  title: string;
  /** The same title as a message id, for the UI to word in its language (set with summary/title.ts). */
  titleSaid?: CoreMessage;
  subject?: string;
  issuer?: string;
  /** The last CN of the subject and of the issuer (certificates, CSRs; CRLs: the issuer's), for grouping and titles. */
  subjectCn?: string;
  issuerCn?: string;
  /** subjectKeyIdentifier and authorityKeyIdentifier keyIdentifier, uppercase colon hex like the fingerprints. */
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** Uppercase hex, as `openssl x509 -serial` prints it. */
  serialNumber?: string;
  /** As OpenSSL prints them: "DNS:example.com", "IP Address:192.0.2.1", "email:a@b", "othername: UPN::u@x" (hidden characters escaped, as in every name here). */
  sans?: string[];
  validity?: Validity;
  key?: KeyInfo;
  signatureAlgorithm?: string;
  /** basicConstraints cA (certificates). */
  isCa?: boolean;
  pathLength?: number;
  /** Subject equals issuer and the authority key identifier, if any, names this certificate's own key. */
  selfSigned?: boolean;
  fingerprints?: Fingerprints;
  /** base64(SHA-256(SubjectPublicKeyInfo DER)). */
  spkiSha256?: string;
  /** CRLs. */
  thisUpdate?: string;
  nextUpdate?: string;
  revokedCount?: number;
  crlNumber?: string;
  /** PKCS#7 bundles. */
  certificateCount?: number;
  /** Encrypted private keys: the summary is partial until the passphrase is given. */
  encrypted?: boolean;
  /** What could not be read (worded by the reader's language); the rest of the summary still stands. */
  notes: LocatedMessage[];
}
