/**
 * Signing: a verified CSR (or an inventory certificate to renew) becomes an editable issuance
 * plan; the plan, once a person is happy with it, becomes a certificate.
 */
import { toPem } from '../pem.ts';
import { buildCertificate } from '../cert/build.ts';
import { EXTENDED_KEY_USAGES, OID, type ExtKeyUsageName, type KeyUsageName } from '../cert/extensions.ts';
import type { SubjectAltName } from '../cert/general-names.ts';
import type { NameAttribute } from '../cert/name.ts';
import { certificateFacts, extKeyUsageName } from '../cert/read.ts';
import { randomSerialHex } from '../cert/serial.ts';
import { keyAlgorithmOfSpki, keyIdentifierOf, parseSpki } from '../cert/spki.ts';
import { BACKDATE_MS, backdatedNotBefore, HOUR_MS, wholeSeconds } from '../cert/time.ts';
import { CertbenchError, msg, type CoreMessage, type MessageParam } from '../errors.ts';
import { oidDisplayName } from '../oids.ts';
import type { KeyAlgorithm } from '../keys/key-types.ts';
import type { CertificateRequest } from './csr.ts';
import { caFacts, caKeyIdentifier } from './identity.ts';
import { inventoryEntryFor } from './inventory.ts';
import { keyUsageFor, type Profile } from './profiles.ts';
import type { CaCertificates, CaSigner, IssuedCertificate } from './types.ts';

/** Everything that goes into the certificate; every field may be edited before `issueFromPlan`. */
export interface IssuancePlan {
  subject: NameAttribute[];
  /** Copied from the CSR's extensionRequest (or the renewed certificate): never dropped silently. */
  subjectAltNames: SubjectAltName[];
  profile: Profile;
  keyUsage: KeyUsageName[];
  extKeyUsage: ExtKeyUsageName[];
  notBefore: Date;
  /** How long before the plan was made notBefore lies (`BACKDATE_MS`, as kubeadm and cfssl), so a peer whose clock is behind accepts it; 0 when notBefore was given. */
  backdateMs: number;
  notAfter: Date;
  subjectPublicKeyInfo: Uint8Array;
  keyAlgorithm: KeyAlgorithm;
  /** Things a person should read before signing (capped validity, requested extensions not copied, …). */
  warnings: CoreMessage[];
}

export interface PlanOptions {
  profile: Profile;
  /** Lifetime in hours; default the profile's expiry (8760h for the built-in leaf profiles). */
  hours?: number;
  /** Default: 5 minutes ago (`backdatedNotBefore`). */
  notBefore?: Date;
}

function capAtCa(plan: IssuancePlan, ca: CaCertificates): void {
  const caNotAfter = caFacts(ca.certificate).notAfter;
  if (plan.notAfter > caNotAfter) {
    plan.notAfter = caNotAfter;
    plan.warnings.push(msg('ca.warnValidityCapped', { date: caNotAfter.toISOString() }));
  }
}

function basePlan(subject: NameAttribute[], sans: SubjectAltName[], spki: Uint8Array, alg: KeyAlgorithm, ca: CaCertificates, options: PlanOptions): IssuancePlan {
  const hours = options.hours ?? options.profile.expiryHours;
  if (!Number.isFinite(hours) || hours <= 0) throw new CertbenchError('ca.hoursNotPositive', { hours }, msg('where.validity'));
  const notBefore = options.notBefore ? wholeSeconds(options.notBefore) : backdatedNotBefore();
  const plan: IssuancePlan = {
    subject,
    subjectAltNames: sans,
    profile: options.profile,
    keyUsage: keyUsageFor(options.profile, alg),
    extKeyUsage: [...options.profile.extKeyUsage],
    notBefore,
    backdateMs: options.notBefore ? 0 : BACKDATE_MS,
    notAfter: new Date(notBefore.getTime() + hours * HOUR_MS),
    subjectPublicKeyInfo: spki,
    keyAlgorithm: alg,
    warnings: [],
  };
  capAtCa(plan, ca);
  if (!subject.length && !sans.length) plan.warnings.push(msg('ca.warnNoSubjectNoSan'));
  if (options.profile.name === 'server' || options.profile.name === 'peer') {
    if (!sans.some((s) => s.type === 'dns' || s.type === 'ip')) plan.warnings.push(msg('ca.warnNoDnsIpSan'));
  }
  return plan;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
const listed = (names: readonly string[]) => (names.length ? names.join(', ') : msg('ca.warnNone'));
const caFlag = (isCa: boolean, pathLen?: number) => `CA:${isCa ? 'TRUE' : 'FALSE'}${isCa && pathLen !== undefined ? `, pathlen:${pathLen}` : ''}`;

/**
 * What the request asks for that the certificate will not carry: key usage, extended key usage and
 * basic constraints only where they differ from the plan's, and every other requested extension.
 */
function notCopiedWarnings(request: CertificateRequest, plan: IssuancePlan): CoreMessage[] {
  const asked = request.requestedUsage;
  const profile = plan.profile.name;
  const notCopied = (oid: string, what: MessageParam, given: MessageParam) => msg('ca.warnNotCopied', { extension: oidDisplayName(oid), asked: what, profile, given });
  const warnings: CoreMessage[] = [];
  if (asked.keyUsage && !sameSet(asked.keyUsage, plan.keyUsage)) {
    warnings.push(notCopied(OID.keyUsage, listed(asked.keyUsage), listed(plan.keyUsage)));
  }
  const planEku = plan.extKeyUsage.map((n) => EXTENDED_KEY_USAGES[n]);
  if (asked.extKeyUsageOids && !sameSet(asked.extKeyUsageOids, planEku)) {
    warnings.push(notCopied(OID.extKeyUsage, listed(asked.extKeyUsageOids.map(extKeyUsageName)), listed(plan.extKeyUsage)));
  }
  const bc = asked.basicConstraints;
  if (bc && (bc.isCa !== plan.profile.isCa || (bc.isCa && bc.pathLen !== plan.profile.pathLen))) {
    warnings.push(notCopied(OID.basicConstraints, caFlag(bc.isCa, bc.pathLen), caFlag(plan.profile.isCa, plan.profile.pathLen)));
  }
  for (const oid of request.otherRequestedExtensions) warnings.push(msg('ca.warnAlsoAsks', { extension: oidDisplayName(oid), profile }));
  return warnings;
}

/** A plan for a verified CSR (see `readVerifiedRequest`). */
export function planFromRequest(request: CertificateRequest, ca: CaCertificates, options: PlanOptions): IssuancePlan {
  const plan = basePlan([...request.subject], [...request.subjectAltNames], request.subjectPublicKeyInfo, request.keyAlgorithm, ca, options);
  plan.warnings.push(...notCopiedWarnings(request, plan));
  return plan;
}

/** A plan to renew (like `kubeadm certs renew`): same subject, SANs and public key, new serial and validity. */
export function planRenewal(issued: IssuedCertificate, ca: CaCertificates, options: PlanOptions): IssuancePlan {
  const f = certificateFacts(issued.der, `serial ${issued.serialHex}`);
  const alg = keyAlgorithmOfSpki(parseSpki(f.subjectPublicKeyInfo));
  if (!alg) throw new CertbenchError('ca.keyNotCertifiable', undefined, msg('where.serial', { serial: issued.serialHex }));
  return basePlan(f.subject, f.subjectAltNames, f.subjectPublicKeyInfo, alg, ca, options);
}

export interface IssuedResult {
  der: Uint8Array;
  pem: string;
  /** Leaf then the CA and every certificate above it except the self-signed root (what a TLS server sends). */
  chainPem: string;
  /** The same plus the root, for tools that want the full path. */
  fullChainPem: string;
  entry: IssuedCertificate;
  warnings: CoreMessage[];
}

/** Signs the plan with the CA. `takenSerials`: the serials in this CA's inventory, never reused. */
export async function issueFromPlan(plan: IssuancePlan, ca: CaSigner, takenSerials: ReadonlySet<string>): Promise<IssuedResult> {
  const caInfo = caFacts(ca.certificate);
  if (!caInfo.isCa || (caInfo.keyUsage && !caInfo.keyUsage.includes('keyCertSign'))) throw new CertbenchError('ca.notSigningCa', undefined, 'CA');
  const checked: IssuancePlan = { ...plan, warnings: [...plan.warnings] };
  capAtCa(checked, ca);
  if (plan.profile.isCa && caInfo.pathLen === 0) throw new CertbenchError('ca.pathLenZero', undefined, msg('where.profile', { name: 'ca' }));
  const der = await buildCertificate(
    {
      serialHex: randomSerialHex(takenSerials),
      subject: checked.subject,
      issuerName: caInfo.subjectDer,
      notBefore: checked.notBefore,
      notAfter: checked.notAfter,
      subjectPublicKeyInfo: checked.subjectPublicKeyInfo,
      extensions: {
        basicConstraints: checked.profile.isCa ? { ca: true, ...(checked.profile.pathLen !== undefined ? { pathLen: checked.profile.pathLen } : {}) } : { ca: false },
        keyUsage: checked.keyUsage,
        extKeyUsage: checked.extKeyUsage,
        subjectKeyIdentifier: await keyIdentifierOf(parseSpki(checked.subjectPublicKeyInfo)),
        authorityKeyIdentifier: await caKeyIdentifier(caInfo),
        subjectAltNames: checked.subjectAltNames,
      },
    },
    ca.key,
  );
  const above = [ca.certificate, ...ca.chain];
  const root = above[above.length - 1]!;
  const rootFacts = caFacts(root);
  const selfSigned = rootFacts.subjectDer.join() === rootFacts.issuerDer.join();
  const intermediates = selfSigned ? above.slice(0, -1) : above;
  const pem = toPem('CERTIFICATE', der);
  return {
    der,
    pem,
    chainPem: pem + intermediates.map((c) => toPem('CERTIFICATE', c)).join(''),
    fullChainPem: pem + above.map((c) => toPem('CERTIFICATE', c)).join(''),
    entry: inventoryEntryFor(ca.id, der, checked.profile.name),
    warnings: checked.warnings,
  };
}
