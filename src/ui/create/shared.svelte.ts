/** The page's one Create state: the form, the key choice and a key made here are kept across area switches; the form (never a key or passphrase) across reloads. */
import type { Usage } from '../../core/csr/request.ts';
import { SUBJECT_TYPES, type SubjectAttribute } from '../../core/csr/subject.ts';
import { field, prop, remember } from '../shared/form-memory.svelte.ts';
import { pageState } from '../shared/page-state.svelte.ts';
import { CreateState } from './create-state.svelte.ts';
import { KEY_TYPE_CHOICES } from './key-choice.svelte.ts';

const isSubject = (v: unknown): v is SubjectAttribute[] =>
  Array.isArray(v) &&
  v.every((a: unknown) => !!a && typeof a === 'object' && (a as SubjectAttribute).type in SUBJECT_TYPES && typeof (a as SubjectAttribute).value === 'string');

export const sharedCreateState = pageState(() => {
  const create = new CreateState();
  const { form, key } = create;
  // Left out on purpose: the existing key's PEM and its passphrase.
  remember('create', {
    preset: prop(create, 'presetId', ['', ...create.presets.map((p) => p.id)]),
    paste: prop(create, 'paste'),
    bringOpen: prop(create, 'bringOpen'),
    subject: field(
      () => form.subject,
      (rows) => {
        form.rows = [];
        for (const r of rows) form.addRow(r.type, r.value);
      },
      isSubject,
    ),
    sans: prop(form, 'sansText'),
    usage: prop(form, 'usage', ['server', 'client', 'peer'] satisfies Usage[]),
    keyEnciphermentAlways: prop(form, 'keyEnciphermentAlways'),
    keySource: prop(key, 'source', ['new', 'existing']),
    keyType: prop(key, 'keyType', KEY_TYPE_CHOICES.map((c) => c.type)),
  });
  return create;
});
