/**
 * Domain parameter files, and the traditional "DSA PUBLIC KEY", as OpenSSL 3.0 prints them. The
 * PEM label decides how the DER is read, as it decides which decoder OpenSSL uses (pem2der's
 * table): the same SEQUENCE of two INTEGERs is DH parameters under "DH PARAMETERS" and an RSA key
 * under "RSA PUBLIC KEY".
 *   DSA PARAMETERS        Dss-Parms { p, q, g }                 "DSA-Parameters: (N bit)"
 *   DH PARAMETERS         PKCS#3 DHParameter                    "DH Parameters: (N bit)"
 *   X9.42 DH PARAMETERS   X9.42 DomainParameters                "DH Parameters: (N bit)"
 *   EC PARAMETERS         ECPKParameters (curve OID or explicit) "EC-Parameters: (N bit)"
 *   DSA PUBLIC KEY        DSAPublicKey { y, p, q, g }           "Public-Key: (N bit)"
 * The parameters' text is what `openssl pkeyparam -text -noout` prints for each; `dsaparam -text
 * -noout` and `ecparam -text -noout` print the same bytes, `dhparam -text -noout` the same lines
 * indented by 4 (it prints through EVP_PKEY_print_params with indent 4).
 */
import { CertbenchError } from '../errors.ts';
import { type DerNode, parseDer } from '../der/node.ts';
import { expectUniversal, integerValue, isUniversal } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { dhParameterLines, readDhParameters } from './dh-key.ts';
import { labeledBignumLines } from './key-fields.ts';
import { curveFromParameters } from './private-key-ec.ts';

/** The PEM labels of parameter files, and the one command that prints each. */
const PARAMETER_LABELS = ['DSA PARAMETERS', 'DH PARAMETERS', 'X9.42 DH PARAMETERS', 'EC PARAMETERS'] as const;
export type ParameterLabel = (typeof PARAMETER_LABELS)[number];

export function isParameterLabel(label: string | undefined): label is ParameterLabel {
  return (PARAMETER_LABELS as readonly string[]).includes(label ?? '');
}

const bits = (v: bigint): number => (v <= 0n ? 0 : v.toString(2).length);

/** Exactly the INTEGERs of a SEQUENCE, as numbers (BIGNUM fields: read without sign, as BN_bin2bn). */
function integers(node: DerNode, count: number, what: string): bigint[] {
  expectUniversal(node, TAG.SEQUENCE, what);
  if (node.children.length !== count || !node.children.every((c) => isUniversal(c, TAG.INTEGER))) {
    throw new CertbenchError('print.notIntegerSequence', { what, count });
  }
  return node.children.map((c) => integerValue(c, what));
}

function dsaParameterLines(node: DerNode): string[] {
  const [p, q, g] = integers(node, 3, 'DSA parameters') as [bigint, bigint, bigint];
  return [`DSA-Parameters: (${bits(p)} bit)`, ...labeledBignumLines('P:   ', p), ...labeledBignumLines('Q:   ', q), ...labeledBignumLines('G:   ', g)];
}

function ecParameterLines(node: DerNode): string[] {
  const curve = curveFromParameters(node);
  return [`EC-Parameters: (${curve.orderBits} bit)`, ...curve.paramLines.map((l) => l.text)];
}

/** Exactly what `openssl pkeyparam -text -noout` prints for a parameter file with this label. */
export function printParametersText(der: Uint8Array, label: ParameterLabel): string {
  const node = parseDer(der, label);
  let lines: string[];
  switch (label) {
    case 'DSA PARAMETERS':
      lines = dsaParameterLines(node);
      break;
    case 'DH PARAMETERS':
      lines = dhParameterLines(readDhParameters(node, false));
      break;
    case 'X9.42 DH PARAMETERS':
      lines = dhParameterLines(readDhParameters(node, true));
      break;
    case 'EC PARAMETERS':
      lines = ecParameterLines(node);
      break;
  }
  return lines.join('\n') + '\n';
}

/** Exactly what `openssl pkey -pubin -text -noout` prints for a "DSA PUBLIC KEY" (DSAPublicKey { y, p, q, g }). */
export function printDsaPublicKeyText(der: Uint8Array): string {
  const [y, p, q, g] = integers(parseDer(der, 'DSA public key'), 4, 'DSA public key') as [bigint, bigint, bigint, bigint];
  const lines = [
    `Public-Key: (${bits(p)} bit)`,
    ...labeledBignumLines('pub: ', y),
    ...labeledBignumLines('P:   ', p),
    ...labeledBignumLines('Q:   ', q),
    ...labeledBignumLines('G:   ', g),
  ];
  return lines.join('\n') + '\n';
}
