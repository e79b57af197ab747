/**
 * Extension printers, one module per extension or family, looked up by OID; an extension with
 * no printer (or one whose value does not parse) is printed the way OpenSSL prints unknown
 * extensions. Contract used by the certificate/CSR/CRL printers:
 */
import { PartialPrintError } from './partial-print.ts';
import { oidDisplayName } from '../../oids.ts';
import { dottedText, pad } from './bio-text.ts';
import { EXTENSION_PRINTERS } from './printers.ts';

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
  const header = `${pad(indent)}${oidDisplayName(ext.oid)}: ${ext.critical ? 'critical' : ''}`;
  return [header, ...printExtensionValue(ext.oid, ext.value, indent + 4).split('\n')];
}

/**
 * The text X509V3_EXT_print writes for the value, or, when OpenSSL has no printer for the OID or
 * its decoder rejects the value, the raw extnValue bytes with non-printable bytes as '.'
 * (ASN1_STRING_print, which passes '\n' and '\r' through, so the raw dump can span lines).
 */
export function printExtensionValue(oid: string, value: Uint8Array, indent: number): string {
  const printer = EXTENSION_PRINTERS[oid];
  let printed = '';
  if (printer) {
    try {
      return printer(value, indent);
    } catch (e) {
      // ExtensionParseError is the expected "OpenSSL's decoder refuses this" signal; anything else
      // (a Name the name printer rejects, say) is treated the same way rather than escape the core.
      if (e instanceof PartialPrintError) printed = e.printed;
    }
  }
  return printed + pad(indent) + dottedText(value);
}
