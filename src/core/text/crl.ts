/**
 * `openssl crl -noout -text` (X509_CRL_print_ex): header fields, CRL extensions, each revoked
 * entry with its serial (i2a_ASN1_INTEGER), date and entry extensions, then the signature.
 */
import { CertbenchError } from '../errors.ts';
import { formatName } from './name.ts';
import { formatAsn1Time } from './format.ts';
import { printSignatureAlgorithmLines, printSignatureValueLines } from './signature.ts';
import { asNode, type DerInput, type DerNode } from '../der/node.ts';
import { bitStringBytes, child, expectUniversal, isContext, isUniversal, placeOf, signedBigInt } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { checkNameDecodes } from '../der/openssl-name.ts';
import { asOpensslLoads } from '../der/strict.ts';
import { extensionsLines, readExtensions } from './extension-list.ts';

/** Exactly what `openssl crl -noout -text` prints for this DER, ending in a newline. */
export function printCrlText(der: DerInput): string {
  const crl = expectUniversal(asNode(der, 'CRL'), TAG.SEQUENCE, 'CRL');
  const tbs = expectUniversal(child(crl, 0, 'CRL contents'), TAG.SEQUENCE, 'CRL contents');
  const signatureAlgorithm = expectUniversal(child(crl, 1, 'CRL signature algorithm'), TAG.SEQUENCE, 'CRL signature algorithm');
  const signature = bitStringBytes(expectUniversal(child(crl, 2, 'CRL signature'), TAG.BIT_STRING, 'CRL signature')).bytes;

  const fields = [...tbs.children];
  const version = isUniversal(fields[0], TAG.INTEGER) ? signedBigInt(fields.shift()!.content) : 0n;
  expectUniversal(fields.shift(), TAG.SEQUENCE, 'CRL inner signature algorithm');
  const issuer = expectUniversal(fields.shift(), TAG.SEQUENCE, 'CRL issuer');
  asOpensslLoads(() => checkNameDecodes(issuer), issuer); // openssl crl refuses an issuer its decoder rejects
  const lastUpdate = timeNode(fields.shift(), 'CRL last update');
  const nextUpdate = isTime(fields[0]) ? fields.shift() : undefined;
  const revoked = isUniversal(fields[0], TAG.SEQUENCE) ? fields.shift()! : undefined;
  const extensions = isContext(fields[0], 0) ? readExtensions(child(fields.shift()!, 0, 'CRL extensions'), 'CRL extensions') : [];

  const lines = [
    'Certificate Revocation List (CRL):',
    version === 0n || version === 1n ? `        Version ${version + 1n} (0x${version.toString(16)})` : `        Version unknown (${version})`,
    ...printSignatureAlgorithmLines(signatureAlgorithm, 8),
    `        Issuer: ${formatName(issuer, 'oneline')}`,
    `        Last Update: ${formatTime(lastUpdate)}`,
    `        Next Update: ${nextUpdate ? formatTime(nextUpdate) : 'NONE'}`,
    ...extensionsLines(extensions, 'CRL extensions', 8),
  ];
  const entries = revoked?.children ?? [];
  lines.push(entries.length ? 'Revoked Certificates:' : 'No Revoked Certificates.');
  entries.forEach((entry, i) => lines.push(...revokedLines(entry, `revoked entry ${i + 1}`)));
  lines.push(...printSignatureValueLines(signatureAlgorithm, signature, 4));
  return lines.join('\n') + '\n';
}

function isTime(node: DerNode | undefined): node is DerNode {
  return isUniversal(node, TAG.UTC_TIME) || isUniversal(node, TAG.GENERALIZED_TIME);
}

function timeNode(node: DerNode | undefined, what: string): DerNode {
  if (!isTime(node)) throw new CertbenchError('print.notATime', { what }, node && placeOf(node));
  return node;
}

function formatTime(node: DerNode): string {
  return formatAsn1Time(node.tag, node.content);
}

function revokedLines(entry: DerNode, what: string): string[] {
  expectUniversal(entry, TAG.SEQUENCE, what);
  const serial = expectUniversal(child(entry, 0, `${what} serial number`), TAG.INTEGER, `${what} serial number`);
  const date = timeNode(entry.children[1], `${what} revocation date`);
  const extensions = isUniversal(entry.children[2], TAG.SEQUENCE) ? readExtensions(entry.children[2], `${what} extensions`) : [];
  return [
    `    Serial Number: ${serialHex(serial.content)}`,
    `        Revocation Date: ${formatTime(date)}`,
    ...extensionsLines(extensions, 'CRL entry extensions', 8),
  ];
}

/** i2a_ASN1_INTEGER: uppercase hex of the magnitude, "-" for negatives, "\" + newline every 35 bytes. */
export function serialHex(content: Uint8Array): string {
  const value = signedBigInt(content);
  const magnitude = value < 0n ? -value : value;
  let hex = magnitude === 0n ? '00' : magnitude.toString(16).toUpperCase();
  if (hex.length % 2) hex = '0' + hex;
  const pairs = hex.match(/../g)!;
  let out = value < 0n ? '-' : '';
  pairs.forEach((pair, i) => (out += (i && i % 35 === 0 ? '\\\n' : '') + pair));
  return out;
}
