/** The "Create a CA" form: a root, or an intermediate signed by a stored CA. Holds text; the core checks it. */
import { DEFAULT_CA_KEY_TYPE, DEFAULT_CA_SUBJECT, type CaOptions } from '../../core/ca/index.ts';
import type { NameConstraintsSpec } from '../../core/cert/extensions.ts';
import type { KeyType } from '../../core/keys/key-types.ts';
import { ProtectionChoice } from './protection-choice.svelte.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as caMessages from '../i18n/messages/ca.ts';
import { uiError } from '../i18n/core-text.svelte.ts';

const t = translator(caMessages);

const DEFAULT_CA_VALIDITY_DAYS = 3650;

/** One name-constraint box: names separated by commas, spaces or new lines. */
function names(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}

export class CreateCaForm {
  kind = $state<'root' | 'intermediate'>('root');
  /** The stored CA that signs an intermediate. */
  parentId = $state('');
  subject = $state(DEFAULT_CA_SUBJECT);
  keyType = $state<KeyType>(DEFAULT_CA_KEY_TYPE);
  days = $state(DEFAULT_CA_VALIDITY_DAYS);
  /** '' = no path length limit. */
  pathLen = $state('');
  /** Whether the name-constraints part of the form is open. */
  constraintsOpen = $state(false);
  permittedDns = $state('');
  excludedDns = $state('');
  permittedIp = $state('');
  excludedIp = $state('');
  permittedEmail = $state('');
  excludedEmail = $state('');
  readonly protection = new ProtectionChoice();

  get problem(): string {
    if (!this.subject.trim()) return t('problem.noSubject');
    if (!(this.days > 0)) return t('problem.days');
    if (this.pathLen.trim() !== '' && !/^\d+$/.test(this.pathLen.trim())) return t('problem.pathLen');
    if (this.kind === 'intermediate' && !this.parentId) return t('problem.noParent');
    return this.protection.problem;
  }

  nameConstraints(): NameConstraintsSpec | undefined {
    const side = (dns: string, ip: string, email: string) => {
      const s = { dns: names(dns), ip: names(ip), email: names(email) };
      return s.dns.length || s.ip.length || s.email.length ? s : undefined;
    };
    const permitted = side(this.permittedDns, this.permittedIp, this.permittedEmail);
    const excluded = side(this.excludedDns, this.excludedIp, this.excludedEmail);
    if (!permitted && !excluded) return undefined;
    return { ...(permitted ? { permitted } : {}), ...(excluded ? { excluded } : {}) };
  }

  options(): CaOptions {
    if (this.problem) throw uiError(this.problem, t('createHeading'));
    const nc = this.nameConstraints();
    return {
      subject: this.subject.trim(),
      keyType: this.keyType,
      days: Number(this.days),
      ...(this.pathLen.trim() !== '' ? { pathLen: Number(this.pathLen.trim()) } : {}),
      ...(nc ? { nameConstraints: nc } : {}),
    };
  }
}
