import { CONTEXT, UNIVERSAL, type DerNode } from '../der/node.ts';
import { oidFromContent } from '../der/read.ts';
import type { ObjectKind } from '../types.ts';
import { msg, type CoreMessage } from '../messages/index.ts';

/** What the ASN.1 shape says an element is; `note` explains shapes certbench knows but cannot show. */
interface DerShape {
  kind?: ObjectKind;
  note?: CoreMessage;
}

const PKCS7_PREFIX = '1.2.840.113549.1.7.';
const PKCS7_DATA = '1.2.840.113549.1.7.1';

function is(b: DerNode | undefined, tagNumber: number, tagClass = UNIVERSAL): boolean {
  return !!b && b.cls === tagClass && b.tag === tagNumber;
}
const isInteger = (b?: DerNode) => is(b, 2);
const isBitString = (b?: DerNode) => is(b, 3);
const isOctetString = (b?: DerNode) => is(b, 4);
const isOid = (b?: DerNode) => is(b, 6);
const isSequence = (b?: DerNode) => is(b, 16) && b!.constructed;
const isTime = (b?: DerNode) => is(b, 23) || is(b, 24);
const isContext = (b: DerNode | undefined, n: number) => is(b, n, CONTEXT);

function children(b: DerNode | undefined): DerNode[] {
  return b ? b.children : [];
}

function oidOf(b: DerNode | undefined): string | undefined {
  return isOid(b) ? oidFromContent(b!.content) : undefined;
}

/** A small non-negative INTEGER's value, or undefined for big, negative or non-INTEGER elements. */
function smallInt(b: DerNode | undefined): number | undefined {
  if (!isInteger(b) || b!.content.length > 4 || !b!.content.length || b!.content[0]! & 0x80) return undefined;
  return b!.content.reduce((n, x) => n * 256 + x, 0);
}

/** An AlgorithmIdentifier: SEQUENCE { OID, params? }. */
const isAlgorithm = (b?: DerNode) => isSequence(b) && isOid(children(b)[0]);

/**
 * Classifies a parsed element by its ASN.1 structure alone (the PEM label is checked against
 * this by the caller). Returns no kind for shapes that are none of the objects certbench shows.
 */
export function classifyDer(root: DerNode): DerShape {
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
function signedShape(tbs: DerNode[]): DerShape {
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
function integerLedShape(c: DerNode[]): DerShape {
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
  if (ints === c.length && ints === 3) return { note: msg('input.dsaOrDhParameters') };
  return {};
}
