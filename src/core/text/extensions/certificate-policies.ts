import { oidDisplayName } from '../../oids.ts';
import { type DerNode, UNIVERSAL } from '../../der/node.ts';
import { stringBytes } from '../../der/read.ts';
import { decodeFirst, expectSequence, expectSequenceOf, parseFail, readInteger, readOid } from '../../der/strict.ts';
import { TAG } from '../../der/tags.ts';
import { cText, integerText, pad } from './bio-text.ts';

const CPS = '1.3.6.1.5.5.7.2.1';
const USER_NOTICE = '1.3.6.1.5.5.7.2.2';

/** DisplayText: OpenSSL accepts IA5String, VisibleString, BMPString and UTF8String, and prints the raw bytes. */
function readDisplayText(node: DerNode | undefined): Uint8Array {
  const ok = [TAG.IA5_STRING, TAG.VISIBLE_STRING, TAG.BMP_STRING, TAG.UTF8_STRING] as number[];
  if (!node || node.cls !== UNIVERSAL || !ok.includes(node.tag)) parseFail('bad DisplayText');
  const bytes = stringBytes(node);
  if (node.tag === TAG.BMP_STRING && bytes.length & 1) parseFail('BMPString is wrong length');
  return bytes;
}

function isDisplayText(node: DerNode | undefined): boolean {
  return !!node && node.cls === UNIVERSAL && ([TAG.IA5_STRING, TAG.VISIBLE_STRING, TAG.BMP_STRING, TAG.UTF8_STRING] as number[]).includes(node.tag);
}

/** print_notice */
function printNotice(node: DerNode, indent: number): string {
  const fields = expectSequence(node, 'UserNotice');
  let i = 0;
  let out = '';
  let hasRef = false;
  if (fields[i] && fields[i]!.cls === UNIVERSAL && fields[i]!.tag === TAG.SEQUENCE) {
    const [org, numbers, ...extra] = expectSequence(fields[i++], 'NoticeReference');
    if (extra.length) parseFail('extra field in NoticeReference');
    const orgText = readDisplayText(org);
    const nums = expectSequenceOf(numbers, 'noticeNumbers').map((n) => readInteger(n));
    out += `${pad(indent)}Organization: ${cText(orgText)}\n`;
    out += `${pad(indent)}Number${nums.length > 1 ? 's' : ''}: ${nums.map(integerText).join(', ')}`;
    hasRef = true;
  }
  let explicit: Uint8Array | undefined;
  if (isDisplayText(fields[i])) explicit = readDisplayText(fields[i++]);
  if (i !== fields.length) parseFail('extra field in UserNotice');
  if (explicit) {
    if (hasRef) out += '\n';
    out += `${pad(indent)}Explicit Text: ${cText(explicit)}`;
  }
  return out;
}

/** print_qualifiers */
function printQualifiers(quals: DerNode[], indent: number): string {
  return quals
    .map((q) => {
      const [idNode, qualifier, ...extra] = expectSequence(q, 'PolicyQualifierInfo');
      const id = readOid(idNode);
      if (id === CPS) {
        if (extra.length || !qualifier || qualifier.cls !== UNIVERSAL || qualifier.tag !== TAG.IA5_STRING) parseFail('bad CPS');
        return `${pad(indent)}CPS: ${cText(stringBytes(qualifier))}`;
      }
      if (id === USER_NOTICE) {
        if (extra.length || !qualifier) parseFail('bad UserNotice');
        return `${pad(indent)}User Notice:\n${printNotice(qualifier, indent + 2)}`;
      }
      if (extra.length) parseFail('extra field in PolicyQualifierInfo');
      return `${pad(indent + 2)}Unknown Qualifier: ${oidDisplayName(id)}`;
    })
    .join('\n');
}

/** Certificate Policies (i2r_certpol). */
export function printCertificatePolicies(value: Uint8Array, indent: number): string {
  return expectSequenceOf(decodeFirst(value))
    .map((info) => {
      const [idNode, quals, ...extra] = expectSequence(info, 'PolicyInformation');
      if (extra.length) parseFail('extra field in PolicyInformation');
      let out = `${pad(indent)}Policy: ${oidDisplayName(readOid(idNode))}`;
      if (quals) out += '\n' + printQualifiers(expectSequenceOf(quals, 'policyQualifiers'), indent + 2);
      return out;
    })
    .join('\n');
}
