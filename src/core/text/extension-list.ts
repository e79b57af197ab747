/**
 * X509V3_extensions_print for the CRL and CSR printers: an optional title line, then each
 * extension's header and value from the extension registry.
 */
import { CertbenchError } from '../errors.ts';
import { extensionLines, type RawExtension } from './extensions/registry.ts';
import type { Element, LineWriter } from './lines.ts';
import { type DerNode } from '../der/node.ts';
import { child, expectUniversal, isUniversal, oidValue, placeOf } from '../der/read.ts';
import { TAG } from '../der/tags.ts';

/** The Extensions SEQUENCE as raw extensions, in file order. */
export function readExtensions(extensions: DerNode, what: string): RawExtension[] {
  expectUniversal(extensions, TAG.SEQUENCE, what);
  return extensions.children.map((ext) => {
    expectUniversal(ext, TAG.SEQUENCE, `an extension in ${what}`);
    const oid = oidValue(child(ext, 0, `an extension's OID in ${what}`), `an extension's OID in ${what}`);
    const second = ext.children[1];
    const hasCritical = isUniversal(second, TAG.BOOLEAN);
    const critical = hasCritical ? second.content.some((b) => b !== 0) : false;
    const value = ext.children[hasCritical ? 2 : 1];
    if (!isUniversal(value, TAG.OCTET_STRING)) throw new CertbenchError('print.extensionInNoValue', { oid, what }, placeOf(ext));
    return { oid, critical, value: value.content, node: ext };
  });
}

/**
 * Nothing for no extensions; otherwise `title:` at indent (showing `field`, the element `at`) and
 * the extensions at indent + 4.
 */
export function writeExtensions(out: LineWriter, extensions: RawExtension[], title: string, indent: number, field: string, at?: Element): void {
  if (!extensions.length) return;
  out.line(' '.repeat(indent) + title + ':', { field, at });
  for (const ext of extensions) out.add(extensionLines(ext, indent + 4), { at: ext.node });
}
