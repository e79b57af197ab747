/**
 * The commands that make the same request outside certbench: an `openssl req` line and a cfssl
 * CSR JSON. With an existing key, openssl reads it (`-key`) instead of making one (`-newkey`).
 */
import { describeError } from '../../core/errors.ts';
import { requestToCfssl } from '../../core/csr/cfssl.ts';
import { opensslCommandWords } from '../../core/csr/openssl-command.ts';
import type { CsrRequest } from '../../core/csr/request.ts';
import { format } from '../i18n/t.svelte.ts';
import { en } from '../i18n/messages/create.ts';

export interface Equivalents {
  /** The `openssl req` line ('' when a SAN cannot be written in it safely: see opensslError). */
  openssl: string;
  /** Why there is no openssl line (the core's words, naming the value). */
  opensslError?: string;
  /** The JSON text, or undefined when cfssl cannot express the request. */
  cfssl?: string;
  /** Why there is no cfssl JSON, or how to run it (English; the view words it from the two fields below). */
  cfsslNote: string;
  /** The shell line that turns csr.json into a key and CSR. */
  cfsslRun?: string;
  /** Why cfssl cannot express the request (the core's words). */
  cfsslError?: string;
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Replaces `-newkey … -noenc -keyout FILE` by `-key FILE`. */
function withExistingKey(words: string[], keyFile: string): string[] {
  const from = words.indexOf('-newkey');
  const keyout = words.indexOf('-keyout');
  if (from < 0 || keyout < from) return words;
  return [...words.slice(0, from), '-key', keyFile, ...words.slice(keyout + 2)];
}

/** The openssl line, or why there is none (a SAN the -addext list cannot hold safely). */
function opensslOf(request: CsrRequest, files: { key: string; csr: string }, existingKey: boolean): Pick<Equivalents, 'openssl' | 'opensslError'> {
  try {
    let words = opensslCommandWords(request, files);
    if (existingKey) words = withExistingKey(words, files.key);
    return { openssl: words.map(shellQuote).join(' ') };
  } catch (e) {
    return { openssl: '', opensslError: describeError(e) };
  }
}

export function equivalentsOf(request: CsrRequest, files: { key: string; csr: string }, existingKey: boolean): Equivalents {
  const openssl = opensslOf(request, files, existingKey);
  const base = files.csr.replace(/\.csr$/, '');
  try {
    const cfssl = JSON.stringify(requestToCfssl(request), null, 2);
    const run = existingKey ? `cfssl gencsr -key ${shellQuote(files.key)} csr.json | cfssljson -bare ${shellQuote(base)}` : `cfssl genkey csr.json | cfssljson -bare ${shellQuote(base)}`;
    return { ...openssl, cfssl, cfsslRun: run, cfsslNote: format(en.cfsslRun, { command: run }) };
  } catch (e) {
    const cfsslError = describeError(e);
    return { ...openssl, cfsslError, cfsslNote: format(en.cfsslNone, { reason: cfsslError }) };
  }
}
