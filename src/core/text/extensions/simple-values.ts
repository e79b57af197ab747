/** Extensions whose value is one simple ASN.1 value printed on one line. */
import { formatAsn1Time } from '../format.ts';
import { oidDisplayName } from '../../oids.ts';
import type { ConfValue } from '../general-name.ts';
import { CONTEXT, type DerNode } from '../../der/node.ts';
import { signedBigInt, stringBytes } from '../../der/read.ts';
import { decodeFirst, expectSequence, expectSequenceOf, expectUniversalStrict, integerContent, parseFail, readNull, readOid } from '../../der/strict.ts';
import { TAG } from '../../der/tags.ts';
import { cText, integerText, pad, rawText } from './bio-text.ts';
import { printConfValues } from './conf-values.ts';
import type { TextLine } from '../lines.ts';
import { CRL_REASON_FIELDS } from '../../explain/parts.ts';

/** Netscape URL and comment extensions (i2s_ASN1_IA5STRING): the text; an empty string is NULL (raw). */
export function printIa5String(value: Uint8Array, indent: number): string {
  const bytes = stringBytes(expectUniversalStrict(decodeFirst(value), TAG.IA5_STRING, 'IA5String'));
  if (bytes.length === 0) parseFail('empty IA5String');
  return pad(indent) + cText(bytes);
}

/** Subject Sign Tool (i2s_ASN1_UTF8STRING). */
export function printUtf8String(value: Uint8Array, indent: number): string {
  const bytes = stringBytes(expectUniversalStrict(decodeFirst(value), TAG.UTF8_STRING, 'UTF8String'));
  if (bytes.length === 0) parseFail('empty UTF8String');
  return pad(indent) + cText(bytes);
}

/** Issuer Sign Tool (i2r_issuer_sign_tool): four labelled UTF8Strings, written as raw bytes. */
export function printIssuerSignTool(value: Uint8Array, indent: number): string {
  const fields = expectSequence(decodeFirst(value));
  const labels = ['signTool    : ', 'cATool      : ', 'signToolCert: ', 'cAToolCert  : '];
  if (fields.length !== 4) parseFail('IssuerSignTool needs four fields');
  return fields.map((f, i) => pad(indent) + labels[i] + rawText(stringBytes(expectUniversalStrict(f, TAG.UTF8_STRING, 'UTF8String')))).join('\n');
}

/** OCSP No Check (i2r_ocsp_nocheck): the value is NULL and nothing is printed. */
export function printOcspNoCheck(value: Uint8Array): string {
  readNull(decodeFirst(value));
  return '';
}

const CRL_REASONS = [
  'Unspecified',
  'Key Compromise',
  'CA Compromise',
  'Affiliation Changed',
  'Superseded',
  'Cessation Of Operation',
  'Certificate Hold',
  undefined,
  'Remove From CRL',
  'Privilege Withdrawn',
  'AA Compromise',
];

/** CRL Reason Code (i2s_ASN1_ENUMERATED_TABLE): the reason's name, else the number. */
export function printCrlReason(value: Uint8Array, indent: number, field: string): TextLine[] {
  const n = signedBigInt(integerContent(expectUniversalStrict(decodeFirst(value), TAG.ENUMERATED, 'ENUMERATED')));
  const name = n >= 0n && n < BigInt(CRL_REASONS.length) ? CRL_REASONS[Number(n)] : undefined;
  return [{ text: pad(indent) + (name ?? integerText(n)), field: (name && CRL_REASON_FIELDS[Number(n)]) || field }];
}

function generalizedTime(node: DerNode | undefined): string {
  const n = expectUniversalStrict(node, TAG.GENERALIZED_TIME, 'GeneralizedTime');
  return formatAsn1Time(TAG.GENERALIZED_TIME, stringBytes(n));
}

/** Invalidity Date (i2r_ocsp_acutoff): a GeneralizedTime. */
export function printGeneralizedTime(value: Uint8Array, indent: number): string {
  return pad(indent) + generalizedTime(decodeFirst(value));
}

/** Hold Instruction Code (i2r_object). */
export function printObject(value: Uint8Array, indent: number): string {
  return pad(indent) + oidDisplayName(readOid(decodeFirst(value)));
}

/** Private Key Usage Period (i2r_PKEY_USAGE_PERIOD): "Not Before: ..., Not After: ..." on one line. */
export function printPrivateKeyUsagePeriod(value: Uint8Array, indent: number): string {
  let notBefore: string | undefined;
  let notAfter: string | undefined;
  let next = 0;
  for (const f of expectSequence(decodeFirst(value))) {
    if (f.cls !== CONTEXT || f.tag < next || f.tag > 1 || f.constructed) parseFail('unexpected field in PrivateKeyUsagePeriod');
    next = f.tag + 1;
    const text = formatAsn1Time(TAG.GENERALIZED_TIME, f.content);
    if (f.tag === 0) notBefore = text;
    else notAfter = text;
  }
  let out = pad(indent);
  if (notBefore !== undefined) out += `Not Before: ${notBefore}${notAfter !== undefined ? ', ' : ''}`;
  if (notAfter !== undefined) out += `Not After: ${notAfter}`;
  return out;
}

const TLS_FEATURES: Record<string, string> = { '5': 'status_request', '17': 'status_request_v2' };

/** TLS Feature (i2v_TLS_FEATURE): known extension names, else the number. */
export function printTlsFeature(value: Uint8Array, indent: number): string {
  const values = expectSequenceOf(decodeFirst(value)).map((n): ConfValue => {
    const v = signedBigInt(integerContent(expectUniversalStrict(n, TAG.INTEGER, 'INTEGER')));
    return { name: null, value: TLS_FEATURES[v.toString()] ?? integerText(v) };
  });
  if (values.length === 0) parseFail('empty TLS Feature');
  return printConfValues(values, indent, false);
}
