// Oracle helpers for the Kubernetes tests: a temp dir, openssl, and a bounded TLS handshake.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `certbench-${prefix}-`));
}

export function writeTree(dir: string, files: readonly { path: string; contents: string | Uint8Array }[]): void {
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.contents);
  }
}

export function run(cmd: string, args: string[], cwd: string, input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function openssl(args: string[], cwd: string, input?: string): string {
  const r = run('/usr/bin/openssl', args, cwd, input);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

const KUBECTL_CACHE = join(import.meta.dirname, '../../.tmp/tools/kubernetes-client');
const KUBECTL_INSTALL = 'apt-get download kubernetes-client && dpkg-deb -x kubernetes-client_*.deb DIR';
let kubectlPath: string | undefined;

/**
 * The kubectl the tests judge with: Debian's kubernetes-client (1.20), unpacked into a cache of the
 * test setup — never installed, so a kubectl already on the PATH is left alone and never used. Fetched
 * on first use; when that cannot be done the test fails with the command to run, it never skips.
 */
export function kubectl(): string {
  if (kubectlPath) return kubectlPath;
  const bin = join(KUBECTL_CACHE, 'usr/bin/kubectl');
  if (!existsSync(bin)) {
    // Test files run in parallel: each unpacks into a folder of its own and renames it into place; the first wins.
    mkdirSync(dirname(KUBECTL_CACHE), { recursive: true });
    const work = mkdtempSync(`${KUBECTL_CACHE}-`);
    const got = spawnSync('apt-get', ['download', 'kubernetes-client'], { cwd: work, encoding: 'utf8', timeout: 120_000 });
    const deb = readdirSync(work).find((f) => /^kubernetes-client_.*\.deb$/.test(f));
    if (got.status !== 0 || !deb) throw new Error(`kubectl for the tests could not be fetched (${got.stderr.trim() || got.status}); run: ${KUBECTL_INSTALL.replace('DIR', KUBECTL_CACHE)}`);
    const unpacked = spawnSync('dpkg-deb', ['-x', join(work, deb), join(work, 'root')], { encoding: 'utf8' });
    if (unpacked.status !== 0) throw new Error(`dpkg-deb -x ${deb} failed: ${unpacked.stderr}`);
    try {
      renameSync(join(work, 'root'), KUBECTL_CACHE);
    } catch {
      // another test file put it there first
    }
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(bin)) throw new Error(`kubectl is not at ${bin} after unpacking ${deb}`);
  }
  return (kubectlPath = bin);
}

/**
 * Starts `openssl s_server` on 127.0.0.1 with this certificate and key, runs `openssl s_client`
 * against it with `verifyArgs` and the CA file, and returns s_client's exit status and output.
 * Everything is bounded: the server accepts one connection and is killed after 15 s at most.
 */
export async function tlsHandshake(cwd: string, cert: string, key: string, caFile: string, verifyArgs: string[]): Promise<{ status: number | null; output: string }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn('/usr/bin/openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', cert, '-key', key, '-naccept', '1'], { cwd });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('s_server did not start within 10 s')), 10_000);
      const onData = (d: Buffer) => {
        if (d.toString().includes('ACCEPT')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s_server exited early (${code})`));
      });
    });
    const r = spawnSync('/usr/bin/openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-CAfile', caFile, '-verify_return_error', '-brief', ...verifyArgs], {
      cwd,
      input: '',
      encoding: 'utf8',
      timeout: 15_000,
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    server.kill();
  }
}
