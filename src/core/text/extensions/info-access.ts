import { generalNameConfValue, parseGeneralName, truncatedOid, type ConfValue } from '../general-name.ts';
import { decodeFirst, expectSequence, expectSequenceOf, parseFail, readOid } from '../../der/strict.ts';
import { confValueLines } from './conf-values.ts';
import { knownOr } from '../../explain/parts.ts';

/** Authority/Subject Information Access (i2v_AUTHORITY_INFO_ACCESS, multiline): "CA Issuers - URI:...". */
export function printInfoAccess(value: Uint8Array, indent: number, field: string) {
  const values = expectSequenceOf(decodeFirst(value)).map((desc): ConfValue => {
    const [method, location, ...extra] = expectSequence(desc, 'AccessDescription');
    if (extra.length || !location) parseFail('bad AccessDescription');
    const oid = readOid(method);
    const v = generalNameConfValue(parseGeneralName(location));
    return { name: `${truncatedOid(oid, 80)} - ${v.name}`, value: v.value, field: knownOr('ad.', oid, 'ad.other'), part: v.part };
  });
  return confValueLines(values, indent, true, field);
}
