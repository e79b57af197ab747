import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { buildCsr, csrRequestProblems } from '../../src/core/csr/build.ts';
import type { CsrRequest } from '../../src/core/csr/request.ts';
import { sanListEntries, splitSanList } from '../../src/core/csr/san.ts';
import { exportPrivateKeyPem } from '../../src/core/keys/export.ts';
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { KEY_TYPES } from '../../src/core/keys/key-types.ts';
import { publicKeyPem } from '../../src/core/keys/spki.ts';
import { ok, openssl, pemFileDer, put } from './keys-openssl.helper.ts';
import { render } from '../../src/core/errors.ts';

/** The lines of `openssl req -noout -text` between two headings, trimmed. */
function section(text: string, after: RegExp): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => after.test(l));
  return lines[i + 1]!.trim();
}

const request: Omit<CsrRequest, 'keyType'> = {
  subject: [
    { type: 'C', value: 'DE' },
    { type: 'O', value: 'system:masters' },
    { type: 'O', value: 'Ünïcode GmbH' },
    { type: 'OU', value: 'a/b' },
    { type: 'CN', value: 'my-pod.my-namespace.pod.cluster.local' },
  ],
  sans: [
    'my-svc.my-namespace.svc.cluster.local',
    'DNS:*.example.com',
    'bücher.example',
    '172.168.0.24',
    'IP:2001:db8::1',
    '::ffff:10.0.0.1',
    'email:ops@example.com',
    'spiffe://cluster.local/ns/default/sa/web',
  ],
  usage: 'peer',
};
const expectedSubject = 'C = DE, O = system:masters, O = \\C3\\9Cn\\C3\\AFcode GmbH, OU = a/b, CN = my-pod.my-namespace.pod.cluster.local';
const expectedSans =
  'DNS:my-svc.my-namespace.svc.cluster.local, DNS:*.example.com, DNS:xn--bcher-kva.example, IP Address:172.168.0.24, IP Address:2001:DB8:0:0:0:0:0:1, IP Address:0:0:0:0:0:FFFF:A00:1, email:ops@example.com, URI:spiffe://cluster.local/ns/default/sa/web';

describe('buildCsr: every key type, judged by openssl', () => {
  for (const type of KEY_TYPES) {
    it(type, async () => {
      const keys = await generateKeyPair(type);
      const csr = await buildCsr(request, keys);
      put(`${type}.csr`, csr.pem);
      put(`${type}.key`, await exportPrivateKeyPem(keys.privateKey));
      const verify = openssl(['req', '-in', `${type}.csr`, '-verify', '-noout']);
      expect(verify.status, verify.stderr).toBe(0);
      expect(verify.stderr + verify.stdout).toContain('verify OK');
      // -nameopt with UTF-8 shown raw would hide the encoding: the default (escaped) form shows the bytes.
      const text = ok(['req', '-in', `${type}.csr`, '-noout', '-text']);
      expect(section(text, /^\s+Version:/)).toBe(`Subject: ${expectedSubject}`);
      expect(section(text, /X509v3 Subject Alternative Name: $/)).toBe(expectedSans);
      expect(section(text, /X509v3 Basic Constraints: critical$/)).toBe('CA:FALSE');
      expect(section(text, /X509v3 Key Usage: critical$/)).toBe(type.startsWith('rsa') ? 'Digital Signature, Key Encipherment' : 'Digital Signature');
      expect(section(text, /X509v3 Extended Key Usage: $/)).toBe('TLS Web Server Authentication, TLS Web Client Authentication');
      const sigAlg = { 'ec-p256': 'ecdsa-with-SHA256', 'ec-p384': 'ecdsa-with-SHA384', 'ec-p521': 'ecdsa-with-SHA512', ed25519: 'ED25519' }[type as string] ?? 'sha256WithRSAEncryption';
      expect(text).toContain(`    Signature Algorithm: ${sigAlg}\n`);
      // The key matches the CSR.
      expect(ok(['req', '-in', `${type}.csr`, '-noout', '-pubkey'])).toBe(ok(['pkey', '-in', `${type}.key`, '-pubout']));
      expect(ok(['req', '-in', `${type}.csr`, '-noout', '-pubkey'])).toBe(await publicKeyPem(keys.publicKey));
      // Strings as `openssl req -subj` writes them; RSA signature parameters NULL (RFC 4055); DER.
      const parse = ok(['asn1parse', '-in', `${type}.csr`]);
      expect(parse).toMatch(/:countryName\n.*PRINTABLESTRING +:DE\n/);
      expect(parse).toMatch(/:organizationName\n.*UTF8STRING +:system:masters\n/);
      expect(parse).toMatch(/:commonName\n.*UTF8STRING +:my-pod/);
      if (type.startsWith('rsa')) expect(parse).toMatch(/:sha256WithRSAEncryption\n.*prim: NULL/);
      if (type === 'ed25519') expect(parse).toMatch(/:ED25519\n.*BIT STRING/);
      expect(parse).not.toMatch(/l=inf|cons: (OCTET|BIT) STRING/);
      // One attribute per RDN: 5 SETs in the subject, each holding one SEQUENCE.
      expect((parse.match(/d=3 .*cons: SET/g) ?? []).length).toBe(5);
    });
  }
});

describe('what openssl itself writes for the same request', () => {
  it('the subject and extension encodings match `openssl req -subj -addext` byte for byte', async () => {
    const keys = await generateKeyPair('ec-p256');
    put('same.key', await exportPrivateKeyPem(keys.privateKey));
    const ours = await buildCsr(
      { subject: [{ type: 'C', value: 'DE' }, { type: 'ST', value: 'Bayern' }, { type: 'CN', value: 'x' }, { type: 'emailAddress', value: 'a@b.c' }], sans: ['DNS:a.example', 'IP:10.0.0.1'], usage: 'server' },
      keys,
    );
    put('same-ours.csr', ours.pem);
    ok(['req', '-new', '-key', 'same.key', '-subj', '/C=DE/ST=Bayern/CN=x/emailAddress=a@b.c', '-addext', 'basicConstraints=critical,CA:FALSE', '-addext', 'keyUsage=critical,digitalSignature', '-addext', 'extendedKeyUsage=serverAuth', '-addext', 'subjectAltName=DNS:a.example,IP:10.0.0.1', '-out', 'same-openssl.csr']);
    // Everything but the (randomised) ECDSA signature is identical.
    const info = (f: string) => {
      const seq = asn1js.fromBER(pemFileDer(f).slice().buffer).result as asn1js.Sequence;
      return Buffer.from(seq.valueBlock.value[0]!.toBER()).toString('hex');
    };
    expect(info('same-ours.csr')).toBe(info('same-openssl.csr'));
  });
});

describe('keyUsage choice', () => {
  it('EC with keyEnciphermentAlways, client usage', async () => {
    const keys = await generateKeyPair('ec-p256');
    const csr = await buildCsr({ subject: [{ type: 'CN', value: 'admin' }], sans: [], usage: 'client', keyEnciphermentAlways: true }, keys);
    put('ke.csr', csr.pem);
    const text = ok(['req', '-in', 'ke.csr', '-noout', '-text']);
    expect(section(text, /X509v3 Key Usage: critical$/)).toBe('Digital Signature, Key Encipherment');
    expect(section(text, /X509v3 Extended Key Usage: $/)).toBe('TLS Web Client Authentication');
    expect(text).not.toContain('Subject Alternative Name');
  });

  it('no subject: the SAN extension is critical (RFC 5280 4.2.1.6)', async () => {
    const keys = await generateKeyPair('ec-p256');
    const csr = await buildCsr({ subject: [], sans: ['only.example'], usage: 'server' }, keys);
    put('nosubj.csr', csr.pem);
    const text = ok(['req', '-in', 'nosubj.csr', '-noout', '-text']);
    expect(text).toContain('X509v3 Subject Alternative Name: critical\n');
    expect(text).toMatch(/\n {8}Subject: \n/);
  });

  it('a key pair whose halves do not belong together is refused', async () => {
    const a = await generateKeyPair('ec-p256');
    const b = await generateKeyPair('ec-p256');
    await expect(buildCsr({ subject: [{ type: 'CN', value: 'x' }], sans: [], usage: 'server' }, { privateKey: a.privateKey, publicKey: b.publicKey })).rejects.toThrow(
      'CSR: the public key does not belong to the private key',
    );
  });
});

/** The problems as the CLI words them (the UI words the same ids in its language). */
const english = (problems: ReturnType<typeof csrRequestProblems>) => problems.map((p) => ({ field: p.field, message: render(p.message) }));

describe('problems are reported all at once, by field', () => {
  it('lists each bad field', () => {
    expect(
      english(csrRequestProblems({
        subject: [{ type: 'C', value: 'Germany' }, { type: 'CN', value: '' }],
        sans: ['ok.example', 'registry..svc', '10.0.0.256', ':::1'],
      })),
    ).toEqual([
      { field: 'subject.0', message: 'C must be a two-letter country code (ISO 3166) like DE or US, not "Germany"' },
      { field: 'subject.1', message: 'CN is empty' },
      { field: 'sans.1', message: 'SAN "registry..svc": empty label (two dots in a row)' },
      { field: 'sans.2', message: 'SAN "10.0.0.256": 256 is more than 255' },
      { field: 'sans.3', message: 'SAN ":::1": empty group (a lone ":" at the start or end, or ":::")' },
    ]);
  });

  it('a SAN list splits at newlines and commas only: a space inside an entry is refused, never a second SAN', () => {
    expect(sanListEntries('a.example, b.example\n\nc.example d.example\nIP Address:10.0.0.1')).toEqual([
      { entry: 'a.example', line: 1 },
      { entry: 'b.example', line: 1 },
      { entry: 'c.example d.example', line: 3 },
      { entry: 'IP Address:10.0.0.1', line: 4 },
    ]);
    const sans = splitSanList('a.example\nc.example d.example');
    expect(sans).toEqual(['a.example', 'c.example d.example']);
    expect(english(csrRequestProblems({ subject: [], sans }))).toEqual([
      { field: 'sans.1', message: 'SAN "c.example d.example": one entry is one name, and this one holds a space: put "c.example" and "d.example" on lines of their own' },
    ]);
  });

  it('buildCsr refuses with all of them', async () => {
    const keys = await generateKeyPair('ec-p256');
    await expect(buildCsr({ subject: [{ type: 'CN', value: 'x' }], sans: ['a..b', '1.2.3'], usage: 'server' }, keys)).rejects.toThrow(
      'CSR: SAN "a..b": empty label (two dots in a row); SAN "1.2.3": an IPv4 address has 4 parts, "1.2.3" has 3',
    );
    await expect(buildCsr({ subject: [], sans: [], usage: 'server' }, keys)).rejects.toThrow('give a subject or at least one SAN');
  });
});
