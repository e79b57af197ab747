/**
 * Subject alternative names from one free list: each entry's type is taken from a prefix
 * (`DNS:`, `IP:`, `email:`, `URI:`, as openssl's subjectAltName= writes them) or detected,
 * then validated with a message that names what is wrong.
 */
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';
import type { OpensslSan } from '../equivalent-command.ts';
import { generalNameForPeople } from '../text/general-name.ts';

export type SanType = 'DNS' | 'IP' | 'email' | 'URI';

export interface SanEntry {
  type: SanType;
  /** As entered (without prefix), for display and for the openssl/cfssl equivalents. */
  value: string;
  /** What goes into the certificate: punycode for DNS/email domains, 4 or 16 bytes for IP. */
  encoded: string | Uint8Array;
}

const PREFIX = /^(DNS|IP|IP Address|email|URI)\s*:\s*/i;

function problem(entry: string, message: CoreMessage): never {
  throw CertbenchError.of(message, msg('where.san', { entry }));
}

/** IDN → punycode through the platform's URL parser (Node and browsers do UTS #46), plain ASCII unchanged. */
function toAsciiHost(name: string, entry: string): string {
  if (/^[\x00-\x7f]*$/.test(name)) return name;
  let host: string;
  try {
    host = new URL(`http://${name}/`).hostname;
  } catch {
    problem(entry, msg('san.badIdn', { name }));
  }
  return host;
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function checkDnsName(name: string, entry: string, allowWildcard: boolean): string {
  if (name === '') problem(entry, msg('san.emptyDns'));
  if (name.endsWith('.')) problem(entry, msg('san.trailingDot'));
  let labels = name.split('.');
  let wildcard = false;
  if (labels[0] === '*' && allowWildcard) {
    wildcard = true;
    labels = labels.slice(1);
    if (labels.length < 2) problem(entry, msg('san.wildcardLabels'));
  }
  const ascii = toAsciiHost(labels.join('.'), entry);
  labels = ascii.split('.');
  labels.forEach((l, i) => {
    if (l === '') problem(entry, msg(i === 0 ? 'san.emptyLabelLeading' : 'san.emptyLabel'));
    if (l.includes('*')) problem(entry, msg(allowWildcard ? 'san.wildcardLeftmost' : 'san.noWildcards'));
    if (l.length > 63) problem(entry, msg('san.labelTooLong', { label: l, length: l.length }));
    if (!LABEL.test(l)) {
      const bad = [...l].find((c) => !/[A-Za-z0-9-]/.test(c));
      problem(entry, bad ? msg('san.badDnsChar', { char: bad }) : msg('san.labelHyphen', { label: l }));
    }
  });
  const full = (wildcard ? '*.' : '') + labels.join('.');
  if (full.length > 253) problem(entry, msg('san.nameTooLong', { length: full.length }));
  return full;
}

function parseIPv4(text: string, entry: string): Uint8Array {
  const parts = text.split('.');
  if (parts.length !== 4) problem(entry, msg('san.ipv4Parts', { text, count: parts.length }));
  return new Uint8Array(
    parts.map((p) => {
      if (!/^\d{1,3}$/.test(p)) problem(entry, msg('san.ipv4Part', { part: p }));
      if (p.length > 1 && p.startsWith('0')) problem(entry, msg('san.ipv4LeadingZero', { part: p }));
      const n = Number(p);
      if (n > 255) problem(entry, msg('san.ipv4Over255', { value: n }));
      return n;
    }),
  );
}

function parseIPv6(text: string, entry: string): Uint8Array {
  if (text.includes('%')) problem(entry, msg('san.zoneIndex'));
  const halves = text.split('::');
  if (halves.length > 2) problem(entry, msg('san.doubleColonTwice'));
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const words: number[] = [];
  const all = [...head, ...tail];
  let v4: Uint8Array | undefined;
  if (all.length && all[all.length - 1]!.includes('.')) {
    v4 = parseIPv4(all[all.length - 1]!, entry);
    (tail.length ? tail : head).pop();
  }
  const hex = (g: string): number => {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) problem(entry, g === '' ? msg('san.ipv6EmptyGroup') : msg('san.ipv6BadGroup', { group: g }));
    return parseInt(g, 16);
  };
  const headWords = head.map(hex);
  const tailWords = tail.map(hex);
  const have = headWords.length + tailWords.length + (v4 ? 2 : 0);
  if (halves.length === 2) {
    if (have > 7) problem(entry, msg('san.ipv6TooMany', { count: have }));
    words.push(...headWords, ...new Array<number>(8 - have).fill(0), ...tailWords);
  } else {
    if (have !== 8) problem(entry, msg('san.ipv6Groups', { text, count: have }));
    words.push(...headWords);
  }
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  if (v4) out.set(v4, 12);
  return out;
}

/** IP text (v4 dotted quad or v6 in any textual form) → 4 or 16 bytes. */
export function parseIpAddress(text: string, entry = text): Uint8Array {
  return text.includes(':') ? parseIPv6(text, entry) : parseIPv4(text, entry);
}

function checkEmail(value: string, entry: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) problem(entry, msg('san.emailShape'));
  const local = value.slice(0, at);
  if (!/^[\x21-\x7e]+$/.test(local) || local.includes('@')) problem(entry, msg('san.emailLocal', { local }));
  return `${local}@${checkDnsName(value.slice(at + 1), entry, false)}`;
}

function checkUri(value: string, entry: string): string {
  if (!/^[\x21-\x7e]+$/.test(value)) problem(entry, msg('san.uriAscii'));
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.+)$/.exec(value);
  if (!m) problem(entry, msg('san.uriScheme'));
  try {
    new URL(value);
  } catch {
    problem(entry, msg('san.uriInvalid'));
  }
  if (m[1]!.toLowerCase() === 'spiffe' && !/^spiffe:\/\/[a-z0-9._-]+(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*$/.test(value)) {
    problem(entry, msg('san.spiffe'));
  }
  return value;
}

/** What an unprefixed entry most likely is. */
function detectType(v: string): SanType {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v)) return 'URI';
  if (v.includes('@')) return 'email';
  if (/^[0-9.]+$/.test(v)) return 'IP';
  // A colon never appears in a DNS name: IPv6 when what precedes it could be a group, else a URI scheme.
  if (v.includes(':')) return /^[0-9A-Fa-f]{0,4}:/.test(v) ? 'IP' : 'URI';
  return 'DNS';
}

/** Parses one SAN entry; throws CertbenchError naming the entry and what is wrong. */
export function parseSan(entry: string): SanEntry {
  const trimmed = entry.trim();
  const m = PREFIX.exec(trimmed);
  const value = m ? trimmed.slice(m[0].length) : trimmed;
  const prefix = m?.[1]!.toUpperCase();
  const type: SanType = prefix === undefined ? detectType(value) : prefix.startsWith('IP') ? 'IP' : prefix === 'EMAIL' ? 'email' : (prefix as SanType);
  if (value === '') problem(entry, msg('san.empty'));
  // A URI names its own rule for spaces (percent-encode); anywhere else a space means two names in one entry.
  if (/\s/.test(value) && type !== 'URI') {
    const parts = value.split(/\s+/).map((v) => `"${v}"`);
    problem(entry, msg('san.holdsSpace', { names: parts.join(' and ') }));
  }
  switch (type) {
    case 'DNS':
      return { type, value, encoded: checkDnsName(value, entry, true) };
    case 'IP':
      return { type, value, encoded: parseIpAddress(value, entry) };
    case 'email':
      return { type, value, encoded: checkEmail(value, entry) };
    case 'URI':
      return { type, value, encoded: checkUri(value, entry) };
  }
}

/** One entry of a SAN list and the line (from 1) it is on. */
interface SanListEntry {
  entry: string;
  line: number;
}

/**
 * A pasted list split into entries at newlines and commas only: a space inside a line stays in its
 * entry (so `IP Address:10.0.0.1` stays one), and `parseSan` refuses it there rather than making two names.
 */
export function sanListEntries(text: string): SanListEntry[] {
  return text.split('\n').flatMap((l, i) =>
    l
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => ({ entry, line: i + 1 })),
  );
}

export function splitSanList(text: string): string[] {
  return sanListEntries(text).map((e) => e.entry);
}

const GENERAL_NAME_KIND = { DNS: 'dns', email: 'email', URI: 'uri', IP: 'ip' } as const;

/** How `openssl req -text` shows this entry (written by text/general-name.ts, as every GeneralName). */
export function sanOpensslText(e: SanEntry): string {
  const value = typeof e.encoded === 'string' ? new TextEncoder().encode(e.encoded) : e.encoded;
  return generalNameForPeople({ kind: GENERAL_NAME_KIND[e.type], value });
}

/** The entry for openssl's `subjectAltName` config (the encoded form, so IDNs arrive as punycode); equivalent-command.ts writes it. */
export function sanOpensslConf(e: SanEntry): OpensslSan {
  return { type: e.type, value: e.type === 'IP' ? e.value : (e.encoded as string) };
}

const TAGS: Record<SanType, number> = { email: 1, DNS: 2, URI: 6, IP: 7 };

/** GeneralNames DER for the subjectAltName extension. */
export function encodeGeneralNames(entries: SanEntry[]): Uint8Array {
  const names = entries.map((e) => {
    const bytes = typeof e.encoded === 'string' ? new TextEncoder().encode(e.encoded) : e.encoded;
    return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: TAGS[e.type] }, valueHex: toArrayBuffer(bytes) });
  });
  return new Uint8Array(new asn1js.Sequence({ value: names }).toBER());
}
