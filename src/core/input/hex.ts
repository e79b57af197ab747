import { CertbenchError } from '../errors.ts';

/**
 * Hex as people paste it: `xxd -p` output, `30:82:01:0a`, `30 82 01 0a`, optional `0x` prefix.
 * Only text made of hex digits and those separators counts, so base64 (which always has non-hex
 * letters for DER: "MII…") is never mistaken for hex.
 */
const HEX_TEXT = /^(0x)?[0-9a-fA-F]{2}([\s:]*[0-9a-fA-F]{2})*$/;

export function looksLikeHex(text: string): boolean {
  const t = text.trim();
  return t.length >= 4 && HEX_TEXT.test(t) && t.replace(/^0x|[\s:]/g, '').length % 2 === 0;
}

/** Throws CertbenchError naming the first bad character's position. */
export function decodeHex(text: string): Uint8Array {
  const compact = text.trim().replace(/^0x/, '').replace(/[\s:]/g, '');
  const bad = compact.search(/[^0-9a-fA-F]/);
  if (bad >= 0) throw new CertbenchError('input.badHexChar', { char: compact[bad], position: bad + 1 });
  if (compact.length % 2) throw new CertbenchError('input.oddHex', { count: compact.length });
  const out = new Uint8Array(compact.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(compact.substr(i * 2, 2), 16);
  return out;
}
