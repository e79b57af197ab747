/**
 * `openssl x509 -noout -text` (X509_print_ex with OpenSSL 3.0's default name and cert flags).
 */
import { CertbenchError } from '../errors.ts';
import { oidDisplayName } from '../oids.ts';
import { asNode, type DerInput, type DerNode } from '../der/node.ts';
import { bitStringBytes, isContext, isUniversal, oidValue, placeOf } from '../der/read.ts';
import { decodeAsn1Integer, formatAsn1Time, hexLines, spaces } from './format.ts';
import { formatSerialNumber } from './serial.ts';
import { formatNameWithParts } from './name.ts';
import { checkExtensionList, checkNameDecodes } from '../der/openssl-name.ts';
import { asOpensslLoads } from '../der/strict.ts';
import { describePublicKey } from './public-key.ts';
import { printSignatureAlgorithmLines, printSignatureValueLines } from './signature.ts';
import { extensionLines, type RawExtension } from './extensions/registry.ts';
import { LineWriter, type TextLine } from './lines.ts';
import { algorithmParts } from '../explain/parts.ts';

/**
 * What OpenSSL writes to stdout (via ERR_print_errors) after "Unable to load Public Key". The
 * leading hex is a per-run thread id in real output; compare these lines with it masked.
 */
export const PUBLIC_KEY_DECODE_ERROR_LINE =
  '00000000:error:03000072:digital envelope routines:X509_PUBKEY_get0:decode error:../crypto/x509/x_pubkey.c:461:';

/** Exactly what `openssl x509 -noout -text` prints for this DER, ending in a newline. */
export function printCertificateText(der: DerInput): string {
  return printCertificate(der, true).text();
}

/** The same as records; byte ranges count from where the decoded certificate starts (its offset). */
export function printCertificateLines(der: DerInput): TextLine[] {
  return printCertificate(der).lines;
}

/** The printout as records, or as text alone (`textOnly`: no record is made). */
export function printCertificate(der: DerInput, textOnly = false): LineWriter {
  return printCertificateWith(der, extensionLines, textOnly);
}

/** The text with the extension printer supplied (tests use it to judge the rest on its own). */
export function printCertificateTextWith(der: DerInput, extensionPrinter: (ext: RawExtension, indent: number) => string[]): string {
  return printCertificateWith(der, (ext, indent) => extensionPrinter(ext, indent).map((text) => ({ text })), true).text();
}

function printCertificateWith(der: DerInput, extensionPrinter: ExtensionPrinter, textOnly: boolean): LineWriter {
  const { cert, tbs, sigAlg, sigValue } = certificateParts(der);
  const out = new LineWriter(textOnly);
  out.line('Certificate:', { field: 'cert.certificate', at: cert });
  out.line('    Data:', { field: 'cert.data', at: tbs });
  printTbs(tbs, out, extensionPrinter);
  const sig = printSignatureValueLines(sigAlg, bitStringBytes(sigValue).bytes, 4);
  out.add(sig.slice(0, 1), { at: sigAlg });
  out.add(sig.slice(1), { at: sigValue });
  return out;
}

const NOT_A_CERTIFICATE = 'print.notACertificate' as const;

/** The three parts of a Certificate (the decoder takes any tag in ANY fields, as OpenSSL does). */
function certificateParts(der: DerInput): { cert: DerNode; tbs: DerNode; sigAlg: DerNode; sigValue: DerNode } {
  const cert = asNode(der, 'certificate');
  const [tbs, sigAlg, sigValue] = cert.children;
  if (!isUniversal(cert, 16) || !tbs || !sigAlg || !sigValue || !isUniversal(tbs, 16) || !isUniversal(sigValue, 3)) {
    throw new CertbenchError(NOT_A_CERTIFICATE);
  }
  return { cert, tbs, sigAlg, sigValue };
}

type ExtensionPrinter = (ext: RawExtension, indent: number) => TextLine[];

function printTbs(tbs: DerNode, out: LineWriter, extensionPrinter: ExtensionPrinter): void {
  const fields = tbs.children;
  let i = 0;
  let version = 0n;
  if (fields[0] && isContext(fields[0], 0)) {
    const v = fields[0].children[0];
    if (!v || !isUniversal(v, 2)) throw new CertbenchError('print.versionNotInteger', undefined, placeOf(fields[0]));
    version = decodeAsn1Integer(v.content).value;
    i++;
  }
  const [serial, signature, issuer, validity, subject, spki] = fields.slice(i, i + 6);
  if (!serial || !signature || !issuer || !validity || !subject || !spki) {
    throw new CertbenchError('print.tbsMissingFields');
  }
  const rest = fields.slice(i + 6);
  // openssl x509 refuses to load a certificate whose names or extension list its decoder rejects.
  asOpensslLoads(() => {
    checkNameDecodes(issuer);
    checkNameDecodes(subject);
    const extensions = rest.find((f) => isContext(f, 3))?.children[0];
    if (extensions) checkExtensionList(extensions);
  }, tbs);

  out.line(
    version >= 0n && version <= 2n
      ? `        Version: ${version + 1n} (0x${version.toString(16)})`
      : `        Version: Unknown (${version})`,
    { field: 'cert.version', at: i ? fields[0]! : tbs },
  );
  const [serialHead, ...serialRest] = formatSerialNumber(serial.content);
  const serialTag = { field: 'cert.serial', at: serial };
  out.line('        Serial Number:' + serialHead, serialTag);
  out.add(serialRest, serialTag);
  out.add(printSignatureAlgorithmLines(signature, 8, 'cert.tbsSignature'), { at: signature });
  const issuerName = formatNameWithParts(issuer, false);
  out.line('        Issuer: ' + issuerName.text, { field: 'cert.issuer', parts: issuerName.parts, at: issuer });
  const [notBefore, notAfter] = validity.children;
  out.line('        Validity', { field: 'cert.validity', at: validity });
  out.line('            Not Before: ' + timeText(notBefore), { field: 'cert.notBefore', at: notBefore });
  out.line('            Not After : ' + timeText(notAfter), { field: 'cert.notAfter', at: notAfter });
  const subjectName = formatNameWithParts(subject, true);
  out.line('        Subject: ' + subjectName.text, { field: 'cert.subject', parts: subjectName.parts, at: subject });
  printPublicKeyInfo(spki, out);

  let extensions: DerNode | undefined;
  for (const f of rest) {
    if (isContext(f, 1)) pushUniqueId('Issuer', f, out);
    else if (isContext(f, 2)) pushUniqueId('Subject', f, out);
    else if (isContext(f, 3)) extensions = f;
  }
  if (extensions?.children[0]) printExtensions(extensions, extensions.children[0], out, extensionPrinter);
}

function timeText(t: DerNode | undefined): string {
  if (!t) return 'Bad time value';
  return formatAsn1Time(t.tag, t.content);
}

function printPublicKeyInfo(spki: DerNode, out: LineWriter): void {
  const [alg, bits] = spki.children;
  const algOid = alg ? alg.children[0] : undefined;
  out.line('        Subject Public Key Info:', { field: 'spki', at: spki });
  const algName = algOid && isUniversal(algOid, 6) ? oidDisplayName(oidValue(algOid)) : '';
  out.line('            Public Key Algorithm: ' + algName, { field: 'spki.algorithm', parts: () => algorithmParts(algName), at: alg });
  const key = describePublicKey(spki, 16);
  const keyTag = { field: 'spki', at: bits ?? spki };
  if (key.loaded) out.add(key.lines, keyTag);
  else out.add(['            Unable to load Public Key', PUBLIC_KEY_DECODE_ERROR_LINE, PUBLIC_KEY_DECODE_ERROR_LINE], keyTag);
}

/** [1]/[2] IMPLICIT BIT STRING: the bytes as X509_signature_dump prints them, unused bits zeroed. */
function pushUniqueId(which: 'Issuer' | 'Subject', field: DerNode, out: LineWriter): void {
  const content = field.content;
  const bytes = content.length > 1 ? content.slice(1) : new Uint8Array(0);
  if (bytes.length) bytes[bytes.length - 1]! &= 0xff << (content[0]! & 7);
  const [first, ...more] = hexLines(bytes, 12, 18);
  const tag = { field: which === 'Issuer' ? 'cert.issuerUniqueId' : 'cert.subjectUniqueId', at: field };
  out.line(`        ${which} Unique ID: ${first}`, tag);
  out.add(more, tag);
}

function printExtensions(tagged: DerNode, extensions: DerNode, out: LineWriter, extensionPrinter: ExtensionPrinter): void {
  const list = extensions.children;
  if (list.length === 0) return;
  out.line(spaces(8) + 'X509v3 extensions:', { field: 'cert.extensions', at: tagged });
  for (const ext of list) out.add(extensionPrinter(rawExtension(ext), 12), { at: ext });
}

function rawExtension(ext: DerNode): RawExtension {
  const parts = ext.children;
  const id = parts[0];
  if (!id || !isUniversal(id, 6)) throw new CertbenchError('print.extensionNoOid', undefined, placeOf(ext));
  let critical = false;
  let value: DerNode | undefined;
  for (const p of parts.slice(1)) {
    if (isUniversal(p, 1)) critical = p.content.some((b) => b !== 0);
    else if (isUniversal(p, 4)) value = p;
  }
  if (!value) throw new CertbenchError('print.extensionNoValue', { oid: oidValue(id) }, placeOf(ext));
  return { oid: oidValue(id), critical, value: value.content };
}
