// The "equivalent openssl" files and lines never let a name from a CSR add another name: SANs go
// into an extfile's [alt_names] section one per line, characters openssl's config reader treats
// specially are escaped, and what a config line cannot hold is refused with the value named.
// openssl judges: it runs the files and lines, and prints what it put in the certificate.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { opensslNameConstraints } from '../../src/core/ca/commands.ts';
import { opensslCaConfig, opensslCaIndex } from '../../src/core/ca/crl-commands.ts';
import { readVerifiedRequest } from '../../src/core/ca/csr.ts';
import { equivalentCommands } from '../../src/core/ca/equivalents.ts';
import { issueFromPlan, planFromRequest, type IssuancePlan } from '../../src/core/ca/issue.ts';
import { BUILTIN_PROFILES } from '../../src/core/ca/profiles.ts';
import type { SubjectAltName } from '../../src/core/cert/general-names.ts';
import { certificateFacts } from '../../src/core/cert/read.ts';
import { buildCsr } from '../../src/core/csr/build.ts';
import { opensslCommandWords, requestFromOpensslCommand, requestToOpensslCommand } from '../../src/core/csr/openssl-command.ts';
import type { CsrRequest } from '../../src/core/csr/request.ts';
import { parseSan } from '../../src/core/csr/san.ts';
import { opensslAltNames, opensslConfValue } from '../../src/core/equivalent-command.ts';
import { render } from '../../src/core/errors.ts';
import { exportPrivateKeyPem } from '../../src/core/keys/export.ts';
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { keyAlgorithmOf } from '../../src/core/keys/key-types.ts';
import { hierarchy, ok, path, put } from './ca-oracle.helper.ts';

/** The value openssl prints for a certificate's or request's subjectAltName. */
function sanLine(text: string): string {
  const m = /X509v3 Subject Alternative Name: ?(?:critical)?\n\s+(.*)\n/.exec(text);
  if (!m) throw new Error(`no subjectAltName in:\n${text}`);
  return m[1]!;
}

// A DNS name holding a comma and an "IP:" (a CSR may ask for any bytes), and a URI with every
// character openssl's config reader treats specially. The CSR is openssl's own, from a config
// whose values are escaped by hand.
const TRICKY_DNS = 'a.example,IP:10.9.9.9';
const TRICKY_URI = `https://x.example/p?q=$HOME&r='1'"2"\\3#frag`;
put('tricky-req.cnf', [
  '[req]', 'distinguished_name = dn', 'req_extensions = ext', 'prompt = no',
  '[dn]', 'CN = inject',
  '[ext]', 'subjectAltName = @alt',
  '[alt]', `DNS.1 = ${TRICKY_DNS}`, 'URI.1 = https://x.example/p?q=\\$HOME&r=\\\'1\\\'\\"2\\"\\\\3\\#frag', 'DNS.2 = plain.example', 'IP.1 = 10.0.0.1',
  '',
].join('\n'));
mkdirSync(path('gencrl'));
ok(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path('tricky.key'), '-out', path('tricky.csr'), '-config', path('tricky-req.cnf')]);

async function trickyPlan(): Promise<{ plan: IssuancePlan; caCert: string; caKey: string; h: Awaited<ReturnType<typeof hierarchy>> }> {
  const h = await hierarchy('ec-p256', 'conf-sans');
  const request = await readVerifiedRequest(ok(['req', '-in', path('tricky.csr')]));
  const plan = planFromRequest(request, h.root, { profile: BUILTIN_PROFILES.server });
  return { plan, caCert: h.rootPem, caKey: put('conf-sans-root.key', await exportPrivateKeyPem(h.root.key)), h };
}

/** Runs the equivalent `openssl x509 -req` with its extfile; returns what openssl prints of the result. */
function runEquivalent(plan: IssuancePlan, caCert: string, caKey: string, base: string): string {
  const eq = equivalentCommands(plan, { csr: path('tricky.csr'), caCert, caKey, out: path(`${base}.crt`) });
  expect(eq.opensslRefused).toBeUndefined();
  put(`${base}.ext`, eq.opensslExtfile);
  const words = eq.openssl.split(' ').slice(1).filter((w) => w !== '-CAcreateserial');
  ok([...words, '-set_serial', '0x42']);
  return ok(['x509', '-in', path(`${base}.crt`), '-noout', '-ext', 'subjectAltName']);
}

describe('the equivalent openssl extfile (CA signing)', () => {
  it('the CSR really asks for one DNS name with a comma in it (openssl says so), and a comma list would have made two', () => {
    expect(sanLine(ok(['req', '-in', path('tricky.csr'), '-noout', '-text']))).toBe(`DNS:${TRICKY_DNS}, URI:${TRICKY_URI}, DNS:plain.example, IP Address:10.0.0.1`);
    put('comma-list.ext', `subjectAltName = DNS:${TRICKY_DNS}\n`);
    ok(['x509', '-req', '-in', path('tricky.csr'), '-signkey', path('tricky.key'), '-days', '1', '-extfile', path('comma-list.ext'), '-out', path('comma-list.crt')]);
    expect(sanLine(ok(['x509', '-in', path('comma-list.crt'), '-noout', '-ext', 'subjectAltName']))).toBe('DNS:a.example, IP Address:10.9.9.9');
  });

  it('writes the SANs as [alt_names], one per line, escaped; openssl issues exactly the names the CSR asked for, as certbench does', async () => {
    const { plan, caCert, caKey, h } = await trickyPlan();
    const eq = equivalentCommands(plan, { csr: 'tricky.csr', caCert: 'ca.pem', caKey: 'ca.key', out: 'tricky.crt' });
    expect(eq.opensslExtfile).toContain('subjectAltName = @alt_names\n\n[alt_names]\n');
    expect(eq.opensslExtfile.split('\n[alt_names]\n')[1]).toBe([
      `DNS.1 = ${TRICKY_DNS}`, 'URI.1 = https://x.example/p?q=\\$HOME&r=\\\'1\\\'\\"2\\"\\\\3\\#frag', 'DNS.2 = plain.example', 'IP.1 = 10.0.0.1', '',
    ].join('\n'));

    const theirs = runEquivalent(plan, caCert, caKey, 'by-openssl');
    expect(sanLine(theirs)).toBe(`DNS:${TRICKY_DNS}, URI:${TRICKY_URI}, DNS:plain.example, IP Address:10.0.0.1`);
    const names = certificateFacts(new Uint8Array(Buffer.from(ok(['x509', '-in', path('by-openssl.crt')]).replace(/-----[^-]+-----|\s/g, ''), 'base64'))).subjectAltNames;
    expect(names).toEqual([{ type: 'dns', value: TRICKY_DNS }, { type: 'uri', value: TRICKY_URI }, { type: 'dns', value: 'plain.example' }, { type: 'ip', value: '10.0.0.1' }]);

    // certbench's own certificate for the same plan: openssl prints the same names for both
    const ours = await issueFromPlan(plan, h.root, new Set());
    expect(ok(['x509', '-noout', '-ext', 'subjectAltName'], ours.pem)).toBe(theirs);
  });

  const refused: [string, SubjectAltName, RegExp][] = [
    ['a newline that would start a line of its own', { type: 'dns', value: 'a.example\nDNS.9 = evil.example' }, /^openssl config: DNS name "a\.example\\x0ADNS\.9 = evil\.example" has U\+000A, which an openssl config line cannot hold/],
    ['a NUL', { type: 'dns', value: 'a\u0000b.example' }, /DNS name "a\\x00b\.example" has U\+0000/],
    ['a bidi override', { type: 'dns', value: 'www.\u202Etset.live\u202C.com' }, /DNS name "www\.\\u202Etset\.live\\u202C\.com" has U\+202E/],
    ['a space openssl would drop', { type: 'uri', value: 'https://x.example/ ' }, /URI "https:\/\/x\.example\/ " starts or ends with a space/],
    ['an email openssl reads as an instruction', { type: 'email', value: 'copy' }, /email address "copy" is a word openssl reads as an instruction/],
  ];
  it.each(refused)('refuses %s, naming the value, and still offers cfssl', async (_what, san, message) => {
    const { plan } = await trickyPlan();
    const eq = equivalentCommands({ ...plan, subjectAltNames: [{ type: 'dns', value: 'fine.example' }, san] }, { csr: 'x.csr', caCert: 'ca.pem', caKey: 'ca.key', out: 'x.crt' });
    expect(render(eq.opensslRefused!)).toMatch(message);
    expect(eq.openssl).toBe(`# no openssl command: ${render(eq.opensslRefused!)}`);
    expect(eq.openssl).not.toMatch(/[\n\u0000\u202E]/);
    expect(eq.opensslExtfile).toBe('');
    expect(eq.cfsslSign).toMatch(/^cfssl sign /);
  });

  it('opensslConfValue and opensslAltNames: what openssl reads back is the value itself', () => {
    const values = ['plain.example', `$a#b"c'd\\e`, 'x,y;z=1:2'];
    const alt = opensslAltNames(values.map((value) => ({ type: 'URI' as const, value: `urn:${value}` })));
    put('values.ext', [alt.line, '', ...alt.section, ''].join('\n'));
    ok(['x509', '-req', '-in', path('tricky.csr'), '-signkey', path('tricky.key'), '-days', '1', '-extfile', path('values.ext'), '-out', path('values.crt')]);
    expect(sanLine(ok(['x509', '-in', path('values.crt'), '-noout', '-ext', 'subjectAltName']))).toBe(values.map((v) => `URI:urn:${v}`).join(', '));
    expect(() => opensslConfValue('', 'DNS name')).toThrow('DNS name "" is empty');
  });
});

describe('the equivalent `openssl req` line (Create)', () => {
  it('refuses a SAN with a comma: -addext takes a comma list, and no escape keeps a comma in one entry', () => {
    const request: CsrRequest = { subject: [{ type: 'CN', value: 'x' }], sans: ['URI:https://x.example/a,IP:10.9.9.9'], usage: 'server', keyType: 'ec-p256' };
    expect(() => opensslCommandWords(request)).toThrow('openssl config: URI "https://x.example/a,IP:10.9.9.9" has a comma, which openssl reads as the start of another entry in a comma-separated list');
  });

  it('escapes what openssl\'s config reader would change, and "+" in -subj; run, it makes the request certbench makes, and reads back', async () => {
    const request: CsrRequest = {
      subject: [{ type: 'CN', value: 'a+O=evil' }, { type: 'O', value: 'x/y\\z' }],
      sans: ['DNS:ok.example', 'URI:https://x.example/p?q=$HOME#frag', "email:o'neil$x\"q@example.com"],
      usage: 'server',
      keyType: 'ec-p256',
    };
    const words = opensslCommandWords(request, { key: path('req-line.key'), csr: path('req-line.csr') });
    expect(words).toContain('/CN=a\\+O=evil/O=x\\/y\\\\z');
    ok(words.slice(1));
    const csr = await buildCsr(request, await generateKeyPair('ec-p256'));
    const text = (args: string[], input?: string) => ok(['req', ...args, '-noout', '-text', '-nameopt', 'multiline'], input);
    const theirs = text(['-in', path('req-line.csr')]);
    const ours = text([], csr.pem);
    expect(sanLine(theirs)).toBe("DNS:ok.example, URI:https://x.example/p?q=$HOME#frag, email:o'neil$x\"q@example.com");
    expect(sanLine(theirs)).toBe(sanLine(ours));
    const subject = (t: string) => t.slice(t.indexOf('Subject:'), t.indexOf('Subject Public Key Info'));
    expect(subject(theirs)).toBe(subject(ours));
    expect(subject(theirs)).toContain('commonName                = a+O=evil');

    const back = requestFromOpensslCommand(requestToOpensslCommand(request));
    expect(back.subject).toEqual(request.subject);
    expect(back.sans.map((s) => parseSan(s).encoded)).toEqual(request.sans.map((s) => parseSan(s).encoded));
  });
});

describe('other openssl files built from names', () => {
  it('name constraints refuse a value that would split the comma list', () => {
    expect(() => opensslNameConstraints({ permitted: { dns: ['a.example,permitted;DNS:evil.example'] } })).toThrow('DNS name constraint "a.example,permitted;DNS:evil.example" has a comma');
    expect(opensslNameConstraints({ permitted: { dns: ['.example.com'], email: ['example.com'] } })).toBe('critical,permitted;DNS:.example.com,permitted;email:example.com');
  });

  it('openssl ca\'s index keeps one row per certificate when a subject holds a tab or a newline: openssl ca -gencrl revokes nothing', async () => {
    const { plan, h, caKey } = await trickyPlan();
    const forged = 'x\tunknown\nR\t991231235959Z\t250101000000Z\tABCD\tunknown\t/CN=forged';
    const issued = await issueFromPlan({ ...plan, subject: [{ type: '2.5.4.3', value: forged }] }, h.root, new Set());
    const index = opensslCaIndex([issued.entry]);
    expect(index.split('\n')).toHaveLength(2); // one row and the final newline
    expect(index.split('\t')).toHaveLength(6);
    expect(index).toContain('/CN=x\\x09unknown\\x0AR\\x09');
    // openssl's own CA reads the index and the config certbench writes, and lists no forged serial
    put('gencrl/index.txt', index);
    put('gencrl/crlnumber', '01\n');
    put('gencrl/ca.crt', ok(['x509', '-in', h.rootPem]));
    put('gencrl/ca.key', ok(['pkey', '-in', caKey]));
    put('gencrl/ca.cnf', opensslCaConfig({ base: 'ca', keyAlgorithm: keyAlgorithmOf('ec-p256'), crlNumber: 1 }));
    const r = spawnSync('/usr/bin/openssl', ['ca', '-gencrl', '-config', 'ca.cnf', '-out', 'ca.crl'], { cwd: path('gencrl'), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(ok(['crl', '-in', path('gencrl/ca.crl'), '-noout', '-text'])).toContain('No Revoked Certificates.');
  });
});
