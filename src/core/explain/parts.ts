/**
 * The pieces a printed line lists, from what the printer decoded (OIDs, name types, bits), never
 * from the printed text: name attributes, algorithm families, general name types, key usage bits.
 */
import { isKnownField } from './references.ts';

const OID_O = '2.5.4.10';
const OID_CN = '2.5.4.3';

/** The catalog's ids by prefix and OID (null: none): a dump of 10,000 certificates asks for the same few hundred. */
const knownIds = new Map<string, Map<string, string | null>>();

/** The catalog id for `prefix + oid`, or `fallback` when the catalog has no entry for it. */
export function knownOr(prefix: string, oid: string, fallback: string): string {
  let ids = knownIds.get(prefix);
  if (!ids) knownIds.set(prefix, (ids = new Map()));
  let id = ids.get(oid);
  if (id === undefined) ids.set(oid, (id = isKnownField(prefix + oid) ? prefix + oid : null));
  return id ?? fallback;
}

/** The attribute types of a name, plus the Kubernetes identities a subject can carry (O=system:masters, CN=system:node:…). */
export function nameParts(attributes: ReadonlyArray<{ oid: string; value: string }>, isSubject: boolean): string[] {
  const parts = attributes.map((a) => knownOr('name.attr.', a.oid, 'name.attr.other'));
  if (isSubject) {
    if (attributes.some((a) => a.oid === OID_O && a.value === 'system:masters')) parts.push('kube.systemMasters');
    if (attributes.some((a) => a.oid === OID_CN && a.value.startsWith('system:node:'))) parts.push('kube.nodeIdentity');
  }
  return parts;
}

/** The family of a signature or public key algorithm (by OpenSSL's name for its OID), and a warning part for weak hashes. */
export function algorithmParts(name: string): string[] {
  const parts: string[] = [];
  if (/rsassaPss|RSASSA-PSS/i.test(name)) parts.push('alg.rsaPss');
  else if (/RSA/i.test(name)) parts.push('alg.rsa');
  else if (/ecdsa|ecPublicKey/i.test(name)) parts.push('alg.ecdsa');
  else if (/^ED(25519|448)$/i.test(name)) parts.push('alg.eddsa');
  else if (/^X(25519|448)$/i.test(name)) parts.push('alg.xdh');
  else if (/dsa/i.test(name)) parts.push('alg.dsa');
  if (/md[245]|sha1(?!\d)/i.test(name)) parts.push('alg.weakHash');
  return parts;
}

/** GeneralName CHOICE alternatives by their decoded kind. */
export const GENERAL_NAME_PARTS = {
  otherName: 'gn.otherName',
  email: 'gn.email',
  dns: 'gn.dns',
  x400: 'gn.x400',
  dirName: 'gn.dirName',
  ediParty: 'gn.ediParty',
  uri: 'gn.uri',
  ip: 'gn.ip',
  registeredId: 'gn.rid',
} as const;

/** The names the API server's certificate must carry for in-cluster clients (kubernetes.default[.svc…]). */
export function isApiServerName(dns: string): boolean {
  return dns === 'kubernetes.default' || dns.startsWith('kubernetes.default.');
}

/** KeyUsage bits in DER order (RFC 5280 4.2.1.3), as catalog ids. */
export const KEY_USAGE_PARTS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
].map((b) => `ext.keyUsage.${b}`);

/** CRLReason codes (RFC 5280 5.3.1) as catalog ids; 7 is unused. */
export const CRL_REASON_FIELDS: Record<number, string> = {
  0: 'crlReason.unspecified',
  1: 'crlReason.keyCompromise',
  2: 'crlReason.cACompromise',
  3: 'crlReason.affiliationChanged',
  4: 'crlReason.superseded',
  5: 'crlReason.cessationOfOperation',
  6: 'crlReason.certificateHold',
  8: 'crlReason.removeFromCRL',
  9: 'crlReason.privilegeWithdrawn',
  10: 'crlReason.aACompromise',
};
