/**
 * Chain verification: builds every path from the leaf to a trusted certificate through the given
 * pile (matching issuer to subject names, preferring AKI = SKI), checks each signature as it goes,
 * then runs the path checks. The first path that passes wins; otherwise the path with the fewest
 * problems is reported, with its problems in words.
 */
import { bytesEqual, toHex } from '../bytes.ts';
import { errorMessage, msg, type CoreMessage } from '../errors.ts';
import { readCertView, type CertView } from './certificate.ts';
import { checkCrls, readCrls, type CrlView } from './crl.ts';
import { checkPath, type PathContext } from './path-checks.ts';
import { problem } from './said.ts';
import { verifySignature } from './signature.ts';
import { visibleText } from '../text/visible.ts';
import type { PathEntry, VerifyOptions, VerifyProblem, VerifyResult } from './types.ts';

/** Limits that keep a hostile pile from taking forever (limbo's pathological cases). */
const MAX_PATHS = 64;
const MAX_SIGNATURE_CHECKS = 256;
const DEFAULT_MAX_INTERMEDIATES = 8;

interface Candidate {
  view: CertView;
  trusted: boolean;
}

interface Attempt {
  path: Candidate[];
  problems: VerifyProblem[];
}

function entryOf(c: Candidate, i: number, n: number, anchorSelfIssued: boolean, reachedAnchor: boolean): PathEntry {
  const role = i === 0 ? 'leaf' : reachedAnchor && i === n - 1 ? 'anchor' : 'intermediate';
  void anchorSelfIssued;
  return {
    der: c.view.der, role, subject: visibleText(c.view.subjectText), issuer: visibleText(c.view.issuerText), label: c.view.label, labelSaid: c.view.labelSaid,
    notBefore: c.view.notBefore, notAfter: c.view.notAfter, trusted: c.trusted,
  };
}

function readAll(ders: readonly Uint8Array[], what: string): CertView[] {
  return ders.map((d, i) => readCertView(d, `${what} ${i + 1}`));
}

/**
 * Verifies `leaf` against `options.trusted`, using `options.untrusted` to build the path.
 * Throws a CertbenchError only when an input is not a certificate at all.
 */
export async function verifyChain(leaf: Uint8Array, options: VerifyOptions): Promise<VerifyResult> {
  const leafView = readCertView(leaf, 'leaf certificate');
  const anchors = readAll(options.trusted, 'trusted certificate').map((view) => ({ view, trusted: true }));
  const pool = readAll(options.untrusted ?? [], 'untrusted certificate').map((view) => ({ view, trusted: false }));
  const crls: CrlView[] = readCrls(options.crls ?? []);
  const ctx: PathContext = {
    // Certificate times have whole seconds, and validity includes both ends (RFC 5280 §4.1.2.5).
    at: new Date(Math.floor((options.at ?? new Date()).getTime() / 1000) * 1000),
    purpose: options.purpose ?? 'server',
    profile: options.profile ?? 'webpki',
    anchor: options.anchorChecks ?? { validity: true, constraints: true },
    minRsaBits: options.minRsaBits ?? 2048,
    allowSha1: options.allowSha1 ?? false,
    peerName: options.peerName,
  };
  const maxIntermediates = options.maxIntermediates ?? DEFAULT_MAX_INTERMEDIATES;
  const sigCache = new Map<string, Promise<true | { reason: CoreMessage } | false>>();
  let signatureChecks = 0;
  let pathsTried = 0;
  let best: Attempt | undefined;
  let deadEnd: Attempt | undefined;

  /** true, false (does not verify), or why it cannot be checked. */
  const signedBy = (child: CertView, issuer: CertView): Promise<true | { reason: CoreMessage } | false> => {
    const key = `${toHex(child.der.subarray(-32))}|${toHex(issuer.der.subarray(-32))}|${child.der.length}|${issuer.der.length}`;
    let p = sigCache.get(key);
    if (!p) {
      signatureChecks++;
      p = verifySignature(child.tbs, child.signature, child.signatureAlgorithm.oid, child.signatureAlgorithm.params, issuer.spki)
        .catch((e: unknown) => ({ reason: errorMessage(e) }));
      sigCache.set(key, p);
    }
    return p;
  };

  const isAnchor = (c: CertView) => anchors.some((a) => bytesEqual(a.view.der, c.der));
  const issuersOf = (c: CertView): Candidate[] => {
    const all = [...anchors, ...pool].filter((x) => x.view.subjectKey === c.issuerKey);
    const akiMatch = (x: Candidate) => {
      const want = c.authorityKeyId?.keyId;
      const have = x.view.subjectKeyId;
      return want && have ? (bytesEqual(want, have) ? 0 : 2) : 1;
    };
    return all.sort((a, b) => akiMatch(a) - akiMatch(b) || Number(b.trusted) - Number(a.trusted));
  };

  const consider = (attempt: Attempt) => {
    if (!best || attempt.problems.length < best.problems.length) best = attempt;
  };

  const extend = async (path: Candidate[]): Promise<Attempt | undefined> => {
    const last = path[path.length - 1]!;
    if (last.trusted || (path.length === 1 && isAnchor(last.view))) {
      pathsTried++;
      const views = path.map((p) => p.view);
      const problems = [...checkPath(views, ctx), ...(await checkCrls(views, crls, ctx.at))];
      const attempt = { path, problems };
      if (!problems.length) return attempt;
      consider(attempt);
      return undefined;
    }
    const candidates = issuersOf(last.view);
    const dead: VerifyProblem[] = [];
    let tooLong = false;
    for (const issuer of candidates) {
      if (pathsTried >= MAX_PATHS || signatureChecks >= MAX_SIGNATURE_CHECKS) break;
      // A certificate may appear once per path; the same name and key again is a loop too.
      if (path.some((p) => bytesEqual(p.view.der, issuer.view.der) || (p.view.subjectKey === issuer.view.subjectKey && bytesEqual(p.view.spki, issuer.view.spki)))) continue;
      // Self-issued intermediates (key rollover) do not count toward the depth limit.
      if (!issuer.trusted && !issuer.view.selfIssued && path.slice(1).filter((p) => !p.view.selfIssued).length >= maxIntermediates) {
        tooLong = true;
        continue;
      }
      const sig = await signedBy(last.view, issuer.view);
      if (sig !== true) {
        const who = msg(path.length === 1 ? 'chain.who.leaf' : 'chain.who.intermediate', { label: last.view.labelSaid });
        const by = msg(issuer.trusted ? 'chain.issuerTrusted' : 'chain.issuer', { label: issuer.view.labelSaid });
        dead.push(problem('bad-signature', path.length - 1, sig === false ? msg('chain.signatureBad', { who, issuer: by }) : msg('chain.signatureUnchecked', { who, reason: sig.reason, issuer: by })));
        continue;
      }
      const found = await extend([...path, issuer]);
      if (found) return found;
    }
    if (!deadEnd || path.length > deadEnd.path.length || (path.length === deadEnd.path.length && dead.length && !deadEnd.problems.some((p) => p.code === 'bad-signature'))) {
      const who = msg(path.length === 1 ? 'chain.who.leaf' : 'chain.who.intermediate', { label: last.view.labelSaid });
      const problems = dead.length
        ? dead
        : tooLong
          ? [problem('path-too-long', path.length - 1, msg(maxIntermediates === 1 ? 'chain.noPathWithinOne' : 'chain.noPathWithinMany', { max: maxIntermediates }))]
          : pathsTried >= MAX_PATHS || signatureChecks >= MAX_SIGNATURE_CHECKS
            ? [problem('too-many-paths', undefined, msg('chain.tooManyPaths'))]
            : [problem('no-issuer', path.length - 1, msg('chain.noIssuer', { who, issuer: last.view.issuerText }))];
      deadEnd = { path, problems };
    }
    return undefined;
  };

  const ok = await extend([{ view: leafView, trusted: false }]);
  const result = ok ?? best ?? deadEnd!;
  const reached = !!ok || !!best;
  const n = result.path.length;
  const anchorSelf = result.path[n - 1]!.view.selfIssued;
  return {
    ok: !!ok,
    path: result.path.map((c, i) => entryOf(c, i, n, anchorSelf, reached)),
    // Messages quote names from the certificates: problem() showed their hidden and bidi characters escaped.
    problems: ok ? [] : result.problems,
    pathsTried,
  };
}

/** A readable one-line reason, for a CLI or a toast. */
export function summariseProblems(problems: readonly VerifyProblem[]): string {
  if (!problems.length) return 'OK';
  return problems.map((p) => p.message).join('; ');
}
