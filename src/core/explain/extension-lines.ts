/** The value lines of one extension: which part of the extension each line shows. */
import type { LineExplanation } from './lines.ts';
import { isKnownField } from './references.ts';
import { oidOfName } from './oid-lookup.ts';
import { generalNameParts } from './parts.ts';

export interface ExtensionFrame {
  /** Dotted OID (or the printed name when OpenSSL's name is not in the table). */
  oid: string;
  /** The catalog id of the extension ("ext.2.5.29.15" or "ext.unknown"). */
  id: string;
  valueIndent: number;
}

const KEY_USAGE: Record<string, string> = {
  'Digital Signature': 'digitalSignature',
  'Non Repudiation': 'nonRepudiation',
  'Key Encipherment': 'keyEncipherment',
  'Data Encipherment': 'dataEncipherment',
  'Key Agreement': 'keyAgreement',
  'Certificate Sign': 'keyCertSign',
  'CRL Sign': 'cRLSign',
  'Encipher Only': 'encipherOnly',
  'Decipher Only': 'decipherOnly',
};

const CRL_REASONS: Record<string, string> = {
  Unspecified: 'unspecified',
  'Key Compromise': 'keyCompromise',
  'CA Compromise': 'cACompromise',
  'Affiliation Changed': 'affiliationChanged',
  Superseded: 'superseded',
  'Cessation Of Operation': 'cessationOfOperation',
  'Certificate Hold': 'certificateHold',
  'Remove From CRL': 'removeFromCRL',
  'Privilege Withdrawn': 'privilegeWithdrawn',
  'AA Compromise': 'aACompromise',
};

const GENERAL_NAME_EXTENSIONS = new Set(['2.5.29.17', '2.5.29.18', '2.5.29.29']);
const DISTRIBUTION_POINTS = new Set(['2.5.29.31', '2.5.29.46', '2.5.29.28']);
const INFO_ACCESS = new Set(['1.3.6.1.5.5.7.1.1', '1.3.6.1.5.5.7.1.11']);
const SCT_LISTS = new Set(['1.3.6.1.4.1.11129.2.4.2', '1.3.6.1.4.1.11129.2.4.5']);

const of = (id: string, parts: string[] = []): LineExplanation => ({ id, parts: [...new Set(parts)] });
const known = (prefix: string, oid: string | undefined, fallback: string) => (oid && isKnownField(prefix + oid) ? prefix + oid : fallback);

/**
 * `within` holds the explanations of the open lines between the extension heading and this line
 * (a "Full Name:" above a "URI:" line, a "Signed Certificate Timestamp:" above its "Log ID").
 */
export function extensionValueLine(ext: ExtensionFrame, body: string, within: LineExplanation[]): LineExplanation {
  const parent = within[within.length - 1];
  const { oid } = ext;
  if (oid === '2.5.29.15') return of(ext.id, body.split(', ').map((b) => (KEY_USAGE[b] ? `ext.keyUsage.${KEY_USAGE[b]}` : ext.id)));
  if (oid === '2.5.29.37' || oid === '1.3.6.1.5.5.7.48.1.4') {
    return of(ext.id, body.split(', ').map((name) => known('eku.', oidOfName(name), 'eku.other')));
  }
  if (oid === '2.5.29.19') {
    const parts: string[] = [];
    if (/CA:/.test(body)) parts.push('ext.basicConstraints.ca');
    if (/pathlen:/.test(body)) parts.push('ext.basicConstraints.pathlen');
    return of(ext.id, parts);
  }
  if (oid === '2.5.29.21') return CRL_REASONS[body] ? of(`crlReason.${CRL_REASONS[body]}`) : of(ext.id);
  if (oid === '2.5.29.35') {
    if (body.startsWith('DirName:') || parent?.id === 'ext.aki.issuer') return of('ext.aki.issuer', ['gn.dirName']);
    if (body.startsWith('serial:')) return of('ext.aki.serial');
    if (/^[0-9A-F]{2}(:[0-9A-F]{2})*$/.test(body) || body.startsWith('keyid:')) return of('ext.aki.keyId');
    return of(ext.id, generalNameParts(body));
  }
  if (GENERAL_NAME_EXTENSIONS.has(oid)) return of(ext.id, generalNameParts(body));
  if (DISTRIBUTION_POINTS.has(oid)) return distributionPointLine(ext, body, parent);
  if (INFO_ACCESS.has(oid)) {
    const m = /^(.+?) - (.*)$/.exec(body);
    return m ? of(known('ad.', oidOfName(m[1]!), 'ad.other'), generalNameParts(m[2]!)) : of(ext.id);
  }
  if (oid === '2.5.29.32') return policyLine(ext, body, within);
  if (oid === '2.5.29.30') {
    if (body.startsWith('Permitted:')) return of('ext.nameConstraints.permitted');
    if (body.startsWith('Excluded:')) return of('ext.nameConstraints.excluded');
    if (parent && parent.id.startsWith('ext.nameConstraints.')) return of(parent.id, generalNameParts(body.replace(/^IP:/, 'IP Address:')));
    return of(ext.id);
  }
  if (SCT_LISTS.has(oid)) return sctLine(ext, body, parent);
  return of(ext.id);
}

function distributionPointLine(ext: ExtensionFrame, body: string, parent: LineExplanation | undefined): LineExplanation {
  if (body.startsWith('Full Name:')) return of('ext.crlDp.fullName');
  if (body.startsWith('Relative Name:')) return of('ext.crlDp.relativeName');
  if (/^(Reasons|Only Some Reasons):/.test(body)) return of('ext.crlDp.reasons');
  if (body.startsWith('CRL Issuer:')) return of('ext.crlDp.crlIssuer');
  if (parent && parent.id.startsWith('ext.crlDp.')) return of(parent.id, generalNameParts(body));
  return of(ext.id);
}

function policyLine(ext: ExtensionFrame, body: string, within: LineExplanation[]): LineExplanation {
  const m = /^Policy: (.+)$/.exec(body);
  if (m) return of(known('policy.', oidOfName(m[1]!), 'policy.other'));
  if (body.startsWith('CPS:')) return of('policy.cps');
  if (body.startsWith('User Notice:') || within.some((w) => w.id === 'policy.userNotice')) return of('policy.userNotice');
  const policy = [...within].reverse().find((w) => w.id.startsWith('policy.'));
  return of(policy ? policy.id : ext.id);
}

const SCT_FIELDS: Array<[RegExp, string]> = [
  [/^Signed Certificate Timestamp:/, 'sct.entry'],
  [/^Version\s*:/, 'sct.version'],
  [/^Log ID\s*:/, 'sct.logId'],
  [/^Timestamp\s*:/, 'sct.timestamp'],
  [/^Extensions\s*:/, 'sct.extensions'],
  [/^Signature\s*:/, 'sct.signature'],
];

function sctLine(ext: ExtensionFrame, body: string, parent: LineExplanation | undefined): LineExplanation {
  const hit = SCT_FIELDS.find(([p]) => p.test(body));
  if (hit) return of(hit[1]);
  if (parent && parent.id.startsWith('sct.') && parent.id !== 'sct.entry') return of(parent.id);
  return of(ext.id);
}
