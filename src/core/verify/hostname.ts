/**
 * Is the certificate for this name? RFC 6125 as browsers and Go apply it: only subjectAltName
 * counts (the subject CN is ignored since Chrome 58 and Go 1.15); a wildcard is allowed only as
 * the whole left-most label, stands for exactly one label, and never matches an IP address.
 */
import { bytesEqual } from '../bytes.ts';
import { parseIpAddress } from '../cert/ip.ts';
import { describeError } from '../errors.ts';
import { visibleText } from '../text/visible.ts';
import { ipText, type VerifyGeneralName } from './general-names.ts';
import { commonNames, type Rdn } from './names.ts';
import type { PeerName } from './types.ts';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why a host name (no wildcard) is not valid, or undefined. */
export function hostnameProblem(name: string): string | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (!n) return 'it is empty';
  if (n.length > 253) return 'it is longer than 253 characters';
  for (const label of n.split('.')) {
    if (!LABEL.test(label)) return `label "${label}" is not letters, digits and inner hyphens`;
  }
  return undefined;
}

/** Why a SAN dNSName is not a valid name or wildcard pattern, or undefined. */
export function dnsSanProblem(value: string): string | undefined {
  const rest = value.startsWith('*.') ? value.slice(2) : value;
  if (value !== rest && !rest.includes('.')) return 'a wildcard must be followed by at least two labels';
  return hostnameProblem(rest);
}

function dnsMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const suffix = p.slice(1);
  const dot = h.indexOf('.');
  // The wildcard label stands for one whole non-empty label; there must be two labels after it.
  return dot > 0 && h.slice(dot) === suffix && suffix.split('.').length >= 3;
}

export interface NameMatch {
  ok: boolean;
  /** When not ok: what the certificate is for, and why the name does not match. */
  message?: string;
}

function sanList(sans: readonly VerifyGeneralName[]): string {
  const shown = sans.map((n) => (n.kind === 'dns' ? n.value : n.kind === 'ip' ? ipText(n.bytes) : n.kind === 'email' ? n.value : undefined)).filter(Boolean);
  return shown.length ? shown.join(', ') : 'no names of that kind';
}

/** Checks a peer name against the leaf's subjectAltNames (and explains a CN-only near miss); names in the message are escaped (text/visible.ts). */
export function matchPeerName(peer: PeerName, sans: readonly VerifyGeneralName[] | undefined, subject: Rdn[]): NameMatch {
  const m = matchName(peer, sans, subject);
  return m.message === undefined ? m : { ...m, message: visibleText(m.message) };
}

function matchName(peer: PeerName, sans: readonly VerifyGeneralName[] | undefined, subject: Rdn[]): NameMatch {
  const names = sans ?? [];
  const cnHint = (matches: boolean) =>
    matches ? ` Only the subject CN "${commonNames(subject).join('", "')}" matches, and the CN is not used for names (Go ≥ 1.15 and browsers reject this certificate).` : '';
  if (peer.kind === 'ip') {
    let bytes: Uint8Array;
    try {
      bytes = parseIpAddress(peer.value);
    } catch (e) {
      return { ok: false, message: describeError(e) };
    }
    if (names.some((n) => n.kind === 'ip' && bytesEqual(n.bytes, bytes))) return { ok: true };
    const cnMatch = commonNames(subject).some((cn) => {
      try {
        return bytesEqual(parseIpAddress(cn), bytes);
      } catch {
        return false;
      }
    });
    const ips = names.filter((n) => n.kind === 'ip');
    return { ok: false, message: `the certificate has no IP address SAN ${ipText(bytes)} (IP SANs: ${sanList(ips)}; a DNS SAN or wildcard never matches an IP).${cnHint(cnMatch)}` };
  }
  if (peer.kind === 'email') {
    const at = peer.value.lastIndexOf('@');
    const want = (v: string) => {
      const i = v.lastIndexOf('@');
      return v.slice(0, i) === peer.value.slice(0, at) && v.slice(i + 1).toLowerCase() === peer.value.slice(at + 1).toLowerCase();
    };
    if (names.some((n) => n.kind === 'email' && want(n.value))) return { ok: true };
    return { ok: false, message: `the certificate has no email SAN ${peer.value} (email SANs: ${sanList(names.filter((n) => n.kind === 'email'))})` };
  }
  const host = peer.value;
  const problem = hostnameProblem(host);
  if (problem) return { ok: false, message: `"${host}" is not a valid host name: ${problem}` };
  if (names.some((n) => n.kind === 'dns' && dnsSanProblem(n.value) === undefined && dnsMatches(n.value, host))) return { ok: true };
  const dns = names.filter((n) => n.kind === 'dns');
  const cnMatch = commonNames(subject).some((cn) => dnsSanProblem(cn) === undefined && dnsMatches(cn, host));
  const why = sans === undefined ? 'the certificate has no subjectAltName extension' : `${host} is not among its DNS SANs (${sanList(dns)})`;
  return { ok: false, message: `${why}.${cnHint(cnMatch)}` };
}

/** "10.0.0.1" / "::1" / "[::1]" → ip, anything else → dns. */
export function peerNameOf(text: string): PeerName {
  const t = text.replace(/^\[(.*)\]$/, '$1');
  try {
    parseIpAddress(t);
    return { kind: 'ip', value: t };
  } catch {
    return { kind: 'dns', value: text };
  }
}
