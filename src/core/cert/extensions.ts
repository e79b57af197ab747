/** The X.509 v3 extensions certbench writes, each built from plain values. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError } from '../errors.ts';
import { encodeGeneralName, encodeGeneralNames, type SubjectAltName } from './general-names.ts';
import { parseCidr } from './ip.ts';

export const KEY_USAGES = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement',
  'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGES)[number];

export const EXTENDED_KEY_USAGES = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  OCSPSigning: '1.3.6.1.5.5.7.3.9',
} as const;
export type ExtKeyUsageName = keyof typeof EXTENDED_KEY_USAGES;

export const OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  cRLNumber: '2.5.29.20',
  cRLReason: '2.5.29.21',
  nameConstraints: '2.5.29.30',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const;

/** Permitted/excluded subtrees as people write them: DNS suffixes, CIDR ranges, email domains or addresses. */
export interface NameConstraintsSpec {
  permitted?: { dns?: string[]; ip?: string[]; email?: string[] };
  excluded?: { dns?: string[]; ip?: string[]; email?: string[] };
}

export interface ExtensionsSpec {
  /** basicConstraints, always critical: a CA (with optional pathlen) or a leaf (CA:FALSE). */
  basicConstraints: { ca: true; pathLen?: number } | { ca: false };
  keyUsage: KeyUsageName[];
  extKeyUsage?: ExtKeyUsageName[];
  subjectKeyIdentifier: Uint8Array;
  authorityKeyIdentifier?: Uint8Array;
  subjectAltNames?: SubjectAltName[];
  nameConstraints?: NameConstraintsSpec;
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock | Uint8Array): pkijs.Extension {
  const der = value instanceof Uint8Array ? value : new Uint8Array(value.toBER());
  return new pkijs.Extension({ extnID, critical, extnValue: toArrayBuffer(der) });
}

/** KeyUsage as a DER named-bit list: trailing zero bits dropped, unused bits counted. */
function keyUsageBitString(usages: readonly KeyUsageName[]): asn1js.BitString {
  const bits = usages.map((u) => KEY_USAGES.indexOf(u));
  const last = Math.max(...bits);
  const bytes = new Uint8Array((last >> 3) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  return new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: 7 - (last & 7) });
}

function subtrees(tag: number, spec: NonNullable<NameConstraintsSpec['permitted']>): asn1js.Constructed | undefined {
  const bases: asn1js.BaseBlock[] = [
    ...(spec.dns ?? []).map((v) => encodeGeneralName({ type: 'dns', value: v })),
    ...(spec.ip ?? []).map((v) => new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 7 }, valueHex: toArrayBuffer(parseCidr(v)) })),
    ...(spec.email ?? []).map((v) => encodeGeneralName({ type: 'email', value: v })),
  ];
  if (!bases.length) return undefined;
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: tag }, value: bases.map((b) => new asn1js.Sequence({ value: [b] })) });
}

function nameConstraintsValue(spec: NameConstraintsSpec): asn1js.Sequence | undefined {
  const parts = [spec.permitted && subtrees(0, spec.permitted), spec.excluded && subtrees(1, spec.excluded)].filter(
    (p): p is asn1js.Constructed => !!p,
  );
  return parts.length ? new asn1js.Sequence({ value: parts }) : undefined;
}

/** The extensions in OpenSSL's usual order. */
export function buildExtensions(spec: ExtensionsSpec, subjectIsEmpty: boolean): pkijs.Extension[] {
  const out: pkijs.Extension[] = [];
  const bc = spec.basicConstraints;
  if (bc.ca && bc.pathLen !== undefined && (!Number.isInteger(bc.pathLen) || bc.pathLen < 0)) {
    throw new CertbenchError('cert.pathLenNotWhole', { pathLen: bc.pathLen }, 'basicConstraints');
  }
  const bcValue = new pkijs.BasicConstraints(bc.ca ? { cA: true, ...(bc.pathLen !== undefined ? { pathLenConstraint: bc.pathLen } : {}) } : {});
  out.push(extension(OID.basicConstraints, true, bcValue.toSchema()));
  if (spec.keyUsage.length) out.push(extension(OID.keyUsage, true, keyUsageBitString(spec.keyUsage)));
  if (spec.extKeyUsage?.length) {
    out.push(extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: spec.extKeyUsage.map((u) => EXTENDED_KEY_USAGES[u]) }).toSchema()));
  }
  out.push(extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: toArrayBuffer(spec.subjectKeyIdentifier) })));
  if (spec.authorityKeyIdentifier) {
    const aki = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(spec.authorityKeyIdentifier) }) });
    out.push(extension(OID.authorityKeyIdentifier, false, aki.toSchema()));
  }
  if (spec.subjectAltNames?.length) {
    // RFC 5280 §4.2.1.6: with an empty subject the SAN carries the identity and must be critical.
    out.push(extension(OID.subjectAltName, subjectIsEmpty, encodeGeneralNames(spec.subjectAltNames)));
  } else if (subjectIsEmpty) {
    throw new CertbenchError('cert.emptySubjectNoSan');
  }
  const nc = spec.nameConstraints && nameConstraintsValue(spec.nameConstraints);
  if (nc) out.push(extension(OID.nameConstraints, true, nc));
  return out;
}
