import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.ts';
import { decryptLegacyPem } from '../../src/cli/legacy-pem.ts';
import { detectInput } from '../../src/core/input/detect.ts';
import { CERT_A, CERT_B, corpusText, CORPUS, KEYS, openssl } from './detect-helpers.ts';

/** The CLI run in-process; its stdout kept as the bytes it writes (`bytes`: one character a byte) and as UTF-8 text. */
async function dump(args: string[], stdin: string | Uint8Array = '') {
  const out: Buffer[] = [];
  let stderr = '';
  const status = await runCli(['dump', ...args], {
    stdout: (s) => void out.push(Buffer.from(s, 'utf8')),
    stdoutBytes: (b) => void out.push(Buffer.from(b)),
    stderr: (s) => void (stderr += s),
    stdin: async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
  });
  const written = Buffer.concat(out);
  return { status, stdout: written.toString('utf8'), bytes: written.toString('latin1'), stderr };
}

/** OpenSSL writes its error stack with a per-run thread id: compare those lines masked. */
const maskErrors = (s: string) => s.replace(/^[0-9A-F]+:error:/gm, 'X:error:');

interface OracleCase {
  file: string;
  oracle: string;
  args: string[];
}

function corpusCases(): OracleCase[] {
  const cases: OracleCase[] = [];
  for (const dir of ['certs', 'csrs']) {
    for (const f of fs.readdirSync(path.join(CORPUS, dir)).filter((f) => f.endsWith('.pem')).sort()) {
      cases.push({ file: `${dir}/${f}`, oracle: `${dir}/${f.replace(/\.pem$/, '.txt')}`, args: [] });
    }
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'other/MANIFEST.json'), 'utf8')) as { kind: string; file?: string; password?: string | null; kept: boolean }[];
  for (const e of manifest) {
    // PKCS#12 is not dump's (its oracle is pkcs12 -info); DSA parameters print as pkeyparam prints them.
    if (!e.kept || !e.file || e.kind === 'pkcs12') continue;
    cases.push({ file: `other/${e.file}`, oracle: `other/${e.file}.txt`, args: e.password ? ['--passin', `pass:${e.password}`] : [] });
  }
  return cases;
}

describe('certbench dump: corpus against the OpenSSL oracle, byte for byte', () => {
  for (const c of corpusCases()) {
    it(c.file, async () => {
      const r = await dump([...c.args, path.join(CORPUS, c.file)]);
      // Warnings (e.g. bytes after the DER, which OpenSSL ignores silently) may be said; errors may not.
      expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('certbench dump: warning: '))).toEqual([]);
      // Bytes, not UTF-8 text: OpenSSL writes raw bytes that are not UTF-8 (zlint__SANDNSNotIA5String).
      expect(maskErrors(r.bytes)).toBe(maskErrors(fs.readFileSync(path.join(CORPUS, c.oracle), 'latin1')));
      expect(r.status).toBe(0);
    });
  }
});

describe('certbench dump: behaviour', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-dump-'));
  const write = (name: string, data: string | Uint8Array) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, data);
    return p;
  };

  // `openssl ecparam -genkey` and `dsaparam -genkey` write the parameters before the key; openssl
  // pkey reads past them, so dump prints the key alone (a note on stderr says what was skipped).
  for (const [tool, args] of [
    ['ecparam -genkey', ['ecparam', '-name', 'prime256v1', '-genkey']],
    ['ecparam -genkey -param_enc explicit', ['ecparam', '-name', 'brainpoolP256r1', '-genkey', '-param_enc', 'explicit']],
    ['dsaparam -genkey', ['dsaparam', '-genkey', '1024']],
  ] as const) {
    it(`the output of openssl ${tool} prints as openssl pkey prints it`, async () => {
      const file = write(`${tool.replace(/\W+/g, '-')}.pem`, openssl([...args]));
      const r = await dump([file]);
      expect(r.stdout).toBe(openssl(['pkey', '-in', file, '-noout', '-text']).toString());
      expect(r.stderr).toMatch(/^certbench dump: note: .*block 1 \((EC|DSA) PARAMETERS\): \1 PARAMETERS skipped: /);
      expect(r.status).toBe(0);
    });
  }

  // Parameters alone print as openssl pkeyparam prints them; the PEM label says which kind they are,
  // as it tells OpenSSL which decoder to use: a DH PARAMETERS SEQUENCE of two INTEGERs is never an RSA key.
  for (const [what, args] of [
    ['EC PARAMETERS', ['ecparam', '-name', 'prime256v1']],
    ['DSA PARAMETERS', ['dsaparam', '1024']],
    ['DH PARAMETERS', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'dh_paramgen_prime_len:512']],
    ['X9.42 DH PARAMETERS', ['genpkey', '-genparam', '-algorithm', 'DHX', '-pkeyopt', 'group:dh_2048_224']],
  ] as const) {
    it(`${what} alone print as openssl pkeyparam -text -noout prints them`, async () => {
      const file = write(`${what.replace(/\W+/g, '-')}.pem`, openssl([...args]));
      expect(fs.readFileSync(file, 'latin1')).toContain(`-----BEGIN ${what}-----`);
      const r = await dump([file]);
      expect(r.stderr).toBe('');
      expect(r.bytes).toBe(openssl(['pkeyparam', '-in', file, '-noout', '-text']).toString('latin1'));
      expect(r.status).toBe(0);
    });
  }

  it('DSA PUBLIC KEY (DSAPublicKey { y, p, q, g }, which openssl pkey -pubin reads) prints as openssl prints it', async () => {
    // Made from an SPKI: p, q, g from its AlgorithmIdentifier, y from inside its BIT STRING.
    const spki = write('dsa.spki', openssl(['pkey', '-pubout', '-outform', 'DER'], openssl(['genpkey', '-paramfile', write('dsa.param', openssl(['dsaparam', '1024']))])));
    const parsed = (args: string[]) => openssl(['asn1parse', '-inform', 'DER', '-in', spki, ...args]).toString();
    const ints = (args: string[]) => [...parsed(args).matchAll(/INTEGER\s+:([0-9A-F]+)/g)].map((m) => m[1]!);
    const [p, q, g] = ints([]);
    const [y] = ints(['-strparse', /(\d+):d=1 .*BIT STRING/.exec(parsed([]))![1]!]);
    const der = write('dsa-pub.der', '');
    openssl(['asn1parse', '-noout', '-out', der, '-genconf', write('dsa-pub.cnf', `asn1=SEQUENCE:k\n[k]\ny=INTEGER:0x${y}\np=INTEGER:0x${p}\nq=INTEGER:0x${q}\ng=INTEGER:0x${g}\n`)]);
    const body = fs.readFileSync(der).toString('base64').match(/.{1,64}/g)!.join('\n');
    const file = write('dsa-pub.pem', `-----BEGIN DSA PUBLIC KEY-----\n${body}\n-----END DSA PUBLIC KEY-----\n`);
    const r = await dump([file]);
    expect(r.stderr).toBe('');
    expect(r.bytes).toBe(openssl(['pkey', '-pubin', '-in', file, '-noout', '-text']).toString('latin1'));
    expect(r.status).toBe(0);
  });

  it('reads stdin when given no file, and names nothing when it finds nothing', async () => {
    const r = await dump([], 'hello');
    expect(r).toEqual({ status: 1, stdout: '', bytes: '', stderr: 'certbench dump: input: nothing recognisable: paste PEM, DER, base64 or a Kubernetes Secret/CSR/kubeconfig\n' });
  });

  it('a missing file is exit status 1 with its name, and the other files still print', async () => {
    const good = write('good.pem', corpusText(CERT_A));
    const r = await dump([path.join(tmp, 'missing.pem'), good]);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`certbench dump: ${path.join(tmp, 'missing.pem')}: no such file`);
    // The one object found is printed alone, without a separator.
    expect(r.stdout).not.toContain('==>');
  });

  it('several objects each get an "==> origin <==" line', async () => {
    const f = write('two.pem', corpusText(CERT_A) + corpusText(CERT_B));
    const r = await dump([f]);
    const headers = r.stdout.split('\n').filter((l) => l.startsWith('==> '));
    expect(headers).toEqual([`==> ${f} › block 1 (CERTIFICATE) <==`, `==> ${f} › block 2 (CERTIFICATE) <==`]);
  });

  it('a broken block is reported on stderr with exit status 1 while the good one is still handled', async () => {
    const r = await dump([], corpusText(CERT_A) + '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`certbench dump: block 2: invalid base64 at line ${corpusText(CERT_A).split('\n').length + 1}\n`);
  });

  it('an encrypted key without --passin is an error naming it', async () => {
    const r = await dump([], corpusText(`${KEYS}PKCS8__enc-rsa-pkcs8.pem`));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('certbench dump: block 1 (ENCRYPTED PRIVATE KEY): this private key is encrypted: give its passphrase with --passin\n');
  });

  it('--passin env: and file: are read like openssl -passin; a wrong passphrase is named', async () => {
    process.env.CERTBENCH_TEST_PASS = 'wrong';
    const r1 = await dump(['--passin', 'env:CERTBENCH_TEST_PASS'], corpusText(`${KEYS}PKCS8__enc2-rsa-pkcs8.pem`));
    expect(r1.stderr).toBe('certbench dump: block 1 (ENCRYPTED PRIVATE KEY): encrypted private key: wrong passphrase (or corrupted key)\n');
    const pbes1 = await dump(['--passin', 'env:CERTBENCH_TEST_PASS'], corpusText(`${KEYS}PKCS8__enc-rsa-pkcs8.pem`));
    expect(pbes1.stderr).toBe('certbench dump: block 1 (ENCRYPTED PRIVATE KEY): wrong passphrase (or corrupted key)\n');
    const r2 = await dump(['--passin', `file:${write('pw.txt', 'wrong\nignored\n')}`], corpusText(`${KEYS}Traditional_OpenSSL_Serialization__testrsa-encrypted.pem`));
    expect(r2.stderr).toBe('certbench dump: block 1 (RSA PRIVATE KEY): wrong passphrase (or corrupted key)\n');
    const r3 = await dump(['--passin', 'nope'], corpusText(CERT_A));
    expect(r3.stderr).toContain('use pass:SECRET, env:VAR or file:PATH');
  });

  it('--summary puts fingerprints (openssl x509 -fingerprint style) and the SPKI pin before the text', async () => {
    const pem = corpusText(CERT_A);
    const r = await dump(['--summary'], pem);
    const head = r.stdout.split('\n\n')[0]!.split('\n');
    expect(head).toContain(openssl(['x509', '-noout', '-fingerprint', '-sha256'], pem).toString().trimEnd());
    expect(head).toContain(openssl(['x509', '-noout', '-fingerprint', '-sha1'], pem).toString().trimEnd());
    const spki = openssl(['pkey', '-pubin', '-outform', 'DER'], openssl(['x509', '-noout', '-pubkey'], pem));
    const pin = openssl(['dgst', '-sha256', '-binary'], spki).toString('base64');
    expect(head).toContain(`SPKI SHA-256 pin: ${pin}`);
    expect(head[0]).toBe(`Subject: ${openssl(['x509', '-noout', '-subject', '-nameopt', 'oneline,-esc_msb'], pem).toString().trimEnd().replace(/^subject=/, '')}`);
  });

  it('unknown options are usage errors (status 2)', async () => {
    const r = await dump(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('certbench dump: unknown option --frobnicate');
  });
});

describe('legacy Proc-Type PEM decryption (CLI only, on Node OpenSSL)', () => {
  const legacy = [
    ['Traditional_OpenSSL_Serialization__testrsa-encrypted.pem', 'password', 'rsa-private-key'],
    ['Traditional_OpenSSL_Serialization__key1.pem', '123456', 'rsa-private-key'],
    ['PEM_Serialization__ec_private_key_encrypted.pem', '123456', 'ec-private-key'],
    ['PEM_Serialization__rsa_private_key.pem', '123456', 'rsa-private-key'],
    ['PEM_Serialization__dsa_private_key.pem', '123456', 'dsa-private-key'],
  ] as const;
  for (const [file, pass, kind] of legacy) {
    it(`${file}: same DER as openssl pkey -traditional`, () => {
      const pem = corpusText(`${KEYS}${file}`);
      const [obj] = detectInput(pem).objects;
      const plain = decryptLegacyPem(obj!, pass);
      expect(plain.kind).toBe(kind);
      const expected = openssl(['pkey', '-passin', `pass:${pass}`, '-traditional', '-outform', 'DER'], pem);
      expect(Buffer.from(plain.der).toString('hex')).toBe(expected.toString('hex'));
    });
  }
});
