/**
 * The checks on one complete candidate path (leaf first, trust anchor last), each failure told
 * in words that name the certificate. Signatures are checked while the path is built (path.ts);
 * everything else is here.
 */
import { bytesEqual } from '../bytes.ts';
import { errorMessage, msg, type CoreMessage, type MessageParam } from '../errors.ts';
import { parseIpAddress } from '../cert/ip.ts';
import { EXT, type CertView } from './certificate.ts';
import { canonicalIpText, generalNameSaid, type VerifyGeneralName } from './general-names.ts';
import { commonNames } from './names.ts';
import { dnsSanProblem, matchPeerName } from './hostname.ts';
import { constraintBaseProblem, constraintViolation, MAX_NAME_CONSTRAINT_CHECKS } from './name-constraints.ts';
import { isSha1Signature, publicKeyAlgorithm, signatureAlgorithmName } from './signature.ts';
import { problem } from './said.ts';
import type { AnchorChecks, Purpose, VerifyOptions, VerifyProblem } from './types.ts';

export const EKU = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2', any: '2.5.29.37.0' } as const;
const PURPOSE_EKU: Record<Exclude<Purpose, 'any'>, string> = { server: EKU.serverAuth, client: EKU.clientAuth };
const EKU_NAMES: Record<string, string> = {
  [EKU.serverAuth]: 'serverAuth', [EKU.clientAuth]: 'clientAuth', [EKU.any]: 'anyExtendedKeyUsage',
  '1.3.6.1.5.5.7.3.3': 'codeSigning', '1.3.6.1.5.5.7.3.4': 'emailProtection', '1.3.6.1.5.5.7.3.8': 'timeStamping', '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

/** CABF 7.1.2.7.10: a TLS leaf's EKU must not also allow these. */
const FORBIDDEN_LEAF_EKUS: string[] = [EKU.any, '1.3.6.1.5.5.7.3.3', '1.3.6.1.5.5.7.3.8', '1.3.6.1.5.5.7.3.9'];

/** Extensions the verifier understands, so they may be critical. Policy extensions are accepted but not enforced. */
const UNDERSTOOD = new Set<string>([
  EXT.basicConstraints, EXT.keyUsage, EXT.extKeyUsage, EXT.subjectAltName, EXT.nameConstraints,
  EXT.certificatePolicies, EXT.policyConstraints, EXT.policyMappings, EXT.inhibitAnyPolicy,
]);
/** RFC 5280 says these MUST NOT be critical. */
const NEVER_CRITICAL: Record<string, string> = {
  [EXT.authorityKeyIdentifier]: 'authorityKeyIdentifier', [EXT.subjectKeyIdentifier]: 'subjectKeyIdentifier', [EXT.authorityInfoAccess]: 'authorityInfoAccess',
};

function ekuName(oid: string): string {
  return EKU_NAMES[oid] ?? oid;
}

/** How messages name certificate `i` of a path of `n`: "leaf 'www.example.com'", "root 'Example Root'". */
function whoSaid(i: number, n: number, anchorSelfIssued: boolean, label: MessageParam): CoreMessage {
  const id = i === n - 1 ? (i === 0 ? 'chain.who.trusted' : anchorSelfIssued ? 'chain.who.root' : 'chain.who.anchor') : i === 0 ? 'chain.who.leaf' : 'chain.who.intermediate';
  return msg(id, { label });
}

/** A check's verdict on one certificate of the path: `who` names it. */
type Say = (who: CoreMessage) => CoreMessage;

export interface PathContext {
  at: Date;
  purpose: Purpose;
  profile: 'webpki' | 'rfc5280';
  anchor: AnchorChecks;
  minRsaBits: number;
  allowSha1: boolean;
  peerName: VerifyOptions['peerName'];
}

export function checkPath(path: readonly CertView[], ctx: PathContext): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const n = path.length;
  const anchor = path[n - 1]!;
  const webpki = ctx.profile === 'webpki';
  const add = (code: string, index: number, say: Say) => problems.push(problem(code, index, say(whoSaid(index, n, anchor.selfIssued, path[index]!.labelSaid))));

  for (let i = 0; i < n; i++) {
    const c = path[i]!;
    const isAnchor = i === n - 1 && n > 1;
    const isCa = i > 0;
    const checkConstraints = !isAnchor || ctx.anchor.constraints;

    if (checkConstraints) for (const m of c.malformed) add('malformed', i, (who) => msg('chain.malformed', { who, reason: m }));
    if (!isAnchor || ctx.anchor.validity) {
      if (Number.isNaN(c.notBefore.getTime())) { /* reported as malformed */ }
      else if (ctx.at < c.notBefore) add('not-yet-valid', i, (who) => msg('chain.notYetValid', { who, notBefore: c.notBefore.toISOString(), at: ctx.at.toISOString() }));
      else if (ctx.at > c.notAfter) add('expired', i, (who) => msg('chain.expired', { who, notAfter: c.notAfter.toISOString(), at: ctx.at.toISOString() }));
    }
    try {
      const key = publicKeyAlgorithm(c.spki);
      if (key.family === 'rsa' && key.bits < ctx.minRsaBits) add('weak-key', i, (who) => msg('chain.rsaTooSmall', { who, bits: key.bits, min: ctx.minRsaBits }));
      else if (key.family === 'rsa' && key.bits % 8 && webpki) add('weak-key', i, (who) => msg('chain.rsaOddBits', { who, bits: key.bits }));
    } catch (e) {
      add('unsupported-key', i, (who) => msg('chain.keyUnsupported', { who, reason: errorMessage(e) }));
    }
    if (!isAnchor && n > 1 && isSha1Signature(c.signatureAlgorithm.oid) && !ctx.allowSha1) {
      add('weak-signature', i, (who) => msg('chain.sha1', { who, algorithm: signatureAlgorithmName(c.signatureAlgorithm.oid) }));
    }
    if (!checkConstraints) continue;

    if (c.version !== 3 && webpki && !(isAnchor && c.selfIssued)) add('not-v3', i, (who) => msg('chain.notV3', { who, version: c.version }));
    if (!isAnchor) checkSerial(c, (say) => add('bad-serial', i, say));
    if (!c.issuer.length) add('empty-issuer', i, (who) => msg('chain.emptyIssuer', { who }));
    if (isCa && !c.subject.length) add('empty-subject', i, (who) => msg('chain.caEmptySubject', { who }));

    for (const ext of c.extensions) {
      const never = NEVER_CRITICAL[ext.oid];
      if (ext.critical && never) add('critical-extension', i, (who) => msg('chain.mustNotBeCritical', { who, extension: never }));
      else if (ext.critical && !UNDERSTOOD.has(ext.oid)) add('unknown-critical-extension', i, (who) => msg('chain.unknownCritical', { who, oid: ext.oid }));
    }
    const pc = c.extensions.find((e) => e.oid === EXT.policyConstraints);
    if (pc && !pc.critical) add('noncritical-extension', i, (who) => msg('chain.policyConstraintsNotCritical', { who }));

    const bc = c.basicConstraints;
    if (isCa) {
      // A trust anchor without basicConstraints (a v1 root) is still accepted by RFC 5280 verifiers.
      if (!bc) {
        if (webpki || !isAnchor) add('not-ca', i, (who) => msg('chain.notCaMissing', { who }));
      } else if (!bc.ca) add('not-ca', i, (who) => msg('chain.notCaFalse', { who }));
      else {
        if (!bc.critical && webpki) add('not-ca', i, (who) => msg('chain.caNotCritical', { who }));
        if (bc.pathLen !== undefined) {
          const below = path.slice(1, i).filter((x) => !x.selfIssued).length;
          const pathLen = bc.pathLen;
          if (below > pathLen) add('pathlen-exceeded', i, (who) => msg(pathLen === 1 ? 'chain.pathLenOne' : 'chain.pathLenMany', { who, pathLen, below }));
        }
      }
      const ku = c.keyUsage;
      if (ku && !ku.usages.has('keyCertSign')) add('no-keycertsign', i, (who) => msg('chain.noKeyCertSign', { who, usages: [...ku.usages].join(', ') }));
      if (!c.subjectKeyId) add('missing-ski', i, (who) => msg('chain.caNoSki', { who }));
    } else {
      if (webpki && bc?.pathLen !== undefined && !bc.ca) add('malformed', i, (who) => msg('chain.pathLenWithoutCa', { who }));
      if (webpki && bc?.ca && n > 1) add('leaf-is-ca', i, (who) => msg('chain.leafIsCa', { who }));
      if (webpki && n > 1 && c.keyUsage?.usages.has('keyCertSign')) add('leaf-keycertsign', i, (who) => msg('chain.leafKeyCertSign', { who }));
      if (c.nameConstraints) add('leaf-name-constraints', i, (who) => msg('chain.leafNameConstraints', { who }));
    }

    const aki = c.authorityKeyId;
    const selfSignedAnchor = isAnchor && c.selfIssued;
    if (!isAnchor && !c.selfIssued && n > 1 && !aki?.keyId) add('missing-aki', i, (who) => msg('chain.noAki', { who }));
    if (selfSignedAnchor && aki) {
      if (!aki.keyId) add('bad-aki', i, (who) => msg('chain.akiNoKeyId', { who }));
      else if (aki.hasIssuer || aki.hasSerial) add('bad-aki', i, (who) => msg('chain.akiIssuerSerial', { who }));
      else if (c.subjectKeyId && !bytesEqual(aki.keyId, c.subjectKeyId)) add('bad-aki', i, (who) => msg('chain.akiNotSki', { who }));
    }

    if (c.extKeyUsage && !c.extKeyUsage.oids.length) add('malformed', i, (who) => msg('chain.ekuEmpty', { who }));
    if (webpki && c.extKeyUsage?.critical) add('critical-extension', i, (who) => msg('chain.ekuCritical', { who }));
    if (webpki && isAnchor && c.selfIssued && c.extKeyUsage) add('root-eku', i, (who) => msg('chain.rootEku', { who }));
    if (ctx.purpose !== 'any') {
      const want = PURPOSE_EKU[ctx.purpose];
      const oids = c.extKeyUsage?.oids;
      if (i === 0) {
        if (!oids) {
          if (webpki) add('missing-eku', i, (who) => msg('chain.leafNoEku', { who, eku: ekuName(want) }));
        } else if (!oids.includes(want) && !(oids.includes(EKU.any) && !webpki)) {
          add('wrong-eku', i, (who) => (oids.length ? msg('chain.leafWrongEku', { who, eku: ekuName(want), ekus: oids.map(ekuName).join(', ') }) : msg('chain.leafWrongEkuEmpty', { who, eku: ekuName(want) })));
        } else if (webpki && oids.some((o) => FORBIDDEN_LEAF_EKUS.includes(o))) {
          const bad = oids.filter((o) => FORBIDDEN_LEAF_EKUS.includes(o)).map(ekuName).join(', ');
          add('wrong-eku', i, (who) => msg('chain.leafForbiddenEku', { who, ekus: bad }));
        }
      } else if (oids && !oids.includes(want) && !oids.includes(EKU.any)) {
        add('wrong-eku', i, (who) => msg('chain.caLimitsEku', { who, ekus: oids.map(ekuName).join(', '), eku: ekuName(want) }));
      }
    }

    const san = c.subjectAltNames;
    if (i === 0) {
      if (san && !c.subject.length && !san.critical) add('bad-san', i, (who) => msg('chain.sanNotCritical', { who }));
      if (san && c.subject.length && san.critical && webpki) add('bad-san', i, (who) => msg('chain.sanCritical', { who }));
      if (!san && !c.subject.length) add('bad-san', i, (who) => msg('chain.noSubjectNoSan', { who }));
      if (webpki && san) {
        for (const cn of commonNames(c.subject)) {
          // eslint-disable-next-line no-control-regex
          if (/[^\x00-\x7f]/.test(cn)) add('cn-spelling', i, (who) => msg('chain.cnNonAscii', { who, cn }));
          const twin = cnInSans(cn, san.names) ? undefined : sanSpelledDifferently(cn, san.names);
          if (twin) add('cn-spelling', i, (who) => msg(twin.kind === 'ip' ? 'chain.cnSpelledAddress' : 'chain.cnSpelledHost', { who, cn, san: generalNameSaid(twin) }));
        }
      }
      for (const name of san?.names ?? []) {
        const why = name.kind === 'dns' ? dnsSanProblem(name.value) : name.kind === 'ip' && name.bytes.length !== 4 && name.bytes.length !== 16 ? msg('names.ipNot4or16') : undefined;
        if (why) add('bad-san', i, (who) => msg('chain.invalidSan', { who, san: generalNameSaid(name), reason: why }));
        if (name.kind === 'email' && !/^[^@\s"]+@[^@\s]+$/.test(name.value)) add('bad-san', i, (who) => msg('chain.invalidSan', { who, san: generalNameSaid(name), reason: msg('names.notMailbox') }));
      }
    }
  }

  checkNameConstraints(path, ctx, add);
  if (ctx.peerName && path[0]) {
    const m = matchPeerName(ctx.peerName, path[0].subjectAltNames?.names, path[0].subject);
    const peer = ctx.peerName.value;
    if (!m.ok && m.said) { const reason = m.said; add('name-mismatch', 0, (who) => msg('chain.nameMismatch', { who, name: peer, reason })); }
  }
  return problems;
}

/** CABF 7.1.4.3: a CN must repeat one SAN exactly (IPs in their canonical text form). */
function cnInSans(cn: string, sans: readonly VerifyGeneralName[]): boolean {
  return sans.some((n) => (n.kind === 'dns' && n.value === cn) || (n.kind === 'ip' && canonicalIpText(n.bytes) === cn));
}

/** inet_aton's forms: 1–4 parts, each decimal, 0-octal or 0x-hex ("0xC0A80101", "192.168.001.001"). */
function looseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((p) => !/^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.test(p))) return undefined;
  const nums = parts.map((p) => (/^0x/i.test(p) ? parseInt(p.slice(2), 16) : /^0./.test(p) ? parseInt(p, 8) : Number(p)));
  const last = nums.pop()!;
  if (nums.some((x) => x > 255) || last >= 2 ** (8 * (4 - nums.length))) return undefined;
  const value = nums.reduce((acc, x, k) => acc + x * 2 ** (8 * (3 - k)), 0) + last;
  return Uint8Array.of(value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255);
}

function asciiHost(text: string): string | undefined {
  try {
    return new URL(`http://${text}/`).hostname;
  } catch {
    return undefined;
  }
}

/** A SAN that names what the CN names, when the CN is not written exactly like any SAN. */
function sanSpelledDifferently(cn: string, sans: readonly VerifyGeneralName[]): VerifyGeneralName | undefined {
  let ip: Uint8Array | undefined = looseIpv4(cn);
  if (!ip) {
    try {
      ip = parseIpAddress(cn);
    } catch {
      ip = undefined;
    }
  }
  const host = asciiHost(cn);
  return sans.find((n) => (n.kind === 'ip' && ip && bytesEqual(n.bytes, ip)) || (n.kind === 'dns' && host !== undefined && n.value.toLowerCase() === host));
}

function checkSerial(c: CertView, report: (say: Say) => void): void {
  const s = c.serial;
  if (!s.length) return report((who) => msg('chain.serialEmpty', { who }));
  if (s[0]! & 0x80) return report((who) => msg('chain.serialNegative', { who }));
  if (s.every((b) => b === 0)) return report((who) => msg('chain.serialZero', { who }));
  if (s.length > 20) report((who) => msg('chain.serialTooLong', { who, bytes: s.length }));
}

function checkNameConstraints(path: readonly CertView[], ctx: PathContext, add: (code: string, index: number, say: Say) => void): void {
  const n = path.length;
  const budget = { left: MAX_NAME_CONSTRAINT_CHECKS };
  for (let j = 1; j < n; j++) {
    const nc = path[j]!.nameConstraints;
    if (!nc || (j === n - 1 && !ctx.anchor.constraints)) continue;
    const bad = [...(nc.permitted ?? []), ...(nc.excluded ?? [])].map(constraintBaseProblem).find(Boolean);
    if (bad) {
      add('bad-name-constraints', j, (who) => msg('chain.badNameConstraint', { who, reason: bad }));
      continue;
    }
    for (let i = j - 1; i >= 0; i--) {
      const c = path[i]!;
      if (i > 0 && c.selfIssued) continue;
      const why = constraintViolation(c.subjectAltNames?.names ?? [], c.subject, nc, budget);
      if (why) {
        const ca = path[j]!.labelSaid;
        add('name-constraints', i, (who) => msg('chain.violatesNameConstraints', { who, ca, reason: why }));
        if (budget.left < 0) return;
      }
    }
  }
}
