/**
 * Is the certificate for this name? RFC 6125 as browsers and Go apply it: only subjectAltName
 * counts (the subject CN is ignored since Chrome 58 and Go 1.15); a wildcard is allowed only as
 * the whole left-most label, stands for exactly one label, and never matches an IP address.
 */
import { bytesEqual } from '../bytes.ts';
import { parseIpAddress } from '../cert/ip.ts';
import { errorMessage, msg, render, type CoreMessage } from '../errors.ts';
import { ipText, type VerifyGeneralName } from './general-names.ts';
import { commonNames, type Rdn } from './names.ts';
import { visibleMessage } from '../text/visible.ts';
import type { PeerName } from './types.ts';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why a host name (no wildcard) is not valid, or undefined. */
export function hostnameProblem(name: string): CoreMessage | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (!n) return msg('names.hostEmpty');
  if (n.length > 253) return msg('names.hostTooLong');
  for (const label of n.split('.')) {
    if (!LABEL.test(label)) return msg('names.badLabel', { label });
  }
  return undefined;
}

/** Why a SAN dNSName is not a valid name or wildcard pattern, or undefined. */
export function dnsSanProblem(value: string): CoreMessage | undefined {
  const rest = value.startsWith('*.') ? value.slice(2) : value;
  if (value !== rest && !rest.includes('.')) return msg('names.wildcardTooShort');
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
  /** When not ok: what the certificate is for, and why the name does not match (English, as the CLI prints it). */
  message?: string;
  /** The same as a message, names escaped, for the UI to word in its language. */
  said?: CoreMessage;
}

function sanList(sans: readonly VerifyGeneralName[]): string | CoreMessage {
  const shown = sans.map((n) => (n.kind === 'dns' ? n.value : n.kind === 'ip' ? ipText(n.bytes) : n.kind === 'email' ? n.value : undefined)).filter(Boolean);
  return shown.length ? shown.join(', ') : msg('names.noneOfKind');
}

/** Checks a peer name against the leaf's subjectAltNames (and explains a CN-only near miss); names in the message are escaped (text/visible.ts). */
export function matchPeerName(peer: PeerName, sans: readonly VerifyGeneralName[] | undefined, subject: Rdn[]): NameMatch {
  const why = matchName(peer, sans, subject);
  if (!why) return { ok: true };
  const said = visibleMessage(why);
  return { ok: false, message: render(said), said };
}

/** Why `peer` does not match, or undefined when it does. */
function matchName(peer: PeerName, sans: readonly VerifyGeneralName[] | undefined, subject: Rdn[]): CoreMessage | undefined {
  const names = sans ?? [];
  const cnHint = (matches: boolean) => (matches ? msg('names.cnOnly', { cn: commonNames(subject).join('", "') }) : '');
  if (peer.kind === 'ip') {
    let bytes: Uint8Array;
    try {
      bytes = parseIpAddress(peer.value);
    } catch (e) {
      return errorMessage(e);
    }
    if (names.some((n) => n.kind === 'ip' && bytesEqual(n.bytes, bytes))) return undefined;
    const cnMatch = commonNames(subject).some((cn) => {
      try {
        return bytesEqual(parseIpAddress(cn), bytes);
      } catch {
        return false;
      }
    });
    const ips = names.filter((n) => n.kind === 'ip');
    return msg('names.noIpSan', { ip: ipText(bytes), sans: sanList(ips), cnOnly: cnHint(cnMatch) });
  }
  if (peer.kind === 'email') {
    const at = peer.value.lastIndexOf('@');
    const want = (v: string) => {
      const i = v.lastIndexOf('@');
      return v.slice(0, i) === peer.value.slice(0, at) && v.slice(i + 1).toLowerCase() === peer.value.slice(at + 1).toLowerCase();
    };
    if (names.some((n) => n.kind === 'email' && want(n.value))) return undefined;
    return msg('names.noEmailSan', { email: peer.value, sans: sanList(names.filter((n) => n.kind === 'email')) });
  }
  const host = peer.value;
  const problem = hostnameProblem(host);
  if (problem) return msg('names.invalidHost', { host, reason: problem });
  if (names.some((n) => n.kind === 'dns' && dnsSanProblem(n.value) === undefined && dnsMatches(n.value, host))) return undefined;
  const dns = names.filter((n) => n.kind === 'dns');
  const cnMatch = commonNames(subject).some((cn) => dnsSanProblem(cn) === undefined && dnsMatches(cn, host));
  const cnOnly = cnHint(cnMatch);
  return sans === undefined ? msg('names.noSanExtension', { cnOnly }) : msg('names.notAmongDnsSans', { host, sans: sanList(dns), cnOnly });
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
