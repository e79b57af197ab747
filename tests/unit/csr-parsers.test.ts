import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../src/core/csr/build.ts';
import { requestFromCfssl, requestToCfssl } from '../../src/core/csr/cfssl.ts';
import { requestFromOpensslCommand, opensslCommandWords, requestToOpensslCommand, shellWords } from '../../src/core/csr/openssl-command.ts';
import { CSR_PRESETS } from '../../src/core/csr/presets.ts';
import type { CsrRequest } from '../../src/core/csr/request.ts';
import { parseSan, sanOpensslText } from '../../src/core/csr/san.ts';
import { formatSubjectSlash, parseSubjectSlash } from '../../src/core/csr/subject.ts';
import { CertbenchError } from '../../src/core/errors.ts';
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { ok, put, work } from './keys-openssl.helper.ts';

/** Everything `openssl req -text` says about a request except the key and signature. */
function requestedText(file: string): string {
  const text = ok(['req', '-in', file, '-noout', '-text']);
  const subject = /\n {8}Subject:.*\n/.exec(text)![0];
  const attrs = text.slice(text.indexOf('        Attributes:'), text.indexOf('    Signature Algorithm:'));
  return subject + attrs;
}

describe('SAN entries: types and messages', () => {
  const bad: [string, string][] = [
    ['registry..svc', 'SAN "registry..svc": empty label (two dots in a row)'],
    ['10.0.0.256', 'SAN "10.0.0.256": 256 is more than 255'],
    [':::1', 'SAN ":::1": empty group (a lone ":" at the start or end, or ":::")'],
    ['.example.com', 'SAN ".example.com": empty label (two dots in a row or a leading dot)'],
    ['example.com.', 'SAN "example.com.": a trailing dot does not belong in a certificate name'],
    ['foo.*.example.com', 'SAN "foo.*.example.com": a wildcard may only be the whole leftmost label (*.example.com)'],
    ['*.com', 'SAN "*.com": a wildcard needs at least two labels after it (*.example.com)'],
    ['under_score.example', 'SAN "under_score.example": "_" is not allowed in a DNS name (letters, digits, hyphens)'],
    ['-lead.example', 'SAN "-lead.example": label "-lead" may not start or end with a hyphen'],
    [`${'a'.repeat(64)}.example`, `SAN "${'a'.repeat(64)}.example": label "${'a'.repeat(64)}" is 64 characters; at most 63 fit`],
    ['1.2.3', 'SAN "1.2.3": an IPv4 address has 4 parts, "1.2.3" has 3'],
    ['IP:010.0.0.1', 'SAN "IP:010.0.0.1": "010" has a leading zero (ambiguous: octal or decimal?)'],
    ['IP:example.com', 'SAN "IP:example.com": an IPv4 address has 4 parts, "example.com" has 2'],
    ['1:2:3:4:5:6:7:8:9', 'SAN "1:2:3:4:5:6:7:8:9": an IPv6 address has 8 groups, "1:2:3:4:5:6:7:8:9" has 9'],
    ['1::2::3', 'SAN "1::2::3": "::" may appear only once'],
    ['fe80::1%eth0', 'SAN "fe80::1%eth0": a zone index (%…) has no place in a certificate'],
    ['2001:db8::g', 'SAN "2001:db8::g": "g" is not an IPv6 group (1–4 hex digits)'],
    ['1:2:3:4::5:6:7:8', 'SAN "1:2:3:4::5:6:7:8": too many groups for "::" to stand for any (8)'],
    ['email:no-at-sign', 'SAN "email:no-at-sign": an email address needs a name, an @ and a domain (name@example.com)'],
    ['ops@bad..example', 'SAN "ops@bad..example": empty label (two dots in a row)'],
    ['URI:not a uri', 'SAN "URI:not a uri": a URI must be ASCII without spaces (percent-encode the rest)'],
    ['URI:nothing', 'SAN "URI:nothing": a URI starts with a scheme (spiffe://…, https://…)'],
    ['spiffe://Example.org/x?y', 'SAN "spiffe://Example.org/x?y": a SPIFFE ID is spiffe://trust-domain/path (lowercase trust domain, no query or fragment)'],
    ['DNS:', 'SAN "DNS:": empty'],
  ];
  for (const [entry, message] of bad) {
    it(`refuses ${entry}`, () => {
      let err: unknown;
      try {
        parseSan(entry);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CertbenchError);
      expect((err as Error).message).toBe(message);
    });
  }

  it('detects types without a prefix', () => {
    expect(['a.example', '*.a.example', '10.1.2.3', '::1', 'fe80::1', 'x@y.example', 'spiffe://td/ns/a', 'https://h.example/p', 'Ünï.example'].map((e) => parseSan(e).type)).toEqual([
      'DNS', 'DNS', 'IP', 'IP', 'IP', 'email', 'URI', 'URI', 'DNS',
    ]);
    expect(parseSan('dns:A.Example').encoded).toBe('A.Example');
    expect(parseSan('*.bücher.example').encoded).toBe('*.xn--bcher-kva.example');
    expect(parseSan('ops@bücher.example').encoded).toBe('ops@xn--bcher-kva.example');
  });

  it('IPv6 in every textual form: 16 bytes that openssl prints the same way', () => {
    const forms = ['::', '::1', '1::', '2001:DB8::1', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:192.0.2.128', '64:ff9b::192.0.2.33', 'fe80::', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8'];
    ok(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ipv6.key']);
    ok(['req', '-new', '-key', 'ipv6.key', '-subj', '/CN=x', '-addext', `subjectAltName=${forms.map((f) => `IP:${f}`).join(',')}`, '-out', 'ipv6.csr']);
    const text = ok(['req', '-in', 'ipv6.csr', '-noout', '-text']);
    const line = text.split('\n')[text.split('\n').findIndex((l) => l.includes('Subject Alternative Name')) + 1]!.trim();
    expect(forms.map((f) => sanOpensslText(parseSan(f))).join(', ')).toBe(line);
  });
});

describe('subject text (-subj form)', () => {
  it('parses escapes, long names, repeated O', () => {
    expect(parseSubjectSlash('/C=DE/commonName=a\\/b/O=x/O=y=z/emailAddress=a@b.c')).toEqual([
      { type: 'C', value: 'DE' },
      { type: 'CN', value: 'a/b' },
      { type: 'O', value: 'x' },
      { type: 'O', value: 'y=z' },
      { type: 'emailAddress', value: 'a@b.c' },
    ]);
    expect(formatSubjectSlash([{ type: 'CN', value: 'a/b\\c' }])).toBe('/CN=a\\/b\\\\c');
  });

  const bad: [string, string][] = [
    ['CN=x', 'subject: "CN=x" must start with / (like /CN=example.com/O=Example)'],
    ['/CN', 'subject: part 1 "CN" has no = (expected type=value)'],
    ['/XX=1', 'subject: unknown attribute type "XX" (CN, O, OU, C, ST, L, emailAddress are offered)'],
    ['/C=DEU', 'subject: C must be a two-letter country code (ISO 3166) like DE or US, not "DEU"'],
    ['/CN=', 'subject: CN is empty'],
    [`/CN=${'x'.repeat(65)}`, 'subject: CN is 65 characters; at most 64 fit'],
    ['/emailAddress=ü@x.de', 'subject: emailAddress "ü@x.de" is not an ASCII address like name@example.com'],
    ['/CN= padded', 'subject: CN " padded" starts or ends with a space'],
    ['/CN=x\\', 'subject: ends with a lone backslash'],
  ];
  for (const [text, message] of bad) {
    it(`refuses ${text.slice(0, 20)}`, () => {
      expect(() => parseSubjectSlash(text)).toThrow(message);
    });
  }

  it('openssl refuses what we refuse: a 65-character CN', () => {
    ok(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'long.key']);
    const r = spawnSync('/usr/bin/openssl', ['req', '-new', '-key', 'long.key', '-subj', `/CN=${'x'.repeat(65)}`], { cwd: work, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('string too long');
  });
});

describe('cfssl CSR JSON', () => {
  const json = JSON.stringify({
    CN: 'my-pod.my-namespace.pod.cluster.local',
    hosts: ['my-svc.my-namespace.svc.cluster.local', 'my-pod.my-namespace.pod.cluster.local', '172.168.0.24', '10.0.34.2'],
    key: { algo: 'ecdsa', size: 256 },
    names: [{ C: 'US', ST: 'CA', L: 'San Francisco', O: 'Example', OU: 'Ops' }],
  });

  it('fills the request', () => {
    expect(requestFromCfssl(json)).toEqual({
      subject: [
        { type: 'C', value: 'US' },
        { type: 'ST', value: 'CA' },
        { type: 'L', value: 'San Francisco' },
        { type: 'O', value: 'Example' },
        { type: 'OU', value: 'Ops' },
        { type: 'CN', value: 'my-pod.my-namespace.pod.cluster.local' },
      ],
      sans: ['my-svc.my-namespace.svc.cluster.local', 'my-pod.my-namespace.pod.cluster.local', '172.168.0.24', '10.0.34.2'],
      usage: 'server',
      keyType: 'ec-p256',
    });
    expect(JSON.parse(JSON.stringify(requestToCfssl(requestFromCfssl(json))))).toEqual(JSON.parse(json));
  });

  it('key sizes and defaults', () => {
    expect(requestFromCfssl('{"CN":"a","key":{"algo":"rsa","size":4096}}').keyType).toBe('rsa4096');
    expect(requestFromCfssl('{"CN":"a","key":{"algo":"ecdsa","size":384}}').keyType).toBe('ec-p384');
    expect(requestFromCfssl('{"CN":"a","key":{"algo":"rsa"}}').keyType).toBe('rsa2048');
    expect(requestFromCfssl('{"CN":"a"}').keyType).toBe('ec-p256');
    expect(() => requestFromCfssl('{"CN":"a","key":{"algo":"rsa","size":1024}}')).toThrow('cfssl CSR JSON › key.size: RSA size 1024 is not offered (2048, 3072, 4096 are)');
    expect(() => requestFromCfssl('{"CN":"a","key":{"algo":"dsa"}}')).toThrow('cfssl CSR JSON › key.algo: key algo "dsa" is not rsa, ecdsa or ed25519');
    expect(() => requestFromCfssl('{"CN":"a","names":[{"X":"1"}]}')).toThrow('cfssl CSR JSON › names[0]: unknown name field "X" (C, ST, L, O, OU)');
    expect(() => requestFromCfssl('{CN')).toThrow(/^cfssl CSR JSON: not JSON/);
  });

  it('repeated fields go to separate names entries, and come back', () => {
    const req: CsrRequest = { subject: [{ type: 'O', value: 'system:masters' }, { type: 'O', value: 'devs' }, { type: 'CN', value: 'admin' }], sans: [], usage: 'client', keyType: 'rsa2048' };
    const cf = requestToCfssl(req);
    expect(cf).toEqual({ CN: 'admin', hosts: [], key: { algo: 'rsa', size: 2048 }, names: [{ O: 'system:masters' }, { O: 'devs' }] });
    expect(requestFromCfssl(JSON.stringify(cf), 'client')).toEqual(req);
  });
});

describe('openssl req command lines', () => {
  it('reads a typical line', () => {
    const line = `openssl req -new -newkey rsa:3072 -nodes -keyout server.key -out server.csr \\
      -subj "/C=DE/O=Example Org/CN=registry.example" -addext "subjectAltName=DNS:registry.example,IP:10.0.0.5,IP:2001:db8::5" -addext 'extendedKeyUsage=serverAuth,clientAuth'`;
    expect(requestFromOpensslCommand(line)).toEqual({
      subject: [
        { type: 'C', value: 'DE' },
        { type: 'O', value: 'Example Org' },
        { type: 'CN', value: 'registry.example' },
      ],
      sans: ['DNS:registry.example', 'IP:10.0.0.5', 'IP:2001:db8::5'],
      usage: 'peer',
      keyType: 'rsa3072',
    });
  });

  it('-newkey ec with -pkeyopt, ed25519, rsa_keygen_bits', () => {
    expect(requestFromOpensslCommand('openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-384 -subj /CN=a').keyType).toBe('ec-p384');
    expect(requestFromOpensslCommand('openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -subj /CN=a').keyType).toBe('ec-p256');
    expect(requestFromOpensslCommand('req -new -newkey ed25519 -subj /CN=a').keyType).toBe('ed25519');
    expect(requestFromOpensslCommand('openssl req -new -newkey rsa -pkeyopt rsa_keygen_bits:4096 -subj /CN=a').keyType).toBe('rsa4096');
    expect(() => requestFromOpensslCommand('openssl req -new -newkey ec -subj /CN=a')).toThrow('openssl command: -newkey ec needs -pkeyopt ec_paramgen_curve:P-256 (or P-384, P-521)');
    expect(() => requestFromOpensslCommand('openssl x509 -in a')).toThrow('openssl command: expected "openssl req …", not "x509"');
    expect(() => requestFromOpensslCommand('openssl req -subj "/CN=a')).toThrow('openssl command: unclosed " quote');
    expect(() => requestFromOpensslCommand('openssl req -subj /CN=a -addext subjectAltName=DNS:a..b')).toThrow('SAN "DNS:a..b": empty label (two dots in a row)');
  });

  it('shell words', () => {
    expect(shellWords(`a 'b c' "d \\"e\\"" f\\ g`)).toEqual(['a', 'b c', 'd "e"', 'f g']);
  });

  const requests: [string, CsrRequest][] = [
    ...CSR_PRESETS.map((p): [string, CsrRequest] => [`preset ${p.id}`, p.request]),
    [
      'rsa2048 with everything',
      {
        subject: [{ type: 'C', value: 'DE' }, { type: 'L', value: 'Köln' }, { type: 'O', value: "O'Brien & Co/Ops" }, { type: 'CN', value: 'svc' }, { type: 'emailAddress', value: 'a@b.example' }],
        sans: ['svc.example', '*.svc.example', 'bücher.example', '10.0.0.1', 'IP:fe80::1', 'email:ops@b.example', 'URI:spiffe://cluster.local/ns/x/sa/y'],
        usage: 'peer',
        keyType: 'rsa2048',
      },
    ],
    ['ed25519, no subject', { subject: [], sans: ['only.example'], usage: 'server', keyType: 'ed25519' }],
    ['ec-p521 keyEncipherment', { subject: [{ type: 'CN', value: 'x' }], sans: [], usage: 'client', keyType: 'ec-p521', keyEnciphermentAlways: true }],
  ];
  for (const [name, req] of requests) {
    it(`${name}: the generated command, run, yields the same subject and extensions as our CSR`, async () => {
      const id = name.replace(/\W+/g, '-');
      const words = opensslCommandWords(req, { key: `${id}.key`, csr: `${id}-openssl.csr` });
      const r = spawnSync('/usr/bin/openssl', words.slice(1), { cwd: work, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const csr = await buildCsr(req, await generateKeyPair(req.keyType));
      put(`${id}-ours.csr`, csr.pem);
      expect(requestedText(`${id}-ours.csr`)).toBe(requestedText(`${id}-openssl.csr`));
      expect(ok(['req', '-in', `${id}-openssl.csr`, '-noout', '-text'])).toContain(`Signature Algorithm: ${/Signature Algorithm: (.*)/.exec(ok(['req', '-in', `${id}-ours.csr`, '-noout', '-text']))![1]}`);
      // And the line reads back into the same request.
      const back = requestFromOpensslCommand(requestToOpensslCommand(req));
      expect(back.subject).toEqual(req.subject);
      expect(back.keyType).toBe(req.keyType);
      expect(back.usage).toBe(req.usage);
      expect(back.sans.map((s) => parseSan(s).encoded)).toEqual(req.sans.map((s) => parseSan(s).encoded));
    });
  }
});
