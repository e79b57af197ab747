// The CLI's CA directory under concurrent runs and hostile edits. Concurrency needs real processes:
// these tests run dist/cli.mjs (`npm test` builds it first). openssl judges certificates and CRLs.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { ok, openssl, opensslCsr, path, work } from './ca-oracle.helper.ts';

const CLI = join(import.meta.dirname, '../../dist/cli.mjs');
const PASS = 'correct horse battery staple';
const ENV = { CA_PASS: PASS };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** One real `node dist/cli.mjs` process. */
function spawnCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work, env: { ...process.env, ...ENV } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** In the test process (faster where no second process is needed). */
async function cli(args: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  process.env.CA_PASS = PASS;
  const status = await runCli(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), stdin: async () => new Uint8Array() });
  return { status, ...out };
}

async function newCa(name: string, extra: string[] = ['--passout', 'env:CA_PASS']): Promise<string> {
  const dir = path(name);
  const r = await cli(['ca', 'init', '--dir', dir, '--subject', `/CN=${name}`, '--key-type', 'ec-p256', ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return dir;
}

const serialOf = (r: Run) => /issued serial ([0-9a-f]+)/.exec(r.stdout)![1]!;
const crlText = (file: string, dir: string) => {
  const r = openssl(['crl', '-in', file, '-CAfile', join(dir, 'ca.crt'), '-verify', '-noout', '-text']);
  expect(r.stderr).toContain('verify OK');
  return r.stdout;
};
const indexOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { crlNumber: number; issued: { serialHex: string; status: string; subject: string; revokedAt?: string; revocationReason?: string }[] };
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.includes('.lock'));

let csr: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (\`npm test\` builds it)`);
  csr = opensslCsr('store-leaf', 'ec-p256', '/CN=store-leaf', ['DNS:store.test']).csrPath;
});

describe('certbench CA directory: one writer at a time', () => {
  it('8 concurrent signs are all recorded, each can be revoked (8 concurrent revokes), and the CRL lists all 8', async () => {
    const dir = await newCa('race8');
    const signs = await Promise.all([...Array(8).keys()].map((i) => spawnCli(['sign', '--dir', dir, '--csr', csr, '--out', path(`race8-${i}.crt`), '--passin', 'env:CA_PASS'])));
    for (const r of signs) expect(r.status, r.stderr).toBe(0);
    const serials = signs.map(serialOf);
    expect(new Set(serials).size).toBe(8);
    expect(indexOf(dir).issued.map((e) => e.serialHex).sort()).toEqual([...serials].sort());
    for (let i = 0; i < 8; i++) {
      expect(ok(['verify', '-CAfile', join(dir, 'ca.crt'), path(`race8-${i}.crt`)])).toContain('OK');
      expect(ok(['x509', '-in', path(`race8-${i}.crt`), '-noout', '-serial']).trim()).toBe(`serial=${serials[i]!.toUpperCase()}`);
    }

    const revokes = await Promise.all(serials.map((s) => spawnCli(['revoke', '--dir', dir, '--serial', s, '--reason', 'superseded', '--passin', 'env:CA_PASS'])));
    for (const r of revokes) expect(r.status, r.stderr).toBe(0);
    expect((await cli(['crl', '--dir', dir, '--out', path('race8.crl'), '--passin', 'env:CA_PASS'])).status).toBe(0);
    const text = crlText(path('race8.crl'), dir);
    for (const s of serials) expect(text).toContain(`Serial Number: ${s.toUpperCase()}`);
    expect(text.match(/Serial Number:/g)).toHaveLength(8);
    expect(text).toMatch(/CRL Number: \n\s+1\n/);
    expect((await cli(['ca', 'check', '--dir', dir, '--passin', 'env:CA_PASS'])).status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it('revokes racing signs are kept, and the next CRL lists them', async () => {
    const dir = await newCa('race-revoke');
    const before: string[] = [];
    for (let i = 0; i < 3; i++) before.push(serialOf(await cli(['sign', '--dir', dir, '--csr', csr, '--out', path(`rr-${i}.crt`), '--passin', 'env:CA_PASS'])));
    const runs = await Promise.all(
      [0, 1, 2].flatMap((i) => [
        spawnCli(['sign', '--dir', dir, '--csr', csr, '--out', path(`rr-new-${i}.crt`), '--passin', 'env:CA_PASS']),
        spawnCli(['revoke', '--dir', dir, '--serial', before[i]!, '--reason', 'keyCompromise', '--passin', 'env:CA_PASS']),
      ]),
    );
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    const index = indexOf(dir);
    expect(index.issued).toHaveLength(6);
    expect(index.issued.filter((e) => e.status === 'revoked').map((e) => e.serialHex).sort()).toEqual([...before].sort());

    expect((await cli(['crl', '--dir', dir, '--out', path('rr.crl'), '--passin', 'env:CA_PASS'])).status).toBe(0);
    const text = crlText(path('rr.crl'), dir);
    for (const s of before) expect(text).toContain(`Serial Number: ${s.toUpperCase()}`);
    expect(text.match(/Key Compromise/g)).toHaveLength(3);
    const v = openssl(['verify', '-crl_check', '-CAfile', join(dir, 'ca.crt'), '-CRLfile', path('rr.crl'), path('rr-0.crt')]);
    expect(v.stdout + v.stderr).toContain('certificate revoked');
    expect(ok(['verify', '-crl_check', '-CAfile', join(dir, 'ca.crt'), '-CRLfile', path('rr.crl'), path('rr-new-0.crt')])).toContain('OK');
  });

  it('a lock held by a live run makes another give up naming its pid; a stale one (process ended, or too old) is removed', async () => {
    const dir = await newCa('locks');
    const lock = join(dir, 'certbench.lock');
    const indexBefore = readFileSync(join(dir, 'index.json'));
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), command: 'sign', token: 'x' }));
    const held = await spawnCli(['sign', '--dir', dir, '--csr', csr, '--out', path('locks-held.crt'), '--passin', 'env:CA_PASS', '--wait', '0']);
    expect(held.status).toBe(1);
    expect(held.stderr).toContain(`in use by another certbench run: pid ${process.pid} on ${hostname()} (certbench sign)`);
    expect(existsSync(path('locks-held.crt'))).toBe(false);
    expect(readFileSync(join(dir, 'index.json'))).toEqual(indexBefore);
    expect(existsSync(lock)).toBe(true);

    const ended = spawnSync('true').pid!; // a process that has exited
    writeFileSync(lock, JSON.stringify({ pid: ended, host: hostname(), time: new Date().toISOString(), command: 'sign', token: 'y' }));
    const afterCrash = await spawnCli(['sign', '--dir', dir, '--csr', csr, '--out', path('locks-stale.crt'), '--passin', 'env:CA_PASS', '--wait', '0']);
    expect(afterCrash.status, afterCrash.stderr).toBe(0);
    expect(afterCrash.stderr).toContain(`removed a stale lock in ${dir}: its process (pid ${ended}) has ended`);

    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: 'another-host', time: new Date(Date.now() - 3600_000).toISOString(), command: 'crl', token: 'z' }));
    const old = await spawnCli(['revoke', '--dir', dir, '--serial', serialOf(afterCrash), '--passin', 'env:CA_PASS', '--wait', '0']);
    expect(old.status, old.stderr).toBe(0);
    expect(old.stderr).toContain('older than 10 minutes');
    expect(existsSync(lock)).toBe(false);

    // Released on failure too: revoking the same serial again fails inside the lock.
    const again = await cli(['revoke', '--dir', dir, '--serial', serialOf(afterCrash), '--passin', 'env:CA_PASS']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already revoked');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('certbench CA directory: state first, output after', () => {
  it('a sign or crl whose state cannot be saved exits 1 and writes no file (nothing left behind)', async () => {
    const dir = await newCa('nosave');
    const indexBefore = readFileSync(join(dir, 'index.json'));
    mkdirSync(join(dir, 'index.json.tmp')); // the state's temporary file cannot be created, even as root
    const outDir = path('nosave-out');
    mkdirSync(outDir);
    const sign = await cli(['sign', '--dir', dir, '--csr', csr, '--out', join(outDir, 'leaf.crt'), '--chain-out', join(outDir, 'chain.pem'), '--passin', 'env:CA_PASS']);
    expect(sign.status).toBe(1);
    expect(sign.stderr).toContain('could not be saved, so nothing was written');
    const crl = await cli(['crl', '--dir', dir, '--out', join(outDir, 'ca.crl'), '--passin', 'env:CA_PASS']);
    expect(crl.status).toBe(1);
    expect(readdirSync(outDir)).toEqual([]);
    expect(readFileSync(join(dir, 'index.json'))).toEqual(indexBefore);
    expect(readdirSync(dir).sort()).toEqual(['ca.crt', 'ca.key', 'index.json', 'index.json.tmp']);

    rmSync(join(dir, 'index.json.tmp'), { recursive: true });
    expect((await cli(['crl', '--dir', dir, '--out', join(outDir, 'ca.crl'), '--passin', 'env:CA_PASS'])).status).toBe(0);
    expect(crlText(join(outDir, 'ca.crl'), dir)).toMatch(/CRL Number: \n\s+1\n/); // the failed run used no number
  });
});

describe('certbench files: modes, links, passphrases', () => {
  it('key files are 0600 even over an existing 0644 file; ca.key is 0600', async () => {
    const dir = await newCa('modes');
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600);
    const key = path('modes-existing.key');
    writeFileSync(key, 'old\n');
    chmodSync(key, 0o644);
    const r = await cli(['csr', '--subject', '/CN=modes', '--san', 'DNS:modes.test', '--out-key', key, '--out-csr', path('modes.csr')]);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(ok(['pkey', '-in', key, '-pubout'])).toBe(ok(['req', '-in', path('modes.csr'), '-noout', '-pubkey']));

    const signed = await cli(['sign', '--dir', dir, '--csr', path('modes.csr'), '--out', path('modes.crt'), '--passin', 'env:CA_PASS']);
    expect(signed.status, signed.stderr).toBe(0);
    const secret = path('modes-secret.yaml');
    writeFileSync(secret, 'old\n');
    chmodSync(secret, 0o644);
    const s = await cli(['k8s', 'secret', '--cert', path('modes.crt'), '--key', key, '--name', 'modes-tls', '--out', secret]);
    expect(s.status, s.stderr).toBe(0);
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(readFileSync(secret, 'utf8')).toContain('tls.key:');
  });

  it('symlinks at output paths are refused, and the CA records nothing', async () => {
    const dir = await newCa('links');
    const target = path('links-target.txt');
    writeFileSync(target, 'keep me\n');
    symlinkSync(target, path('links-out.crt'));
    const indexBefore = readFileSync(join(dir, 'index.json'));
    const r = await cli(['sign', '--dir', dir, '--csr', csr, '--out', path('links-out.crt'), '--passin', 'env:CA_PASS']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path('links-out.crt')}: is a symbolic link`);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
    expect(readFileSync(join(dir, 'index.json'))).toEqual(indexBefore);

    symlinkSync(target, path('links.key'));
    const k = await cli(['csr', '--subject', '/CN=links', '--out-key', path('links.key'), '--out-csr', path('links.csr')]);
    expect(k.status).toBe(1);
    expect(k.stderr).toContain('is a symbolic link');
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
    expect(existsSync(path('links.csr'))).toBe(false);
  });

  it('a passphrase given without pass:/env:/file: is never printed', async () => {
    const dir = await newCa('echo');
    writeFileSync(path('echo.pem'), readFileSync(join(dir, 'ca.key')));
    const runs = [
      await spawnCli(['dump', '--passin', 'MyS3cretPass', path('echo.pem')]),
      await cli(['sign', '--dir', dir, '--csr', csr, '--out', path('echo.crt'), '--passin', 'MyS3cretPass']),
      await cli(['revoke', '--dir', dir, '--serial', '01', '--passin', 'MyS3cretPass']),
      await cli(['ca', 'init', '--dir', path('echo2'), '--passout', 'MyS3cretPass']),
      await cli(['csr', '--subject', '/CN=x', '--out-key', path('echo.key'), '--passout', 'MyS3cretPass']),
    ];
    for (const r of runs) {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/--pass(in|out): use pass:SECRET, env:VAR or file:PATH/);
      expect(r.stdout + r.stderr).not.toContain('MyS3cretPass');
    }
    const wrong = await cli(['sign', '--dir', dir, '--csr', csr, '--out', path('echo.crt'), '--passin', 'pass:MyS3cretPass']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('wrong passphrase');
    expect(wrong.stderr).not.toContain('MyS3cretPass');
  });

  it('ca init refuses without --passout or --no-passout; --no-passout warns and keeps an unsealed log', async () => {
    const refused = await cli(['ca', 'init', '--dir', path('plain-refused')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('give --passout env:VAR');
    expect(refused.stderr).toContain('--no-passout');
    expect(existsSync(join(path('plain-refused'), 'ca.key'))).toBe(false);

    const dir = path('plain');
    const r = await cli(['ca', 'init', '--dir', dir, '--no-passout']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: --no-passout: ca.key is written unencrypted');
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600);
    expect(ok(['pkey', '-in', join(dir, 'ca.key'), '-noout'])).toBe('');
    const check = await cli(['ca', 'check', '--dir', dir]);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain('not sealed');
    expect(check.stdout).toContain('shows accidental changes only');
    // A passphrase CA asks for --passin before revoking (the revocation is sealed with it).
    const dir2 = await newCa('needs-passin');
    const noPass = await cli(['revoke', '--dir', dir2, '--serial', '01']);
    expect(noPass.status).toBe(1);
    expect(noPass.stderr).toContain('give its passphrase with --passin');
  });
});

describe('certbench ca check', () => {
  let intact: string;
  let revokedSerial: string;
  let validSerial: string;
  beforeAll(async () => {
    intact = await newCa('check');
    validSerial = serialOf(await cli(['sign', '--dir', intact, '--csr', csr, '--out', path('check-1.crt'), '--passin', 'env:CA_PASS']));
    revokedSerial = serialOf(await cli(['sign', '--dir', intact, '--csr', csr, '--out', path('check-2.crt'), '--passin', 'env:CA_PASS']));
    expect((await cli(['revoke', '--dir', intact, '--serial', revokedSerial, '--reason', 'keyCompromise', '--passin', 'env:CA_PASS'])).status).toBe(0);
    for (const n of [1, 2]) expect((await cli(['crl', '--dir', intact, '--out', path(`check-${n}.crl`), '--passin', 'env:CA_PASS'])).status).toBe(0);
  });

  function tampered(name: string, edit: (dir: string) => void): string {
    const dir = path(`check-${name}`);
    cpSync(intact, dir, { recursive: true });
    edit(dir);
    return dir;
  }
  function editIndex(dir: string, f: (index: ReturnType<typeof indexOf>) => void): void {
    const index = indexOf(dir);
    f(index);
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2));
  }
  async function expectChanged(dir: string, ...named: string[]): Promise<void> {
    const r = await cli(['ca', 'check', '--dir', dir, '--passin', 'env:CA_PASS']);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('CHANGED outside certbench');
    for (const n of named) expect(r.stdout).toContain(n);
    // and nothing is signed with it
    const s = await cli(['sign', '--dir', dir, '--csr', csr, '--out', join(dir, 'never.crt'), '--passin', 'env:CA_PASS']);
    expect(s.status).toBe(1);
    expect(s.stderr).toContain('changed outside certbench, so nothing was written');
    expect(existsSync(join(dir, 'never.crt'))).toBe(false);
  }

  it('says an untouched directory is as certbench left it', async () => {
    const r = await cli(['ca', 'check', '--dir', intact, '--passin', 'env:CA_PASS']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('as certbench last left it');
    expect(r.stdout).toContain('sealed with an HMAC keyed from the passphrase');
    expect(r.stdout).toContain('2 certificate(s), 1 revoked; last CRL number 2');
  });

  it('names an edited inventory row', async () => {
    const dir = tampered('row', (d) => editIndex(d, (i) => void (i.issued.find((e) => e.serialHex === validSerial)!.subject = 'CN = someone else')));
    await expectChanged(dir, `serial ${validSerial}: subject differs from the issued certificate`);
  });

  it('names a removed revocation (un-revoke)', async () => {
    const dir = tampered('unrevoke', (d) =>
      editIndex(d, (i) => {
        const e = i.issued.find((x) => x.serialHex === revokedSerial)!;
        e.status = 'valid';
        delete e.revokedAt;
        delete e.revocationReason;
      }),
    );
    await expectChanged(dir, `serial ${revokedSerial} is marked valid, but its revocation (keyCompromise`);
  });

  it('names a lowered CRL number', async () => {
    const dir = tampered('crlnumber', (d) => editIndex(d, (i) => void (i.crlNumber = 1)));
    await expectChanged(dir, 'the CRL number is 1, but the log records CRL number 2 (lowered');
  });

  it('names a swapped ca.crt (and that ca.key no longer belongs to it)', async () => {
    const other = await newCa('check-other');
    const dir = tampered('swap', (d) => cpSync(join(other, 'ca.crt'), join(d, 'ca.crt')));
    await expectChanged(dir, 'the CA certificate is not the one this CA was created with', 'ca.key does not belong to the certificate in ca.crt');
  });

  it('names a log entry rewritten without the passphrase', async () => {
    const dir = tampered('log', (d) =>
      editIndex(d, (i) => {
        const log = (i as unknown as { log: { op: string; reason?: string }[] }).log;
        log.find((e) => e.op === 'revoke')!.reason = 'superseded';
      }),
    );
    await expectChanged(dir, 'seal does not verify: it was written or edited without the passphrase');
  });
});
