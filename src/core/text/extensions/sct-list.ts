import { formatAsn1Time } from '../format.ts';
import { oidLongName } from '../../oids.ts';
import { decodeFirst, parseFail, readNull, readOctetString } from '../../der/strict.ts';
import { hexString, pad } from './bio-text.ts';

interface Sct {
  version: number;
  /** The whole encoding, kept for versions other than v1. */
  raw: Uint8Array;
  logId: Uint8Array;
  timestamp: bigint;
  extensions: Uint8Array;
  hashAlg: number;
  sigAlg: number;
  signature: Uint8Array;
}

const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

/** The signature algorithms o2i_SCT_signature accepts (SCT_get_signature_nid). */
function signatureAlgorithmOid(hashAlg: number, sigAlg: number): string | undefined {
  if (hashAlg !== 4) return undefined;
  if (sigAlg === 3) return '1.2.840.10045.4.3.2';
  if (sigAlg === 1) return '1.2.840.113549.1.1.11';
  return undefined;
}

/** o2i_SCT */
function parseSct(b: Uint8Array): Sct {
  const version = b[0]!;
  const sct: Sct = { version, raw: b, logId: new Uint8Array(0), timestamp: 0n, extensions: new Uint8Array(0), hashAlg: 0, sigAlg: 0, signature: new Uint8Array(0) };
  if (version !== 0) return sct;
  if (b.length < 43) parseFail('SCT too short');
  sct.logId = b.subarray(1, 33);
  for (let i = 33; i < 41; i++) sct.timestamp = (sct.timestamp << 8n) | BigInt(b[i]!);
  const extLen = u16(b, 41);
  let at = 43;
  if (b.length - at < extLen) parseFail('SCT extensions overrun');
  sct.extensions = b.subarray(at, at + extLen);
  at += extLen;
  if (b.length - at <= 4) parseFail('SCT signature missing');
  sct.hashAlg = b[at]!;
  sct.sigAlg = b[at + 1]!;
  if (!signatureAlgorithmOid(sct.hashAlg, sct.sigAlg)) parseFail('unsupported SCT signature algorithm');
  const sigLen = u16(b, at + 2);
  at += 4;
  if (sigLen > b.length - at) parseFail('SCT signature overrun');
  sct.signature = b.subarray(at, at + sigLen);
  return sct;
}

/** o2i_SCT_LIST: a 2-byte total length, then 2-byte-length-prefixed SCTs. */
function parseSctList(b: Uint8Array): Sct[] {
  if (b.length < 2 || b.length > 0xffff) parseFail('SCT list has a bad length');
  let remaining = u16(b, 0);
  if (remaining !== b.length - 2) parseFail('SCT list length mismatch');
  const out: Sct[] = [];
  let at = 2;
  while (remaining > 0) {
    if (remaining < 2) parseFail('SCT list truncated');
    const len = u16(b, at);
    at += 2;
    remaining -= 2;
    if (len === 0 || len > remaining) parseFail('SCT has a bad length');
    out.push(parseSct(b.subarray(at, at + len)));
    at += len;
    remaining -= len;
  }
  return out;
}

/**
 * timestamp_print: milliseconds since the epoch as a GeneralizedTime with milliseconds. OpenSSL
 * passes the day count through an int and prints nothing when the date falls outside years
 * 0-9999 (ASN1_GENERALIZEDTIME_adj fails).
 */
function timestampText(ms: bigint): string {
  const days = Number(BigInt.asIntN(32, ms / 86_400_000n));
  const seconds = Number((ms % 86_400_000n) / 1000n);
  if (Math.abs(days) > 10_000_000) return '';
  const d = new Date(Date.UTC(1970, 0, 1) + days * 86_400_000 + seconds * 1000);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) return '';
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const s = `${p(year, 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}.${p(Number(ms % 1000n), 3)}Z`;
  return formatAsn1Time(24, new TextEncoder().encode(s));
}

/** SCT_print */
function sctText(sct: Sct, indent: number): string {
  let out = `${pad(indent)}Signed Certificate Timestamp:\n${pad(indent + 4)}Version   : `;
  if (sct.version !== 0) return out + `unknown\n${pad(indent + 16)}${hexString(sct.raw, indent + 16, 16)}`;
  out += 'v1 (0x0)';
  out += `\n${pad(indent + 4)}Log ID    : ${hexString(sct.logId, indent + 16, 16)}`;
  out += `\n${pad(indent + 4)}Timestamp : ${timestampText(sct.timestamp)}`;
  out += `\n${pad(indent + 4)}Extensions: ${sct.extensions.length ? hexString(sct.extensions, indent + 16, 16) : 'none'}`;
  out += `\n${pad(indent + 4)}Signature : ${oidLongName(signatureAlgorithmOid(sct.hashAlg, sct.sigAlg)!)}`;
  out += `\n${pad(indent + 4)}            ${hexString(sct.signature, indent + 16, 16)}`;
  return out;
}

/** CT Precertificate SCTs / SCTs in OCSP (i2r_SCT_LIST): an OCTET STRING holding the TLS-encoded list. */
export function printSctList(value: Uint8Array, indent: number): string {
  return parseSctList(readOctetString(decodeFirst(value)))
    .map((s) => sctText(s, indent))
    .join('\n');
}

/** CT Precertificate Poison (i2s_poison): the value must be NULL. */
export function printCtPoison(value: Uint8Array, indent: number): string {
  readNull(decodeFirst(value));
  return pad(indent) + 'NULL';
}
