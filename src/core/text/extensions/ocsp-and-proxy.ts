/** OCSP extensions (which can sit in certificates too), proxy certificate info and Strong Extranet ID. */
import { formatAsn1Time } from '../format.ts';
import { formatName } from '../name.ts';
import { oidDisplayName } from '../../oids.ts';
import { generalNameText, parseGeneralName } from '../general-name.ts';
import { CONTEXT, type DerNode, UNIVERSAL } from '../../der/node.ts';
import { signedBigInt, stringBytes } from '../../der/read.ts';
import { decodeFirst, expectSequence, expectSequenceOf, expectUniversalStrict, explicitInner, integerContent, parseFail, readOctetString, readOid } from '../../der/strict.ts';
import { TAG } from '../../der/tags.ts';
import { cText, dottedText, integerText, pad } from './bio-text.ts';
import { checkNameDecodes } from '../../der/openssl-name.ts';

const HEX = '0123456789ABCDEF';

/** i2a_ASN1_STRING / i2a_ASN1_INTEGER: uppercase hex, a backslash-newline every 35 bytes. */
function i2aHex(bytes: Uint8Array, empty: string): string {
  if (bytes.length === 0) return empty;
  let out = '';
  bytes.forEach((b, i) => {
    if (i !== 0 && i % 35 === 0) out += '\\\n';
    out += HEX[b >> 4]! + HEX[b & 15]!;
  });
  return out;
}

/** i2a_ASN1_INTEGER: "-" for negative numbers, then the magnitude in hex. */
function i2aInteger(content: Uint8Array): string {
  const v = signedBigInt(content);
  const mag = v < 0n ? -v : v;
  let h = mag.toString(16).toUpperCase();
  if (h.length & 1) h = '0' + h;
  const bytes = new Uint8Array(h.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(h.substr(i * 2, 2), 16);
  return (v < 0n ? '-' : '') + i2aHex(mag === 0n ? new Uint8Array([0]) : bytes, '00');
}

/** OCSP Nonce: the value is not decoded at all; its bytes print as hex. */
export function printOcspNonce(value: Uint8Array, indent: number): string {
  return pad(indent) + i2aHex(value, '0');
}

/** OCSP CRL ID (i2r_ocsp_crlid): [0] crlUrl, [1] crlNum, [2] crlTime, each on its own line. */
export function printOcspCrlId(value: Uint8Array, indent: number): string {
  let out = '';
  let next = 0;
  for (const f of expectSequence(decodeFirst(value))) {
    if (f.cls !== CONTEXT || f.tag < next || f.tag > 2) parseFail('unexpected field in CrlID');
    next = f.tag + 1;
    const inner = explicitInner(f, 'CrlID field');
    if (f.tag === 0) out += `${pad(indent)}crlUrl: ${dottedText(stringBytes(expectUniversalStrict(inner, TAG.IA5_STRING, 'IA5String')))}\n`;
    else if (f.tag === 1) out += `${pad(indent)}crlNum: ${i2aInteger(integerContent(expectUniversalStrict(inner, TAG.INTEGER, 'INTEGER')))}\n`;
    else out += `${pad(indent)}crlTime: ${formatAsn1Time(TAG.GENERALIZED_TIME, stringBytes(expectUniversalStrict(inner, TAG.GENERALIZED_TIME, 'GeneralizedTime')))}\n`;
  }
  return out;
}

/** OCSP Service Locator (i2r_ocsp_serviceloc): the issuer, then each locator at twice the indent. */
export function printOcspServiceLocator(value: Uint8Array, indent: number): string {
  const [issuer, locators, ...extra] = expectSequence(decodeFirst(value));
  if (extra.length || !issuer || issuer.cls !== UNIVERSAL || issuer.tag !== TAG.SEQUENCE) parseFail('bad ServiceLocator');
  checkNameDecodes(issuer);
  let name: string;
  try {
    name = formatName(issuer.der, 'oneline');
  } catch {
    parseFail('bad issuer Name');
  }
  let out = `${pad(indent)}Issuer: ${name}`;
  for (const ad of locators ? expectSequenceOf(locators) : []) {
    const [method, location, ...more] = expectSequence(ad as DerNode, 'AccessDescription');
    if (more.length || !location) parseFail('bad AccessDescription');
    out += `\n${pad(2 * indent)}${oidDisplayName(readOid(method))} - ${generalNameText(parseGeneralName(location))}`;
  }
  return out;
}

/** Proxy Certificate Information (i2r_pci). */
export function printProxyCertInfo(value: Uint8Array, indent: number): string {
  const f = expectSequence(decodeFirst(value));
  let i = 0;
  let pathLen: string | undefined;
  if (f[i]?.cls === UNIVERSAL && f[i]!.tag === TAG.INTEGER) pathLen = i2aInteger(integerContent(f[i++]!));
  const [language, policy, ...extra] = expectSequence(f[i++], 'ProxyPolicy');
  if (i !== f.length || extra.length) parseFail('unexpected field in ProxyCertInfo');
  const lang = readOid(language);
  const text = policy ? readOctetString(policy) : undefined;
  let out = `${pad(indent)}Path Length Constraint: ${pathLen ?? 'infinite'}\n`;
  out += `${pad(indent)}Policy Language: ${oidDisplayName(lang)}`;
  if (text !== undefined) out += `\n${pad(indent)}Policy Text: ${cText(text)}`;
  return out;
}

/** Strong Extranet ID (sxnet_i2r). */
export function printSxnet(value: Uint8Array, indent: number): string {
  const [versionNode, ids, ...extra] = expectSequence(decodeFirst(value));
  if (extra.length) parseFail('unexpected field in SXNET');
  const version = signedBigInt(integerContent(expectUniversalStrict(versionNode, TAG.INTEGER, 'INTEGER')));
  const entries = expectSequenceOf(ids).map((id) => {
    const [zone, user, ...more] = expectSequence(id, 'SXNETID');
    if (more.length) parseFail('unexpected field in SXNETID');
    return { zone: signedBigInt(integerContent(expectUniversalStrict(zone, TAG.INTEGER, 'INTEGER'))), user: readOctetString(user) };
  });
  const LONG_MAX = (1n << 63n) - 1n;
  let out = pad(indent);
  if (version >= LONG_MAX || version < -LONG_MAX - 1n) out += 'Version: <unsupported>';
  else out += `Version: ${version + 1n} (0x${(version < 0n ? (1n << 64n) + version : version).toString(16).toUpperCase()})`;
  for (const e of entries) out += `\n${pad(indent)}Zone: ${integerText(e.zone)}, User: ${dottedText(e.user)}`;
  return out;
}
