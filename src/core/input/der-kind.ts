import * as asn1js from 'asn1js';
import type { ObjectKind } from '../types.ts';

/** What the ASN.1 shape says an element is; `note` explains shapes certbench knows but cannot show. */
export interface DerShape {
  kind?: ObjectKind;
  note?: string;
}

const PKCS7_PREFIX = '1.2.840.113549.1.7.';
const PKCS7_DATA = '1.2.840.113549.1.7.1';

const UNIVERSAL = 1;
const CONTEXT = 3;

function is(b: asn1js.AsnType | undefined, tagNumber: number, tagClass = UNIVERSAL): boolean {
  return !!b && b.idBlock.tagClass === tagClass && b.idBlock.tagNumber === tagNumber;
}
const isInteger = (b?: asn1js.AsnType) => is(b, 2);
const isBitString = (b?: asn1js.AsnType) => is(b, 3);
const isOctetString = (b?: asn1js.AsnType) => is(b, 4);
const isOid = (b?: asn1js.AsnType) => is(b, 6);
const isSequence = (b?: asn1js.AsnType) => is(b, 16) && b!.idBlock.isConstructed;
const isTime = (b?: asn1js.AsnType) => is(b, 23) || is(b, 24);
const isContext = (b: asn1js.AsnType | undefined, n: number) => is(b, n, CONTEXT);

function children(b: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!b || !b.idBlock.isConstructed) return [];
  const v = (b.valueBlock as { value?: unknown }).value;
  return Array.isArray(v) ? (v as asn1js.AsnType[]) : [];
}

function oidOf(b: asn1js.AsnType | undefined): string | undefined {
  return isOid(b) ? (b as asn1js.ObjectIdentifier).valueBlock.toString() : undefined;
}

/** A small INTEGER's value, or undefined for big or non-INTEGER elements. */
function smallInt(b: asn1js.AsnType | undefined): number | undefined {
  if (!isInteger(b)) return undefined;
  const v = (b as asn1js.Integer).valueBlock;
  return v.valueHexView.length <= 4 ? v.valueDec : undefined;
}

/** An AlgorithmIdentifier: SEQUENCE { OID, params? }. */
const isAlgorithm = (b?: asn1js.AsnType) => isSequence(b) && isOid(children(b)[0]);

/**
 * Classifies a parsed element by its ASN.1 structure alone (the PEM label is checked against
 * this by the caller). Returns no kind for shapes that are none of the objects certbench shows.
 */
export function classifyDer(root: asn1js.AsnType): DerShape {
  if (!isSequence(root)) return {};
  const c = children(root);

  const contentType = oidOf(c[0]);
  if (contentType?.startsWith(PKCS7_PREFIX) && (c.length === 1 || isContext(c[1], 0))) return { kind: 'pkcs7' };

  if (c.length === 3 && isSequence(c[0]) && isAlgorithm(c[1]) && isBitString(c[2])) return signedShape(children(c[0]));

  if (c.length === 2 && isAlgorithm(c[0]) && isBitString(c[1])) return { kind: 'public-key' };
  if (c.length === 2 && isAlgorithm(c[0]) && isOctetString(c[1])) return { kind: 'encrypted-private-key' };

  if (isInteger(c[0])) return integerLedShape(c);
  return {};
}

/** Certificate, CertificationRequest or CertificateList, told apart by their to-be-signed part. */
function signedShape(tbs: asn1js.AsnType[]): DerShape {
  // CertificationRequestInfo: version, subject, SubjectPublicKeyInfo, [0] attributes
  if (
    isInteger(tbs[0]) &&
    isSequence(tbs[1]) &&
    isSequence(tbs[2]) &&
    isBitString(children(tbs[2]).at(-1)) &&
    (tbs.length === 3 || (tbs.length === 4 && isContext(tbs[3], 0)))
  ) {
    return { kind: 'csr' };
  }
  let i = isContext(tbs[0], 0) ? 1 : 0; // certificate [0] version
  if (isInteger(tbs[i])) i++; // certificate serial, or CRL version
  if (isSequence(tbs[i]) && isSequence(tbs[i + 1])) {
    if (isSequence(tbs[i + 2])) return { kind: 'certificate' }; // ... issuer, validity
    if (isTime(tbs[i + 2])) return { kind: 'crl' }; // ... issuer, thisUpdate
  }
  return {};
}

/** The SEQUENCEs that start with an INTEGER: private keys, RSA public keys, PKCS#12. */
function integerLedShape(c: asn1js.AsnType[]): DerShape {
  const version = smallInt(c[0]);
  if (c.length >= 3 && isAlgorithm(c[1]) && isOctetString(c[2]) && (version === 0 || version === 1)) return { kind: 'private-key' };
  if (version === 1 && isOctetString(c[1]) && c.slice(2).every((x) => isContext(x, 0) || isContext(x, 1))) return { kind: 'ec-private-key' };
  if (version === 3 && isSequence(c[1]) && oidOf(children(c[1])[0]) === PKCS7_DATA) {
    return { kind: 'pkcs12' };
  }
  const leadingIntegers = c.findIndex((x) => !isInteger(x));
  const ints = leadingIntegers === -1 ? c.length : leadingIntegers;
  if (c.length === 2 && ints === 2) return { kind: 'rsa-public-key' };
  if (ints === c.length && ints === 6 && version === 0) return { kind: 'dsa-private-key' };
  // RSAPrivateKey: version, n, e, d, p, q, dp, dq, qinv [, otherPrimeInfos]
  if (ints === 9 && (version === 0 || version === 1) && c.length <= 10) return { kind: 'rsa-private-key' };
  if (ints === c.length && ints === 3) return { note: 'DSA or DH parameters, not a key' };
  return {};
}
