/**
 * `openssl x509 -noout -text` (X509_print_ex with OpenSSL 3.0's default name and cert flags).
 */
import { CertbenchError } from '../errors.ts';
import { oidDisplayName } from '../oids.ts';
import {
  bitStringBytes,
  children,
  contentBytes,
  isContext,
  isUniversal,
  oidText,
  parseDer,
  rawBytes,
  splitConstructed,
  tagNumber,
  type Block,
} from './der.ts';
import { decodeAsn1Integer, formatAsn1Time, formatSerialNumber, hexLines, spaces } from './format.ts';
import { formatNameBlock } from './name.ts';
import { describePublicKey } from './public-key.ts';
import { printSignatureAlgorithmLines, printSignatureValueLines, type AlgorithmIdentifierInput } from './signature.ts';
import { printExtension, type RawExtension } from './extensions/registry.ts';

/**
 * What OpenSSL writes to stdout (via ERR_print_errors) after "Unable to load Public Key". The
 * leading hex is a per-run thread id in real output; compare these lines with it masked.
 */
export const PUBLIC_KEY_DECODE_ERROR_LINE =
  '00000000:error:03000072:digital envelope routines:X509_PUBKEY_get0:decode error:../crypto/x509/x_pubkey.c:461:';

/** Exactly what `openssl x509 -noout -text` prints for this DER, ending in a newline. */
export function printCertificateText(der: Uint8Array): string {
  return printCertificateTextWith(der, printExtension);
}

/** The same, with the extension printer supplied (tests use it to judge the rest on its own). */
export function printCertificateTextWith(der: Uint8Array, extensionPrinter: ExtensionPrinter): string {
  const { tbs, sigAlg, sigValue } = certificateParts(der);
  const out: string[] = ['Certificate:', '    Data:'];
  printTbs(tbs, out, extensionPrinter);
  out.push(...printSignatureValueLines(sigAlg, bitStringBytes(sigValue).bytes, 4));
  return out.join('\n') + '\n';
}

const NOT_A_CERTIFICATE = 'not an X.509 certificate (expected SEQUENCE { tbsCertificate, signatureAlgorithm, signature })';

/**
 * The three parts of a Certificate. When asn1js refuses the whole (OpenSSL is more lenient in
 * ANY fields, e.g. signature parameters with a huge universal tag), each part is parsed alone.
 */
function certificateParts(der: Uint8Array): { tbs: Block; sigAlg: AlgorithmIdentifierInput; sigValue: Block } {
  let tbs: Block | undefined;
  let sigAlg: AlgorithmIdentifierInput | undefined;
  let sigValue: Block | undefined;
  try {
    const cert = parseDer(der, 'certificate');
    if (!isUniversal(cert, 16)) throw new CertbenchError(NOT_A_CERTIFICATE);
    const parts = children(cert);
    tbs = parts[0];
    sigAlg = parts[1];
    sigValue = parts[2];
  } catch (e) {
    if (!(e instanceof CertbenchError) || e.message === NOT_A_CERTIFICATE) throw e;
    const parts = splitConstructed(der, 'certificate');
    if (parts.length !== 3) throw e;
    tbs = parseDer(parts[0]!, 'tbsCertificate');
    sigAlg = parts[1];
    sigValue = parseDer(parts[2]!, 'signature');
  }
  if (!tbs || !sigAlg || !sigValue || !isUniversal(tbs, 16) || !isUniversal(sigValue, 3)) {
    throw new CertbenchError(NOT_A_CERTIFICATE);
  }
  return { tbs, sigAlg, sigValue };
}

type ExtensionPrinter = (ext: RawExtension, indent: number) => string[];

function printTbs(tbs: Block, out: string[], extensionPrinter: ExtensionPrinter): void {
  const fields = children(tbs);
  let i = 0;
  let version = 0n;
  if (fields[0] && isContext(fields[0], 0)) {
    const v = children(fields[0])[0];
    if (!v || !isUniversal(v, 2)) throw new CertbenchError('certificate version is not an INTEGER');
    version = decodeAsn1Integer(contentBytes(v)).value;
    i++;
  }
  const [serial, signature, issuer, validity, subject, spki] = fields.slice(i, i + 6);
  if (!serial || !signature || !issuer || !validity || !subject || !spki) {
    throw new CertbenchError('the certificate body (tbsCertificate) is missing fields');
  }
  const rest = fields.slice(i + 6);

  out.push(
    version >= 0n && version <= 2n
      ? `        Version: ${version + 1n} (0x${version.toString(16)})`
      : `        Version: Unknown (${version})`,
  );
  const [serialHead, ...serialRest] = formatSerialNumber(contentBytes(serial));
  out.push('        Serial Number:' + serialHead, ...serialRest);
  out.push(...printSignatureAlgorithmLines(signature, 8));
  out.push('        Issuer: ' + formatNameBlock(issuer, 'oneline'));
  const [notBefore, notAfter] = children(validity);
  out.push('        Validity');
  out.push('            Not Before: ' + timeText(notBefore));
  out.push('            Not After : ' + timeText(notAfter));
  out.push('        Subject: ' + formatNameBlock(subject, 'oneline'));
  printPublicKeyInfo(spki, out);

  let extensions: Block | undefined;
  for (const f of rest) {
    if (isContext(f, 1)) pushUniqueId('Issuer', f, out);
    else if (isContext(f, 2)) pushUniqueId('Subject', f, out);
    else if (isContext(f, 3)) extensions = children(f)[0];
  }
  if (extensions) printExtensions(extensions, out, extensionPrinter);
}

function timeText(t: Block | undefined): string {
  if (!t) return 'Bad time value';
  return formatAsn1Time(tagNumber(t), contentBytes(t));
}

function printPublicKeyInfo(spki: Block, out: string[]): void {
  const alg = children(spki)[0];
  const algOid = alg ? children(alg)[0] : undefined;
  out.push('        Subject Public Key Info:');
  out.push('            Public Key Algorithm: ' + (algOid && isUniversal(algOid, 6) ? oidDisplayName(oidText(algOid)) : ''));
  const key = describePublicKey(spki, 16);
  if (key.loaded) out.push(...key.lines);
  else out.push('            Unable to load Public Key', PUBLIC_KEY_DECODE_ERROR_LINE, PUBLIC_KEY_DECODE_ERROR_LINE);
}

/** [1]/[2] IMPLICIT BIT STRING: the bytes as X509_signature_dump prints them, unused bits zeroed. */
function pushUniqueId(which: 'Issuer' | 'Subject', field: Block, out: string[]): void {
  const content = contentBytes(field);
  const bytes = content.length > 1 ? content.slice(1) : new Uint8Array(0);
  if (bytes.length) bytes[bytes.length - 1]! &= 0xff << (content[0]! & 7);
  const [first, ...more] = hexLines(bytes, 12, 18);
  out.push(`        ${which} Unique ID: ${first}`, ...more);
}

function printExtensions(extensions: Block, out: string[], extensionPrinter: ExtensionPrinter): void {
  const list = children(extensions);
  if (list.length === 0) return;
  out.push(spaces(8) + 'X509v3 extensions:');
  for (const ext of list) out.push(...extensionPrinter(rawExtension(ext), 12));
}

function rawExtension(ext: Block): RawExtension {
  const parts = children(ext);
  const id = parts[0];
  if (!id || !isUniversal(id, 6)) throw new CertbenchError('an extension has no OBJECT IDENTIFIER');
  let critical = false;
  let value: Block | undefined;
  for (const p of parts.slice(1)) {
    if (isUniversal(p, 1)) critical = contentBytes(p).some((b) => b !== 0);
    else if (isUniversal(p, 4)) value = p;
  }
  if (!value) throw new CertbenchError(`extension ${oidText(id)} has no value`);
  return { oid: oidText(id), critical, value: contentBytes(value) };
}
