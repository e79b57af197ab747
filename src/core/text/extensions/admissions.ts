import { PartialPrintError } from './partial-print.ts';
import { oidLongName } from '../../oids.ts';
import { generalNameText, parseGeneralName } from '../general-name.ts';
import { CONTEXT, type DerNode, UNIVERSAL } from '../../der/node.ts';
import { stringBytes } from '../../der/read.ts';
import { decodeFirst, expectSequence, expectSequenceOf, explicitInner, parseFail, readOid } from '../../der/strict.ts';
import { TAG } from '../../der/tags.ts';
import { dottedText, pad } from './bio-text.ts';

/** Admissions (ISIS-MTT / Common PKI, 1.3.36.8.3.3), printed by i2r_ADMISSION_SYNTAX. */

const DIRECTORY_STRING: number[] = [TAG.PRINTABLE_STRING, TAG.T61_STRING, TAG.BMP_STRING, TAG.UNIVERSAL_STRING, TAG.UTF8_STRING];

function isUniversal(node: DerNode | undefined, tags: number[]): node is DerNode {
  return !!node && node.cls === UNIVERSAL && tags.includes(node.tag);
}

interface NamingAuthority {
  id?: string;
  url?: Uint8Array;
  text?: Uint8Array;
}

interface ProfessionInfo {
  namingAuthority?: NamingAuthority;
  items: Uint8Array[];
  oids?: string[];
  registrationNumber?: Uint8Array;
}

interface Admission {
  authority?: DerNode;
  namingAuthority?: NamingAuthority;
  professionInfos: ProfessionInfo[];
}

function parseNamingAuthority(node: DerNode): NamingAuthority {
  const f = expectSequence(node, 'NamingAuthority');
  let i = 0;
  const out: NamingAuthority = {};
  if (isUniversal(f[i], [TAG.OID])) out.id = readOid(f[i++]);
  if (isUniversal(f[i], [TAG.IA5_STRING])) out.url = stringBytes(f[i++]!);
  if (isUniversal(f[i], DIRECTORY_STRING)) out.text = stringBytes(f[i++]!);
  if (i !== f.length) parseFail('unexpected field in NamingAuthority');
  return out;
}

function parseProfessionInfo(node: DerNode): ProfessionInfo {
  const f = expectSequence(node, 'ProfessionInfo');
  let i = 0;
  let namingAuthority: NamingAuthority | undefined;
  if (f[i]?.cls === CONTEXT && f[i]!.tag === 0) namingAuthority = parseNamingAuthority(explicitInner(f[i++]!, 'namingAuthority'));
  const items = expectSequenceOf(f[i++], 'professionItems').map((s) => {
    if (!isUniversal(s, DIRECTORY_STRING)) parseFail('professionItem is not a DirectoryString');
    return stringBytes(s);
  });
  const out: ProfessionInfo = { items };
  if (namingAuthority) out.namingAuthority = namingAuthority;
  if (isUniversal(f[i], [TAG.SEQUENCE])) out.oids = expectSequenceOf(f[i++]).map(readOid);
  if (isUniversal(f[i], [TAG.PRINTABLE_STRING])) out.registrationNumber = stringBytes(f[i++]!);
  if (isUniversal(f[i], [TAG.OCTET_STRING])) i++;
  if (i !== f.length) parseFail('unexpected field in ProfessionInfo');
  return out;
}

function parseAdmission(node: DerNode): Admission {
  const f = expectSequence(node, 'Admissions');
  let i = 0;
  const out: Admission = { professionInfos: [] };
  if (f[i]?.cls === CONTEXT && f[i]!.tag === 0) out.authority = explicitInner(f[i++]!, 'admissionAuthority');
  if (f[i]?.cls === CONTEXT && f[i]!.tag === 1) out.namingAuthority = parseNamingAuthority(explicitInner(f[i++]!, 'namingAuthority'));
  out.professionInfos = expectSequenceOf(f[i++], 'professionInfos').map(parseProfessionInfo);
  if (i !== f.length) parseFail('unexpected field in Admissions');
  if (out.authority) parseGeneralName(out.authority);
  return out;
}

/** "long name (dotted)"; for an OID it does not know OpenSSL looks up NID_undef, named "undefined". */
function oidWithName(oid: string): string {
  return `${oidLongName(oid) ?? 'undefined'} (${oid})`;
}

/** i2r_NAMING_AUTHORITY; undefined where it returns 0 (no field present). */
function namingAuthorityText(na: NamingAuthority, indent: number): string | undefined {
  if (na.id === undefined && na.text === undefined && na.url === undefined) return undefined;
  let out = `${pad(indent)}namingAuthority:\n`;
  if (na.id !== undefined) out += `${pad(indent)}  namingAuthorityId: ${oidWithName(na.id)}\n`;
  if (na.text !== undefined) out += `${pad(indent)}  namingAuthorityText: ${dottedText(na.text)}\n`;
  if (na.url !== undefined) out += `${pad(indent)}  namingAuthorityUrl: ${dottedText(na.url)}\n`;
  return out;
}

export function printAdmissions(value: Uint8Array, indent: number): string {
  const f = expectSequence(decodeFirst(value));
  let i = 0;
  let authority: DerNode | undefined;
  if (f[i]?.cls === CONTEXT) authority = f[i++];
  const admissions = expectSequenceOf(f[i++], 'contentsOfAdmissions').map(parseAdmission);
  if (i !== f.length) parseFail('unexpected field in AdmissionSyntax');
  let out = '';
  if (authority) out += `${pad(indent)}admissionAuthority:\n${pad(indent)}  ${generalNameText(parseGeneralName(authority))}\n`;
  admissions.forEach((a, n) => {
    out += `${pad(indent)}Entry ${n + 1}:\n`;
    if (a.authority) out += `${pad(indent)}  admissionAuthority:\n${pad(indent)}    ${generalNameText(parseGeneralName(a.authority))}\n`;
    if (a.namingAuthority) {
      const text = namingAuthorityText(a.namingAuthority, indent + 2);
      if (text === undefined) throw new PartialPrintError(out);
      out += text;
    }
    a.professionInfos.forEach((p, j) => {
      out += `${pad(indent)}  Profession Info Entry ${j + 1}:\n`;
      if (p.registrationNumber) out += `${pad(indent)}    registrationNumber: ${dottedText(p.registrationNumber)}\n`;
      if (p.namingAuthority) {
        const text = namingAuthorityText(p.namingAuthority, indent + 4);
        if (text === undefined) throw new PartialPrintError(out);
        out += text;
      }
      out += `${pad(indent)}    Info Entries:\n`;
      for (const item of p.items) out += `${pad(indent)}      ${dottedText(item)}\n`;
      if (p.oids) {
        out += `${pad(indent)}    Profession OIDs:\n`;
        for (const oid of p.oids) out += `${pad(indent)}      ${oidWithName(oid)}\n`;
      }
    });
  });
  return out;
}
