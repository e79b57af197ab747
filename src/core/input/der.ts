import * as asn1js from 'asn1js';
import { CertbenchError } from '../errors.ts';

/** The leading ASN.1 element of some bytes, parsed, and how many bytes follow it. */
export interface ParsedDer {
  root: asn1js.AsnType;
  /** The bytes of the leading element only. */
  der: Uint8Array;
  trailing: number;
}

// asn1js's default node limit (10,000) rejects real CRLs with thousands of entries. Classification
// never looks inside BIT/OCTET STRINGs, and the printers reuse this tree (see withDecodedTree), so
// it is decoded without asn1js's speculative embedded parse and as views into `bytes`, as they do.
const LIMITS = { maxNodes: 5_000_000, maxDepth: 64, parseEmbedded: false, copyInput: false };

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * Parses the leading BER/DER element. Throws CertbenchError saying what is broken and at which
 * offset ("length 0x1a3 runs past the end at offset 0x40"), found by re-parsing down to the element
 * that failed, because asn1js reports the error only at the top.
 */
export function parseDer(bytes: Uint8Array): ParsedDer {
  if (!bytes.length) throw new CertbenchError('no bytes');
  const r = asn1js.fromBER(bytes, LIMITS);
  if (r.offset === -1) throw new CertbenchError(locateBerError(bytes, 0, bytes.length));
  const overrun = findLengthOverrun(r.result, 0);
  if (overrun) throw new CertbenchError(overrun);
  return { root: r.result, der: bytes.subarray(0, r.offset), trailing: bytes.length - r.offset };
}

/** The message for the innermost element that asn1js could not parse in bytes[start, start+avail). */
function locateBerError(bytes: Uint8Array, start: number, avail: number, depth = 0): string {
  const r = asn1js.fromBER(bytes.subarray(start, start + avail), LIMITS);
  const b = r.result;
  const where = `at offset ${hex(start)}`;
  if (r.offset !== -1) return `cannot be parsed ${where}`;
  if (b.idBlock.error || b.idBlock.blockLength === 0) {
    return b.idBlock.error.startsWith('End of input') ? `tag cut short ${where}` : `invalid tag ${where} (${b.idBlock.error || b.error})`;
  }
  if (b.lenBlock.error) {
    return b.lenBlock.error.startsWith('End of input') ? `length cut short ${where}` : `invalid length ${where} (${b.lenBlock.error})`;
  }
  const header = b.idBlock.blockLength + b.lenBlock.blockLength;
  if (!b.lenBlock.isIndefiniteForm && b.lenBlock.length > avail - header) {
    return `length ${hex(b.lenBlock.length)} runs past the end ${where}`;
  }
  const children = b.idBlock.isConstructed ? (b.valueBlock as { value?: asn1js.AsnType[] }).value : undefined;
  if (Array.isArray(children) && depth < LIMITS.maxDepth) {
    const valueEnd = b.lenBlock.isIndefiniteForm ? start + avail : start + header + b.lenBlock.length;
    const next = start + header + children.reduce((n, c) => n + c.blockLength, 0);
    if (next < valueEnd) return locateBerError(bytes, next, valueEnd - next, depth + 1);
    if (b.lenBlock.isIndefiniteForm) return `indefinite-length element has no end-of-contents ${where}`;
  }
  return `${b.error || b.valueBlock.error || 'invalid encoding'} ${where}`;
}

/**
 * asn1js checks an element's length against the whole input, not against its parent, so an
 * inner length that runs past its SEQUENCE goes unnoticed. Returns a message for the first one.
 */
function findLengthOverrun(b: asn1js.AsnType, offset: number): string | undefined {
  if (!b.idBlock.isConstructed) return undefined;
  const children = (b.valueBlock as { value?: asn1js.AsnType[] }).value;
  if (!Array.isArray(children)) return undefined;
  const header = b.idBlock.blockLength + b.lenBlock.blockLength;
  const valueEnd = offset + header + b.lenBlock.length;
  let at = offset + header;
  for (const c of children) {
    const end = at + c.blockLength;
    if (!b.lenBlock.isIndefiniteForm && end > valueEnd) {
      return `length ${hex(c.lenBlock.length)} runs past the end of its enclosing element at offset ${hex(at)}`;
    }
    const inner = findLengthOverrun(c, at);
    if (inner) return inner;
    at = end;
  }
  return undefined;
}
