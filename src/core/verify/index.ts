/**
 * Verification: the public API the UI and the CLI build on. Pure (no DOM, no Node APIs), runs on
 * `globalThis.crypto`; failures a person can see are CertbenchErrors, and every reason a chain or a
 * name is refused comes back as a message id with params (`said`, worded by the UI in its language;
 * catalogs src/core/messages/<locale>/verify-chain.ts, verify-names.ts) and in English (`message`).
 *
 * Chains
 * - verifyChain(leafDer, { trusted, untrusted?, at?, purpose?: 'server'|'client'|'any', peerName?,
 *     maxIntermediates?, anchorChecks?, minRsaBits?, allowSha1?, profile?: 'webpki'|'rfc5280', crls? })
 *     → Promise<VerifyResult { ok, path: PathEntry[] (leaf first), problems: VerifyProblem[], pathsTried }>
 *   Builds every path through the pile (issuer = subject, AKI = SKI preferred), checks signatures
 *   (RSA PKCS#1 v1.5, RSA-PSS, ECDSA P-256/384/521, Ed25519), validity at `at`, basicConstraints and
 *   pathLen, keyCertSign, name constraints (DNS, IP, email, DirName, incl. the subject's
 *   emailAddress), EKU on the leaf and on CAs, unknown critical extensions, CRLs when given.
 *   The first path that passes wins; otherwise the nearest one is returned with its problems, each
 *   { code, index (0 = leaf), message: "intermediate 'X' is not a CA: basicConstraints missing", said }.
 *   profile 'webpki' (default) adds the CA/Browser Forum rules browsers enforce; 'rfc5280' is lenient
 *   where Chromium's RFC 5280 verifier is. Certificate policies are accepted but not enforced.
 * - summariseProblems(problems) → one line.
 *
 * Names
 * - matchPeerName(peer, sans, subject) → { ok, message? }: RFC 6125 as browsers apply it (SAN only;
 *   wildcard = whole left-most label, one label, never for IPs; a CN-only match is explained).
 * - peerNameOf("10.0.0.1" | "[::1]" | "host") → PeerName.
 *
 * Keys
 * - matchKeys(foundObjects) → MatchReport { groups (one per public key, with members), skipped, allMatch }
 * - publicKeyIdentity(foundObject) → { description, id }  (RSA, EC any curve, Ed/X25519, Ed/X448, DSA)
 *
 * Compare
 * - compareObjects(left, right) → CertificateDiff { identical, sections: [{ section, status, lines: [{ op, text }] }] }
 * - diffDumps(leftText, rightText): the same for texts already printed.
 */
export { verifyChain, summariseProblems } from './verify.ts';
export type { AnchorChecks, PathEntry, PeerName, Purpose, VerifyOptions, VerifyProblem, VerifyResult } from './types.ts';
export { matchPeerName, peerNameOf, type NameMatch } from './hostname.ts';
export { matchKeys, publicKeyIdentity, type KeyGroup, type MatchReport, type PublicKeyIdentity } from './match.ts';
export { compareObjects, diffDumps, type CertificateDiff, type DiffLine, type SectionDiff } from './compare.ts';
