/**
 * The summary's sentences in the current language: the card title is the core's message id
 * (summary.titleSaid, worded from the core's catalog); the validity sentence and the CA/leaf line are
 * built here from the summary's structured fields (state and days; isCa, path length, self-signed).
 */
import type { Summary, Validity } from '../../core/summary.ts';
import { coreText } from '../i18n/core-text.svelte.ts';
import { en } from '../i18n/messages/inspect.ts';

type Key = keyof typeof en;
type T = (key: Key, params?: Record<string, string | number>) => string;

const plural = (n: number, one: Key, many: Key): Key => (n === 1 ? one : many);

/** The card title in the current language; a summary made before titles were messages shows its English title. */
export function summaryTitle(s: Pick<Summary, 'title' | 'titleSaid'>): string {
  return s.titleSaid ? coreText(s.titleSaid) : s.title;
}

/** The validity sentence (for a CRL: when the next update is due), like Validity.text. */
export function validityText(v: Validity, kind: Summary['kind'], t: T): string {
  const d = { days: v.days };
  const crl = kind === 'crl';
  switch (v.state) {
    case 'not-yet-valid':
      return t(plural(v.days, 'notYetValidOne', 'notYetValidMany'), d);
    case 'expired':
      if (v.days === 0) return t(crl ? 'crlOverdueToday' : 'expiredToday');
      return t(crl ? plural(v.days, 'crlOverdueOne', 'crlOverdueMany') : plural(v.days, 'expiredOne', 'expiredMany'), d);
    default:
      if (v.days === 0) return t(crl ? 'crlDueToday' : 'expiresToday');
      return t(crl ? plural(v.days, 'crlNextInOne', 'crlNextInMany') : plural(v.days, 'expiresInOne', 'expiresInMany'), d);
  }
}

/** "CA (path length 0), self-signed", "Leaf (not a CA), issued by another CA". */
export function typeText(s: Summary, t: T): string {
  const type = s.isCa ? (s.pathLength !== undefined ? t('typeCaPath', { length: s.pathLength }) : t('typeCa')) : t('typeLeaf');
  if (s.selfSigned) return t('typeSelfSigned', { type });
  if (s.selfSigned === false) return t('typeIssued', { type });
  return type;
}
