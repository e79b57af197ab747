/** X.509 validity times (RFC 5280 §4.1.2.5): UTCTime up to 2049, GeneralizedTime from 2050 on, whole seconds. */
import * as pkijs from 'pkijs';

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

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
