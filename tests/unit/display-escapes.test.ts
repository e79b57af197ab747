// Names shown outside the OpenSSL text carry no raw bidi controls, NULs or invisible characters:
// `www.\u202Etset.live\u202C.com` must never display as "www.evil.test.com". The OpenSSL text
// itself stays what openssl prints.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { formatSubjectAltName } from '../../src/core/cert/general-names.ts';
import { distinguishedNameLine, formatDistinguishedName } from '../../src/core/cert/name.ts';
import { detectInput } from '../../src/core/input/detect.ts';
import { lintCertificate } from '../../src/core/lint/index.ts';
import { summarize } from '../../src/core/summary.ts';
import { visibleText } from '../../src/core/text/visible.ts';
import { readCertView } from '../../src/core/verify/certificate.ts';
import { describeGeneralName } from '../../src/core/verify/general-names.ts';
import { matchPeerName, peerNameOf, verifyChain } from '../../src/core/verify/index.ts';
import { finding, formatFindings } from '../../src/kube/findings.ts';
import { checkExpiration, formatExpiryTable } from '../../src/kube/expiry.ts';
import { get, ok, put } from './keys-openssl.helper.ts';
import { msg, render } from '../../src/core/errors.ts';

/** Anything a person could not see, or that reorders what they see (a newline only separates lines here). */
const HIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

describe('visibleText', () => {
  const cases: [string, string][] = [
    ['www.\u202Etset.live\u202C.com', 'www.\\u202Etset.live\\u202C.com'],
    ['a\u0000b', 'a\\x00b'],
    ['tab\there\nnew\rline\u001b[31m', 'tab\\x09here\\x0Anew\\x0Dline\\x1B[31m'],
    ['del\u007f c1\u0085\u009f', 'del\\x7F c1\\x85\\x9F'],
    ['\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C', '\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C'],
    ['zero\u200Bwidth\u200C\u200D\uFEFF', 'zero\\u200Bwidth\\u200C\\u200D\\uFEFF'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['soft\u00ADhyphen, tag \u{E0041}', 'soft\\u00ADhyphen, tag \\u{E0041}'],
    ['lone \uD800 surrogate', 'lone \\uD800 surrogate'],
    // what people read stays: letters of any script, emoji, and OpenSSL's own \XX escapes
    ['bücher.example, 日本語, עברית, 😀, CN = \\E2\\80\\AE', 'bücher.example, 日本語, עברית, 😀, CN = \\E2\\80\\AE'],
    ['', ''],
  ];
  it.each(cases)('%j → %j', (input, shown) => {
    expect(visibleText(input)).toBe(shown);
    expect(visibleText(shown)).toBe(shown); // idempotent
    expect(shown).not.toMatch(HIDDEN);
  });
});

// A certificate openssl made, then given a CN and SANs with U+202E/U+202C (3 UTF-8 bytes each, in
// place of "QQQ"/"RRR") and a NUL (in place of "Z"): the signature no longer holds, which is
// beside the point for what is displayed.
function trickyCertificate(name: string, extensions: string[]): { der: Uint8Array; pem: string; file: string } {
  put(`${name}.key`, ok(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']));
  ok(['req', '-x509', '-new', '-key', `${name}.key`, '-days', '30', '-subj', '/CN=www.QQQtset.liveRRR.com', ...extensions.flatMap((e) => ['-addext', e]), '-outform', 'DER', '-out', `${name}.der`]);
  const der = Buffer.from(get(`${name}.der`));
  const swap = (from: string, to: number[]) => {
    for (let at = der.indexOf(from); at >= 0; at = der.indexOf(from, at + 1)) der.set(to, at);
  };
  swap('QQQ', [0xe2, 0x80, 0xae]);
  swap('RRR', [0xe2, 0x80, 0xac]);
  swap('aZb', [0x61, 0x00, 0x62]);
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  return { der: new Uint8Array(der), pem, file: put(`${name}.pem`, pem) };
}

const tricky = trickyCertificate('tricky', ['subjectAltName=DNS:www.QQQtset.liveRRR.com,DNS:aZb.example']);
/** A leaf with the CN alone (the verifier refuses a dNSName that is not ASCII, so lint quotes the CN). */
const cnOnly = trickyCertificate('cn-only', ['basicConstraints=critical,CA:FALSE']);
const SHOWN_CN = 'www.\\u202Etset.live\\u202C.com';

describe('a certificate whose CN and SANs hold bidi controls and a NUL', () => {
  it('carries the raw characters (so the test is about something), and openssl reads the certificate', () => {
    const bytes = Buffer.from(tricky.der);
    expect(bytes.includes(Buffer.from('www.\u202Etset.live\u202C.com'))).toBe(true);
    expect(bytes.includes(Buffer.from([0x82, 0x0b, 0x61, 0x00, 0x62]))).toBe(true); // dNSName "a\0b.example"
    expect(ok(['x509', '-noout', '-subject', '-nameopt', 'utf8', '-in', tricky.file])).toBe('subject=CN=www.\u202Etset.live\u202C.com\n');
  });

  it('the Inspect summary shows them escaped: title, subject, SANs', async () => {
    const [obj] = detectInput(new TextEncoder().encode(tricky.pem), 'tricky.pem').objects;
    const s = await summarize(obj!);
    expect(s.title).toBe(SHOWN_CN);
    expect(s.sans).toEqual([`DNS:${SHOWN_CN}`, 'DNS:a\\x00b.example']);
    expect(s.subject).toBe('CN = www.\\E2\\80\\AEtset.live\\E2\\80\\AC.com'); // OpenSSL's own escaping of the subject
    expect(JSON.stringify(s)).not.toMatch(HIDDEN);
  });

  it('`certbench dump --summary` prints the summary escaped and then the OpenSSL text as openssl prints it', async () => {
    let stdout = '';
    const status = await runCli(['dump', '--summary', tricky.file], { stdout: (s) => void (stdout += s), stderr: () => undefined, stdin: async () => new Uint8Array() });
    expect(status).toBe(0);
    const cut = stdout.indexOf('\n\n');
    const summary = stdout.slice(0, cut);
    expect(summary).toContain(`SANs: DNS:${SHOWN_CN}, DNS:a\\x00b.example`);
    expect(summary).not.toMatch(HIDDEN);
    expect(stdout.slice(cut + 2)).toBe(ok(['x509', '-noout', '-text', '-in', tricky.file]));
  });

  it('Verify: the path, its messages and the host-name verdict name it escaped', async () => {
    const result = await verifyChain(tricky.der, { trusted: [] });
    expect(result.ok).toBe(false);
    expect(result.path[0]!.label).toBe(SHOWN_CN);
    expect(result.problems.map((p) => p.message).join('\n')).toContain(`'${SHOWN_CN}'`);
    expect(JSON.stringify({ path: result.path.map(({ der: _, ...p }) => p), problems: result.problems })).not.toMatch(HIDDEN);

    // The verifier sets a dNSName that is not printable ASCII aside as malformed; names that reach a message are escaped.
    expect(readCertView(tricky.der).malformed.map((m) => render(m)).join('\n')).toContain('dNSName');
    const names = [{ kind: 'dns', value: 'www.\u202Etset.live\u202C.com' }, { kind: 'email', value: 'a\u0000@b.example' }] as const;
    expect(names.map(describeGeneralName)).toEqual([`DNS:${SHOWN_CN}`, 'email:a\\x00@b.example']);
    const verdict = matchPeerName(peerNameOf('www.evil.test.com'), names, readCertView(cnOnly.der).subject);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain(SHOWN_CN);
    expect(verdict.message).not.toMatch(HIDDEN);
  });

  it('lint findings quote the names escaped', () => {
    const findings = lintCertificate(cnOnly.der, { at: new Date() });
    expect(findings.some((f) => f.message.includes('\\u202E'))).toBe(true);
    expect(JSON.stringify(findings)).not.toMatch(HIDDEN);
  });

  it('the Kubernetes expiry table and findings show them escaped', async () => {
    const found = detectInput(new TextEncoder().encode(tricky.pem), 'pki/\u202Eevil.crt');
    const report = await checkExpiration(found.objects, { asOf: new Date() });
    const row = [...report.certificates, ...report.certificateAuthorities][0]!;
    expect(row.subject).toBe(SHOWN_CN);
    expect(row.name).toContain('\\u202E');
    expect(formatExpiryTable(report)).not.toMatch(/[\u202A-\u202E]/);
    expect(formatFindings([finding('warning', 'tls.crt', msg('error.text', { text: `names ${'www.\u202Etset.live\u202C.com'}` }))])).toBe(`warning: tls.crt: names ${SHOWN_CN}\n`);
  });
});

describe('name labels', () => {
  const subject = [{ type: '2.5.4.10', value: 'Acme\u0000' }, { type: '2.5.4.3', value: 'www.\u202Etset.live\u202C.com' }];
  it('formatDistinguishedName and formatSubjectAltName escape; the line an inventory row records keeps the characters', () => {
    expect(formatDistinguishedName(subject)).toBe(`O = Acme\\x00, CN = ${SHOWN_CN}`);
    expect(distinguishedNameLine(subject)).toBe('O = Acme\u0000, CN = www.\u202Etset.live\u202C.com');
    expect(formatSubjectAltName({ type: 'dns', value: 'www.\u202Etset.live\u202C.com' })).toBe(`DNS:${SHOWN_CN}`);
    expect(formatSubjectAltName({ type: 'uri', value: 'https://x/\u2066a\u2069' })).toBe('URI:https://x/\\u2066a\\u2069');
    expect(formatSubjectAltName({ type: 'email', value: 'a\u200B@b.example' })).toBe('email:a\\u200B@b.example');
  });
});
