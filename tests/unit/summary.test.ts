import { describe, expect, it } from 'vitest';
import { execFileSync, execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize, validityOf } from '../../src/core/summary.ts';
import { detectInput } from '../../src/core/input/detect.ts';
import { decodeKeepingBytes } from '../../src/core/text/raw-bytes.ts';
import { visibleText } from '../../src/core/text/visible.ts';
import type { FoundObject } from '../../src/core/types.ts';
import { render } from '../../src/core/errors.ts';
import { keyInfoSaid } from '../../src/core/asn1/key-info.ts';

const CORPUS = 'tests/fixtures/corpus';
const certFiles = readdirSync(join(CORPUS, 'certs')).filter((f) => f.endsWith('.pem')).sort();

function only(file: string): FoundObject {
  const found = detectInput(new Uint8Array(readFileSync(file)), file);
  expect(found.objects.length, JSON.stringify(found.problems)).toBeGreaterThan(0);
  return found.objects[0]!;
}

/** Line value after a label in the oracle text ("        Subject: C = US, …"). */
function oracleLine(text: string, label: RegExp): string | undefined {
  return text.split('\n').find((l) => label.test(l))?.replace(label, '');
}

function openssl(args: string[], input?: Uint8Array): string {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'ignore'] }).toString('utf8');
}

function opensslPin(spkiCmd: string): string {
  return execSync(`${spkiCmd} | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`, { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
}

/** "Jan  2 03:04:05 2026 GMT" → ISO (OpenSSL's text form of a notAfter). */
function isoOfOpensslDate(s: string): string {
  const m = /^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\d+) GMT$/.exec(s)!;
  const d = new Date(Date.UTC(2000, 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[1]!) / 3, +m[2]!, +m[3]!, +m[4]!, +m[5]!));
  d.setUTCFullYear(+m[6]!);
  return d.toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * Certificates whose summary is partial, with the note that says why (each is malformed on purpose).
 * The two SANs are ones OpenSSL's decoder refuses too (its text shows the extension's raw bytes).
 */
const PARTIAL: Record<string, RegExp> = {
  'boringssl__x509test_invalid_extension_intermediate_basic_constraints.pem': /basic constraints/,
  'pyca__badasn1time.pem': /validity: a date is not a valid/,
  'pyca__san_edipartyname.pem': /^subject alternative names: ediPartyName field must be constructed$/,
  'zlint__SANDNSNameNotFQDN.pem': /^subject alternative names: GeneralName must be context-tagged$/,
};

describe('certificate summaries agree with openssl', () => {
  for (const f of certFiles) {
    it(f, async () => {
      const file = join(CORPUS, 'certs', f);
      // OpenSSL's text is bytes: bytes that are not UTF-8 are kept (raw-bytes.ts), not made U+FFFD.
      const oracle = decodeKeepingBytes(readFileSync(file.replace(/\.pem$/, '.txt')));
      if (!oracle.includes('Certificate:')) return; // OpenSSL could not read it either
      const s = await summarize(only(file), new Date('2026-01-01T00:00:00Z'));
      if (f in PARTIAL) {
        expect(s.notes.map((n) => render(n)).join('; ')).toMatch(PARTIAL[f]!);
        // The notes are messages: a Japanese page words them in Japanese, not in the English above.
        const ja = s.notes.map((n) => render(n, 'ja')).join('; ');
        expect(ja).not.toMatch(/subject alternative names|basic constraints|validity:|could not read/);
        expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        return;
      }
      const x = openssl(['x509', '-noout', '-fingerprint', '-sha256', '-serial', '-in', file]);
      expect(s.fingerprints?.sha256).toBe(/Fingerprint=(\S+)/.exec(x)![1]);
      // The key's words as a message: English is the description itself, Japanese has no English unit.
      if (s.key) {
        expect(render(keyInfoSaid(s.key))).toBe(s.key.description);
        expect(render(keyInfoSaid(s.key), 'ja')).not.toMatch(/\bbit\b|explicit/);
      }
      expect(s.serialNumber?.replace(/^(00)+(?=.)/, '') || '0').toBe(/serial=(\S*)/.exec(x)![1]!.replace(/^(00)+(?=.)/, '') || '0');
      expect(s.subject).toBe(oracleLine(oracle, /^ {8}Subject: ?/));
      expect(s.issuer).toBe(oracleLine(oracle, /^ {8}Issuer: ?/));
      const notAfter = oracleLine(oracle, /^ {12}Not After : /);
      if (notAfter) expect(s.validity?.notAfter).toBe(isoOfOpensslDate(notAfter));
      const bits = /Public-Key: \((\d+) bit\)/.exec(oracle)?.[1];
      if (bits && s.key?.algorithm !== 'Ed25519' && s.key?.algorithm !== 'Ed448') expect(s.key?.bits).toBe(+bits);
      expect(s.isCa).toBe(/^ {16}CA:TRUE/m.test(oracle));
      const sanIndex = oracle.split('\n').findIndex((l) => /^ {12}X509v3 Subject Alternative Name:/.test(l));
      const sanLine = sanIndex >= 0 ? oracle.split('\n')[sanIndex + 1]!.replace(/^ {16}/, '') : undefined;
      // OpenSSL prints the raw value when it cannot parse the extension, and <EMPTY> for no names.
      // A newline in a name ends OpenSSL's line; the summary shows it, and bytes that are not UTF-8, escaped (core/text/visible.ts).
      if (sanLine && /^(DNS|email|URI|IP Address|DirName|Registered ID|othername):/.test(sanLine)) expect(s.sans?.join(', ').split('\\x0A')[0]).toBe(visibleText(sanLine));
      if (sanLine === '<EMPTY>') expect(s.sans).toEqual([]);
      expect(s.notes).toEqual([]);
    });
  }
});

describe('SHA-1 fingerprints and SPKI pins agree with openssl (every 12th certificate)', () => {
  for (const f of certFiles.filter((_, i) => i % 12 === 0)) {
    it(f, async () => {
      const file = join(CORPUS, 'certs', f);
      if (!readFileSync(file.replace(/\.pem$/, '.txt'), 'utf8').includes('Certificate:')) return;
      const s = await summarize(only(file));
      expect(s.fingerprints?.sha1).toBe(/Fingerprint=(\S+)/.exec(openssl(['x509', '-noout', '-fingerprint', '-sha1', '-in', file]))![1]);
      const expected = opensslPin(`openssl x509 -noout -pubkey -in '${file}'`);
      if (expected.length === 44) expect(s.spkiSha256).toBe(expected);
    });
  }
});

describe('key summaries agree with openssl pkey', () => {
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'other/MANIFEST.json'), 'utf8')) as Array<{ kind: string; file: string; password: string | null }>;
  for (const entry of manifest.filter((e) => e.file && (e.kind === 'privkey' || e.kind === 'pubkey' || e.kind === 'rsapubkey'))) {
    it(entry.file, async () => {
      const file = join(CORPUS, 'other', entry.file);
      const obj = only(file);
      const s = await summarize(obj);
      expect(s.notes).toEqual([]);
      if (obj.kind === 'encrypted-private-key' || obj.kind === 'legacy-encrypted-key') {
        expect(s.encrypted).toBe(true);
        return;
      }
      const oracle = readFileSync(`${file}.txt`, 'utf8');
      const bits = /(?:Public|Private)-Key: \((\d+) bit/.exec(oracle)?.[1];
      if (bits && s.key?.bits !== undefined) expect(s.key.bits).toBe(+bits);
      if (s.spkiSha256) {
        const pubin = entry.kind === 'pubkey' ? '-pubin' : entry.kind === 'rsapubkey' ? '-RSAPublicKey_in' : '';
        const tool = entry.kind === 'rsapubkey' ? 'rsa' : 'pkey';
        const inform = /\.der$/.test(file) ? 'DER' : 'PEM';
        expect(s.spkiSha256).toBe(opensslPin(`openssl ${tool} ${pubin} -inform ${inform} -in '${file}' -passin pass: -pubout`));
      }
    });
  }
});

describe('validity in words', () => {
  const nb = new Date('2025-01-01T00:00:00Z');
  const na = new Date('2026-01-01T00:00:00Z');
  it.each([
    ['2025-06-01T00:00:00Z', 'valid', 214, 'expires in 214 days'],
    ['2025-12-15T00:00:00Z', 'expiring-soon', 17, 'expires in 17 days'],
    ['2025-12-31T00:00:00Z', 'expiring-soon', 1, 'expires in 1 day'],
    ['2025-12-31T12:00:00Z', 'expiring-soon', 0, 'expires today'],
    ['2026-01-04T00:00:00Z', 'expired', 3, 'expired 3 days ago'],
    ['2026-01-01T05:00:00Z', 'expired', 0, 'expired today'],
    ['2024-12-30T00:00:00Z', 'not-yet-valid', 2, 'not yet valid (starts in 2 days)'],
  ])('at %s', (now, state, days, text) => {
    expect(validityOf(nb, na, new Date(now))).toMatchObject({ state, days, text, notBefore: '2025-01-01T00:00:00Z', notAfter: '2026-01-01T00:00:00Z' });
  });
});

describe('other kinds', () => {
  it('a CRL: issuer, updates, revoked count, CRL number, fingerprint', async () => {
    const dir = join(CORPUS, 'other/crl');
    const f = readdirSync(dir).find((n) => /all_reasons\.pem$/.test(n))!;
    const file = join(dir, f);
    const s = await summarize(only(file));
    const oracle = readFileSync(`${file}.txt`, 'utf8');
    expect(s.issuer).toBe(oracleLine(oracle, /^ {8}Issuer: ?/));
    expect(s.revokedCount).toBe((oracle.match(/^ {4}Serial Number: /gm) ?? []).length);
    const fp = openssl(['crl', '-noout', '-fingerprint', '-sha256', '-in', file]);
    expect(s.fingerprints?.sha256).toBe(/Fingerprint=(\S+)/.exec(fp)![1]);
    const number = oracleLine(oracle, /^ {16}(?=\d+$)/);
    if (number) expect(s.crlNumber).toBe(number);
  });

  it('a CSR: subject, key and requested SANs', async () => {
    const dir = join(CORPUS, 'csrs');
    const files = readdirSync(dir).filter((n) => n.endsWith('.txt'));
    const withSan = files.find((n) => readFileSync(join(dir, n), 'utf8').includes('X509v3 Subject Alternative Name'))!;
    const file = join(dir, withSan.replace(/\.txt$/, ''));
    const oracle = readFileSync(join(dir, withSan), 'utf8');
    const s = await summarize(only(readdirSync(dir).includes(withSan.replace(/\.txt$/, '')) ? file : file + '.pem'));
    expect(s.kind).toBe('csr');
    expect(s.subject).toBe(oracleLine(oracle, /^ {8}Subject: ?/));
    const lines = oracle.split('\n');
    expect(s.sans?.join(', ')).toBe(lines[lines.findIndex((l) => l.includes('X509v3 Subject Alternative Name')) + 1]!.trim());
  });

  it('never throws: garbage becomes a note', async () => {
    const s = await summarize({ kind: 'certificate', der: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), origin: 'test' });
    expect(s.notes.length).toBeGreaterThan(0);
    expect(s.fingerprints?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
