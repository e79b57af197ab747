/** X.509 validity times (RFC 5280 §4.1.2.5): written as UTCTime up to 2049, GeneralizedTime from 2050 on, whole seconds; read from their DER. */
import * as pkijs from 'pkijs';
import { UNIVERSAL, type DerNode } from '../der/node.ts';
import { TAG } from '../der/tags.ts';

/** Whole seconds: asn1js writes fractional seconds into GeneralizedTime, which RFC 5280 forbids. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export function x509Time(date: Date): pkijs.Time {
  const value = wholeSeconds(date);
  return new pkijs.Time({ type: value.getUTCFullYear() >= 2050 ? 1 : 0, value });
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * How far a new certificate's notBefore lies before the moment it is made: 5 minutes, as kubeadm
 * (CertificateBackdate) and cfssl's signer do, so a peer whose clock is a little behind accepts it.
 */
export const BACKDATE_MS = 5 * 60_000;

/** The notBefore of a certificate made now: `BACKDATE_MS` earlier, whole seconds. */
export function backdatedNotBefore(now: Date = new Date()): Date {
  return wholeSeconds(new Date(now.getTime() - BACKDATE_MS));
}

export function readTime(t: DerNode | undefined): Date | undefined {
  if (!t || t.cls !== UNIVERSAL || (t.tag !== TAG.UTC_TIME && t.tag !== TAG.GENERALIZED_TIME)) return undefined;
  const text = String.fromCharCode(...t.content);
  const utc = t.tag === TAG.UTC_TIME;
  const m = (utc ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?$/ : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?(Z|[+-]\d{4})?$/).exec(text);
  if (!m) return undefined;
  let year = +m[1]!;
  if (utc) year += year < 50 ? 2000 : 1900;
  const date = new Date(Date.UTC(2000, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)));
  date.setUTCFullYear(year); // Date.UTC reads years 0-99 as 19xx
  const ms = date.getTime();
  const zone = m[7] && m[7] !== 'Z' ? (m[7][0] === '-' ? -1 : 1) * (+m[7].slice(1, 3) * 60 + +m[7].slice(3)) * 60_000 : 0;
  const d = new Date(ms - zone);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
