/**
 * The checks on one complete candidate path (leaf first, trust anchor last), each failure told
 * in words that name the certificate. Signatures are checked while the path is built (path.ts);
 * everything else is here.
 */
import { bytesEqual } from '../bytes.ts';
import { describeError } from '../errors.ts';
import { parseIpAddress } from '../cert/ip.ts';
import { EXT, type CertView } from './certificate.ts';
import { canonicalIpText, describeGeneralName, type VerifyGeneralName } from './general-names.ts';
import { commonNames } from './names.ts';
import { dnsSanProblem, matchPeerName } from './hostname.ts';
import { constraintBaseProblem, constraintViolation, MAX_NAME_CONSTRAINT_CHECKS } from './name-constraints.ts';
import { isSha1Signature, publicKeyAlgorithm, signatureAlgorithmName } from './signature.ts';
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

export function roleOf(i: number, n: number, anchorSelfIssued: boolean): string {
  if (i === n - 1) return i === 0 ? 'trusted certificate' : anchorSelfIssued ? 'root' : 'trust anchor';
  return i === 0 ? 'leaf' : 'intermediate';
}

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
  const who = (i: number) => `${roleOf(i, n, anchor.selfIssued)} '${path[i]!.label}'`;
  const add = (code: string, index: number, message: string) => problems.push({ code, index, message: `${who(index)} ${message}` });

  for (let i = 0; i < n; i++) {
    const c = path[i]!;
    const isAnchor = i === n - 1 && n > 1;
    const isCa = i > 0;
    const checkConstraints = !isAnchor || ctx.anchor.constraints;

    if (checkConstraints) for (const m of c.malformed) add('malformed', i, `is malformed: ${m}`);
    if (!isAnchor || ctx.anchor.validity) {
      if (Number.isNaN(c.notBefore.getTime())) { /* reported as malformed */ }
      else if (ctx.at < c.notBefore) add('not-yet-valid', i, `is not valid until ${c.notBefore.toISOString()} (checked at ${ctx.at.toISOString()})`);
      else if (ctx.at > c.notAfter) add('expired', i, `expired at ${c.notAfter.toISOString()} (checked at ${ctx.at.toISOString()})`);
    }
    try {
      const key = publicKeyAlgorithm(c.spki);
      if (key.family === 'rsa' && key.bits < ctx.minRsaBits) add('weak-key', i, `has a ${key.bits}-bit RSA key (at least ${ctx.minRsaBits} bits are required)`);
      else if (key.family === 'rsa' && key.bits % 8 && webpki) add('weak-key', i, `has a ${key.bits}-bit RSA key (the modulus must be a whole number of bytes)`);
    } catch (e) {
      add('unsupported-key', i, describeError(e));
    }
    if (!isAnchor && n > 1 && isSha1Signature(c.signatureAlgorithm.oid) && !ctx.allowSha1) {
      add('weak-signature', i, `is signed with ${signatureAlgorithmName(c.signatureAlgorithm.oid)} (SHA-1 signatures are no longer accepted)`);
    }
    if (!checkConstraints) continue;

    if (c.version !== 3 && webpki && !(isAnchor && c.selfIssued)) add('not-v3', i, `is a version ${c.version} certificate (only v3 certificates are accepted)`);
    if (!isAnchor) checkSerial(c, (m) => add('bad-serial', i, m));
    if (!c.issuer.length) add('empty-issuer', i, 'has an empty issuer name');
    if (isCa && !c.subject.length) add('empty-subject', i, 'is a CA with an empty subject name');

    for (const ext of c.extensions) {
      if (ext.critical && NEVER_CRITICAL[ext.oid]) add('critical-extension', i, `marks ${NEVER_CRITICAL[ext.oid]} critical, which RFC 5280 forbids`);
      else if (ext.critical && !UNDERSTOOD.has(ext.oid)) add('unknown-critical-extension', i, `has a critical extension ${ext.oid} that is not understood`);
    }
    const pc = c.extensions.find((e) => e.oid === EXT.policyConstraints);
    if (pc && !pc.critical) add('noncritical-extension', i, 'has a non-critical policyConstraints extension (RFC 5280 requires it critical)');

    const bc = c.basicConstraints;
    if (isCa) {
      // A trust anchor without basicConstraints (a v1 root) is still accepted by RFC 5280 verifiers.
      if (!bc) {
        if (webpki || !isAnchor) add('not-ca', i, 'is not a CA: basicConstraints missing');
      } else if (!bc.ca) add('not-ca', i, 'is not a CA: basicConstraints says CA:FALSE');
      else {
        if (!bc.critical && webpki) add('not-ca', i, 'is a CA whose basicConstraints is not marked critical (RFC 5280 requires it of CAs)');
        if (bc.pathLen !== undefined) {
          const below = path.slice(1, i).filter((x) => !x.selfIssued).length;
          if (below > bc.pathLen) add('pathlen-exceeded', i, `allows ${bc.pathLen} intermediate CA${bc.pathLen === 1 ? '' : 's'} below it (pathlen:${bc.pathLen}) but has ${below}`);
        }
      }
      if (c.keyUsage && !c.keyUsage.usages.has('keyCertSign')) add('no-keycertsign', i, `may not sign certificates: keyUsage lacks keyCertSign (has ${[...c.keyUsage.usages].join(', ')})`);
      if (!c.subjectKeyId) add('missing-ski', i, 'is a CA without a subjectKeyIdentifier');
    } else {
      if (webpki && bc?.pathLen !== undefined && !bc.ca) add('malformed', i, 'has a pathLenConstraint without CA:TRUE');
      if (webpki && bc?.ca && n > 1) add('leaf-is-ca', i, 'is a CA certificate (CA:TRUE) used as a leaf; a server or client certificate must have CA:FALSE');
      if (webpki && n > 1 && c.keyUsage?.usages.has('keyCertSign')) add('leaf-keycertsign', i, 'asserts keyCertSign but is used as a leaf');
      if (c.nameConstraints) add('leaf-name-constraints', i, 'is a leaf with a nameConstraints extension (only CAs may have one)');
    }

    const aki = c.authorityKeyId;
    const selfSignedAnchor = isAnchor && c.selfIssued;
    if (!isAnchor && !c.selfIssued && n > 1 && !aki?.keyId) add('missing-aki', i, 'has no authorityKeyIdentifier key ID (RFC 5280 requires one on every certificate that is not self-signed)');
    if (selfSignedAnchor && aki) {
      if (!aki.keyId) add('bad-aki', i, 'has an authorityKeyIdentifier without a key ID');
      else if (aki.hasIssuer || aki.hasSerial) add('bad-aki', i, 'has an authorityKeyIdentifier with an issuer name and serial (a root should only give its key ID)');
      else if (c.subjectKeyId && !bytesEqual(aki.keyId, c.subjectKeyId)) add('bad-aki', i, 'is self-signed but its authorityKeyIdentifier differs from its subjectKeyIdentifier');
    }

    if (c.extKeyUsage && !c.extKeyUsage.oids.length) add('malformed', i, 'has an empty extKeyUsage');
    if (webpki && c.extKeyUsage?.critical) add('critical-extension', i, 'marks extKeyUsage critical, which the CA/Browser Forum forbids');
    if (webpki && isAnchor && c.selfIssued && c.extKeyUsage) add('root-eku', i, 'is a root with an extKeyUsage extension, which the CA/Browser Forum forbids');
    if (ctx.purpose !== 'any') {
      const want = PURPOSE_EKU[ctx.purpose];
      const oids = c.extKeyUsage?.oids;
      if (i === 0) {
        if (!oids) {
          if (webpki) add('missing-eku', i, `has no extKeyUsage; ${ekuName(want)} is required by browsers (the web PKI profile). Go (the kube-apiserver, kubectl) and openssl verify accept a leaf without one: the RFC 5280 profile does too`);
        } else if (!oids.includes(want) && !(oids.includes(EKU.any) && !webpki)) {
          add('wrong-eku', i, `is not for ${ekuName(want)}: its extKeyUsage is ${oids.map(ekuName).join(', ') || '(empty)'}`);
        } else if (webpki && oids.some((o) => FORBIDDEN_LEAF_EKUS.includes(o))) {
          const bad = oids.filter((o) => FORBIDDEN_LEAF_EKUS.includes(o)).map(ekuName).join(', ');
          add('wrong-eku', i, `has ${bad} in its extKeyUsage, which the CA/Browser Forum forbids in TLS leaf certificates`);
        }
      } else if (oids && !oids.includes(want) && !oids.includes(EKU.any)) {
        add('wrong-eku', i, `limits the certificates below it to ${oids.map(ekuName).join(', ')}; ${ekuName(want)} is not allowed`);
      }
    }

    const san = c.subjectAltNames;
    if (i === 0) {
      if (san && !c.subject.length && !san.critical) add('bad-san', i, 'has an empty subject, so its subjectAltName must be critical');
      if (san && c.subject.length && san.critical && webpki) add('bad-san', i, 'marks subjectAltName critical although its subject is not empty');
      if (!san && !c.subject.length) add('bad-san', i, 'has neither a subject nor a subjectAltName');
      if (webpki && san) {
        for (const cn of commonNames(c.subject)) {
          // eslint-disable-next-line no-control-regex
          if (/[^\x00-\x7f]/.test(cn)) add('cn-spelling', i, `has subject CN "${cn}" with non-ASCII characters, so it cannot repeat a SAN as CA/Browser Forum 7.1.4.3 requires (SANs hold A-labels: xn--…)`);
          const twin = cnInSans(cn, san.names) ? undefined : sanSpelledDifferently(cn, san.names);
          if (twin) add('cn-spelling', i, `has subject CN "${cn}" naming the same ${twin.kind === 'ip' ? 'address' : 'host'} as SAN ${describeGeneralName(twin)} but written differently (CA/Browser Forum 7.1.4.3 requires the SAN's exact text)`);
        }
      }
      for (const name of san?.names ?? []) {
        const why = name.kind === 'dns' ? dnsSanProblem(name.value) : name.kind === 'ip' && name.bytes.length !== 4 && name.bytes.length !== 16 ? 'not 4 or 16 bytes' : undefined;
        if (why) add('bad-san', i, `has an invalid SAN ${describeGeneralName(name)}: ${why}`);
        if (name.kind === 'email' && !/^[^@\s"]+@[^@\s]+$/.test(name.value)) add('bad-san', i, `has an invalid SAN ${describeGeneralName(name)}: not a mailbox`);
      }
    }
  }

  checkNameConstraints(path, ctx, add);
  if (ctx.peerName && path[0]) {
    const m = matchPeerName(ctx.peerName, path[0].subjectAltNames?.names, path[0].subject);
    if (!m.ok) add('name-mismatch', 0, `is not valid for ${ctx.peerName.value}: ${m.message}`);
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

function checkSerial(c: CertView, report: (m: string) => void): void {
  const s = c.serial;
  if (!s.length) return report('has an empty serial number');
  if (s[0]! & 0x80) return report('has a negative serial number');
  if (s.every((b) => b === 0)) return report('has serial number 0 (RFC 5280 requires a positive serial)');
  if (s.length > 20) report(`has a ${s.length}-byte serial number (at most 20 bytes are allowed)`);
}

function checkNameConstraints(path: readonly CertView[], ctx: PathContext, add: (code: string, index: number, message: string) => void): void {
  const n = path.length;
  const budget = { left: MAX_NAME_CONSTRAINT_CHECKS };
  for (let j = 1; j < n; j++) {
    const nc = path[j]!.nameConstraints;
    if (!nc || (j === n - 1 && !ctx.anchor.constraints)) continue;
    const bad = [...(nc.permitted ?? []), ...(nc.excluded ?? [])].map(constraintBaseProblem).find(Boolean);
    if (bad) {
      add('bad-name-constraints', j, `has an invalid name constraint: ${bad}`);
      continue;
    }
    for (let i = j - 1; i >= 0; i--) {
      const c = path[i]!;
      if (i > 0 && c.selfIssued) continue;
      const why = constraintViolation(c.subjectAltNames?.names ?? [], c.subject, nc, budget);
      if (why) {
        add('name-constraints', i, `violates the name constraints of '${path[j]!.label}': ${why}`);
        if (budget.left < 0) return;
      }
    }
  }
}
