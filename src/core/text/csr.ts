/**
 * `openssl req -noout -text` (X509_REQ_print_ex): version, subject, public key, attributes
 * (extension requests excluded), "Requested Extensions:", then the signature.
 */
import { decodeKeepingBytes } from './raw-bytes.ts';
import { CertbenchError } from '../errors.ts';
import { oidDisplayName } from '../oids.ts';
import { PUBLIC_KEY_DECODE_ERROR_LINE } from './certificate.ts';
import { asNode, type DerInput, type DerNode, UNIVERSAL } from '../der/node.ts';
import { bitStringBytes, child, expectUniversal, isContext, isUniversal, oidValue, signedBigInt } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { checkNameDecodes } from '../der/openssl-name.ts';
import { asOpensslLoads } from '../der/strict.ts';
import { readExtensions, writeExtensions } from './extension-list.ts';
import type { RawExtension } from './extensions/registry.ts';
import { formatNameWithParts } from './name.ts';
import { LineWriter, type TextLine } from './lines.ts';
import { algorithmParts, knownOr } from '../explain/parts.ts';
import { printPublicKeyLines } from './public-key.ts';
import { printSignatureValueLines } from './signature.ts';

/** X509_REQ_extension_nid: extensionRequest, then Microsoft's older msExtReq. */
const EXTENSION_REQUEST_OIDS = ['1.2.840.113549.1.9.14', '1.3.6.1.4.1.311.2.1.14'];

/** String types X509_REQ_print_ex writes out byte for byte; any other value is "unable to print attribute". */
const PRINTABLE_ATTRIBUTE_TAGS = new Set([19, 20, 18, 12, 22]); // Printable, T61, Numeric, UTF8, IA5

interface Attribute {
  oid: string;
  values: DerNode[];
  node: DerNode;
}

const EXTENSION_REQUEST_FIELD = 'csr.attr.1.2.840.113549.1.9.14';

/** Exactly what `openssl req -noout -text` prints for this DER, ending in a newline. */
export function printCsrText(der: DerInput): string {
  return printCsr(der, true).text();
}

/** The printout as records, or as text alone (`textOnly`: no record is made). */
export function printCsr(der: DerInput, textOnly = false): LineWriter {
  const csr = expectUniversal(asNode(der, 'certificate request'), TAG.SEQUENCE, 'certificate request');
  const info = expectUniversal(child(csr, 0, 'certificate request info'), TAG.SEQUENCE, 'certificate request info');
  const signatureAlgorithm = expectUniversal(child(csr, 1, 'request signature algorithm'), TAG.SEQUENCE, 'request signature algorithm');
  const signature = bitStringBytes(expectUniversal(child(csr, 2, 'request signature'), TAG.BIT_STRING, 'request signature')).bytes;

  const version = signedBigInt(expectUniversal(child(info, 0, 'request version'), TAG.INTEGER, 'request version').content);
  const subject = expectUniversal(child(info, 1, 'request subject'), TAG.SEQUENCE, 'request subject');
  asOpensslLoads(() => checkNameDecodes(subject), subject); // openssl req refuses a subject its decoder rejects
  const spki = expectUniversal(child(info, 2, 'request public key'), TAG.SEQUENCE, 'request public key');
  const attributesNode = info.children[3];
  const attributes = isContext(attributesNode, 0) ? attributesNode.children.map(readAttribute) : [];

  const out = new LineWriter(textOnly);
  out.line('Certificate Request:', { field: 'csr.root', at: csr });
  out.line('    Data:', { field: 'csr.data', at: info });
  out.line(version === 0n ? '        Version: 1 (0x0)' : `        Version: Unknown (${version})`, { field: 'csr.version', at: info.children[0] });
  const subjectName = formatNameWithParts(subject, true);
  out.line(`        Subject: ${subjectName.text}`, { field: 'csr.subject', parts: subjectName.parts, at: subject });
  out.line('        Subject Public Key Info:', { field: 'spki', at: spki });
  const algorithm = child(spki, 0, 'public key algorithm');
  const algName = oidDisplayName(oidValue(child(algorithm, 0, 'public key algorithm'), 'public key algorithm'));
  out.line(`            Public Key Algorithm: ${algName}`, { field: 'spki.algorithm', parts: () => algorithmParts(algName), at: algorithm });
  out.add(publicKeyLines(spki), { field: 'spki', at: spki.children[1] ?? spki });
  out.line('        Attributes:', { field: 'csr.attributes', at: isContext(attributesNode, 0) ? attributesNode : info });
  writeAttributes(out, attributes);
  const extensions = requestedExtensions(attributes);
  const request = attributes.find((a) => EXTENSION_REQUEST_OIDS.includes(a.oid))?.node;
  if (extensions) writeExtensions(out, extensions, 'Requested Extensions', 12, EXTENSION_REQUEST_FIELD, request);
  if (extensions && !extensions.length) out.line('            Requested Extensions:', { field: EXTENSION_REQUEST_FIELD, at: request });
  const sig = printSignatureValueLines(signatureAlgorithm, signature, 4);
  out.add(sig.slice(0, 1), { at: signatureAlgorithm });
  out.add(sig.slice(1), { at: csr.children[2] });
  return out;
}

function publicKeyLines(spki: DerNode): Array<string | TextLine> {
  try {
    return printPublicKeyLines(spki, 16);
  } catch (e) {
    if (!(e instanceof CertbenchError)) throw e;
    // What OpenSSL prints when X509_REQ_get0_pubkey fails, error stack included (thread id masked).
    return ['            Unable to load Public Key', PUBLIC_KEY_DECODE_ERROR_LINE, PUBLIC_KEY_DECODE_ERROR_LINE];
  }
}

function readAttribute(node: DerNode, index: number): Attribute {
  const what = `request attribute ${index + 1}`;
  expectUniversal(node, TAG.SEQUENCE, what);
  const oid = oidValue(child(node, 0, `${what} type`), `${what} type`);
  const values = expectUniversal(child(node, 1, `${what} values`), TAG.SET, `${what} values`).children;
  return { oid, values, node };
}

/**
 * Each attribute's name padded to 25 columns and ':' then its value; further values of the same
 * attribute on their own lines with 25 spaces before the ':' (OpenSSL's loop reuses its counter).
 */
function writeAttributes(out: LineWriter, attributes: Attribute[]): void {
  if (!attributes.length) return out.line('            (none)', { field: 'csr.noAttributes' });
  for (const attribute of attributes) {
    if (EXTENSION_REQUEST_OIDS.includes(attribute.oid)) continue;
    const name = oidDisplayName(attribute.oid);
    if (!attribute.values.length) throw new CertbenchError('print.attributeNoValue', { name });
    attribute.values.forEach((value, i) => {
      const head = i === 0 ? '            ' + name + ' '.repeat(Math.max(0, 25 - name.length)) : ' '.repeat(25);
      out.line(`${head}:${attributeValueText(value)}`, { field: knownOr('csr.attr.', attribute.oid, 'csr.attr.other'), at: attribute.node });
    });
  }
}

function attributeValueText(value: DerNode): string {
  if (value.cls !== UNIVERSAL || !PRINTABLE_ATTRIBUTE_TAGS.has(value.tag)) return 'unable to print attribute';
  return decodeKeepingBytes(value.content); // written as they are (BIO_write)
}

/**
 * X509_REQ_get_extensions: the first value of the first extension-request attribute; none at all
 * gives an empty list (the heading is still printed), a value that does not decode gives nothing.
 */
function requestedExtensions(attributes: Attribute[]): RawExtension[] | undefined {
  for (const oid of EXTENSION_REQUEST_OIDS) {
    const attribute = attributes.find((a) => a.oid === oid);
    if (!attribute) continue;
    const first = attribute.values[0];
    if (!first) return [];
    if (!isUniversal(first, TAG.SEQUENCE)) return undefined;
    try {
      return readExtensions(first, 'requested extensions');
    } catch (e) {
      if (e instanceof CertbenchError) return undefined;
      throw e;
    }
  }
  return [];
}
