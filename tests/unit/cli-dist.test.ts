// Every command of the shipped CLI, run as a user runs it: `node dist/cli.mjs …` (`npm test` builds it first),
// the bundle made through the build's rewrites of third-party code. One PKI's life from a new CSR to a CRL, each
// step judged by openssl on the files written; the in-process tests (cli-*.test.ts) cover the options in depth.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { pemBeginLines } from './detect-helpers.ts';

const CLI = join(import.meta.dirname, '../../dist/cli.mjs');
const SOURCES = join(import.meta.dirname, '../../src');
const work = mkdtempSync(join(tmpdir(), 'certbench-dist-'));
const exercised = new Set<string>();

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function certbench(args: string[], input?: Buffer | string): Run {
  exercised.add(args[0]!);
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: work, input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

function openssl(args: string[], input?: Buffer): Run {
  const r = spawnSync('openssl', args, { cwd: work, input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

function ok(r: Run): Run {
  expect(r.status, r.stderr).toBe(0);
  return r;
}

const file = (name: string) => readFileSync(join(work, name));
const pemBody = (pem: Buffer) => openssl(['x509', '-outform', 'DER'], pem).stdout;

function newestSource(dir: string): number {
  return Math.max(
    ...spawnSync('find', [dir, '-type', 'f', '-newer', CLI], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map((f) => statSync(f).mtimeMs),
    0,
  );
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (\`npm test\` builds it)`);
  if (newestSource(SOURCES) > 0) throw new Error(`${CLI} is older than src/: run \`npm run build\` (\`npm test\` does)`);
});

describe('dist/cli.mjs, every command', () => {
  it('version and --help name the build and every command', () => {
    expect(ok(certbench(['version'])).stdout.toString()).toMatch(/^certbench \d+\.\d+\.\d+ \(commit [0-9a-f]{12}/);
    const help = ok(certbench(['--help'])).stdout.toString();
    expect(help).toMatch(/^usage: certbench <command>/);
  });

  it('csr writes a key and a request that openssl verifies, with the SANs asked for', () => {
    ok(certbench(['csr', '--subject', '/CN=web.example/O=Example', '--san', 'DNS:web.example', '--san', 'IP:10.0.0.7', '--san', 'email:ops@example.com', '--san', 'URI:spiffe://example/web', '--out-key', 'web.key', '--out-csr', 'web.csr']));
    ok(openssl(['req', '-in', 'web.csr', '-noout', '-verify']));
    expect(ok(openssl(['req', '-in', 'web.csr', '-noout', '-text'])).stdout.toString()).toContain('DNS:web.example, IP Address:10.0.0.7, email:ops@example.com, URI:spiffe://example/web');
    // The key is the request's: the same public key, byte for byte.
    expect(ok(openssl(['pkey', '-in', 'web.key', '-pubout'])).stdout).toEqual(ok(openssl(['req', '-in', 'web.csr', '-noout', '-pubkey'])).stdout);
  });

  it('dump prints the bytes openssl prints, from a file and from stdin', () => {
    const expected = ok(openssl(['req', '-in', 'web.csr', '-noout', '-text'])).stdout;
    expect(ok(certbench(['dump', 'web.csr'])).stdout).toEqual(expected);
    expect(ok(certbench(['dump'], file('web.csr'))).stdout).toEqual(expected);
  });

  it('ca init makes a CA that openssl prints as certbench does, and ca check finds it whole', () => {
    ok(certbench(['ca', 'init', '--dir', 'ca', '--no-passout', '--subject', '/CN=Dist Test CA', '--key-type', 'ec-p256']));
    expect(ok(certbench(['dump', 'ca/ca.crt'])).stdout).toEqual(ok(openssl(['x509', '-in', 'ca/ca.crt', '-noout', '-text'])).stdout);
    expect(ok(openssl(['x509', '-in', 'ca/ca.crt', '-noout', '-ext', 'basicConstraints'])).stdout.toString()).toContain('CA:TRUE');
    ok(certbench(['ca', 'check', '--dir', 'ca']));
  });

  it('ca import takes an openssl-made CA, and sign issues from it what openssl verifies', () => {
    ok(openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'imported.key', '-out', 'imported.crt', '-subj', '/CN=Imported CA', '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']));
    ok(certbench(['ca', 'import', '--dir', 'imported', '--cert', 'imported.crt', '--key', 'imported.key', '--no-passout']));
    ok(certbench(['sign', '--dir', 'imported', '--csr', 'web.csr', '--profile', 'server', '--out', 'web-imported.crt']));
    expect(ok(openssl(['verify', '-CAfile', 'imported.crt', 'web-imported.crt'])).stdout.toString()).toBe('web-imported.crt: OK\n');
  });

  it('sign, revoke and crl: openssl verifies the certificate, then finds it revoked in the CRL', () => {
    ok(certbench(['sign', '--dir', 'ca', '--csr', 'web.csr', '--out', 'web.crt', '--chain-out', 'chain.pem']));
    expect(ok(openssl(['verify', '-CAfile', 'ca/ca.crt', '-purpose', 'sslserver', 'web.crt'])).stdout.toString()).toBe('web.crt: OK\n');
    // The signed certificate carries the request's public key, byte for byte.
    expect(ok(openssl(['x509', '-in', 'web.crt', '-noout', '-pubkey'])).stdout).toEqual(ok(openssl(['req', '-in', 'web.csr', '-noout', '-pubkey'])).stdout);
    const serial = ok(openssl(['x509', '-in', 'web.crt', '-noout', '-serial'])).stdout.toString().trim().replace(/^serial=/, '');
    ok(certbench(['revoke', '--dir', 'ca', '--serial', serial, '--reason', 'keyCompromise']));
    ok(certbench(['crl', '--dir', 'ca', '--out', 'ca.crl']));
    expect(ok(openssl(['crl', '-in', 'ca.crl', '-noout', '-CAfile', 'ca/ca.crt'])).stderr).toContain('verify OK');
    const checked = openssl(['verify', '-crl_check', '-CRLfile', 'ca.crl', '-CAfile', 'ca/ca.crt', 'web.crt']);
    expect(checked.status).not.toBe(0);
    expect(checked.stdout.toString() + checked.stderr).toContain('certificate revoked');
    expect(ok(certbench(['dump', 'ca.crl'])).stdout).toEqual(ok(openssl(['crl', '-in', 'ca.crl', '-noout', '-text'])).stdout);
  });

  it('verify agrees with openssl: OK against the CA, refused (status 2) under the CRL', () => {
    ok(certbench(['verify', '--ca', 'ca/ca.crt', '--host', 'web.example', 'web.crt']));
    expect(certbench(['verify', '--ca', 'ca/ca.crt', '--crl', 'ca.crl', 'web.crt']).status).toBe(2);
  });

  it('lint and expiry read the certificate; expiry fails once it has expired', () => {
    const lint = certbench(['lint', '--usage', 'server', 'web.crt']);
    expect(lint.status, lint.stderr).not.toBeNull();
    expect(lint.stdout.toString()).toContain('web.crt');
    expect(ok(certbench(['expiry', 'web.crt', 'ca/ca.crt'])).stdout.toString()).toMatch(/^web +\w{3} \d\d, \d{4} [\s\S]*^ca +\w{3} \d\d, \d{4} /m);
    const later = certbench(['expiry', '--at', '2100-01-01T00:00:00Z', 'web.crt']);
    expect(later.status).toBe(1);
  });

  it('k8s csr, secret and kubeconfig carry the exact bytes of the files given', () => {
    const csr = parse(ok(certbench(['k8s', 'csr', '--csr', 'web.csr', '--name', 'web'])).stdout.toString()) as { kind: string; spec: { request: string } };
    expect(csr.kind).toBe('CertificateSigningRequest');
    expect(Buffer.from(csr.spec.request, 'base64')).toEqual(file('web.csr'));
    const secret = parse(ok(certbench(['k8s', 'secret', '--cert', 'web.crt', '--key', 'web.key', '--name', 'web-tls'])).stdout.toString()) as { type: string; data: Record<string, string> };
    expect(secret.type).toBe('kubernetes.io/tls');
    expect(pemBody(Buffer.from(secret.data['tls.crt']!, 'base64'))).toEqual(pemBody(file('web.crt')));
    expect(Buffer.from(secret.data['tls.key']!, 'base64')).toEqual(file('web.key'));
    // A kubeconfig needs a client certificate (the server one is refused: its EKU lacks clientAuth).
    expect(certbench(['k8s', 'kubeconfig', '--cert', 'web.crt', '--key', 'web.key', '--ca', 'ca/ca.crt', '--server', 'https://10.0.0.1:6443']).stderr).toContain('lacks clientAuth');
    ok(certbench(['sign', '--dir', 'ca', '--csr', 'web.csr', '--profile', 'client', '--out', 'client.crt']));
    const config = parse(ok(certbench(['k8s', 'kubeconfig', '--cert', 'client.crt', '--key', 'web.key', '--ca', 'ca/ca.crt', '--server', 'https://10.0.0.1:6443'])).stdout.toString()) as {
      clusters: { cluster: Record<string, string> }[];
      users: { user: Record<string, string> }[];
    };
    expect(Buffer.from(config.clusters[0]!.cluster['certificate-authority-data']!, 'base64')).toEqual(file('ca/ca.crt'));
    expect(Buffer.from(config.users[0]!.user['client-key-data']!, 'base64')).toEqual(file('web.key'));
  });

  it('dump --table rows each object with openssl\'s fingerprint and end date and counts the copy; dump in worker threads prints openssl\'s bytes', () => {
    writeFileSync(join(work, 'bundle.pem'), Buffer.concat([file('web.crt'), file('ca/ca.crt'), file('web.crt')]));
    const lines = ok(certbench(['dump', '--table', 'bundle.pem'])).stdout.toString().split('\n');
    expect(lines[0]).toMatch(/^Kind +Subject CN +Issuer CN +Not after \(days left\) +Key +SHA-256 +Copies +Origin$/);
    const fingerprint = (f: string) => ok(openssl(['x509', '-in', f, '-noout', '-fingerprint', '-sha256'])).stdout.toString().trim().replace(/^sha256 Fingerprint=/i, '');
    const endDate = (f: string) => ok(openssl(['x509', '-in', f, '-noout', '-enddate', '-dateopt', 'iso_8601'])).stdout.toString().trim().replace(/^notAfter=/, '').slice(0, 10);
    const rows = lines.slice(1, 4).map((l) => l.split(/ {2,}/));
    // The line each block begins on, counted in the file here.
    const begins = pemBeginLines(readFileSync(join(work, 'bundle.pem'), 'utf8'));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3]!.slice(0, 10), r[5], r[6], r[7]])).toEqual([
      ['certificate', 'web.example', 'Dist Test CA', endDate('web.crt'), fingerprint('web.crt'), '×2', `bundle.pem › block 1 (CERTIFICATE), line ${begins[0]}`],
      ['certificate', 'Dist Test CA', 'Dist Test CA', endDate('ca/ca.crt'), fingerprint('ca/ca.crt'), '-', `bundle.pem › block 2 (CERTIFICATE), line ${begins[1]}`],
      ['certificate', 'web.example', 'Dist Test CA', endDate('web.crt'), fingerprint('web.crt'), '×2', `bundle.pem › block 3 (CERTIFICATE), line ${begins[2]}`],
    ]);
    expect(lines.slice(4)).toEqual(['', '3 objects, 1 duplicate, 0 expired, 0 expire within 30 days', '']);
    // The shipped file is its own worker script: forced onto two workers, the bytes are still openssl's.
    const pooled = spawnSync(process.execPath, [CLI, 'dump', 'bundle.pem'], { cwd: work, env: { ...process.env, CERTBENCH_DUMP_WORKERS: '2' } });
    expect(pooled.status, pooled.stderr.toString()).toBe(0);
    const texts = ['web.crt', 'ca/ca.crt', 'web.crt'].map((f, i) => Buffer.concat([Buffer.from(`${i ? '\n' : ''}==> bundle.pem › block ${i + 1} (CERTIFICATE) <==\n`), ok(openssl(['x509', '-in', f, '-noout', '-text'])).stdout]));
    expect(pooled.stdout).toEqual(Buffer.concat(texts));
  });

  it('dump into a pipe its reader closes early (| head) ends quietly, with no EPIPE trace', () => {
    writeFileSync(join(work, 'many.pem'), Buffer.concat(Array.from({ length: 400 }, () => file('web.crt'))));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" dump many.pem 2>head.err | head -c 100 >/dev/null; echo \${PIPESTATUS[0]}`], { cwd: work, encoding: 'utf8' });
    expect(readFileSync(join(work, 'head.err'), 'utf8')).toBe('');
    expect(r.stdout.trim()).toBe('0');
  });

  it('cluster-pki writes a kubeadm PKI whose leaves openssl verifies against their CAs', () => {
    ok(certbench(['cluster-pki', '--layout', 'kubeadm', '--out', 'kubeadm.zip', '--node-name', 'cp1', '--advertise-address', '10.0.0.10']));
    const files = unzipSync(new Uint8Array(file('kubeadm.zip')));
    const pki = mkdtempSync(join(work, 'kubeadm-'));
    const save = (name: string) => {
      const path = join(pki, name.replaceAll('/', '_'));
      writeFileSync(path, files[Object.keys(files).find((k) => k.endsWith(name))!]!);
      return path;
    };
    const [ca, etcdCa, frontProxyCa] = [save('pki/ca.crt'), save('pki/etcd/ca.crt'), save('pki/front-proxy-ca.crt')];
    expect(ok(openssl(['verify', '-CAfile', ca, save('pki/apiserver.crt'), save('pki/apiserver-kubelet-client.crt')])).stdout.toString()).toMatch(/: OK\n.*: OK\n$/s);
    expect(ok(openssl(['verify', '-CAfile', etcdCa, save('pki/etcd/server.crt'), save('pki/etcd/peer.crt')])).stdout.toString()).toMatch(/: OK\n.*: OK\n$/s);
    expect(ok(openssl(['verify', '-CAfile', frontProxyCa, save('pki/front-proxy-client.crt')])).stdout.toString()).toMatch(/: OK\n$/);
  });

  it('p12 packs the certificate and its key; openssl opens it with the passphrase', () => {
    ok(certbench(['p12', '--cert', 'web.crt', '--key', 'web.key', '--chain', 'ca/ca.crt', '--passout', 'pass:dist-test-passphrase', '--out', 'web.p12']));
    const info = ok(openssl(['pkcs12', '-in', 'web.p12', '-nodes', '-passin', 'pass:dist-test-passphrase', '-nokeys', '-clcerts']));
    expect(pemBody(info.stdout)).toEqual(pemBody(file('web.crt')));
  });

  it('every command listed by --help was run above', () => {
    const listed = [...ok(certbench(['--help'])).stdout.toString().matchAll(/^ {2}([a-z][a-z0-9-]*) {2,}/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((c) => !exercised.has(c))).toEqual([]);
  });
});
