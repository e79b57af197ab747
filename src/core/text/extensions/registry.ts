/**
 * Extension printers, one module per extension, looked up by OID; an extension with no printer
 * (or one whose value does not parse) is printed the way OpenSSL prints unknown extensions.
 * OWNER: extensions helper. Contract used by certificate/CSR/CRL printers:
 */
export interface RawExtension {
  oid: string;
  critical: boolean;
  /** The contents of extnValue (the DER inside the OCTET STRING). */
  value: Uint8Array;
}

/**
 * The lines OpenSSL's X509V3_extensions_print writes for one extension: the header
 * ("X509v3 Key Usage: critical" / "X509v3 Subject Key Identifier: " with a trailing space)
 * at `indent` spaces, the value at `indent + 4`. Lines carry no trailing newline.
 */
export function printExtension(ext: RawExtension, indent: number): string[] {
  throw new Error(`not implemented: extension ${ext.oid} at ${indent}`);
}
