/**
 * The commands that make the same request outside certbench: an `openssl req` line and a cfssl CSR JSON with
 * the line that runs it. With an existing key, both read it instead of making one. Where a tool cannot express
 * the request, the reason comes instead (as a message, worded by whoever shows it).
 */
import { errorMessage, type LocatedMessage } from '../errors.ts';
import { shellLine } from '../equivalent-command.ts';
import { requestToCfssl } from './cfssl.ts';
import { requestToOpensslCommand } from './openssl-command.ts';
import type { CsrRequest } from './request.ts';

export interface CsrEquivalents {
  /** The `openssl req` line ('' when a SAN cannot be written in it safely: see opensslError). */
  openssl: string;
  opensslError?: LocatedMessage;
  /** csr.json for cfssl, and the shell line that turns it into a key and CSR; absent when cfssl cannot express the request. */
  cfssl?: string;
  cfsslRun?: string;
  cfsslError?: LocatedMessage;
}

export function csrEquivalents(request: CsrRequest, files: { key: string; csr: string }, existingKey: boolean): CsrEquivalents {
  const out: CsrEquivalents = { openssl: '' };
  try {
    out.openssl = requestToOpensslCommand(request, files, existingKey);
  } catch (e) {
    out.opensslError = errorMessage(e);
  }
  try {
    out.cfssl = JSON.stringify(requestToCfssl(request), null, 2);
    const bare = `cfssljson -bare ${shellLine([files.csr.replace(/\.csr$/, '')])}`;
    out.cfsslRun = existingKey ? `cfssl gencsr -key ${shellLine([files.key])} csr.json | ${bare}` : `cfssl genkey csr.json | ${bare}`;
  } catch (e) {
    out.cfsslError = errorMessage(e);
  }
  return out;
}
