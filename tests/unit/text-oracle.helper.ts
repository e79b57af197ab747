// Shared by the CSR/CRL/private-key/PKCS#7 text tests: corpus files, PEM blocks, and openssl as the oracle.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textBytes } from '../../src/core/text/raw-bytes.ts';

export const corpus = join(import.meta.dirname, '../fixtures/corpus');

export const work = mkdtempSync(join(tmpdir(), 'certbench-text-'));

export function put(name: string, data: string | Uint8Array): string {
  writeFileSync(join(work, name), data);
  return join(work, name);
}

export function workFile(name: string): string {
  return join(work, name);
}

/** openssl that must succeed, run in the temporary directory: stdout as bytes. */
export function openssl(args: string[], input?: string | Uint8Array): Buffer {
  const r = spawnSync('/usr/bin/openssl', args, { cwd: work, input, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.status}):\n${r.stderr.toString()}`);
  return r.stdout;
}

export function opensslText(args: string[], input?: string | Uint8Array): string {
  return openssl(args, input).toString('utf8');
}

/**
 * Bytes as a string of one character per byte (latin1). OpenSSL's text is bytes, not UTF-8 (it
 * writes an IA5String's raw bytes as they are): compare it in this form, never decoded as UTF-8.
 */
export function byteText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** openssl's stdout as byteText. */
export function opensslBytes(args: string[], input?: string | Uint8Array): string {
  return byteText(openssl(args, input));
}

/** A printer's text as the bytes the CLI writes for it (raw bytes kept, raw-bytes.ts), as byteText. */
export function printedBytes(text: string): string {
  return byteText(textBytes(text));
}

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

/** Every PEM block in the text (RFC 1421 headers skipped). */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(/-----BEGIN ([^-]+)-----\r?\n([\s\S]*?)-----END \1-----/g)) {
    const body = m[2]!.replace(/^[A-Za-z-]+:.*$/gm, '');
    out.push({ label: m[1]!, der: new Uint8Array(Buffer.from(body, 'base64')) });
  }
  return out;
}

/** The DER of a corpus file: the first PEM block whose label matches, or the file itself if binary. */
export function corpusDer(file: string, label?: RegExp): { der: Uint8Array; label?: string } {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const block = pemBlocks(text).find((b) => !label || label.test(b.label));
    if (!block) throw new Error(`${file}: no PEM block matching ${label}`);
    return block;
  }
  return { der: new Uint8Array(bytes) };
}

/** Corpus files in a directory that have an oracle `.txt` beside them. */
export function corpusFiles(dir: string, pattern: RegExp = /./): string[] {
  const all = readdirSync(join(corpus, dir));
  return all.filter((f) => !f.endsWith('.txt') && pattern.test(f) && all.includes(f + '.txt')).sort();
}

export function oracle(dir: string, file: string): string {
  return readFileSync(join(corpus, dir, file + '.txt'), 'utf8');
}

/** csrs/ keeps the oracle as X.txt beside X.pem. */
export function csrCorpusFiles(): string[] {
  const all = readdirSync(join(corpus, 'csrs'));
  return all.filter((f) => f.endsWith('.pem') && all.includes(f.replace(/\.pem$/, '.txt'))).sort();
}

export function csrOracle(file: string): string {
  return readFileSync(join(corpus, 'csrs', file.replace(/\.pem$/, '.txt')), 'utf8');
}

/** The oracle text with OpenSSL's error-stack lines (they carry a per-run thread id) masked. */
export function maskErrorLines(text: string): string {
  return text.replace(/^[0-9A-F]+:error:/gm, 'XXXX:error:');
}
