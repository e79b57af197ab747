// Shared inputs for the detect*.test.ts tables: real corpus objects, re-armoured as needed.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const CORPUS = path.resolve(__dirname, '../fixtures/corpus');

export function corpusText(rel: string): string {
  return fs.readFileSync(path.join(CORPUS, rel), 'utf8');
}

export function corpusBytes(rel: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS, rel)));
}

/** The DER inside the first PEM block, decoded by Node (independent of certbench's decoder). */
export function pemDer(pem: string): Uint8Array {
  const m = /-----BEGIN [^-]+-----\r?\n((?:[^-].*\r?\n)*?)-----END/.exec(pem);
  if (!m) throw new Error('no PEM block');
  const body = m[1]!.split(/\r?\n/).filter((l) => !l.includes(':')).join('');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

export function armour(label: string, der: Uint8Array, headers = ''): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${headers}${b64}\n-----END ${label}-----\n`;
}

export function b64(s: string | Uint8Array): string {
  return Buffer.from(s).toString('base64');
}

export function openssl(args: string[], input?: string | Uint8Array): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}

export const CERT_A = 'certs/mozroot__ANF_Secure_Server_Root_CA.pem';
export const CERT_B = 'certs/mozroot__Actalis_Authentication_Root_CA.pem';
export const CERT_C = 'certs/limbo__cryptography.io__0.pem';
export const CSR = 'csrs/asn1crypto__test-windows-host.pem';
export const CRL = 'other/crl/pyca__x509__custom__crl_all_reasons.pem';
export const KEYS = 'other/keys/pyca__asymmetric__';

/** The numbers (from 1) of the lines a PEM block begins on, as an editor counts lines (CRLF, CR, LF): what FoundObject.line must say. */
export function pemBeginLines(text: string): number[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, i) => (line.startsWith('-----BEGIN ') ? [i + 1] : []));
}
