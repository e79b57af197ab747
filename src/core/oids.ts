import { OPENSSL_OBJECTS } from './oid-names.generated.ts';

/** OpenSSL's short name (e.g. "CN", "prime256v1"), or undefined for an OID OpenSSL does not know. */
export function oidShortName(oid: string): string | undefined {
  return OPENSSL_OBJECTS[oid]?.[0];
}

/** OpenSSL's long name (e.g. "commonName", "X509v3 Subject Alternative Name"). */
export function oidLongName(oid: string): string | undefined {
  const names = OPENSSL_OBJECTS[oid];
  return names ? (names[1] ?? names[0]) : undefined;
}

/**
 * How OpenSSL prints an object where it uses OBJ_obj2txt(..., 0): the long name when known,
 * otherwise the dotted OID (i2a_ASN1_OBJECT and i2t_ASN1_OBJECT behave this way).
 */
export function oidDisplayName(oid: string): string {
  return oidLongName(oid) ?? oid;
}
