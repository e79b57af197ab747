import { generalNameConfValue, parseGeneralNames, type ConfValue } from '../general-name.ts';
import { CONTEXT } from '../../der/node.ts';
import { stringBytes } from '../../der/read.ts';
import { decodeFirst, expectSequence, integerContent, integerMagnitude, parseFail, readOctetString, sequenceOfItems } from '../../der/strict.ts';
import { pad, upperColonHex } from './bio-text.ts';
import { confValueLines } from './conf-values.ts';

/** Subject Key Identifier: i2s_ASN1_OCTET_STRING, colon hex on one line. */
export function printSubjectKeyIdentifier(value: Uint8Array, indent: number): string {
  return pad(indent) + upperColonHex(readOctetString(decodeFirst(value)));
}

/**
 * Authority Key Identifier (i2v_AUTHORITY_KEYID, multiline): the key id alone as bare hex, or
 * labelled "keyid:" when an issuer or serial follows; issuer names as in SAN; "serial:" hex.
 */
export function printAuthorityKeyIdentifier(value: Uint8Array, indent: number, field: string) {
  const fields = expectSequence(decodeFirst(value));
  let keyId: Uint8Array | undefined;
  let issuer: ConfValue[] | undefined;
  let serial: Uint8Array | undefined;
  let next = 0;
  for (const f of fields) {
    if (f.cls !== CONTEXT || f.tag < next || f.tag > 2) parseFail('unexpected field in AuthorityKeyIdentifier');
    next = f.tag + 1;
    if (f.tag === 0) keyId = stringBytes(f);
    else if (f.tag === 1) {
      issuer = parseGeneralNames(sequenceOfItems(f)).map((g) => ({ ...generalNameConfValue(g), field: 'ext.aki.issuer' }));
    } else serial = integerMagnitude(integerContent(f));
  }
  const values: ConfValue[] = [];
  if (keyId) values.push({ name: issuer || serial ? 'keyid' : null, value: upperColonHex(keyId), field: 'ext.aki.keyId' });
  if (issuer) values.push(...issuer);
  if (serial) values.push({ name: 'serial', value: upperColonHex(serial), field: 'ext.aki.serial' });
  // i2v returns NULL for an empty AKI, so OpenSSL prints it raw.
  if (values.length === 0 && !issuer) parseFail('empty AuthorityKeyIdentifier');
  return confValueLines(values, indent, true, field);
}
