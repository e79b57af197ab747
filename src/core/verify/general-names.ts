/**
 * GeneralName values as the verifier compares them: DNS and email as text, IP as bytes
 * (with a mask inside name constraints), directory names as parsed RDNs.
 */
import { CertbenchError, msg, type MessageParam } from '../errors.ts';
import { type DerNode, UNIVERSAL } from '../der/node.ts';
import { isContext } from '../der/read.ts';
import { visibleText } from '../text/visible.ts';
import { parseRdns, type Rdn } from './names.ts';

export type VerifyGeneralName =
  | { kind: 'dns'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'uri'; value: string }
  | { kind: 'ip'; bytes: Uint8Array }
  | { kind: 'dirName'; rdns: Rdn[] }
  | { kind: 'other'; tag: number; der: Uint8Array };

const latin1 = new TextDecoder('latin1');

function ia5(b: DerNode, what: MessageParam): string {
  if (b.constructed) throw new CertbenchError('verify.notPrimitiveIa5', { what });
  const bytes = b.content;
  if (bytes.some((c) => c > 0x7e || c < 0x20)) throw new CertbenchError('verify.notPrintableAscii', { what });
  return latin1.decode(bytes);
}

/** One GeneralName node. Throws a CertbenchError when it is malformed. */
export function readGeneralName(node: DerNode): VerifyGeneralName {
  if (isContext(node, 1)) return { kind: 'email', value: ia5(node, msg('names.rfc822Name')) };
  if (isContext(node, 2)) return { kind: 'dns', value: ia5(node, msg('names.dNSName')) };
  if (isContext(node, 6)) return { kind: 'uri', value: ia5(node, msg('names.uri')) };
  if (isContext(node, 7)) {
    if (node.constructed) throw new CertbenchError('verify.ipNotPrimitive');
    return { kind: 'ip', bytes: node.content };
  }
  if (isContext(node, 4)) {
    const [name] = node.children;
    if (!name || node.children.length !== 1) throw new CertbenchError('verify.directoryNameNotOneName');
    return { kind: 'dirName', rdns: parseRdns(name) };
  }
  return { kind: 'other', tag: node.tag, der: node.der };
}

export function readGeneralNames(seq: DerNode, what: string): VerifyGeneralName[] {
  if (!(seq.cls === UNIVERSAL && seq.tag === 16)) throw new CertbenchError('verify.notNameSequence', { what });
  return seq.children.map((n) => {
    try {
      return readGeneralName(n);
    } catch (e) {
      throw CertbenchError.wrap(e, what);
    }
  });
}

/** IPv4 dotted decimal; IPv6 in RFC 5952 form (lowercase, longest run of two or more zero words as ::). */
export function canonicalIpText(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length !== 16) return `<${bytes.length} bytes>`;
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((bytes[i]! << 8) | bytes[i + 1]!);
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [bestAt, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}

export const ipText = canonicalIpText;

/** A name for messages, hidden and bidi characters escaped (text/visible.ts); in English where it takes words. */
export function describeGeneralName(n: VerifyGeneralName): string {
  return visibleText(generalNameLine(n));
}

/** The same as a message param: the name itself, or words ("name of type [0]") for one that has no text. */
export function generalNameSaid(n: VerifyGeneralName): MessageParam {
  if (n.kind === 'other') return msg('names.otherName', { tag: n.tag });
  if (n.kind === 'ip' && n.bytes.length !== 4 && n.bytes.length !== 16) return msg('names.ipBytes', { count: n.bytes.length });
  return describeGeneralName(n);
}

function generalNameLine(n: VerifyGeneralName): string {
  switch (n.kind) {
    case 'dns': return `DNS:${n.value}`;
    case 'email': return `email:${n.value}`;
    case 'uri': return `URI:${n.value}`;
    case 'ip': return `IP:${ipText(n.bytes)}`;
    case 'dirName': return `DirName:${n.rdns.map((r) => r.map((a) => `${a.label}=${a.text}`).join('+')).join(', ')}`;
    case 'other': return `name of type [${n.tag}]`;
  }
}
