/** The page's one Verify state: every section's input and the open section, kept across area switches and (without keys) across reloads. */
import { pasted, prop, remember } from '../shared/form-memory.svelte.ts';
import { pageState } from '../shared/page-state.svelte.ts';
import { VerifyState, VERIFY_SECTIONS } from './verify-state.svelte.ts';


export const sharedVerifyState = pageState(() => {
  const verify = new VerifyState();
  const { chain, hostname, match, lints, compare } = verify;
  // The match section's key field is named but a private key in it is never written (looksSecret).
  remember('verify', {
    section: prop(verify, 'section', VERIFY_SECTIONS.map((s) => s.id)),
    'chain.pile': pasted(chain.pile),
    // A stored CA as the anchor is not put back: the list of stored CAs is read later, and may have changed.
    'chain.anchor': prop(chain, 'anchor', ['pile', 'system']),
    'chain.purpose': prop(chain, 'purpose', ['server', 'client', 'any']),
    'chain.profile': prop(chain, 'profile', ['webpki', 'rfc5280']),
    'chain.asOf': prop(chain, 'asOf'),
    'hostname.cert': pasted(hostname.cert),
    'hostname.name': prop(hostname, 'name'),
    'match.key': pasted(match.sources.key),
    'match.cert': pasted(match.sources.cert),
    'match.csr': pasted(match.sources.csr),
    'lints.source': pasted(lints.source),
    'lints.context': prop(lints, 'context', ['public', 'private', 'kubernetes']),
    'lints.usage': prop(lints, 'usage', ['', 'server', 'client']),
    'lints.serviceIp': prop(lints, 'serviceIp'),
    'lints.asOf': prop(lints, 'asOf'),
    'compare.left': pasted(compare.left),
    'compare.right': pasted(compare.right),
    'compare.showSame': prop(compare, 'showSame'),
  });
  return verify;
});
