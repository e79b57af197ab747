/** The `openssl verify` line that checks what certbench's verifyChain checked, with the same inputs saved as files. */
import type { Purpose } from './types.ts';

const OPENSSL_PURPOSE: Record<Purpose, string | undefined> = { server: 'sslserver', client: 'sslclient', any: undefined };

interface VerifyCommandOptions {
  hasUntrusted: boolean;
  purpose: Purpose;
  /** Check as of this time (openssl's -attime, whole seconds). */
  at?: Date;
  /** Defaults ca.pem, untrusted.pem, leaf.pem. */
  files?: { trusted?: string; untrusted?: string; leaf?: string };
}

export function opensslVerifyCommand(opts: VerifyCommandOptions): string {
  const parts = [`openssl verify -CAfile ${opts.files?.trusted ?? 'ca.pem'}`];
  if (opts.hasUntrusted) parts.push(`-untrusted ${opts.files?.untrusted ?? 'untrusted.pem'}`);
  const p = OPENSSL_PURPOSE[opts.purpose];
  if (p) parts.push(`-purpose ${p}`);
  if (opts.at) parts.push(`-attime ${Math.floor(opts.at.getTime() / 1000)}`);
  parts.push(opts.files?.leaf ?? 'leaf.pem');
  return parts.join(' ');
}
