/**
 * Name constraints (RFC 5280 §4.2.1.10) applied to one certificate: its SANs and subject DN
 * (plus emailAddress attributes in the subject, the one place RFC 5280 reaches into the DN).
 * The CN is not checked: RFC 5280 does not ask for it, and the verifier never uses it as a name.
 */
import { emailAddressesInName, nameWithin, type Rdn } from './names.ts';
import { msg, type CoreMessage } from '../errors.ts';
import { describeGeneralName, generalNameSaid, type VerifyGeneralName } from './general-names.ts';
import { dnsSanProblem } from './hostname.ts';

/** Beyond this many name × constraint comparisons a path is refused (as Chromium does, against DoS). */
export const MAX_NAME_CONSTRAINT_CHECKS = 1 << 20;

/** Why a constraint base itself is malformed, or undefined. */
export function constraintBaseProblem(base: VerifyGeneralName): CoreMessage | undefined {
  if (base.kind === 'dns') {
    if (base.value === '') return undefined;
    if (base.value.startsWith('.') || base.value.includes('*')) return msg('names.dnsConstraintForm', { value: base.value });
    return dnsSanProblem(base.value) ? msg('names.dnsConstraintInvalid', { value: base.value }) : undefined;
  }
  if (base.kind === 'ip') {
    if (base.bytes.length !== 8 && base.bytes.length !== 32) return msg('names.ipConstraintLength', { count: base.bytes.length });
    const mask = base.bytes.subarray(base.bytes.length / 2);
    const bits = Array.from(mask, (b) => b.toString(2).padStart(8, '0')).join('');
    if (/01/.test(bits)) return msg('names.ipConstraintMask');
    return undefined;
  }
  return undefined;
}

function dnsWithin(name: string, base: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const b = base.toLowerCase().replace(/\.$/, '');
  return b === '' || n === b || n.endsWith(`.${b}`);
}

function splitMailbox(v: string): { local: string; host: string } | undefined {
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1) return undefined;
  const local = v.slice(0, at);
  const host = v.slice(at + 1);
  if (/[\s@]/.test(host) || hostnameProblem(host)) return undefined;
  if (/^"|\s/.test(local)) return undefined;
  return { local, host: host.toLowerCase() };
}

function hostnameProblem(host: string): CoreMessage | undefined {
  return dnsSanProblem(host.replace(/^\*\./, 'x.'));
}

/** RFC 5280: a mailbox, a host (any mailbox there), or ".domain" (any mailbox below it). */
function emailWithin(email: string, base: string): boolean {
  const m = splitMailbox(email);
  if (!m) return false;
  if (base.includes('@')) {
    const b = splitMailbox(base);
    return !!b && b.local === m.local && b.host === m.host;
  }
  if (base.startsWith('.')) return m.host.endsWith(base.toLowerCase());
  return m.host === base.toLowerCase();
}

function ipWithin(addr: Uint8Array, base: Uint8Array): boolean {
  const n = base.length / 2;
  if (addr.length !== n) return false;
  for (let i = 0; i < n; i++) if ((addr[i]! & base[n + i]!) !== (base[i]! & base[n + i]!)) return false;
  return true;
}

function uriHost(uri: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(uri);
  return m?.[1] || undefined;
}

type Relation = 'within' | 'outside' | 'unknown';

function relate(name: VerifyGeneralName, base: VerifyGeneralName, excluded: boolean): Relation {
  if (name.kind === 'dns' && base.kind === 'dns') {
    if (excluded && name.value.startsWith('*.')) {
      // A wildcard stands for names that might be inside the excluded subtree.
      const suffix = name.value.slice(2);
      return dnsWithin(suffix, base.value) || dnsWithin(base.value, suffix) ? 'within' : 'outside';
    }
    const n = name.value.startsWith('*.') ? name.value.slice(2) : name.value;
    return dnsWithin(n, base.value) ? 'within' : 'outside';
  }
  if (name.kind === 'email' && base.kind === 'email') return emailWithin(name.value, base.value) ? 'within' : 'outside';
  if (name.kind === 'ip' && base.kind === 'ip') return ipWithin(name.bytes, base.bytes) ? 'within' : 'outside';
  if (name.kind === 'dirName' && base.kind === 'dirName') return nameWithin(name.rdns, base.rdns) ? 'within' : 'outside';
  if (name.kind === 'uri' && base.kind === 'uri') {
    const host = uriHost(name.value);
    if (!host) return 'unknown';
    return base.value.startsWith('.') ? (host.toLowerCase().endsWith(base.value.toLowerCase()) ? 'within' : 'outside') : host.toLowerCase() === base.value.toLowerCase() ? 'within' : 'outside';
  }
  if (name.kind === 'other' && base.kind === 'other' && name.tag === base.tag) return 'unknown';
  return 'outside';
}

function sameType(a: VerifyGeneralName, b: VerifyGeneralName): boolean {
  return a.kind === b.kind && (a.kind !== 'other' || a.tag === (b as { tag: number }).tag);
}

/**
 * Checks the certificate's names against one CA's constraints. Returns the reason of the first
 * violation, or undefined. `budget.left` is decremented per comparison.
 */
export function constraintViolation(
  sans: readonly VerifyGeneralName[],
  subject: Rdn[],
  nc: { permitted?: readonly VerifyGeneralName[]; excluded?: readonly VerifyGeneralName[] },
  budget: { left: number },
): CoreMessage | undefined {
  const names: VerifyGeneralName[] = [...sans];
  if (subject.length) names.push({ kind: 'dirName', rdns: subject });
  for (const email of emailAddressesInName(subject)) names.push({ kind: 'email', value: email });
  const permitted = nc.permitted ?? [];
  const excluded = nc.excluded ?? [];
  // Counted as Chromium does: DNS, IP and directory names against constraints of those kinds.
  const costly = (n: VerifyGeneralName) => n.kind === 'dns' || n.kind === 'ip' || n.kind === 'dirName';
  budget.left -= sans.filter(costly).length * [...permitted, ...excluded].filter(costly).length;
  if (budget.left < 0) return msg('names.tooManyChecks');
  for (const name of names) {
    for (const base of excluded) {
      const r = relate(name, base, true);
      if (r === 'within') return msg('names.inExcluded', { name: generalNameSaid(name), base: generalNameSaid(base) });
      if (r === 'unknown') return msg('names.excludedUnchecked', { name: generalNameSaid(name), base: generalNameSaid(base) });
    }
    const sameKind = permitted.filter((b) => sameType(name, b));
    if (!sameKind.length) continue;
    const rel = sameKind.map((b) => relate(name, b, false));
    if (rel.includes('within')) continue;
    if (rel.includes('unknown')) return msg('names.permittedUnchecked', { name: generalNameSaid(name), base: generalNameSaid(sameKind[0]!) });
    // A list of names is a value: the rare name without text stays in English words there.
    return msg('names.outsidePermitted', { name: generalNameSaid(name), bases: sameKind.map(describeGeneralName).join(', ') });
  }
  return undefined;
}
