/**
 * GeneralName (RFC 5280 4.2.1.6) decoding and OpenSSL 3.0's two ways of printing one:
 *  - as a name:value pair (i2v_GENERAL_NAME), used by SAN, IAN, certificate issuer, AKI, AIA/SIA:
 *    `DNS:x`, `IP Address:2001:DB8:0:0:0:0:0:1`, `DirName:/C=US/CN=x`, `othername: UPN::u@x`
 *  - as text (GENERAL_NAME_print), used by CRL distribution points and name constraints:
 *    `DNS:x`, `DirName:C = US, CN = x`, `othername:UPN:u@x`, non-printable bytes as '.'
 */
import { oidDisplayName } from '../oids.ts';
import { formatName } from './name.ts';
import { CONTEXT, type DerNode, UNIVERSAL } from '../der/node.ts';
import { stringBytes } from '../der/read.ts';
import { explicitInner, parseFail, strictOidFromContent } from '../der/strict.ts';
import { TAG } from '../der/tags.ts';
import { cText, dottedText, rawText } from './extensions/bio-text.ts';
import { checkNameDecodes } from '../der/openssl-name.ts';
import { GENERAL_NAME_PARTS, isApiServerName } from '../explain/parts.ts';

export type GeneralName =
  | { kind: 'otherName'; typeId: string; valueType: number; value: Uint8Array }
  | { kind: 'email' | 'dns' | 'uri'; value: Uint8Array }
  | { kind: 'x400' | 'ediParty' }
  | { kind: 'dirName'; der: Uint8Array }
  | { kind: 'ip'; value: Uint8Array }
  | { kind: 'registeredId'; oid: string };

/** OpenSSL's V_ASN1_OTHER: the ANY in an otherName had a non-universal tag. */
const OTHER_TYPE = -3;

const OTHERNAME_LABELS: Record<string, { label: string; type: number }> = {
  '1.3.6.1.5.5.7.8.9': { label: 'SmtpUTF8Mailbox', type: TAG.UTF8_STRING },
  '1.3.6.1.5.5.7.8.5': { label: 'XmppAddr', type: TAG.UTF8_STRING },
  '1.3.6.1.5.5.7.8.7': { label: 'SRVName', type: TAG.IA5_STRING },
  '1.3.6.1.4.1.311.20.2.3': { label: 'UPN', type: TAG.UTF8_STRING },
  '1.3.6.1.5.5.7.8.8': { label: 'NAIRealm', type: TAG.UTF8_STRING },
};

/** Decodes one GeneralName; throws ExtensionParseError where OpenSSL's decoder would fail. */
export function parseGeneralName(node: DerNode): GeneralName {
  if (node.cls !== CONTEXT) parseFail('GeneralName must be context-tagged');
  switch (node.tag) {
    case 0: {
      if (!node.constructed || node.children.length !== 2) parseFail('bad otherName');
      const [type, wrapped] = node.children as [DerNode, DerNode];
      if (type.cls !== UNIVERSAL || type.tag !== TAG.OID || type.constructed) parseFail('bad otherName type-id');
      if (wrapped.cls !== CONTEXT || wrapped.tag !== 0) parseFail('bad otherName value');
      const value = explicitInner(wrapped, 'otherName value');
      const universal = value.cls === UNIVERSAL;
      const valueType = universal ? value.tag : OTHER_TYPE;
      const bytes = universal && !value.constructed ? value.content : universal && isString(value.tag) ? stringBytes(value) : value.der;
      return { kind: 'otherName', typeId: strictOidFromContent(type.content), valueType, value: bytes };
    }
    case 1:
      return { kind: 'email', value: stringBytes(node) };
    case 2:
      return { kind: 'dns', value: stringBytes(node) };
    case 6:
      return { kind: 'uri', value: stringBytes(node) };
    case 3:
      if (!node.constructed) parseFail('x400Address must be constructed');
      return { kind: 'x400' };
    case 4: {
      const inner = explicitInner(node, 'directoryName');
      checkNameDecodes(inner);
      try {
        formatName(inner.der, 'slash');
      } catch {
        parseFail('directoryName does not decode');
      }
      return { kind: 'dirName', der: inner.der };
    }
    case 5:
      checkEdiPartyName(node);
      return { kind: 'ediParty' };
    case 7:
      return { kind: 'ip', value: stringBytes(node) };
    case 8:
      if (node.constructed) parseFail('registeredID must be primitive');
      return { kind: 'registeredId', oid: strictOidFromContent(node.content) };
    default:
      return parseFail('unknown GeneralName tag');
  }
}

/** EDIPartyName ::= SEQUENCE { [0] EXPLICIT DirectoryString OPTIONAL, [1] EXPLICIT DirectoryString } */
function checkEdiPartyName(node: DerNode): void {
  if (!node.constructed) parseFail('ediPartyName must be constructed');
  const fields = node.children;
  const expected = fields.length === 2 ? [0, 1] : [1];
  if (fields.length !== expected.length) parseFail('bad ediPartyName');
  fields.forEach((f, i) => {
    if (f.cls !== CONTEXT || f.tag !== expected[i]) parseFail('bad ediPartyName field');
    const inner = explicitInner(f, 'ediPartyName field');
    if (inner.cls !== UNIVERSAL || !DIRECTORY_STRING_TAGS.includes(inner.tag)) parseFail('bad DirectoryString');
  });
}

const DIRECTORY_STRING_TAGS: number[] = [TAG.PRINTABLE_STRING, TAG.T61_STRING, TAG.BMP_STRING, TAG.UNIVERSAL_STRING, TAG.UTF8_STRING];

function isString(tag: number): boolean {
  return tag === TAG.OCTET_STRING || (tag >= 12 && tag <= 30 && tag !== 16 && tag !== 17);
}

/** GeneralNames: SEQUENCE OF GeneralName. */
export function parseGeneralNames(children: DerNode[]): GeneralName[] {
  return children.map(parseGeneralName);
}

/** ossl_ipaddr_to_asc: dotted IPv4, uncompressed uppercase IPv6, or `<invalid length=N>`. */
export function ipAddressText(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16).toUpperCase());
    return groups.join(':');
  }
  return `<invalid length=${bytes.length}>`;
}

/** One CONF_VALUE as X509V3_EXT_val_prn prints it. */
export interface ConfValue {
  name: string | null;
  value: string | null;
  /** Explanation ids (core/explain/references.ts): the field a value's own line shows, and the piece it is. */
  field?: string;
  part?: string;
}

export function confValueText(v: ConfValue): string {
  if (v.name === null) return v.value ?? '';
  if (v.value === null) return v.name;
  return `${v.name}:${v.value}`;
}

/**
 * x509v3_add_len_value: a value holding a NUL byte makes the whole i2v fail (the extension is
 * then printed raw); otherwise its bytes are kept as they are.
 */
function lenValue(name: string, bytes: Uint8Array, forPeople: boolean): ConfValue {
  if (bytes.includes(0) && !forPeople) parseFail('NUL byte in a name');
  return { name, value: rawText(bytes) };
}

/** i2v_GENERAL_NAME. Throws ExtensionParseError where it returns NULL (the caller prints raw). */
export function generalNameConfValue(gen: GeneralName): ConfValue {
  const value = generalNameValue(gen);
  value.part = GENERAL_NAME_PARTS[gen.kind];
  return value;
}

/** The pieces a list of general names shows: each type, and the API server's in-cluster names. */
export function generalNamesParts(names: readonly GeneralName[]): string[] {
  const parts: string[] = names.map((g) => GENERAL_NAME_PARTS[g.kind]);
  if (names.some((g) => g.kind === 'dns' && isApiServerName(rawText(g.value)))) parts.push('kube.apiserverNames');
  return parts;
}

/**
 * A GeneralName for people (the Inspect summary, a kept SAN in the CA): i2v_GENERAL_NAME's
 * `name:value` (`DNS:x`, `othername: UPN::u@x`, `DirName:/CN=x`), also where i2v gives up and
 * OpenSSL prints the extension raw: a name holding a NUL byte is shown with it (visibleText makes
 * it `\x00`), a known otherName of an unexpected type as `<unsupported>`. Bytes that are not UTF-8
 * stay raw bytes (raw-bytes.ts), shown escaped by visibleText.
 */
export function generalNameForPeople(gen: GeneralName): string {
  return confValueText(generalNameValue(gen, true));
}

function generalNameValue(gen: GeneralName, forPeople = false): ConfValue {
  switch (gen.kind) {
    case 'otherName': {
      const known = OTHERNAME_LABELS[gen.typeId];
      if (known) {
        if (gen.valueType !== known.type) {
          if (forPeople) return { name: `othername: ${known.label}:`, value: '<unsupported>' };
          parseFail('unexpected otherName value type');
        }
        return lenValue(`othername: ${known.label}:`, gen.value, forPeople);
      }
      const label = `othername: ${truncatedOid(gen.typeId, 256)}:`;
      if (gen.valueType === TAG.IA5_STRING || gen.valueType === TAG.UTF8_STRING) {
        if (!gen.value.includes(0)) return { name: label, value: rawText(gen.value) };
      }
      return { name: label, value: '<unsupported>' };
    }
    case 'x400':
      return { name: 'X400Name', value: '<unsupported>' };
    case 'ediParty':
      return { name: 'EdiPartyName', value: '<unsupported>' };
    case 'email':
      return lenValue('email', gen.value, forPeople);
    case 'dns':
      return lenValue('DNS', gen.value, forPeople);
    case 'uri':
      return lenValue('URI', gen.value, forPeople);
    case 'dirName':
      return { name: 'DirName', value: formatName(gen.der, 'slash') };
    case 'ip':
      return { name: 'IP Address', value: ipAddressText(gen.value) };
    case 'registeredId':
      return { name: 'Registered ID', value: truncatedOid(gen.oid, 256) };
  }
}

/** i2t_ASN1_OBJECT into a fixed buffer of `size` bytes: the name is cut to size - 1 chars. */
export function truncatedOid(oid: string, size: number): string {
  return oidDisplayName(oid).slice(0, size - 1);
}

/** GENERAL_NAME_print. */
export function generalNameText(gen: GeneralName): string {
  switch (gen.kind) {
    case 'otherName': {
      const known = OTHERNAME_LABELS[gen.typeId];
      const expected = gen.typeId === '1.3.6.1.5.5.7.8.7' ? TAG.IA5_STRING : TAG.UTF8_STRING;
      if (gen.valueType !== expected || !known) return 'othername:<unsupported>';
      return `othername:${known.label}:${cText(gen.value)}`;
    }
    case 'x400':
      return 'X400Name:<unsupported>';
    case 'ediParty':
      return 'EdiPartyName:<unsupported>';
    case 'email':
      return 'email:' + dottedText(gen.value);
    case 'dns':
      return 'DNS:' + dottedText(gen.value);
    case 'uri':
      return 'URI:' + dottedText(gen.value);
    case 'dirName':
      return 'DirName:' + formatName(gen.der, 'oneline');
    case 'ip':
      return 'IP Address:' + ipAddressText(gen.value);
    case 'registeredId':
      return 'Registered ID:' + oidDisplayName(gen.oid);
  }
}
