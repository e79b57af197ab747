import { truncatedOid } from '../general-name.ts';
import { decodeFirst, expectSequenceOf, parseFail, readOid } from '../../der/strict.ts';
import { confValueLines } from './conf-values.ts';
import { knownOr } from '../../explain/parts.ts';

/** Extended Key Usage (i2v_EXTENDED_KEY_USAGE): long names, comma separated; empty is NULL (raw). */
export function printExtendedKeyUsage(value: Uint8Array, indent: number, field: string) {
  const oids = expectSequenceOf(decodeFirst(value)).map(readOid);
  if (oids.length === 0) parseFail('empty ExtendedKeyUsage');
  return confValueLines(
    oids.map((oid) => ({ name: null, value: truncatedOid(oid, 80), part: knownOr('eku.', oid, 'eku.other') })),
    indent,
    false,
    field,
  );
}
