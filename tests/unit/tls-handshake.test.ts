// Real TLS: openssl s_server presents a certbench-issued chain, s_client checks it. Only 127.0.0.1, bounded time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeyType } from '../../src/core/keys/key-types.ts';
import { hierarchy, opensslCsr, put, signCsrFile, work } from './ca-oracle.helper.ts';

const servers: ChildProcess[] = [];
afterAll(() => {
  for (const s of servers) s.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts s_server and resolves once it accepts connections (or fails after 10 s). */
async function startServer(args: string[]): Promise<{ port: number; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn('/usr/bin/openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-www', '-naccept', '20', ...args], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
  servers.push(proc);
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 10_000;
  while (!/ACCEPT/.test(out)) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`s_server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, proc };
}

/** s_client, run asynchronously so this process keeps draining s_server's output meanwhile. */
function client(port: number, args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn('/usr/bin/openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-verify_return_error', '-brief', ...args], { cwd: work });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
    // Keep stdin open a moment: in TLS 1.3 the server's verdict on a client certificate arrives after the handshake.
    proc.stdin.write('GET / HTTP/1.0\r\n\r\n');
    setTimeout(() => proc.stdin.end(), 700);
  });
}

const TYPES: KeyType[] = ['rsa2048', 'ec-p256', 'ed25519'];

describe.each(TYPES)('TLS with a %s CA', (keyType) => {
  it('s_client verifies every DNS and IP SAN, and rejects a name not in the certificate; mTLS accepts a client cert of the CA and rejects another CA', async () => {
    const h = await hierarchy(keyType, `tls-${keyType}`);
    const other = await hierarchy(keyType, `tls-other-${keyType}`);
    const { csrPath, keyPath } = opensslCsr(`tls-srv-${keyType}`, keyType, '/CN=server', ['DNS:localhost', 'DNS:svc.example.test', 'IP:127.0.0.1', 'IP:::1']);
    const issued = await signCsrFile(h.intermediate, csrPath, 'server');
    const leaf = put(`tls-leaf-${keyType}.pem`, issued.pem);
    const { port, proc } = await startServer(['-cert', leaf, '-cert_chain', h.intPem, '-key', keyPath, '-Verify', '1', '-CAfile', h.rootPem, '-verify_return_error']);

    const cli = opensslCsr(`tls-cli-${keyType}`, keyType, '/CN=client', ['email:client@example.test']);
    const clientCert = put(`tls-cli-${keyType}.pem`, (await signCsrFile(h.intermediate, cli.csrPath, 'client')).pem);
    const stranger = opensslCsr(`tls-str-${keyType}`, keyType, '/CN=stranger', ['DNS:stranger.test']);
    const strangerCert = put(`tls-str-${keyType}.pem`, (await signCsrFile(other.intermediate, stranger.csrPath, 'client')).pem);
    const asClient = ['-cert', clientCert, '-cert_chain', h.intPem, '-key', cli.keyPath, '-CAfile', h.rootPem];

    for (const name of ['localhost', 'svc.example.test']) {
      const r = await client(port, [...asClient, '-verify_hostname', name]);
      expect(r.out, name).toMatch(/Verification: OK/);
      expect(r.status, r.out).toBe(0);
    }
    for (const ip of ['127.0.0.1', '::1']) {
      const r = await client(port, [...asClient, '-verify_ip', ip]);
      expect(r.out, ip).toMatch(/Verification: OK/);
    }
    const wrong = await client(port, [...asClient, '-verify_hostname', 'evil.example.test']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.out).toMatch(/hostname mismatch/);
    const wrongIp = await client(port, [...asClient, '-verify_ip', '10.9.9.9']);
    expect(wrongIp.out).toMatch(/IP address mismatch/);

    // mTLS: a client certificate from another CA is refused by the server (TLS 1.3 reports it on read)
    const refused = await client(port, ['-cert', strangerCert, '-cert_chain', other.intPem, '-key', stranger.keyPath, '-CAfile', h.rootPem, '-verify_hostname', 'localhost']);
    expect(refused.out).toMatch(/alert unknown ca/);
    expect(refused.status).not.toBe(0);
    const accepted = await client(port, [...asClient, '-verify_hostname', 'localhost']);
    expect(accepted.out).not.toMatch(/alert/);
    expect(accepted.out).toMatch(/HTTP\/1\.0 200 ok/i);
    expect(accepted.status).toBe(0);
    proc.kill('SIGKILL');
  });
});
