/** One CA's inventory: what it issued, searchable; re-download, renew, revoke with a reason, publish a CRL. */
import { REVOCATION_REASONS, type BuiltCrl, type IssuedCertificate, type RevocationReason } from '../../core/ca/index.ts';
import { formatSubjectAltName } from '../../core/cert/general-names.ts';
import { toPem } from '../../core/pem.ts';
import { visibleText } from '../../core/text/visible.ts';
import type { CaState } from './ca-state.svelte.ts';
import { attempt } from './attempt.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as caMessages from '../i18n/messages/ca.ts';

const t = translator(caMessages);

export const REVOCATION_REASON_NAMES = Object.keys(REVOCATION_REASONS) as RevocationReason[];

/** The SANs as shown (formatSubjectAltName escapes hidden and bidi characters). */
export function sanTexts(entry: IssuedCertificate): string[] {
  return entry.subjectAltNames.map(formatSubjectAltName);
}

/** The subject as shown: the row records it as it is, the table escapes hidden and bidi characters. */
export function subjectText(entry: IssuedCertificate): string {
  return visibleText(entry.subject);
}

export class InventoryState {
  entries = $state.raw<IssuedCertificate[]>([]);
  query = $state('');
  /** Reason chosen per serial before Revoke. */
  reasons = $state<Record<string, RevocationReason>>({});
  crl = $state.raw<BuiltCrl | undefined>(undefined);
  crlDays = $state(30);
  error = $state('');
  message = $state('');

  private readonly ca: CaState;
  readonly caId: string;

  constructor(ca: CaState, caId: string) {
    this.ca = ca;
    this.caId = caId;
  }

  /** Newest first. */
  async load(): Promise<void> {
    const list = await this.ca.store.listIssued(this.caId);
    this.entries = list.sort((a, b) => b.notBefore.localeCompare(a.notBefore) || a.serialHex.localeCompare(b.serialHex));
  }

  get filtered(): IssuedCertificate[] {
    const q = this.query.trim().toLowerCase().replace(/:/g, '');
    if (!q) return this.entries;
    return this.entries.filter((e) =>
      [e.serialHex, e.subject, ...sanTexts(e), e.status, e.profile].some((t) => t.toLowerCase().replace(/:/g, '').includes(q)),
    );
  }

  pem(entry: IssuedCertificate): string {
    return toPem('CERTIFICATE', entry.der);
  }

  reasonFor(serial: string): RevocationReason {
    return this.reasons[serial] ?? 'unspecified';
  }

  async revoke(serial: string): Promise<void> {
    this.error = '';
    this.message = '';
    const reason = this.reasonFor(serial);
    await attempt(async () => {
      await this.ca.store.revoke(this.caId, serial, reason);
      this.message = t('revoked', { serial, reason });
    }, (m) => (this.error = m));
    await attempt(() => this.load(), (m) => (this.error = m));
  }

  /** Puts a renewal plan (same subject, SANs and key) in the Sign panel, to be checked and signed there. */
  async renew(serial: string): Promise<void> {
    this.error = '';
    await attempt(() => this.ca.sign.renew(this.caId, serial), (m) => (this.error = m));
  }

  async publishCrl(): Promise<void> {
    this.error = '';
    this.message = '';
    await attempt(async () => {
      this.crl = await this.ca.store.crl(this.caId, Number(this.crlDays) || undefined);
      const count = this.crl.revokedSerials.length;
      this.message = t(count === 1 ? 'crlOne' : 'crlMany', { number: String(this.crl.crlNumber), count });
    }, (m) => (this.error = m));
  }
}
