/**
 * `openssl crl -noout -text` (X509_CRL_print_ex): header fields, CRL extensions, each revoked
 * entry with its serial (i2a_ASN1_INTEGER), date and entry extensions, then the signature.
 */
import { CertbenchError } from '../errors.ts';
import { formatNameWithParts } from './name.ts';
import { formatAsn1Time } from './format.ts';
import { serialHex } from './serial.ts';
import { printSignatureAlgorithmLines, printSignatureValueLines } from './signature.ts';
import { asNode, type DerInput, type DerNode } from '../der/node.ts';
import { bitStringBytes, child, expectUniversal, isContext, isUniversal, placeOf, signedBigInt } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { checkNameDecodes } from '../der/openssl-name.ts';
import { asOpensslLoads } from '../der/strict.ts';
import { readExtensions, writeExtensions } from './extension-list.ts';
import { LineWriter, type TextLine } from './lines.ts';

/** Exactly what `openssl crl -noout -text` prints for this DER, ending in a newline. */
export function printCrlText(der: DerInput): string {
  return printCrl(der, true).text();
}

/** The same as records; byte ranges count from where the decoded CRL starts (its offset). */
export function printCrlLines(der: DerInput): TextLine[] {
  return printCrl(der).lines;
}

/** The printout as records, or as text alone (`textOnly`: no record is made). */
export function printCrl(der: DerInput, textOnly = false): LineWriter {
  const crl = expectUniversal(asNode(der, 'CRL'), TAG.SEQUENCE, 'CRL');
  const tbs = expectUniversal(child(crl, 0, 'CRL contents'), TAG.SEQUENCE, 'CRL contents');
  const signatureAlgorithm = expectUniversal(child(crl, 1, 'CRL signature algorithm'), TAG.SEQUENCE, 'CRL signature algorithm');
  const signature = bitStringBytes(expectUniversal(child(crl, 2, 'CRL signature'), TAG.BIT_STRING, 'CRL signature')).bytes;

  const fields = [...tbs.children];
  const versionNode = isUniversal(fields[0], TAG.INTEGER) ? fields.shift()! : undefined;
  const version = versionNode ? signedBigInt(versionNode.content) : 0n;
  const innerSignature = expectUniversal(fields.shift(), TAG.SEQUENCE, 'CRL inner signature algorithm');
  const issuer = expectUniversal(fields.shift(), TAG.SEQUENCE, 'CRL issuer');
  asOpensslLoads(() => checkNameDecodes(issuer), issuer); // openssl crl refuses an issuer its decoder rejects
  const lastUpdate = timeNode(fields.shift(), 'CRL last update');
  const nextUpdate = isTime(fields[0]) ? fields.shift() : undefined;
  const revoked = isUniversal(fields[0], TAG.SEQUENCE) ? fields.shift()! : undefined;
  const extensionsNode = isContext(fields[0], 0) ? fields.shift()! : undefined;
  const extensions = extensionsNode ? readExtensions(child(extensionsNode, 0, 'CRL extensions'), 'CRL extensions') : [];

  const out = new LineWriter(textOnly);
  out.line('Certificate Revocation List (CRL):', { field: 'crl.root', at: crl });
  out.line(
    version === 0n || version === 1n ? `        Version ${version + 1n} (0x${version.toString(16)})` : `        Version unknown (${version})`,
    { field: 'crl.version', at: versionNode ?? tbs },
  );
  out.add(printSignatureAlgorithmLines(signatureAlgorithm, 8, 'crl.tbsSignature'), { at: innerSignature });
  const issuerName = formatNameWithParts(issuer, false);
  out.line(`        Issuer: ${issuerName.text}`, { field: 'crl.issuer', parts: issuerName.parts, at: issuer });
  out.line(`        Last Update: ${formatTime(lastUpdate)}`, { field: 'crl.lastUpdate', at: lastUpdate });
  out.line(`        Next Update: ${nextUpdate ? formatTime(nextUpdate) : 'NONE'}`, { field: 'crl.nextUpdate', at: nextUpdate });
  writeExtensions(out, extensions, 'CRL extensions', 8, 'crl.extensions', extensionsNode);
  const entries = revoked?.children ?? [];
  if (entries.length) out.line('Revoked Certificates:', { field: 'crl.revoked', at: revoked });
  else out.line('No Revoked Certificates.', { field: 'crl.noRevoked', at: revoked });
  entries.forEach((entry, i) => writeRevoked(out, entry, `revoked entry ${i + 1}`));
  const sig = printSignatureValueLines(signatureAlgorithm, signature, 4);
  out.add(sig.slice(0, 1), { at: signatureAlgorithm });
  out.add(sig.slice(1), { at: crl.children[2] });
  return out;
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

function writeRevoked(out: LineWriter, entry: DerNode, what: string): void {
  expectUniversal(entry, TAG.SEQUENCE, what);
  const serial = expectUniversal(child(entry, 0, `${what} serial number`), TAG.INTEGER, `${what} serial number`);
  const date = timeNode(entry.children[1], `${what} revocation date`);
  const extensionsNode = isUniversal(entry.children[2], TAG.SEQUENCE) ? entry.children[2] : undefined;
  const extensions = extensionsNode ? readExtensions(extensionsNode, `${what} extensions`) : [];
  // A long serial goes on over further lines ("\\" and a newline every 35 bytes): LineWriter makes each a record.
  out.line(`    Serial Number: ${serialHex(serial.content, true)}`, { field: 'crl.entry.serial', at: entry });
  out.line(`        Revocation Date: ${formatTime(date)}`, { field: 'crl.entry.date', at: date });
  writeExtensions(out, extensions, 'CRL entry extensions', 8, 'crl.entry.extensions', extensionsNode);
}
