import { describe, expect, it } from 'vitest';
import { detectInput } from '../../src/core/input/detect.ts';
import type { ObjectKind } from '../../src/core/types.ts';
import { armour, b64, CERT_A, CERT_B, CERT_C, corpusBytes, corpusText, CRL, CSR, KEYS, openssl, pemBeginLines, pemDer } from './detect-helpers.ts';

interface Case {
  name: string;
  input: () => string | Uint8Array;
  objects: [ObjectKind, string][];
  problems?: [string, string][];
  /** The DER each object must carry, in order (from Node's own base64 decoder or openssl). */
  der?: () => Uint8Array[];
}

const cert = () => corpusText(CERT_A);
const certDer = () => pemDer(cert());
const relabel = (pem: string, label: string) => pem.replace(/(BEGIN|END) [A-Z0-9 ]+-----/g, `$1 ${label}-----`);

const LABELS: Case[] = [
  { name: 'CERTIFICATE', input: cert, objects: [['certificate', 'block 1 (CERTIFICATE)']], der: () => [certDer()] },
  {
    name: 'TRUSTED CERTIFICATE (object is the leading Certificate, as openssl x509 reads it)',
    input: () => openssl(['x509', '-addtrust', 'serverAuth', '-trustout'], cert()).toString(),
    objects: [['certificate', 'block 1 (TRUSTED CERTIFICATE)']],
    der: () => [new Uint8Array(openssl(['x509', '-outform', 'DER'], openssl(['x509', '-addtrust', 'serverAuth', '-trustout'], cert())))],
  },
  { name: 'CERTIFICATE REQUEST', input: () => corpusText(CSR), objects: [['csr', 'block 1 (CERTIFICATE REQUEST)']], der: () => [pemDer(corpusText(CSR))] },
  { name: 'NEW CERTIFICATE REQUEST', input: () => relabel(corpusText(CSR), 'NEW CERTIFICATE REQUEST'), objects: [['csr', 'block 1 (NEW CERTIFICATE REQUEST)']] },
  { name: 'X509 CRL', input: () => corpusText(CRL), objects: [['crl', 'block 1 (X509 CRL)']], der: () => [pemDer(corpusText(CRL))] },
  { name: 'PRIVATE KEY', input: () => corpusText(`${KEYS}PKCS8__unenc-rsa-pkcs8.pem`), objects: [['private-key', 'block 1 (PRIVATE KEY)']] },
  { name: 'ENCRYPTED PRIVATE KEY', input: () => corpusText(`${KEYS}PKCS8__enc-rsa-pkcs8.pem`), objects: [['encrypted-private-key', 'block 1 (ENCRYPTED PRIVATE KEY)']] },
  { name: 'RSA PRIVATE KEY', input: () => corpusText(`${KEYS}Traditional_OpenSSL_Serialization__testrsa.pem`), objects: [['rsa-private-key', 'block 1 (RSA PRIVATE KEY)']] },
  { name: 'EC PRIVATE KEY', input: () => corpusText(`${KEYS}PEM_Serialization__ec_private_key.pem`), objects: [['ec-private-key', 'block 1 (EC PRIVATE KEY)']] },
  { name: 'DSA PRIVATE KEY', input: () => corpusText(`${KEYS}Traditional_OpenSSL_Serialization__dsa.1024.pem`), objects: [['dsa-private-key', 'block 1 (DSA PRIVATE KEY)']] },
  { name: 'PUBLIC KEY', input: () => corpusText(`${KEYS}PKCS8__unenc-rsa-pkcs8.pub.pem`), objects: [['public-key', 'block 1 (PUBLIC KEY)']] },
  { name: 'RSA PUBLIC KEY', input: () => corpusText(`${KEYS}public__PKCS1__rsa.pub.pem`), objects: [['rsa-public-key', 'block 1 (RSA PUBLIC KEY)']] },
  { name: 'PKCS7', input: () => corpusText('other/pkcs7/pyca__pkcs7__isrg.pem'), objects: [['pkcs7', 'block 1 (PKCS7)']] },
  {
    name: 'RSA PRIVATE KEY with Proc-Type: 4,ENCRYPTED (legacy PEM encryption)',
    input: () => corpusText(`${KEYS}Traditional_OpenSSL_Serialization__testrsa-encrypted.pem`),
    objects: [['legacy-encrypted-key', 'block 1 (RSA PRIVATE KEY)']],
  },
  {
    name: 'EC PRIVATE KEY with Proc-Type: 4,ENCRYPTED',
    input: () => corpusText(`${KEYS}PEM_Serialization__ec_private_key_encrypted.pem`),
    objects: [['legacy-encrypted-key', 'block 1 (EC PRIVATE KEY)']],
  },
  {
    name: 'DSA PARAMETERS: the label decides, as it decides OpenSSL\'s decoder',
    input: () => corpusText(`${KEYS}PEM_Serialization__dsaparam.pem`),
    objects: [['parameters', 'block 1 (DSA PARAMETERS)']],
  },
  {
    // The same SEQUENCE of two INTEGERs is an RSA key by its shape; OpenSSL reads it by the label.
    name: 'DH PARAMETERS are parameters, never an RSA public key',
    input: () => openssl(['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048']).toString(),
    objects: [['parameters', 'block 1 (DH PARAMETERS)']],
  },
];

const LAYOUT: Case[] = [
  {
    name: 'three blocks of three kinds in one paste',
    input: () => cert() + corpusText(CSR) + corpusText(`${KEYS}PKCS8__unenc-rsa-pkcs8.pem`),
    objects: [
      ['certificate', 'block 1 (CERTIFICATE)'],
      ['csr', 'block 2 (CERTIFICATE REQUEST)'],
      ['private-key', 'block 3 (PRIVATE KEY)'],
    ],
  },
  { name: 'CRLF line ends', input: () => cert().replace(/\n/g, '\r\n'), objects: [['certificate', 'block 1 (CERTIFICATE)']], der: () => [certDer()] },
  { name: 'indented (as in a YAML block scalar)', input: () => cert().replace(/^/gm, '    '), objects: [['certificate', 'block 1 (CERTIFICATE)']], der: () => [certDer()] },
  { name: 'no final newline', input: () => cert().trimEnd(), objects: [['certificate', 'block 1 (CERTIFICATE)']], der: () => [certDer()] },
  {
    name: 'junk around and between blocks',
    input: () => `subject=CN = x\nissuer=whatever\n\n${cert()}some words\n${corpusText(CERT_B)}trailing text`,
    objects: [
      ['certificate', 'block 1 (CERTIFICATE)'],
      ['certificate', 'block 2 (CERTIFICATE)'],
    ],
    der: () => [certDer(), pemDer(corpusText(CERT_B))],
  },
  {
    name: '`openssl x509 -text` output that includes the PEM',
    input: () => openssl(['x509', '-text'], cert()).toString(),
    objects: [['certificate', 'block 1 (CERTIFICATE)']],
    der: () => [certDer()],
  },
  {
    name: 'a JSON string with \\n escapes',
    input: () => JSON.stringify(cert()),
    objects: [['certificate', 'block 1 (CERTIFICATE)']],
    der: () => [certDer()],
  },
  { name: 'DER bytes', input: () => certDer(), objects: [['certificate', 'DER']], der: () => [certDer()] },
  {
    name: 'two concatenated DER certificates',
    input: () => new Uint8Array([...certDer(), ...pemDer(corpusText(CERT_B))]),
    objects: [
      ['certificate', 'DER › certificate 1 of 2'],
      ['certificate', 'DER › certificate 2 of 2'],
    ],
  },
  { name: 'DER of a PKCS#7 bundle', input: () => corpusBytes('other/pkcs7/pyca__pkcs7__amazon-roots.der'), objects: [['pkcs7', 'DER']] },
  { name: 'DER PKCS#1 RSA public key', input: () => corpusBytes(`${KEYS}public__PKCS1__rsa.pub.der`), objects: [['rsa-public-key', 'DER']] },
  { name: 'DER encrypted PKCS#8', input: () => corpusBytes(`${KEYS}DER_Serialization__enc-rsa-pkcs8.der`), objects: [['encrypted-private-key', 'DER']] },
  { name: 'DER SEC1 EC key', input: () => corpusBytes(`${KEYS}DER_Serialization__ec_private_key.der`), objects: [['ec-private-key', 'DER']] },
  { name: 'DER PKCS#1 RSA private key', input: () => corpusBytes(`${KEYS}DER_Serialization__testrsa.der`), objects: [['rsa-private-key', 'DER']] },
  { name: 'bare base64 of DER', input: () => b64(certDer()), objects: [['certificate', 'base64']], der: () => [certDer()] },
  { name: 'bare base64 of DER, wrapped at 76 columns', input: () => b64(certDer()).replace(/(.{76})/g, '$1\n'), objects: [['certificate', 'base64']] },
  {
    name: 'base64 of a PEM (kubectl get csr -o jsonpath={.spec.request})',
    input: () => b64(corpusText(CSR)),
    objects: [['csr', 'base64 › block 1 (CERTIFICATE REQUEST)']],
    der: () => [pemDer(corpusText(CSR))],
  },
  { name: 'hex (xxd -p)', input: () => Buffer.from(certDer()).toString('hex').replace(/(.{60})/g, '$1\n'), objects: [['certificate', 'hex']], der: () => [certDer()] },
  { name: 'hex with colons', input: () => Buffer.from(certDer()).toString('hex').replace(/(..)(?!$)/g, '$1:'), objects: [['certificate', 'hex']] },
  { name: 'PEM given as UTF-8 bytes (a dropped .pem file)', input: () => corpusBytes(CERT_C), objects: [['certificate', 'block 1 (CERTIFICATE)']] },
];

const BROKEN: Case[] = [
  {
    name: 'bad base64 in block 2, block 1 still returned',
    input: () => {
      const lines = corpusText(CERT_B).split('\n');
      lines[3] = lines[3]!.slice(0, 10) + '!' + lines[3]!.slice(11);
      return cert() + lines.join('\n');
    },
    objects: [['certificate', 'block 1 (CERTIFICATE)']],
    problems: [['block 2', `invalid base64 at line ${corpusText(CERT_A).split('\n').length - 1 + 4}`]],
  },
  {
    name: 'truncated DER',
    input: () => certDer().slice(0, 0x40),
    objects: [],
    problems: [['DER', `length 0x${(certDer().length - 4).toString(16)} runs past the end at offset 0x0`]],
  },
  {
    name: 'an inner length that runs past the end',
    input: () => {
      const d = certDer().slice();
      d[6] = 0xff; // TBSCertificate at offset 4 is 30 82 LL LL: make its length larger than the certificate
      return d;
    },
    objects: [],
    problems: [['DER', `length 0x${((0xff << 8) | certDer()[7]!).toString(16)} runs past the end at offset 0x4`]],
  },
  {
    name: 'PEM block cut short: no END line',
    input: () => cert().split('\n').slice(0, 10).join('\n') + '\n' + corpusText(CERT_B),
    objects: [['certificate', 'block 2 (CERTIFICATE)']],
    problems: [['block 1', 'BEGIN CERTIFICATE at line 1 has no END line']],
  },
  {
    name: 'END label differs from BEGIN',
    input: () => cert().replace('END CERTIFICATE', 'END PRIVATE KEY'),
    objects: [],
    problems: [['block 1', `BEGIN CERTIFICATE at line 1 ends with END PRIVATE KEY at line ${cert().trimEnd().split('\n').length}`]],
  },
  {
    name: 'label says CERTIFICATE but the DER is a PKCS#10 request',
    input: () => cert() + relabel(corpusText(CSR), 'CERTIFICATE'),
    objects: [
      ['certificate', 'block 1 (CERTIFICATE)'],
      ['csr', 'block 2 (CERTIFICATE)'],
    ],
    problems: [['block 2', 'labelled CERTIFICATE but this is a PKCS#10 request']],
  },
  {
    name: 'label says PRIVATE KEY but the DER is PKCS#1',
    input: () => armour('PRIVATE KEY', pemDer(corpusText(`${KEYS}Traditional_OpenSSL_Serialization__testrsa.pem`))),
    objects: [['rsa-private-key', 'block 1 (PRIVATE KEY)']],
    problems: [['block 1', 'labelled PRIVATE KEY but this is a PKCS#1 RSA private key']],
  },
  { name: 'empty block', input: () => '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n', objects: [], problems: [['block 1', 'empty CERTIFICATE block at line 1']] },
  {
    name: 'base64 with a group cut short',
    // ANF's DER is not a multiple of 3 bytes, so its base64 ends in '=': one character dropped on line 2 breaks the groups
    input: () => cert().replace(/^(-----BEGIN CERTIFICATE-----\n.{10})./, '$1'),
    objects: [],
    problems: [['block 1', `base64 is cut short at line ${cert().trimEnd().split('\n').length - 1} (${cert().split('\n').slice(1, -2).join('').length - 1} characters is not a whole number of 4-character groups)`]],
  },
  {
    name: 'TRUSTED CERTIFICATE is the only label whose trailing data is expected; others get a note',
    input: () => armour('CERTIFICATE', new Uint8Array([...certDer(), 0x05, 0x00])),
    objects: [['certificate', 'block 1 (CERTIFICATE)']],
    problems: [['block 1', `2 bytes after the end of the DER at offset 0x${certDer().length.toString(16)} ignored`]],
    der: () => [certDer()],
  },
  { name: 'prose', input: () => 'hello, this is not a certificate', objects: [], problems: [['input', 'nothing recognisable: paste PEM, DER, base64 or a Kubernetes Secret/CSR/kubeconfig']] },
  { name: 'empty input', input: () => '', objects: [], problems: [['input', 'nothing recognisable: paste PEM, DER, base64 or a Kubernetes Secret/CSR/kubeconfig']] },
  { name: 'empty bytes', input: () => new Uint8Array(0), objects: [], problems: [['input', 'nothing recognisable: paste PEM, DER, base64 or a Kubernetes Secret/CSR/kubeconfig']] },
  { name: 'binary that is not DER', input: () => new Uint8Array([0xff, 0x00, 0x12]), objects: [], problems: [['DER', expect.stringMatching(/at offset 0x0$/) as unknown as string]] },
  {
    name: 'a PKCS#12 file is an object of its own, opened later with its passphrase',
    input: () => corpusBytes('other/pkcs12/pyca__pkcs12__no-password.p12'),
    objects: [['pkcs12', 'DER']],
  },
];

function check(c: Case) {
  const r = detectInput(c.input());
  expect(r.objects.map((o) => [o.kind, o.origin])).toEqual(c.objects);
  expect(r.problems.map((p) => [p.origin, p.message])).toEqual(c.problems ?? []);
  if (c.der) expect(r.objects.map((o) => Buffer.from(o.der).toString('hex'))).toEqual(c.der().map((d) => Buffer.from(d).toString('hex')));
}

describe('detectInput: every PEM label', () => {
  for (const c of LABELS) it(c.name, () => check(c));
});
describe('detectInput: layouts and encodings', () => {
  for (const c of LAYOUT) it(c.name, () => check(c));
});
describe('detectInput: broken input gets a message naming what and where', () => {
  for (const c of BROKEN) it(c.name, () => check(c));
});

describe('detectInput: details', () => {
  it('keeps legacy PEM headers', () => {
    const r = detectInput(corpusText(`${KEYS}Traditional_OpenSSL_Serialization__testrsa-encrypted.pem`));
    expect(r.objects[0]!.pemHeaders).toEqual({ 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-128-CBC,5E22A2BD85A653FB7A3ED20DE84F54CD' });
  });
  it('prefixes origins with the source name', () => {
    const r = detectInput(cert() + 'x\n-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n', 'chain.pem');
    expect(r.objects.map((o) => o.origin)).toEqual(['chain.pem › block 1 (CERTIFICATE)']);
    const line = cert().split('\n').length + 2;
    expect(r.problems).toEqual([{ origin: 'chain.pem › block 2', message: `invalid base64 at line ${line}`, said: { id: 'input.badBase64Line', params: { line } }, originSaid: ['chain.pem', { id: 'where.block', params: { index: 2 } }] }]);
  });
  it('never throws, and says something for non-UTF-8 text-like bytes', () => {
    const r = detectInput(new Uint8Array([0x2d, 0x2d, 0xc3, 0x28]));
    expect(r.objects).toEqual([]);
    expect(r.problems[0]!.message).not.toBe('');
  });
});

describe('the line a PEM block begins on', () => {
  const pems = [CERT_A, CERT_B, CERT_C].map((f) => corpusText(f).trim());
  // Text before, between and after, CRLF in one place, an encrypted legacy key among them: lines as an editor counts them.
  const legacy = corpusText(`${KEYS}Traditional_OpenSSL_Serialization__testrsa-encrypted.pem`).trim();
  const text = ['subject=CN = a', 'issuer=CN = a', pems[0], '', 'notes', pems[1]!.replaceAll('\n', '\r\n'), legacy, pems[2], ''].join('\n');
  const begins = pemBeginLines(text);

  it('is given for each object of a pasted or opened PEM text, text or bytes', () => {
    expect(begins).toHaveLength(4);
    for (const input of [text, new TextEncoder().encode(text), `\ufeff${text}`]) {
      const r = detectInput(input, 'bundle.pem');
      expect(r.objects.map((o) => [o.kind, o.line])).toEqual([
        ['certificate', begins[0]],
        ['certificate', begins[1]],
        ['legacy-encrypted-key', begins[2]],
        ['certificate', begins[3]],
      ]);
    }
  });

  it('is not given where the lines are not the file\'s: base64 of PEM, a JSON string, a Secret\'s value, DER', () => {
    const secret = ['apiVersion: v1', 'kind: Secret', 'metadata: {name: tls}', 'data:', `  tls.crt: ${b64(pems.join('\n'))}`].join('\n');
    for (const input of [b64(text), JSON.stringify(pems.join('\n')), secret, pemDer(pems[0]!)]) {
      const r = detectInput(input);
      expect(r.objects.length).toBeGreaterThan(0);
      expect(r.objects.map((o) => o.line)).toEqual(r.objects.map(() => undefined));
    }
  });
});
