/**
 * Signature algorithm and signature value printing (X509_signature_print and the per-algorithm
 * sig_print hooks: RSA-PSS parameters, DSA's r/s split), shared by certificates, CSRs and CRLs.
 */
import { oidDisplayName } from '../oids.ts';
import { CONTEXT, type DerNode, parseDer } from '../der/node.ts';
import { isUniversal, oidValue } from '../der/read.ts';
import { decodeAsn1Integer, hexLines, plainHex, spaces, withSignPad } from './format.ts';
import { readDsaSignature } from './dsa-signature.ts';
import { algorithmParts } from '../explain/parts.ts';
import type { TextLine } from './lines.ts';

const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';

/** DSA signature algorithms whose value OpenSSL splits into r and s (dsa_sig_print). */
const DSA_SIGNATURES = new Set([
  '1.2.840.10040.4.3', // dsaWithSHA1
  '1.3.14.3.2.27', // dsaWithSHA1-old
  '2.16.840.1.101.3.4.3.1', // dsa_with_SHA224
  '2.16.840.1.101.3.4.3.2', // dsa_with_SHA256
  '2.16.840.1.101.3.4.3.3', // dsa_with_SHA384
  '2.16.840.1.101.3.4.3.4', // dsa_with_SHA512
  '2.16.840.1.101.3.4.3.5', // dsa_with_SHA3-224
  '2.16.840.1.101.3.4.3.6', // dsa_with_SHA3-256
  '2.16.840.1.101.3.4.3.7', // dsa_with_SHA3-384
  '2.16.840.1.101.3.4.3.8', // dsa_with_SHA3-512
]);

interface AlgorithmIdentifier {
  oid: string;
  parameters?: DerNode;
}

/** An AlgorithmIdentifier as its encoding, or as the node a printer already holds for it. */
type AlgorithmIdentifierInput = Uint8Array | DerNode;

function readAlgorithm(algId: AlgorithmIdentifierInput): AlgorithmIdentifier {
  if (!(algId instanceof Uint8Array)) return fromBlock(algId);
  const parsed = parseDer(algId, 'AlgorithmIdentifier');
  return fromBlock(parsed);
}

function fromBlock(parsed: DerNode): AlgorithmIdentifier {
  const [oid, parameters] = parsed.children;
  return { oid: oid ? oidValue(oid) : '', parameters };
}

/**
 * The TBS-side line X509_print_ex writes: `Signature Algorithm: sha256WithRSAEncryption` at
 * `indent` (8 in a certificate), followed for RSA-PSS by the parameter lines at the same indent
 * (OpenSSL pads the algorithm line with `indent` trailing spaces in that case).
 */
export function printSignatureAlgorithmLines(algId: AlgorithmIdentifierInput, indent: number, field: string): TextLine[] {
  const alg = readAlgorithm(algId);
  const name = oidDisplayName(alg.oid);
  const head: TextLine = { text: `${spaces(indent)}Signature Algorithm: ${name}`, field, parts: algorithmParts(name) };
  if (alg.oid !== RSASSA_PSS) return [head];
  const pss = pssParameterLines(alg.parameters, indent);
  head.text += spaces(indent) + pss[0];
  return [head, ...pss.slice(1).map((text) => ({ text, field: 'sig.pssParams' }))];
}

/**
 * The outer signature block: `Signature Algorithm: …` and `Signature Value:` at indent, then the
 * value (colon hex, 18 bytes a line, at indent + 4), with RSA-PSS parameters or DSA r/s when
 * OpenSSL prints them.
 */
export function printSignatureValueLines(algId: AlgorithmIdentifierInput, signature: Uint8Array, indent: number): TextLine[] {
  const alg = readAlgorithm(algId);
  const pad = spaces(indent);
  const name = oidDisplayName(alg.oid);
  const lines: TextLine[] = [{ text: `${pad}Signature Algorithm: ${name}`, field: 'sig.algorithm', parts: algorithmParts(name) }];
  const value = (texts: string[]) => texts.map((text): TextLine => ({ text, field: 'sig.value' }));
  const valueHead = `${pad}Signature Value:`;
  const inner = indent + 4;
  if (alg.oid === RSASSA_PSS) {
    const pss = pssParameterLines(alg.parameters, inner);
    lines.push({ text: valueHead + spaces(inner) + pss[0], field: 'sig.value' }, ...pss.slice(1).map((text) => ({ text, field: 'sig.pssParams' })));
  } else if (DSA_SIGNATURES.has(alg.oid)) {
    const rs = dsaSignatureLines(signature, inner);
    if (rs) {
      lines.push(...value([valueHead, ...rs]));
      return lines;
    }
    lines.push(...value([valueHead]));
  } else {
    lines.push(...value([valueHead]));
  }
  lines.push(...value(hexLines(signature, inner, 18)));
  return lines;
}

/** A DSA-Sig-Value { r, s } as OpenSSL prints it, or undefined where d2i_DSA_SIG refuses it (dsa-signature.ts). */
function dsaSignatureLines(signature: Uint8Array, indent: number): string[] | undefined {
  const rs = readDsaSignature(signature);
  return rs && [...bignumLines('r:   ', rs.r, indent), ...bignumLines('s:   ', rs.s, indent)];
}

/**
 * ASN1_bn_print: `label value (0xhex)` for values up to 8 bytes, otherwise the label, then the
 * magnitude in colon hex at indent + 4 (with a 00 byte first when the top bit is set).
 */
function bignumLines(label: string, integerContent: Uint8Array, indent: number): string[] {
  const int = decodeAsn1Integer(integerContent);
  const pad = spaces(indent);
  if (!int.magnitude.length) return [`${pad}${label} 0`];
  const neg = int.negative ? '-' : '';
  if (int.magnitude.length <= 8) {
    const m = int.negative ? -int.value : int.value;
    return [`${pad}${label} ${neg}${m.toString()} (${neg}0x${m.toString(16)})`];
  }
  return [`${pad}${label}${int.negative ? ' (Negative)' : ''}`, ...hexLines(withSignPad(int.magnitude), indent + 4, 15)];
}

// ---------------------------------------------------------------------------------------------
// RSASSA-PSS-params (rsa_pss_param_print with pss_key = 0)

interface PssParams {
  hash?: string;
  mgf?: string;
  mgfHash?: string;
  salt?: Uint8Array;
  trailer?: Uint8Array;
}

/**
 * The parameter lines; the first element is the rest of the line the caller started (empty, as
 * OpenSSL ends that line right after its indentation, or "(INVALID PSS PARAMETERS)").
 */
function pssParameterLines(parameters: DerNode | undefined, indent: number): string[] {
  const pss = parameters ? decodePssParams(parameters) : undefined;
  if (!pss) return ['(INVALID PSS PARAMETERS)'];
  const pad = spaces(indent);
  const hash = pss.hash ? oidDisplayName(pss.hash) : 'sha1 (default)';
  const mask = pss.mgf ? `${oidDisplayName(pss.mgf)} with ${pss.mgfHash ? oidDisplayName(pss.mgfHash) : 'INVALID'}` : 'mgf1 with sha1 (default)';
  return [
    '',
    `${pad}Hash Algorithm: ${hash}`,
    `${pad}Mask Algorithm: ${mask}`,
    `${pad} Salt Length: 0x${pss.salt ? integerHex(pss.salt) : '14 (default)'}`,
    `${pad}Trailer Field: 0x${pss.trailer ? integerHex(pss.trailer) : '01 (default)'}`,
  ];
}

/** i2a_ASN1_INTEGER: uppercase hex of the magnitude, "-" first when negative, "00" for zero. */
function integerHex(content: Uint8Array): string {
  const int = decodeAsn1Integer(content);
  const hex = int.magnitude.length ? plainHex(int.magnitude, true) : '00';
  return (int.negative ? '-' : '') + hex;
}

/**
 * Decodes RSASSA-PSS-params the way ossl_rsa_pss_decode does: any structural problem, or a mask
 * generation function other than MGF1 with a readable hash, makes the whole thing invalid.
 */
function decodePssParams(params: DerNode): PssParams | undefined {
  if (!isUniversal(params, 16)) return undefined;
  const out: PssParams = {};
  let lastTag = -1;
  for (const field of params.children) {
    const tag = field.tag;
    if (field.cls !== CONTEXT || tag <= lastTag || tag > 3 || !field.constructed) return undefined;
    lastTag = tag;
    const inner = field.children;
    if (inner.length !== 1) return undefined;
    const v = inner[0]!;
    if (tag === 0 || tag === 1) {
      const alg = algorithmOf(v);
      if (!alg) return undefined;
      if (tag === 0) out.hash = alg.oid;
      else {
        out.mgf = alg.oid;
        if (alg.oid !== MGF1 || !alg.parameters) return undefined;
        const hashAlg = algorithmOf(alg.parameters);
        if (!hashAlg) return undefined;
        out.mgfHash = hashAlg.oid;
      }
    } else {
      if (!isUniversal(v, 2)) return undefined;
      if (tag === 2) out.salt = v.content;
      else out.trailer = v.content;
    }
  }
  return out;
}

/** An AlgorithmIdentifier block: SEQUENCE { OID, ANY OPTIONAL }. */
function algorithmOf(b: DerNode): AlgorithmIdentifier | undefined {
  if (!isUniversal(b, 16)) return undefined;
  const parts = b.children;
  if (parts.length < 1 || parts.length > 2 || !isUniversal(parts[0]!, 6)) return undefined;
  return { oid: oidValue(parts[0]!), parameters: parts[1] };
}
