// OpenSSL's acceptance rules (src/core/der/openssl-name.ts and strict.ts, applied by the printers): each case is
// a certificate or key changed in one place, given to the real `openssl` and to `certbench dump`.
// Both refuse (certbench with OpenSSL's reason and the byte offset), or both print the same bytes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { parseDer, type DerNode } from '../../src/core/der/node.ts';
import { put, workFile } from './text-oracle.helper.ts';

/** openssl's exit status and stdout (bytes as latin1), whatever the status. */
function opensslRun(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('/usr/bin/openssl', args, { maxBuffer: 16 << 20 });
  if (r.error) throw new Error(`openssl is missing: apt-get install openssl (${r.error.message})`);
  return { status: r.status ?? -1, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString() };
}

const sameThread = (text: string) => text.replace(/^ *[0-9A-F]+:error:/gm, 'THREAD:error:');

async function dump(file: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: Uint8Array[] = [];
  let stdout = '';
  let stderr = '';
  const status = await runCli(['dump', file], {
    stdout: (s) => void (stdout += s),
    stdoutBytes: (b) => void out.push(b),
    stderr: (s) => void (stderr += s),
    stdin: async () => new Uint8Array(),
  });
  return { status, stdout: out.length ? Buffer.concat(out).toString('latin1') : Buffer.from(stdout, 'utf8').toString('latin1'), stderr };
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: workFile('.') });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr.toString()} (apt-get install openssl openssh-client)`);
}

// ---- a small DER editor: rebuild an element with one descendant replaced -------------------------

function encodeLength(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return [0x80 | out.length, ...out];
}

function tlv(identifier: number[], content: Uint8Array): Uint8Array {
  return new Uint8Array([...identifier, ...encodeLength(content.length), ...content]);
}

const identifierOf = (n: DerNode) => [...n.der.subarray(0, n.header - encodeLength(n.content.length).length)];
const concat = (parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

/** `node` re-encoded with the descendant at `path` (child indexes) replaced by `replace(thatNode)`. */
function edit(node: DerNode, path: number[], replace: (n: DerNode) => Uint8Array): Uint8Array {
  if (!path.length) return replace(node);
  const [i, ...rest] = path;
  return tlv(identifierOf(node), concat(node.children.map((c, k) => (k === i ? edit(c, rest, replace) : c.der))));
}

const ascii = (s: string) => new TextEncoder().encode(s);
const CN = new Uint8Array([0x06, 0x03, 0x55, 0x04, 0x03]);
const atv = (value: Uint8Array) => tlv([0x30], concat([CN, value]));
const rdn = (...atvs: Uint8Array[]) => tlv([0x31], concat(atvs));
const name = (...rdns: Uint8Array[]) => tlv([0x30], concat(rdns));

// tbsCertificate fields of the certificates openssl makes below (version [0] present).
const SUBJECT = [0, 5];
const VALIDITY = [0, 4];
const SPKI = [0, 6];
const EXTENSIONS = [0, 7];

function makeCertificate(keyArgs: string[], name: string): Uint8Array {
  run('/usr/bin/openssl', ['req', '-x509', ...keyArgs, '-nodes', '-subj', '/CN=test', '-addext', 'subjectAltName=DNS:a.example', '-days', '1', '-keyout', `${name}.key`, '-out', `${name}.pem`]);
  run('/usr/bin/openssl', ['x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`]);
  return new Uint8Array(readFileSync(workFile(`${name}.der`)));
}

const ec = () => parseDer(makeCertificate(['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'ec'));
const rsa = () => parseDer(makeCertificate(['-newkey', 'rsa:2048'], 'rsa'));

interface Case {
  name: string;
  make: () => Uint8Array;
  /** certbench's reason: OpenSSL's words, then where. */
  refused?: RegExp;
}

const cases: Case[] = [
  {
    name: 'CN holding invalid UTF-8',
    make: () => edit(ec(), SUBJECT, () => name(rdn(atv(new Uint8Array([0x0c, 0x02, 0xff, 0xfe]))))),
    refused: /invalid utf8string at offset 0x/,
  },
  {
    name: 'a name attribute value with a long-form tag (12, UTF8String: openssl takes it)',
    make: () => edit(ec(), SUBJECT, () => name(rdn(atv(concat([new Uint8Array([0x1f, 0x0c, 0x04]), ascii('test')]))))),
  },
  {
    name: 'a name attribute value with a long-form tag 31 (no string type)',
    make: () => edit(ec(), SUBJECT, () => name(rdn(atv(concat([new Uint8Array([0x1f, 0x1f, 0x04]), ascii('test')]))))),
    refused: /mstring wrong tag at offset 0x/,
  },
  {
    name: 'a name attribute value that is an INTEGER',
    make: () => edit(ec(), SUBJECT, () => name(rdn(atv(new Uint8Array([0x02, 0x01, 0x05]))))),
    refused: /mstring wrong tag at offset 0x/,
  },
  {
    name: 'a name attribute type with a long-form tag',
    make: () => edit(ec(), SUBJECT, () => name(rdn(tlv([0x30], concat([new Uint8Array([0x1f, 0x06, 0x03, 0x55, 0x04, 0x03]), tlv([0x0c], ascii('test'))]))))),
  },
  {
    name: 'a subject with an empty RDN SET after its CN',
    make: () => edit(ec(), SUBJECT, () => name(rdn(atv(tlv([0x0c], ascii('test')))), rdn())),
  },
  {
    name: 'a subject with an empty RDN SET before its CN',
    make: () => edit(ec(), SUBJECT, () => name(rdn(), rdn(atv(tlv([0x0c], ascii('test')))))),
  },
  {
    name: 'a subject that is one empty RDN SET',
    make: () => edit(ec(), SUBJECT, () => name(rdn())),
  },
  {
    name: 'an Extension tagged [2] instead of SEQUENCE',
    make: () => edit(ec(), [...EXTENSIONS, 0, 0], (ext) => tlv([0xa2], ext.content)),
    refused: /wrong tag at offset 0x/,
  },
  {
    name: 'an EC point that is not on the curve',
    make: () =>
      edit(ec(), [...SPKI, 1], (bits) => {
        const c = bits.content.slice();
        c[c.length - 1]! ^= 1;
        return tlv([0x03], c);
      }),
  },
  {
    name: 'an RSA-PSS key with NULL parameters',
    make: () => edit(rsa(), [...SPKI, 0], () => tlv([0x30], concat([tlv([0x06], new Uint8Array([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a])), new Uint8Array([0x05, 0x00])]))),
  },
  {
    name: 'a corrupted time (Bad time value)',
    make: () => edit(ec(), [...VALIDITY, 0], () => tlv([0x17], ascii('26x205194006Z'))),
  },
  {
    name: 'a signature BIT STRING with unused bits set (masked, as OpenSSL masks them)',
    make: () =>
      edit(ec(), [2], (bits) => {
        const c = bits.content.slice();
        c[0] = 3;
        c[c.length - 1]! |= 0x07;
        return tlv([0x03], c);
      }),
  },
];

describe('OpenSSL acceptance: refuse what openssl x509 refuses, print what it prints', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const file = put(`${c.name.replace(/\W+/g, '-')}.der`, c.make());
      const o = opensslRun(['x509', '-inform', 'DER', '-in', file, '-noout', '-text']);
      const d = await dump(file);
      if (o.status !== 0) {
        expect(d.status, `openssl refused (${o.stderr.split('\n')[0]}); certbench printed:\n${d.stdout}`).not.toBe(0);
        if (c.refused) expect(d.stderr).toMatch(c.refused);
      } else {
        expect(d.stderr, 'certbench stderr').toBe('');
        // OpenSSL writes its error stack into the text, each line led by the thread's id.
        expect(sameThread(d.stdout)).toBe(sameThread(o.stdout));
      }
    });
  }
});

describe('OpenSSH keys', () => {
  for (const type of ['ed25519', 'rsa']) {
    it(`an OpenSSH ${type} private key and its .pub line are refused as OpenSSH format, as openssl refuses them`, async () => {
      run('/usr/bin/ssh-keygen', ['-q', '-t', type, '-N', '', '-f', `id_${type}`]);
      for (const f of [`id_${type}`, `id_${type}.pub`]) {
        expect(opensslRun(['pkey', '-in', workFile(f), '-noout', '-text']).status).not.toBe(0);
        const d = await dump(workFile(f));
        expect(d.status).toBe(1);
        expect(d.stderr).toMatch(/OpenSSH format, not supported/);
        expect(d.stderr).not.toMatch(/length/);
      }
    });
  }
});
