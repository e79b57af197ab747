/**
 * Extension printers, one module per extension or family, looked up by OID; an extension with
 * no printer (or one whose value does not parse) is printed the way OpenSSL prints unknown
 * extensions. Contract used by the certificate/CSR/CRL printers:
 */
import { PartialPrintError } from './partial-print.ts';
import { oidDisplayName } from '../../oids.ts';
import { dottedText, pad } from './bio-text.ts';
import { EXTENSION_PRINTERS } from './printers.ts';
import { knownOr } from '../../explain/parts.ts';
import type { Element, TextLine } from '../lines.ts';

export interface RawExtension {
  oid: string;
  critical: boolean;
  /** The contents of extnValue (the DER inside the OCTET STRING). */
  value: Uint8Array;
  /** The whole Extension SEQUENCE, when the caller has it (its lines' byte range). */
  node?: Element;
}

/**
 * The lines OpenSSL's X509V3_extensions_print writes for one extension: the header
 * ("X509v3 Key Usage: critical" / "X509v3 Subject Key Identifier: " with a trailing space)
 * at `indent` spaces, the value at `indent + 4`. Lines carry no trailing newline.
 */
export function printExtension(ext: RawExtension, indent: number): string[] {
  return extensionLines(ext, indent).map((l) => l.text);
}

/** The explanation id of an extension: `ext.<oid>` when the catalog knows it. */
function extensionField(oid: string): string {
  return knownOr('ext.', oid, 'ext.unknown');
}

/** The same lines as records: the header is the extension (and its criticality), value lines say what they show. */
export function extensionLines(ext: RawExtension, indent: number): TextLine[] {
  const field = extensionField(ext.oid);
  const header: TextLine = { text: `${pad(indent)}${oidDisplayName(ext.oid)}: ${ext.critical ? 'critical' : ''}`, field };
  if (ext.critical) header.parts = ['ext.critical'];
  return [header, ...extensionValueLines(ext.oid, ext.value, indent + 4, field)];
}

function extensionValueLines(oid: string, value: Uint8Array, indent: number, field: string): TextLine[] {
  const printer = EXTENSION_PRINTERS[oid];
  let printed = '';
  if (printer) {
    try {
      const out = printer(value, indent, field);
      return typeof out === 'string' ? out.split('\n').map((text) => ({ text, field })) : out;
    } catch (e) {
      // ExtensionParseError is the expected "OpenSSL's decoder refuses this" signal; anything else
      // (a Name the name printer rejects, say) is treated the same way rather than escape the core.
      if (e instanceof PartialPrintError) printed = e.printed;
    }
  }
  // Bytes of the raw dump can hold newlines: each printed line is a record of its own.
  const raw = printed + pad(indent) + dottedText(value);
  return raw.split('\n').map((text) => ({ text, field }));
}
