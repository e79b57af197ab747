import { translator } from '../i18n/t.svelte.ts';
import * as problemMessages from '../i18n/messages/verify-problems.ts';

const t = translator(problemMessages);

/**
 * The words the chain screen adds to the core's verdict: which check each problem code belongs to
 * (for the ✓/✗ marks on every certificate of the path) and what to do about it. The words themselves
 * are in messages/verify-problems.ts (`check.<id>`, `fix.<code>`), in the reader's language.
 */
export const CHECKS = [{ id: 'signature' }, { id: 'validity' }, { id: 'ca' }, { id: 'purpose' }, { id: 'format' }] as const;

export type CheckId = (typeof CHECKS)[number]['id'];

const CHECK_OF: Record<string, CheckId> = {
  'bad-signature': 'signature', 'weak-signature': 'signature', 'weak-key': 'signature', 'unsupported-key': 'signature',
  expired: 'validity', 'not-yet-valid': 'validity', revoked: 'validity', 'crl-invalid': 'validity',
  'not-ca': 'ca', 'no-keycertsign': 'ca', 'pathlen-exceeded': 'ca', 'leaf-is-ca': 'ca', 'leaf-keycertsign': 'ca',
  'path-too-long': 'ca', 'bad-name-constraints': 'ca', 'name-constraints': 'ca', 'leaf-name-constraints': 'ca',
  'no-issuer': 'ca',
  'wrong-eku': 'purpose', 'missing-eku': 'purpose', 'root-eku': 'purpose',
};

export function checkOf(code: string): CheckId {
  return CHECK_OF[code] ?? 'format';
}

type FixCode = keyof typeof problemMessages.en extends infer K ? (K extends `fix.${infer C}` ? C : never) : never;

const hasFix = (code: string): code is FixCode => `fix.${code}` in problemMessages.en;

/** The check's name, in the reader's language. */
export function checkLabel(id: CheckId): string {
  return t(`check.${id}`);
}

/** What to do about a problem, in the reader's language; a code without its own words gets the general advice. */
export function fixFor(code: string): string {
  return t(hasFix(code) ? `fix.${code}` : 'fix.other');
}
