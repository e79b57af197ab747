/** What certbench needs to know about an existing certificate (a CA it imports, one it renews). */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError, describeError } from '../errors.ts';
import { decodeGeneralNames, type SubjectAltName } from './general-names.ts';
import { EXTENDED_KEY_USAGES, KEY_USAGES, OID, type ExtKeyUsageName, type KeyUsageName } from './extensions.ts';
import { nameAttributes, type NameAttribute } from './name.ts';
import { serialHexOf } from './serial.ts';
import { spkiDer } from './spki.ts';

export interface CertificateFacts {
  der: Uint8Array;
  serialHex: string;
  subject: NameAttribute[];
  /** DER of the subject Name exactly as encoded (an issued certificate's issuer must equal it). */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  subjectPublicKeyInfo: Uint8Array;
  /** basicConstraints cA; pathLen when present. */
  isCa: boolean;
  pathLen?: number;
  /** undefined when the certificate has no keyUsage extension. */
  keyUsage?: KeyUsageName[];
  extKeyUsage: (ExtKeyUsageName | string)[];
  subjectKeyIdentifier?: Uint8Array;
  authorityKeyIdentifier?: Uint8Array;
  subjectAltNames: SubjectAltName[];
}

export function parseCertificateDer(der: Uint8Array, where = 'certificate'): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(toArrayBuffer(der));
  } catch (e) {
    throw new CertbenchError(`not an X.509 certificate: ${describeError(e)}`, where);
  }
}

function bitsOf(bs: asn1js.BitString): KeyUsageName[] {
  const bytes = new Uint8Array(bs.valueBlock.valueHexView);
  return KEY_USAGES.filter((_, i) => i < bytes.length * 8 && (bytes[i >> 3]! & (0x80 >> (i & 7))) !== 0);
}

const EKU_NAME = Object.fromEntries(Object.entries(EXTENDED_KEY_USAGES).map(([k, v]) => [v, k])) as Record<string, ExtKeyUsageName>;

export function certificateFacts(der: Uint8Array, where = 'certificate'): CertificateFacts {
  const cert = parseCertificateDer(der, where);
  const facts: CertificateFacts = {
    der,
    serialHex: serialHexOf(cert.serialNumber),
    subject: nameAttributes(cert.subject),
    subjectDer: new Uint8Array(cert.subject.toSchema().toBER()),
    issuerDer: new Uint8Array(cert.issuer.toSchema().toBER()),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    subjectPublicKeyInfo: spkiDer(cert.subjectPublicKeyInfo),
    isCa: false,
    extKeyUsage: [],
    subjectAltNames: [],
  };
  for (const ext of cert.extensions ?? []) {
    const value = new Uint8Array(ext.extnValue.valueBlock.valueHexView);
    const node = asn1js.fromBER(toArrayBuffer(value)).result;
    try {
      switch (ext.extnID) {
        case OID.basicConstraints: {
          const bc = new pkijs.BasicConstraints({ schema: node });
          facts.isCa = bc.cA;
          if (bc.pathLenConstraint !== undefined) facts.pathLen = typeof bc.pathLenConstraint === 'number' ? bc.pathLenConstraint : bc.pathLenConstraint.valueBlock.valueDec;
          break;
        }
        case OID.keyUsage: facts.keyUsage = bitsOf(node as asn1js.BitString); break;
        case OID.extKeyUsage: facts.extKeyUsage = new pkijs.ExtKeyUsage({ schema: node }).keyPurposes.map((o) => EKU_NAME[o] ?? o); break;
        case OID.subjectKeyIdentifier: facts.subjectKeyIdentifier = new Uint8Array((node as asn1js.OctetString).valueBlock.valueHexView); break;
        case OID.authorityKeyIdentifier: {
          const aki = new pkijs.AuthorityKeyIdentifier({ schema: node });
          if (aki.keyIdentifier) facts.authorityKeyIdentifier = new Uint8Array(aki.keyIdentifier.valueBlock.valueHexView);
          break;
        }
        case OID.subjectAltName: facts.subjectAltNames = decodeGeneralNames(value, `${where} › subjectAltName`); break;
      }
    } catch (e) {
      throw new CertbenchError(`extension ${ext.extnID} cannot be read: ${describeError(e)}`, where);
    }
  }
  return facts;
}
