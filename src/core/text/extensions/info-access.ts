import { generalNameConfValue, parseGeneralName, truncatedOid, type ConfValue } from '../general-name.ts';
import { decodeFirst, expectSequence, expectSequenceOf, parseFail, readOid } from '../../der/strict.ts';
import { printConfValues } from './conf-values.ts';

/** Authority/Subject Information Access (i2v_AUTHORITY_INFO_ACCESS, multiline): "CA Issuers - URI:...". */
export function printInfoAccess(value: Uint8Array, indent: number): string {
  const values = expectSequenceOf(decodeFirst(value)).map((desc): ConfValue => {
    const [method, location, ...extra] = expectSequence(desc, 'AccessDescription');
    if (extra.length || !location) parseFail('bad AccessDescription');
    const oid = readOid(method);
    const v = generalNameConfValue(parseGeneralName(location));
    return { name: `${truncatedOid(oid, 80)} - ${v.name}`, value: v.value };
  });
  return printConfValues(values, indent, true);
}
