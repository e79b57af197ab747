/**
 * A DSA signature value split into r and s the way OpenSSL 3.0 reads it (dsa_sig_print calls
 * d2i_DSA_SIG, which is ossl_decode_der_dsa_sig in crypto/asn1_dsa.c — a small parser of its own,
 * not the ASN.1 template decoder). Its rules, which decide between "r:/s:" and a hex dump:
 *  - a SEQUENCE (tag 0x30) whose length is short form, or long form 0x81 / 0x82 (even when the
 *    short form would do); any other length octet (0x80 indefinite, 0x83 and up) is refused;
 *  - inside it exactly two INTEGERs (tag 0x02, the same length rules), nothing after them;
 *  - each INTEGER non-empty, positive (first byte below 0x80), and without a needless 00 first;
 *  - bytes after the SEQUENCE, inside the BIT STRING, are ignored.
 */
interface Cursor {
  bytes: Uint8Array;
  at: number;
  end: number;
}

/** ossl_decode_der_length: the content's [start, end), or undefined. */
function contentAfterLength(c: Cursor): { start: number; end: number } | undefined {
  if (c.at >= c.end) return undefined;
  const first = c.bytes[c.at++]!;
  let length: number;
  if (first < 0x80) length = first;
  else if (first === 0x81 && c.at + 1 <= c.end) length = c.bytes[c.at++]!;
  else if (first === 0x82 && c.at + 2 <= c.end) {
    length = (c.bytes[c.at]! << 8) | c.bytes[c.at + 1]!;
    c.at += 2;
  } else return undefined;
  if (c.at + length > c.end) return undefined;
  const start = c.at;
  c.at += length;
  return { start, end: start + length };
}

/** ossl_decode_der_integer: the content octets of a positive, minimally encoded INTEGER, or undefined. */
function positiveInteger(c: Cursor): Uint8Array | undefined {
  if (c.at >= c.end || c.bytes[c.at++] !== 0x02) return undefined;
  const content = contentAfterLength(c);
  if (!content || content.end === content.start) return undefined;
  const first = c.bytes[content.start]!;
  if (first & 0x80) return undefined;
  if (first === 0 && content.end - content.start > 1 && !(c.bytes[content.start + 1]! & 0x80)) return undefined;
  return c.bytes.subarray(content.start, content.end);
}

/** r and s, as the content octets of their INTEGERs, or undefined where OpenSSL falls back to hex. */
export function readDsaSignature(signature: Uint8Array): { r: Uint8Array; s: Uint8Array } | undefined {
  const outer: Cursor = { bytes: signature, at: 0, end: signature.length };
  if (outer.at >= outer.end || signature[outer.at++] !== 0x30) return undefined;
  const seq = contentAfterLength(outer);
  if (!seq) return undefined;
  const inner: Cursor = { bytes: signature, at: seq.start, end: seq.end };
  const r = positiveInteger(inner);
  const s = r && positiveInteger(inner);
  if (!r || !s || inner.at !== inner.end) return undefined;
  return { r, s };
}
