/** Certificate serial numbers: random, positive, 16 bytes of entropy (CA/B Forum asks ≥ 64 bits), never reused by one CA. */
import * as asn1js from 'asn1js';
import { toArrayBuffer, toHex } from '../bytes.ts';
import { CertbenchError } from '../errors.ts';
import { serialHex } from '../text/serial.ts';

const SERIAL_BYTES = 16;

/** Lowercase hex of a serial's magnitude (INTEGER content octets), no sign byte: the key the inventory uses (i2a_ASN1_INTEGER's digits). */
export function serialHexOf(content: Uint8Array): string {
  return serialHex(content).toLowerCase();
}

/** Normalises a hex serial typed by a person ("01:AB", "0x1ab") to the inventory form. */
export function normaliseSerialHex(text: string): string {
  const clean = text.trim().replace(/^0x/i, '').replace(/[:\s]/g, '').toLowerCase();
  if (!clean || /[^0-9a-f]/.test(clean)) throw new CertbenchError('cert.notHexSerial', { text });
  const trimmed = clean.replace(/^0+(?=.)/, '');
  return trimmed.length % 2 ? '0' + trimmed : trimmed;
}

/** The DER INTEGER for a serial's magnitude: a 0x00 is prepended when the top bit is set, or it would read as negative. */
export function serialInteger(hex: string): asn1js.Integer {
  const magnitude = Uint8Array.from(normaliseSerialHex(hex).match(/../g)!, (h) => parseInt(h, 16));
  const bytes = magnitude[0]! & 0x80 ? Uint8Array.of(0, ...magnitude) : magnitude;
  return new asn1js.Integer({ valueHex: toArrayBuffer(bytes) });
}

/** A new random serial (hex magnitude) that is not in `taken` (serials this CA has already used). */
export function randomSerialHex(taken: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(SERIAL_BYTES));
    if (bytes[0] === 0) bytes[0] = 1; // keep the full length: a leading zero byte would be dropped by DER
    const hex = toHex(bytes);
    if (!taken.has(hex)) return hex;
  }
  throw new CertbenchError('cert.serialRepeats');
}
