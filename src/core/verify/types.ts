/** The plain-data shapes of chain verification: what goes in, what comes back. */
import type { CoreMessage, MessageParam } from '../errors.ts';

/** What the leaf is for; `any` skips the EKU check. */
export type Purpose = 'server' | 'client' | 'any';

/** The name the leaf must be valid for (TLS server name, IP, or a client's email). */
export type PeerName = { kind: 'dns'; value: string } | { kind: 'ip'; value: string } | { kind: 'email'; value: string };

/**
 * How much of the trust anchor is checked. Browsers and Go treat a root as a bag of
 * (name, key) and check nothing else on it; RFC 5280 path validation as OpenSSL and limbo's
 * harness do it also checks the root's validity and constraints.
 */
export interface AnchorChecks {
  /** Check the anchor's notBefore/notAfter. */
  validity: boolean;
  /** Check the anchor's basicConstraints, keyUsage, EKU, name constraints, pathLen and critical extensions. */
  constraints: boolean;
}

export interface VerifyOptions {
  /** Certificates trusted as anchors (roots, or a CA from the store). */
  trusted: readonly Uint8Array[];
  /** Extra certificates that may be used to build the path (intermediates, in any order). */
  untrusted?: readonly Uint8Array[];
  /** The moment to check validity at ("as of"); default now. */
  at?: Date;
  /** default 'server' */
  purpose?: Purpose;
  /** Check the leaf against this name (SAN only: the subject CN is never used). */
  peerName?: PeerName;
  /** Most intermediates allowed between the leaf and the anchor (limbo's max_chain_depth). */
  maxIntermediates?: number;
  /** default: validity and constraints both checked (RFC 5280 / OpenSSL). */
  anchorChecks?: AnchorChecks;
  /** Smallest accepted RSA modulus; default 2048 (CA/Browser Forum). */
  minRsaBits?: number;
  /** Accept SHA-1 signatures below the anchor; default false (browsers reject them since 2017). */
  allowSha1?: boolean;
  /**
   * 'webpki' (default): the CA/Browser Forum profile browsers enforce (leaf must not be a CA, must
   * have a SAN and an EKU, RSA ≥ 2048, …). 'rfc5280': only what RFC 5280 requires.
   */
  profile?: 'webpki' | 'rfc5280';
  /** CRLs (DER) to check revocation against; a certificate is only checked when its issuer's CRL is given. */
  crls?: readonly Uint8Array[];
}

/** One reason a path is not valid, in words, naming the certificate it is about. */
export interface VerifyProblem {
  /** Stable machine code: 'expired', 'not-ca', 'bad-signature', 'hostname-mismatch', … */
  code: string;
  /** Position in the path (0 = leaf), when the problem is about one certificate. */
  index?: number;
  /** In English, as the CLI prints it: "intermediate 'Example CA' is not a CA: basicConstraints missing" */
  message: string;
  /** The same as a message id with params, for the UI to word in its language. */
  said: CoreMessage;
}

/** One certificate of a built path, for display. */
export interface PathEntry {
  der: Uint8Array;
  /** 'leaf', 'intermediate' or 'anchor' */
  role: 'leaf' | 'intermediate' | 'anchor';
  /** The subject in OpenSSL's one-line form. */
  subject: string;
  issuer: string;
  /** CN, else the one-line subject: what messages call it. */
  label: string;
  /** The label as a message param: the label itself, or "(empty subject)" in words. */
  labelSaid: MessageParam;
  notBefore: Date;
  notAfter: Date;
  /** Whether this certificate came from the trusted set. */
  trusted: boolean;
}

export interface VerifyResult {
  ok: boolean;
  /** The path that verified, or the most nearly valid one found (leaf first). Empty if none reached an anchor. */
  path: PathEntry[];
  /** Empty when ok. */
  problems: VerifyProblem[];
  /** How many candidate paths were examined. */
  pathsTried: number;
}
