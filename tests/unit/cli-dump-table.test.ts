// `certbench dump --table` / `--csv`: one row per object from src/core/overview, judged against what
// openssl says of the same certificates (subject and issuer CN, end date, SHA-256 fingerprint).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.ts';
import { displayWidth } from '../../src/cli/display-width.ts';
import { CERT_A, CERT_B, CERT_C, CORPUS, corpusText, CSR, KEYS, openssl, pemBeginLines } from './detect-helpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-dump-table-'));

async function dump(args: string[]) {
  const out: Buffer[] = [];
  let stderr = '';
  const status = await runCli(['dump', ...args], {
    stdout: (s) => void out.push(Buffer.from(s, 'utf8')),
    stdoutBytes: (b) => void out.push(Buffer.from(b)),
    stderr: (s) => void (stderr += s),
    stdin: async () => new Uint8Array(),
  });
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr };
}

/** What openssl says of a certificate file: CNs (last CN of each name), notAfter date, SHA-256 fingerprint. */
function opensslFacts(rel: string) {
  const file = path.join(CORPUS, rel);
  const text = (args: string[]) => openssl(['x509', '-in', file, '-noout', ...args]).toString().trim();
  const cn = (which: string) => [...text([`-${which}`, '-nameopt', 'sep_multiline,sname,utf8,-esc_msb']).matchAll(/^\s+CN=(.*)$/gm)].map((m) => m[1]!).at(-1) ?? '';
  return {
    subjectCn: cn('subject'),
    issuerCn: cn('issuer'),
    notAfter: text(['-enddate', '-dateopt', 'iso_8601']).replace(/^notAfter=/, '').slice(0, 10),
    notAfterMs: Date.parse(text(['-enddate', '-dateopt', 'iso_8601']).replace(/^notAfter=/, '').replace(' ', 'T')),
    sha256: text(['-fingerprint', '-sha256']).replace(/^sha256 Fingerprint=/i, ''),
  };
}

const CERTS = [CERT_A, CERT_B, CERT_C];

const KEY = `${KEYS}PEM_Serialization__ec_private_key.pem`;

function bundle(): string {
  const file = path.join(tmp, 'bundle.pem');
  // The first certificate again at the end: a duplicate.
  fs.writeFileSync(file, [...CERTS, CSR, KEY, CERTS[0]!].map((rel) => corpusText(rel)).join('\n'));
  return file;
}

describe('certbench dump --table', () => {
  it('prints a row per object with the CNs, end date, days left and fingerprint openssl reads, copies counted, then the totals', async () => {
    const file = bundle();
    const r = await dump(['--table', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Kind +Subject CN +Issuer CN +Not after \(days left\) +Key +SHA-256 +Copies +Origin$/);
    const rows = lines.slice(1, 7).map((l) => l.split(/ {2,}/));
    for (const [i, rel] of [...CERTS, CERTS[0]!].entries()) {
      const row = rows[i === 3 ? 5 : i]!;
      const facts = opensslFacts(rel);
      const days = Math.floor((facts.notAfterMs - Date.now()) / 86_400_000);
      expect(row[0]).toBe('certificate');
      expect([row[1], row[2], row[5]]).toEqual([facts.subjectCn || '-', facts.issuerCn || '-', facts.sha256]);
      expect(row[3]).toBe(days < 0 ? `${facts.notAfter} (expired ${-days} ${days === -1 ? 'day' : 'days'} ago)` : `${facts.notAfter} (${days} ${days === 1 ? 'day' : 'days'}${days <= 30 ? ', soon' : ''})`);
      expect(row[6]).toBe(i === 0 || i === 3 ? '×2' : '-');
    }
    expect(rows[3]!.slice(0, 1)).toEqual(['csr']);
    expect(rows[4]![0]).toBe('ec-private-key');
    expect(rows[4]![4]).toMatch(/^EC /);
    // Each origin ends with the line its block begins on: the file's own BEGIN lines, counted here.
    const begins = pemBeginLines(fs.readFileSync(file, 'utf8'));
    expect(begins).toHaveLength(6);
    expect(rows.map((row) => row.at(-1))).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `${file} › block ${n} (${n === 4 ? 'CERTIFICATE REQUEST' : n === 5 ? 'EC PRIVATE KEY' : 'CERTIFICATE'}), line ${begins[n - 1]}`),
    );
    expect(lines.slice(7, 9)).toEqual(['', expect.stringMatching(/^6 objects, 1 duplicate, \d+ expired, \d+ expires? within 30 days$/)]);
  });

  it('--csv gives the same rows as CSV, and --sort notAfter puts the soonest first', async () => {
    const file = bundle();
    const csv = (await dump(['--csv', file])).stdout.split('\r\n');
    expect(csv[0]).toBe('Kind,Subject CN,Issuer CN,Not after,Days left,Key,SHA-256,Serial,Origin,Line');
    expect(csv).toHaveLength(8); // header, 6 rows, and the empty string after the last CRLF
    expect(csv.slice(1, -1).map((l) => l.split(',').at(-1))).toEqual(pemBeginLines(fs.readFileSync(file, 'utf8')).map(String));
    expect(csv[1]).toContain(opensslFacts(CERTS[0]!).sha256);
    const sorted = (await dump(['--csv', '--sort', 'notAfter', file])).stdout.split('\r\n').slice(1, -1);
    const ends = sorted.map((l) => l.split(',')[3]).filter((d) => d);
    expect(ends).toEqual([...ends].sort());
    expect(ends).toHaveLength(4);
  });

  it('pads by the columns a cell takes on screen: a Japanese, Chinese or Korean subject keeps the next columns aligned', async () => {
    const key = path.join(tmp, 'wide.key');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
    const pems = ['/CN=証明書テスト/O=日本', '/CN=中文证书', '/CN=한국어 인증서', '/CN=plain ascii'].map((subj) =>
      openssl(['req', '-x509', '-new', '-key', key, '-utf8', '-subj', subj, '-days', '30']).toString(),
    );
    const file = path.join(tmp, 'wide.pem');
    fs.writeFileSync(file, pems.join(''));
    const r = await dump(['--table', file]);
    expect(r.status).toBe(0);
    // Terminal columns, counted here on their own: these ideographs, kana and Hangul take two each.
    const columns = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uff00-\uff60]/u.test(c) ? 2 : 1), 0);
    const lines = r.stdout.split('\n').slice(0, 5);
    const keyColumn = (line: string) => columns(line.slice(0, line.search(/SHA-256|[0-9A-F]{2}(:[0-9A-F]{2}){31}/)));
    expect(lines.slice(1).map((l) => l.split(/ {2,}/)[1])).toEqual(['証明書テスト', '中文证书', '한국어 인증서', 'plain ascii']);
    expect(lines.map(keyColumn)).toEqual(lines.map(() => keyColumn(lines[0]!)));
  });

  it('counts display width as terminals do: wide CJK, fullwidth and emoji, nothing for combining marks and joiners', () => {
    expect(['abc', '日本', 'ｱ', 'Ａ', '한국', 'e\u0301', '👍', '👍🏽', '👩\u200d💻', '✔\ufe0f', '\u200b'].map(displayWidth)).toEqual([3, 4, 1, 2, 4, 1, 2, 2, 2, 2, 0]);
  });

  it('gives a PKCS#12 file rows for what it holds (with --passin), or one row and a note saying why no more', async () => {
    const key = path.join(tmp, 'p12.key');
    const cert = path.join(tmp, 'p12.pem');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=in a p12', '-days', '30']);
    const p12 = path.join(tmp, 'bundle.p12');
    openssl(['pkcs12', '-export', '-in', cert, '-inkey', key, '-passout', 'pass:s3cret', '-out', p12]);
    const fingerprint = openssl(['x509', '-in', cert, '-noout', '-fingerprint', '-sha256']).toString().trim().replace(/^sha256 Fingerprint=/i, '');
    const opened = await dump(['--table', '--passin', 'pass:s3cret', p12]);
    expect(opened.stderr).toBe('');
    expect(opened.status).toBe(0);
    const rows = opened.stdout.split('\n').slice(1, 3).map((l) => l.split(/ {2,}/));
    expect(rows.map((row) => [row[0], row.at(-1)])).toEqual([
      ['certificate', `${p12} › bag 1 (Certificate bag)`],
      ['private-key', `${p12} › bag 2 (Shrouded Keybag)`],
    ]);
    expect(rows[0]![1]).toBe('in a p12');
    expect(rows[0]![5]).toBe(fingerprint);
    const closed = await dump(['--table', p12]);
    expect(closed.status).toBe(0);
    expect(closed.stdout.split('\n')[1]).toMatch(new RegExp(`^pkcs12 .* ${p12.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(closed.stderr).toBe(`certbench dump: note: ${p12}: a PKCS#12 file: give its passphrase with --passin to list the certificates and keys it holds\n`);
    const wrong = await dump(['--csv', '--passin', 'pass:nope', p12]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout.split('\r\n')[1]).toMatch(/^pkcs12,/);
  });

  it('refuses --sort without rows, an unknown column, and --summary with --table (status 2)', async () => {
    for (const args of [['--sort', 'notAfter'], ['--table', '--sort', 'colour'], ['--table', '--summary']]) {
      const r = await dump([...args, path.join(CORPUS, CERT_A)]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^certbench dump: --(sort|summary) /);
    }
  });
});
