/**
 * What the extension-printing tests share: the extensions of a certificate, CSR or CRL read with
 * asn1js into the form the printers receive, the printers run over a list, the oracle's block cut
 * out of OpenSSL's -text output, and the corpus certificates.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { printExtension, type RawExtension } from '../../src/core/text/extensions/registry.ts';
import { corpus } from './text-oracle.helper.ts';

type Block = asn1js.AsnType & { idBlock: { tagClass: number; tagNumber: number }; valueBlock: { value?: Block[] } };

function parse(der: Uint8Array): Block {
  const { offset, result } = asn1js.fromBER(der.slice().buffer, { maxNodes: 5_000_000, parseEmbedded: false });
  if (offset === -1) throw new Error(`undecodable DER: ${result.error}`);
  return result as Block;
}

const kids = (b: Block): Block[] => b.valueBlock.value ?? [];

/** Extensions ::= SEQUENCE OF Extension, as the printers receive them. */
function readExtensions(seq: Block): RawExtension[] {
  return kids(seq).map((ext) => {
    const parts = kids(ext);
    const oid = (parts[0] as unknown as asn1js.ObjectIdentifier).getValue();
    const critical = parts.length === 3 && (parts[1] as unknown as asn1js.Boolean).getValue();
    const octets = parts[parts.length - 1] as unknown as asn1js.OctetString;
    return { oid, critical, value: new Uint8Array(octets.getValue()) };
  });
}

/** The first element inside the outer SEQUENCE, parsed alone (some certs have fields asn1js rejects after it). */
function firstInner(der: Uint8Array): Block {
  const headerLength = (at: number): number => (der[at + 1]! < 0x80 ? 2 : 2 + (der[at + 1]! & 0x7f));
  return parse(der.subarray(headerLength(0)));
}

export function certExtensions(der: Uint8Array): RawExtension[] {
  const tbs = firstInner(der);
  const wrapped = kids(tbs).find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 3);
  return wrapped ? readExtensions(kids(wrapped)[0]!) : [];
}

export function csrExtensions(der: Uint8Array): RawExtension[] {
  const info = kids(parse(der))[0]!;
  const attributes = kids(info).find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 0);
  for (const attr of attributes ? kids(attributes) : []) {
    const [type, values] = kids(attr);
    const oid = (type as unknown as asn1js.ObjectIdentifier).getValue();
    if (oid === '1.2.840.113549.1.9.14' || oid === '1.3.6.1.4.1.311.2.1.14') return readExtensions(kids(values!)[0]!);
  }
  return [];
}

/** CRL extensions, then each revoked entry's extensions, in the order `crl -text` prints them. */
export function crlExtensionLists(der: Uint8Array): RawExtension[][] {
  const tbs = kids(parse(der))[0]!;
  const lists: RawExtension[][] = [];
  const fields = kids(tbs);
  const crlExts = fields.find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 0);
  if (crlExts) lists.push(readExtensions(kids(crlExts)[0]!));
  const revoked = fields.find((b, i) => i > 2 && b.idBlock.tagClass === 1 && b.idBlock.tagNumber === 16);
  for (const entry of revoked ? kids(revoked) : []) {
    const entryExts = kids(entry)[2];
    if (entryExts) lists.push(readExtensions(entryExts));
  }
  return lists;
}

export function printAll(exts: RawExtension[], indent: number): string {
  return exts.flatMap((e) => printExtension(e, indent)).join('\n');
}

/** The oracle lines from the line after `start` up to (not including) the last "    Signature Algorithm:". */
export function oracleBlock(text: string, start: string): string | undefined {
  const lines = text.split('\n');
  const from = lines.indexOf(start);
  if (from < 0) return undefined;
  let to = lines.length - 1;
  while (to > from && !lines[to]!.startsWith('    Signature Algorithm:')) to--;
  return lines.slice(from + 1, to).join('\n');
}

export const certDir = join(corpus, 'certs');
export const certFiles = readdirSync(certDir)
  .filter((f) => f.endsWith('.pem'))
  .sort();
