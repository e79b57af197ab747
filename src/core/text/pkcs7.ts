/**
 * `openssl pkcs7 -print_certs -text -noout`: every certificate of a SignedData (or
 * SignedAndEnvelopedData) as X509_print writes it, then every CRL as X509_CRL_print_ex does, each
 * followed by an empty line. Other content types print nothing, as in OpenSSL.
 */
import { CertbenchError } from '../errors.ts';
import { printCertificateLines } from './certificate.ts';
import { printCrlLines } from './crl.ts';
import { renderLines, type TextLine } from './lines.ts';
import { asNode, type DerInput, type DerNode } from '../der/node.ts';
import { child, expectUniversal, isContext, isUniversal, oidValue, placeOf } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { formatName } from './name.ts';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const SIGNED_AND_ENVELOPED_DATA = '1.2.840.113549.1.7.4';

/** Exactly what `openssl pkcs7 -print_certs -text -noout` prints for this DER (empty when it holds no certificates or CRLs). */
export function printPkcs7Text(der: DerInput): string {
  return renderLines(printPkcs7Lines(der));
}

/** The same as records, their byte ranges in the bundle's DER. */
export function printPkcs7Lines(der: DerInput): TextLine[] {
  const contentInfo = expectUniversal(asNode(der, 'PKCS#7 bundle'), TAG.SEQUENCE, 'PKCS#7 ContentInfo');
  const type = oidValue(child(contentInfo, 0, 'PKCS#7 content type'), 'PKCS#7 content type');
  if (type !== SIGNED_DATA && type !== SIGNED_AND_ENVELOPED_DATA) return [];
  const explicit = contentInfo.children[1];
  if (!isContext(explicit, 0)) return [];
  const signed = expectUniversal(child(explicit, 0, 'PKCS#7 signed data'), TAG.SEQUENCE, 'PKCS#7 signed data');
  const certificates = signed.children.find((n) => isContext(n, 0))?.children ?? [];
  const crls = signed.children.find((n) => isContext(n, 1))?.children ?? [];

  const out: TextLine[] = [];
  certificates.forEach((cert, i) => {
    if (!isUniversal(cert, TAG.SEQUENCE)) throw new CertbenchError('print.pkcs7NotCertificate', { index: i + 1 }, placeOf(cert));
    out.push(...compatCertificateLines(cert), { text: '' });
  });
  for (const crl of crls) out.push(...printCrlLines(crl), { text: '' });
  return out;
}

/**
 * X509_print is X509_print_ex with XN_FLAG_COMPAT, so the Issuer and Subject lines use the old
 * X509_NAME_print layout instead of the `x509 -text` one; everything else is the same.
 */
function compatCertificateLines(cert: DerNode): TextLine[] {
  const lines = printCertificateLines(cert);
  const tbs = child(cert, 0, 'certificate body');
  const fields = isContext(tbs.children[0], 0) ? tbs.children.slice(1) : tbs.children;
  const issuer = child({ ...tbs, children: fields }, 2, 'certificate issuer');
  const subject = child({ ...tbs, children: fields }, 4, 'certificate subject');
  replaceName(lines, 'cert.issuer', '        Issuer: ' + compatName(issuer.der));
  replaceName(lines, 'cert.subject', '        Subject: ' + compatName(subject.der));
  return lines;
}

function replaceName(lines: TextLine[], field: string, text: string): void {
  const at = lines.findIndex((l) => l.field === field);
  if (at >= 0) lines[at] = { ...lines[at]!, text };
}

/**
 * X509_NAME_print: X509_NAME_oneline's "/C=US/O=x" with each '/' that starts a one- or two-letter
 * uppercase attribute ("/C=", "/CN=") turned into ", " and the leading '/' dropped.
 */
function compatName(nameDer: Uint8Array): string {
  const slash = formatName(nameDer, 'slash');
  if (!slash) return '';
  const isUpper = (c: string | undefined): boolean => c !== undefined && c >= 'A' && c <= 'Z';
  let out = '';
  for (let i = 1; i < slash.length; i++) {
    const s = slash;
    const breaks = s[i] === '/' && isUpper(s[i + 1]) && (s[i + 2] === '=' || (isUpper(s[i + 2]) && s[i + 3] === '='));
    out += breaks ? ', ' : s[i];
  }
  return out;
}
