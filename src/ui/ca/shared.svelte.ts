/**
 * The page's one CA state: kept across area switches so unlocked keys stay unlocked for the session
 * and the forms are as they were; the Create-a-CA form (never a passphrase) is kept across reloads.
 */
import { KEY_TYPE_CHOICES } from '../create/key-choice.svelte.ts';
import { prop, remember } from '../shared/form-memory.svelte.ts';
import { pageState } from '../shared/page-state.svelte.ts';
import { CaState } from './ca-state.svelte.ts';

export const sharedCaState = pageState(() => {
  const ca = new CaState();
  const form = ca.createForm;
  // Left out on purpose: the protection passphrase and its confirmation.
  remember('ca', {
    'create.kind': prop(form, 'kind', ['root', 'intermediate']),
    'create.parentId': prop(form, 'parentId'),
    'create.subject': prop(form, 'subject'),
    'create.keyType': prop(form, 'keyType', KEY_TYPE_CHOICES.map((c) => c.type)),
    'create.days': prop(form, 'days'),
    'create.pathLen': prop(form, 'pathLen'),
    'create.constraintsOpen': prop(form, 'constraintsOpen'),
    'create.permittedDns': prop(form, 'permittedDns'),
    'create.excludedDns': prop(form, 'excludedDns'),
    'create.permittedIp': prop(form, 'permittedIp'),
    'create.excludedIp': prop(form, 'excludedIp'),
    'create.permittedEmail': prop(form, 'permittedEmail'),
    'create.excludedEmail': prop(form, 'excludedEmail'),
    'create.protection': prop(form.protection, 'kind', ['passphrase', 'browser-key']),
    'create.exportable': prop(form.protection, 'exportable'),
  });
  return ca;
});
