// `certbench dump` prints big inputs in worker threads (src/cli/dump-pool.ts) and small ones in one
// thread: the bytes written are OpenSSL's either way. CERTBENCH_DUMP_WORKERS chooses the path here
// (0: one thread; 2: two workers, whatever the input's size). From the sources the workers load
// src/**/*.ts through scripts/ts-worker-loader.mjs; tests/unit/cli-dist.test.ts runs the shipped file's.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { runCli } from '../../src/cli/run.ts';
import { PrintPool } from '../../src/cli/dump-pool.ts';
import { printBatch, type PrintBatch } from '../../src/cli/dump-worker.ts';
import { armour, corpusText, CORPUS, CRL, CSR, KEYS, openssl, pemDer } from './detect-helpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-dump-workers-'));

async function dump(args: string[], workers: string) {
  const out: Buffer[] = [];
  let stderr = '';
  process.env.CERTBENCH_DUMP_WORKERS = workers;
  try {
    const status = await runCli(['dump', ...args], {
      stdout: (s) => void out.push(Buffer.from(s, 'utf8')),
      stdoutBytes: (b) => void out.push(Buffer.from(b)),
      stderr: (s) => void (stderr += s),
      stdin: async () => new Uint8Array(),
    });
    return { status, bytes: Buffer.concat(out), stderr };
  } finally {
    delete process.env.CERTBENCH_DUMP_WORKERS;
  }
}

afterEach(() => void delete process.env.CERTBENCH_DUMP_WORKERS);

/** Corpus certificates OpenSSL prints without an error stack: every 25th, and those whose text holds bytes that are not UTF-8. */
function bundleCertificates(): string[] {
  const dir = path.join(CORPUS, 'certs');
  const printed = fs.readdirSync(dir).filter((f) => f.endsWith('.pem') && !fs.readFileSync(path.join(dir, f.replace(/\.pem$/, '.txt')), 'latin1').includes(':error:'));
  const notUtf8 = printed.filter((f) => !isUtf8(fs.readFileSync(path.join(dir, f.replace(/\.pem$/, '.txt')))));
  expect(notUtf8.length, 'the corpus has certificates whose text holds raw bytes').toBeGreaterThan(0);
  return [...new Set([...printed.filter((_, i) => i % 25 === 0), ...notUtf8])].map((f) => `certs/${f}`);
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

describe('certbench dump with worker threads', () => {
  it('a bundle of certificates prints as openssl x509 -noout -text prints each, byte for byte, in one thread and in workers', async () => {
    const certs = bundleCertificates();
    const bundle = path.join(tmp, 'bundle.pem');
    fs.writeFileSync(bundle, certs.map((c) => armour('CERTIFICATE', pemDer(corpusText(c)))).join(''));
    const expected = Buffer.concat(
      certs.flatMap((c, i) => [
        Buffer.from(`${i ? '\n' : ''}==> ${bundle} › block ${i + 1} (CERTIFICATE) <==\n`),
        openssl(['x509', '-noout', '-text', '-in', path.join(CORPUS, c)]),
      ]),
    );
    for (const workers of ['0', '2']) {
      const r = await dump([bundle], workers);
      expect({ workers, status: r.status, stderr: r.stderr }).toEqual({ workers, status: 0, stderr: '' });
      expect(r.bytes.toString('latin1'), `CERTBENCH_DUMP_WORKERS=${workers}`).toBe(expected.toString('latin1'));
    }
  });

  it('a mixed input (a request, a CRL, keys, an encrypted key, a certificate that cannot be printed, a broken block) says the same with and without workers', async () => {
    const certDer = pemDer(corpusText('certs/mozroot__ANF_Secure_Server_Root_CA.pem'));
    const parts = [
      armour('CERTIFICATE', certDer),
      corpusText(CSR),
      corpusText(CRL),
      armour('CERTIFICATE', Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01)), // printing fails: the main thread names the block
      corpusText(`${KEYS}PEM_Serialization__ec_private_key_encrypted.pem`), // needs --passin
      '-----BEGIN CERTIFICATE-----\nMIIB!!!!\n-----END CERTIFICATE-----\n',
      corpusText(`${KEYS}PEM_Serialization__ec_private_key.pem`),
      armour('CERTIFICATE', certDer),
    ];
    const file = path.join(tmp, 'mixed.pem');
    fs.writeFileSync(file, parts.join('\n'));
    const single = await dump([file], '0');
    expect(single.status).toBe(1);
    expect(single.stderr).toMatch(/block 4 \(CERTIFICATE\)/);
    expect(single.stderr).toMatch(/encrypted/);
    const pooled = await dump([file], '2');
    expect(pooled.stderr).toBe(single.stderr);
    expect(pooled.status).toBe(single.status);
    expect(pooled.bytes.toString('latin1')).toBe(single.bytes.toString('latin1'));
    const withPassin = await dump(['--passin', 'pass:123456', file], '2');
    expect(withPassin.stderr).not.toMatch(/encrypted/);
    expect(withPassin.bytes.toString('utf8')).toContain('Private-Key:');
  });

  it('the pool prints in worker threads, and each batch comes back as this thread prints it', async () => {
    const certs = bundleCertificates().slice(0, 6);
    const objects = certs.map((c) => ({ kind: 'certificate' as const, der: pemDer(corpusText(c)), origin: c }));
    const pool = new PrintPool(2);
    try {
      const answers = await Promise.all([pool.print(objects.slice(0, 3)), pool.print(objects.slice(3))]);
      for (const [i, answer] of answers.entries()) {
        expect(answer.thread, 'printed in a worker').not.toBe(threadId);
        const part = objects.slice(i * 3, i * 3 + 3);
        const batch: PrintBatch = { id: 0, kinds: part.map((o) => o.kind), labels: part.map(() => undefined), der: Buffer.concat(part.map((o) => o.der)), ends: [] };
        batch.ends = part.map((_, k) => part.slice(0, k + 1).reduce((n, o) => n + o.der.length, 0));
        const here = printBatch(batch);
        expect({ ends: answer.ends, failed: answer.failed }).toEqual({ ends: here.ends, failed: here.failed });
        expect(Buffer.from(answer.bytes).equals(Buffer.from(here.bytes))).toBe(true);
      }
    } finally {
      pool.close();
    }
  });
});
