/** The two asn1js steps the certificate readers share: parse DER strictly, list a block's children. */
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes.ts';

export function parseAsn1(der: Uint8Array): asn1js.AsnType {
  const r = asn1js.fromBER(toArrayBuffer(der));
  if (r.offset === -1) throw new Error(`not valid DER: ${r.result.error}`);
  return r.result;
}

/** The children of a constructed block; [] for a primitive or a missing one. */
export function childrenOf(b: asn1js.AsnType | undefined): asn1js.AsnType[] {
  const v = (b?.valueBlock as { value?: unknown } | undefined)?.value;
  return Array.isArray(v) ? (v as asn1js.AsnType[]) : [];
}
