/**
 * GeneralNames (SAN entries, name-constraint bases) as editable values. Kinds certbench does not
 * edit (otherName, directoryName, …) are kept as their DER so they are carried over, never dropped.
 */
import * as asn1js from 'asn1js';
import { fromHex, toArrayBuffer, toHex } from '../bytes.ts';
import { CertbenchError } from '../errors.ts';
import { formatIpAddress, parseIpAddress } from './ip.ts';
import { visibleText } from '../text/visible.ts';
import { generalNameForPeople } from '../text/general-name.ts';
import { CONTEXT, parseDer, type DerNode } from '../der/node.ts';
import { isUniversal } from '../der/read.ts';
import { TAG } from '../der/tags.ts';

export type SubjectAltName =
  | { type: 'dns' | 'ip' | 'email' | 'uri'; value: string }
  /** Any other GeneralName, kept byte for byte; `display` is for people. */
  | { type: 'other'; der: string; display: string };

const GENERAL_NAME_TAG = { email: 1, dns: 2, uri: 6, ip: 7 } as const;
const UTF8 = new TextEncoder();

function contextPrimitive(tag: number, bytes: Uint8Array): asn1js.Primitive {
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: tag }, valueHex: toArrayBuffer(bytes) });
}

function ia5(value: string, what: string): Uint8Array {
  if (!/^[\x20-\x7e]+$/.test(value)) throw new CertbenchError('cert.notIa5', { value }, what);
  return UTF8.encode(value); // checked printable ASCII above
}

export function encodeGeneralName(name: SubjectAltName): asn1js.BaseBlock {
  switch (name.type) {
    case 'dns': return contextPrimitive(GENERAL_NAME_TAG.dns, ia5(name.value, 'DNS name'));
    case 'email': return contextPrimitive(GENERAL_NAME_TAG.email, ia5(name.value, 'email'));
    case 'uri': return contextPrimitive(GENERAL_NAME_TAG.uri, ia5(name.value, 'URI'));
    case 'ip': return contextPrimitive(GENERAL_NAME_TAG.ip, parseIpAddress(name.value));
    case 'other': return asn1js.fromBER(toArrayBuffer(fromHex(name.der))).result;
  }
}

/** DER of GeneralNames (the subjectAltName extension value). */
export function encodeGeneralNames(names: readonly SubjectAltName[]): Uint8Array {
  return new Uint8Array(new asn1js.Sequence({ value: names.map(encodeGeneralName) }).toBER());
}

const OTHER_KIND: Record<number, string> = { 0: 'othername', 3: 'X400Name', 4: 'DirName', 5: 'EdiPartyName', 8: 'Registered ID' };
const utf8 = new TextDecoder();

/**
 * One GeneralName as an editable value. The `display` of a kept one is stored in CA inventory rows,
 * which the integrity check derives again from the certificate and compares: it must not change.
 */
function decodeGeneralName(node: DerNode): SubjectAltName {
  if (node.cls === CONTEXT && !node.constructed) {
    const bytes = node.content;
    if (node.tag === GENERAL_NAME_TAG.dns) return { type: 'dns', value: utf8.decode(bytes) };
    if (node.tag === GENERAL_NAME_TAG.email) return { type: 'email', value: utf8.decode(bytes) };
    if (node.tag === GENERAL_NAME_TAG.uri) return { type: 'uri', value: utf8.decode(bytes) };
    if (node.tag === GENERAL_NAME_TAG.ip) return { type: 'ip', value: formatIpAddress(bytes) };
  }
  const der = toHex(node.der);
  return { type: 'other', der, display: `${OTHER_KIND[node.tag] ?? `[${node.tag}]`}:<${node.der.length} bytes kept as given>` };
}

/** Reads a GeneralNames value (SEQUENCE OF GeneralName). */
export function decodeGeneralNames(der: Uint8Array, where: string): SubjectAltName[] {
  let names: DerNode;
  try {
    names = parseDer(der, 'GeneralNames');
  } catch {
    throw new CertbenchError('cert.sanNotSequence', undefined, where);
  }
  if (!isUniversal(names, TAG.SEQUENCE)) throw new CertbenchError('cert.sanNotSequence', undefined, where);
  return names.children.map(decodeGeneralName);
}

/**
 * OpenSSL's display, written by text/general-name.ts: `DNS:x`, `email:a@b`, `URI:u`, hidden and bidi
 * characters escaped (text/visible.ts); an IP as the person gave it (`IP Address:` and the value they
 * edit); a kept name by its stored display.
 */
export function formatSubjectAltName(n: SubjectAltName): string {
  switch (n.type) {
    case 'dns':
    case 'email':
    case 'uri':
      return visibleText(generalNameForPeople({ kind: n.type, value: UTF8.encode(n.value) }));
    case 'ip': return `IP Address:${n.value}`;
    case 'other': return n.display;
  }
}

/** Reads "DNS:x", "IP:1.2.3.4", "email:a@b", "URI:u", or a bare name (an IP if it parses as one, else DNS). */
export function parseSubjectAltName(text: string): SubjectAltName {
  const t = text.trim();
  const m = /^(DNS|IP|IP Address|email|URI):(.+)$/i.exec(t);
  if (m) {
    const kind = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (kind.startsWith('ip')) {
      parseIpAddress(value);
      return { type: 'ip', value };
    }
    return { type: kind === 'dns' ? 'dns' : kind === 'email' ? 'email' : 'uri', value };
  }
  try {
    parseIpAddress(t);
    return { type: 'ip', value: t };
  } catch {
    return { type: 'dns', value: t };
  }
}
