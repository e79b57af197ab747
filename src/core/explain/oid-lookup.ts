/**
 * From the names OpenSSL prints back to OIDs: the text dump names extensions, name attributes,
 * purposes and access methods by OpenSSL's long or short names, and the catalog is keyed by OID.
 */
import { OPENSSL_OBJECTS } from '../oid-names.generated.ts';

let byName: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const [oid, names] of Object.entries(OPENSSL_OBJECTS)) {
    for (const n of names) if (n && !byName.has(n)) byName.set(n, oid);
  }
  return byName;
}

/** The OID OpenSSL prints as `name` (a long name, a short name, or a dotted OID), if any. */
export function oidOfName(name: string): string | undefined {
  if (/^\d+(\.\d+)+$/.test(name)) return name;
  return table().get(name);
}
