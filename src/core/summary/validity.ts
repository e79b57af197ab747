/** A validity period seen from a moment: its state and whole days to (or since) its edges. */
import type { Validity } from './types.ts';

const DAY_MS = 86_400_000;
const EXPIRING_SOON_DAYS = 30;

export function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'invalid date' : d.toISOString().replace(/\.000Z$/, 'Z');
}

export function validityOf(notBefore: Date, notAfter: Date, now: Date): Validity {
  const base = { notBefore: isoDate(notBefore), notAfter: isoDate(notAfter) };
  const days = (ms: number) => Math.floor(ms / DAY_MS);
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (now < notBefore) {
    const d = days(notBefore.getTime() - now.getTime());
    return { ...base, state: 'not-yet-valid', days: d, text: `not yet valid (starts in ${plural(d)})` };
  }
  if (now > notAfter) {
    const d = days(now.getTime() - notAfter.getTime());
    return { ...base, state: 'expired', days: d, text: d === 0 ? 'expired today' : `expired ${plural(d)} ago` };
  }
  const d = days(notAfter.getTime() - now.getTime());
  return {
    ...base,
    state: d <= EXPIRING_SOON_DAYS ? 'expiring-soon' : 'valid',
    days: d,
    text: d === 0 ? 'expires today' : `expires in ${plural(d)}`,
  };
}
