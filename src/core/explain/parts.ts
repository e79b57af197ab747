/** The pieces a single line lists: name attributes, algorithm families, general name types. */
import { isKnownField } from './references.ts';
import { oidOfName } from './oid-lookup.ts';

/**
 * The attribute types of a name as OpenSSL prints it ("C = US, O = X + CN = Y", or "C=US, CN=Y"
 * in PKCS#7 dumps), plus the Kubernetes identities a subject can carry.
 */
export function nameParts(value: string, isSubject: boolean): string[] {
  const parts: string[] = [];
  const re = /(?:^|, |\+ )([A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+) ?= ?/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const oid = oidOfName(m[1]!);
    parts.push(oid && isKnownField(`name.attr.${oid}`) ? `name.attr.${oid}` : 'name.attr.other');
  }
  if (isSubject) {
    if (/(^|, |\+ )O ?= ?system:masters(,|$| \+)/.test(value)) parts.push('kube.systemMasters');
    if (/(^|, |\+ )CN ?= ?system:node:/.test(value)) parts.push('kube.nodeIdentity');
  }
  return parts;
}

/** The family of a signature or public key algorithm name, and a warning part for weak hashes. */
export function algorithmParts(name: string): string[] {
  const parts: string[] = [];
  if (/rsassaPss|RSASSA-PSS/i.test(name)) parts.push('alg.rsaPss');
  else if (/RSA/i.test(name)) parts.push('alg.rsa');
  else if (/ecdsa|ecPublicKey/i.test(name)) parts.push('alg.ecdsa');
  else if (/^ED(25519|448)$/i.test(name)) parts.push('alg.eddsa');
  else if (/^X(25519|448)$/i.test(name)) parts.push('alg.xdh');
  else if (/dsa/i.test(name)) parts.push('alg.dsa');
  if (/md[245]|sha1(?!\d)/i.test(name)) parts.push('alg.weakHash');
  return parts;
}

const GENERAL_NAME_PREFIXES: Array<[string, string]> = [
  ['DNS:', 'gn.dns'],
  ['IP Address:', 'gn.ip'],
  ['IP:', 'gn.ip'],
  ['email:', 'gn.email'],
  ['URI:', 'gn.uri'],
  ['DirName:', 'gn.dirName'],
  ['othername:', 'gn.otherName'],
  ['Registered ID:', 'gn.rid'],
  ['X400Name:', 'gn.x400'],
  ['EdiPartyName:', 'gn.ediParty'],
];

/** The general name types a line lists ("DNS:a, IP Address:10.0.0.1"), plus the Kubernetes API server names. */
export function generalNameParts(text: string): string[] {
  const parts: string[] = [];
  for (const piece of text.split(', ')) {
    const hit = GENERAL_NAME_PREFIXES.find(([prefix]) => piece.trimStart().startsWith(prefix));
    if (hit) parts.push(hit[1]);
  }
  if (/DNS:kubernetes\.default(\.svc)?(,|$|\.)/.test(text)) parts.push('kube.apiserverNames');
  return parts;
}
