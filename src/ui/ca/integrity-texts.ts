/** What the integrity checks found, in the reader's language (messages/ca-integrity.ts). */
import type { CaProblem, RestoreResult } from '../../store/ca.ts';
import { coreText } from '../i18n/core-text.svelte.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as integrityMessages from '../i18n/messages/ca-integrity.ts';

const t = translator(integrityMessages);
const short = (hash: string) => hash.slice(0, 16);

export function problemText(p: CaProblem): string {
  switch (p.kind) {
    case 'id-not-hash':
      return t('p.id-not-hash', { found: short(p.found) });
    case 'key-unreadable':
      return t('p.key-unreadable', { reason: coreText(p.reason) });
    case 'chain-signature':
      return t('p.chain-signature', { index: p.index });
    case 'entry-malformed':
      return t('p.entry-malformed', { index: p.index });
    case 'entry-out-of-order':
      return t('p.entry-out-of-order', { index: p.index, seq: p.seq });
    case 'chain-broken':
    case 'seal-missing':
    case 'seal-invalid':
      return t(`p.${p.kind}`, { seq: p.seq });
    case 'replay':
      return t('p.replay', { seq: p.seq, detail: coreText(p.detail) });
    case 'crl-number':
      return t(p.found < p.recorded ? 'p.crl-number-lowered' : 'p.crl-number', { found: p.found, recorded: p.recorded });
    case 'row-added':
    case 'row-removed':
    case 'row-certificate':
    case 'revocation-added':
      return t(`p.${p.kind}`, { serial: p.serial });
    case 'row-fields':
    case 'revocation-changed':
      return t(`p.${p.kind}`, { serial: p.serial, fields: p.fields.join(', ') });
    case 'unrevoked':
      return t('p.unrevoked', { serial: p.serial, reason: p.reason, revokedAt: p.revokedAt });
    case 'head-mismatch':
      return t('p.head-mismatch', { found: p.found, recorded: p.recorded });
    case 'key-mismatch':
    case 'log-missing':
    case 'log-empty':
    case 'seal-unexpected':
    case 'seal-parameters':
    case 'ca-certificate':
    case 'ca-id':
    case 'chain':
    case 'head-seal-invalid':
      return t(`p.${p.kind}`);
  }
}

export function refusalText(r: RestoreResult['refused'][number]): string {
  return t(`refusal.${r.reason}`, { ca: r.ca, serial: r.serial ?? '?' });
}
