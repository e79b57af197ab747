/**
 * The summary's sentences in the current language. src/core/summary.ts words a card's title and
 * its validity in English; both are rebuilt here from the summary's structured fields (kind, key,
 * certificate count, validity state and days). A title is only re-worded when the English message
 * gives back exactly what the core wrote: a certificate whose common name happens to read
 * "Certificate", or a core wording that has moved on, is shown as the core gave it.
 */
import type { Summary, Validity } from '../../core/summary.ts';
import { format } from '../i18n/t.svelte.ts';
import { en } from '../i18n/messages/inspect.ts';

type Key = keyof typeof en;
type T = (key: Key, params?: Record<string, string | number>) => string;
type Params = Record<string, string | number>;

const plural = (n: number, one: Key, many: Key): Key => (n === 1 ? one : many);

/** What the core would have written for this summary, as a message key and parameters. */
function titleMessage(s: Summary): { key: Key; params?: Params } | undefined {
  const candidates: Array<{ key: Key; params?: Params }> = [{ key: `title.${s.kind}` }];
  if (s.key) {
    candidates.push({ key: 'title.publicKeyOf', params: { key: s.key.description } });
    candidates.push({ key: 'title.privateKeyOf', params: { key: s.key.description } });
  }
  if (s.kind === 'crl') {
    candidates.push({ key: 'title.crlFromUnnamed' });
    const prefix = format(en['title.crlFrom'], { issuer: '' });
    if (s.title.startsWith(prefix)) candidates.push({ key: 'title.crlFrom', params: { issuer: s.title.slice(prefix.length) } });
  }
  if (s.certificateCount !== undefined) {
    candidates.push({ key: plural(s.certificateCount, 'title.bundleOne', 'title.bundleMany'), params: { count: s.certificateCount } });
  }
  // A subject's common name is data: never re-word it, even when it reads like a kind.
  if ((s.kind === 'certificate' || s.kind === 'csr') && s.subject !== undefined) return undefined;
  return candidates.find((c) => format(en[c.key], c.params) === s.title);
}

export function summaryTitle(s: Summary, t: T): string {
  const m = titleMessage(s);
  return m ? t(m.key, m.params) : s.title;
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
