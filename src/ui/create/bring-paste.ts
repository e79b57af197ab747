/** "Bring what you already have": a cfssl CSR JSON or an `openssl req` line becomes a request for the form. */
import { CertbenchError } from '../../core/errors.ts';
import { requestFromCfssl } from '../../core/csr/cfssl.ts';
import { requestFromOpensslCommand } from '../../core/csr/openssl-command.ts';
import type { CsrRequest, Usage } from '../../core/csr/request.ts';

type PasteKind = 'cfssl' | 'openssl';

/**
 * Reads the paste; `usage` is kept for cfssl JSON (cfssl keeps usages in its signing profile,
 * not in the CSR). Throws CertbenchError saying what was expected.
 */
export function requestFromPaste(text: string, usage: Usage): { kind: PasteKind; request: CsrRequest } {
  const t = text.trim();
  if (t === '') throw new CertbenchError('csr.pasteFirst');
  if (t.startsWith('{')) return { kind: 'cfssl', request: requestFromCfssl(t, usage) };
  if (/^(openssl\s+)?req\b/.test(t)) return { kind: 'openssl', request: requestFromOpensslCommand(t) };
  throw new CertbenchError('csr.pasteUnknown');
}
