/**
 * `npm run release` (scripts/release.mjs) as a reviewer runs it, judged by the tools they use: two
 * fresh clones of HEAD, in different folders, clocks, time zones, locales, umasks and core.autocrlf, release byte-identical
 * files (html, CLI tarball, licences, SHA256SUMS), none holding a path of the machine; `sha256sum -c
 * SHA256SUMS` passes; the tarball installs with npm in an empty folder with no registry reachable,
 * its `certbench --version` names the cloned commit and its `certbench dump` prints what openssl does.
 *
 * Clones, not this working tree: other work in progress here (or a commit made meanwhile) must not
 * make the two builds differ. So the test releases what is committed: commit a change to the release
 * before judging it here.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { packedStream } from '../../scripts/bench/size.mjs';

const root = resolve(import.meta.dirname, '../..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const COMMIT = git('rev-parse', 'HEAD');
const VERSION = (JSON.parse(git('show', `${COMMIT}:package.json`)) as { version: string }).version;
const run = promisify(execFile);
/** Loaded with --import: Date (now, new Date(), Date()) 400 days ahead, everything else as it was. */
const CLOCK_AHEAD = `const RealDate = Date;
const shift = 400 * 86_400_000;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [RealDate.now() + shift], newTarget),
  apply: () => new RealDate(RealDate.now() + shift).toString(),
  get: (target, prop, receiver) => (prop === 'now' ? () => RealDate.now() + shift : Reflect.get(target, prop, receiver)),
});
`;
const FILES = [`certbench-${VERSION}.html`, `certbench-${VERSION}.tgz`, 'THIRD-PARTY-LICENSES.txt', 'SHA256SUMS'];

describe('npm run release from a fresh clone', () => {
  let work: string;
  // The second "machine" keeps its clone deeper, under another name, with spaces in the path.
  const clone = (n: number) => join(work, n === 1 ? 'machine-1/certbench' : 'another machine 2/home/someone/My Projects/certbench');
  const out = (n: number) => join(clone(n), 'release');

  function cloneAt(dir: string, sha: string, ...config: string[]) {
    mkdirSync(dir, { recursive: true });
    execFileSync('git', ['clone', '--quiet', '--shared', '--no-checkout', ...config.flatMap((c) => ['--config', c]), root, dir]);
    execFileSync('git', ['checkout', '--quiet', '--detach', sha], { cwd: dir });
    // The packages `npm ci` would install (package-lock.json), copied from this checkout as hard
    // links to save the time. A copy, not a symlink: the bundler names modules by their real path
    // relative to the project, so a linked node_modules would put this checkout's path in the CLI.
    const copy = spawnSync('cp', ['-al', join(root, 'node_modules'), join(dir, 'node_modules')]);
    if (copy.status !== 0) execFileSync('cp', ['-a', join(root, 'node_modules'), join(dir, 'node_modules')]);
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'certbench-release-test-'));
    cloneAt(clone(1), COMMIT);
    // As Git for Windows clones by default (.gitattributes keeps the line ends LF all the same).
    cloneAt(clone(2), COMMIT, 'core.autocrlf=true');
    // The second machine's clock is 400 days ahead for every Node process of its build (npm, the
    // release script, vite and its plugins): a date the build took from the clock would differ.
    const clock = join(work, 'clock-400-days-ahead.mjs');
    writeFileSync(clock, CLOCK_AHEAD);
    // Both at once (each is two builds); the second in another time zone, locale and umask: none may reach the output.
    // And `npm run build` in the first clone: the dist/ the e2e tests open is to be the release's bytes.
    await Promise.all([
      run('npm', ['run', '--silent', 'release'], { cwd: clone(1) }),
      run('npm', ['run', '--silent', 'build'], { cwd: clone(1) }),
      run('sh', ['-c', 'umask 077 && exec npm run --silent release'], {
        cwd: clone(2),
        env: { ...process.env, TZ: 'Pacific/Kiritimati', LC_ALL: 'C', LANG: 'C', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(clock).href}`.trim() },
      }),
    ]);
    // The preload does shift a Node process's clock (the builds above ran under it).
    const ahead = execFileSync(process.execPath, ['-p', 'Date.now()'], {
      env: { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(clock).href}` },
      encoding: 'utf8',
    });
    expect((Number(ahead) - Date.now()) / 86_400_000).toBeGreaterThan(399);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

  it('writes the html, the CLI tarball, the licences and SHA256SUMS, and two builds are byte-identical', () => {
    expect(readdirSync(out(1)).sort()).toEqual([...FILES].sort());
    for (const f of FILES) expect(readFileSync(join(out(1), f)).equals(readFileSync(join(out(2), f))), f).toBe(true);
  });

  it('is what npm run build writes in dist/ (the file the e2e tests open), html and cli.mjs alike', () => {
    expect(readFileSync(join(clone(1), 'dist/index.html')).equals(readFileSync(join(out(1), FILES[0])))).toBe(true);
    const cli = execFileSync('tar', ['xzOf', FILES[1], 'package/cli.mjs'], { cwd: out(1), maxBuffer: 64 << 20 });
    expect(readFileSync(join(clone(1), 'dist/cli.mjs')).equals(cli)).toBe(true);
  });

  it('holds no path of the machine that built it (the source folder, the temporary build folders)', () => {
    const page = readFileSync(join(out(1), FILES[0]));
    const html = page.toString('latin1');
    // Every chunk and the stylesheet, inflated from the page's one packed stream (its first line lists the chunks).
    const { stream } = packedStream(page);
    const chunks = [stream.toString('utf8')];
    expect(Object.keys(JSON.parse(chunks[0]!.slice(0, chunks[0]!.indexOf('\n'))).chunks).length).toBeGreaterThan(10);
    const cli = execFileSync('tar', ['xzOf', FILES[1], 'package/cli.mjs'], { cwd: out(1), encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(cli).toMatch(/^#!\/usr\/bin\/env node/);
    for (const text of [html, cli, ...chunks]) {
      // scripts/release.mjs builds in mkdtemp(certbench-release-…); the clones are under `work`; their node_modules is this checkout's.
      for (const path of [root, work, 'certbench-release-']) expect(text.includes(path), path).toBe(false);
    }
  });

  it('passes sha256sum -c and shasum -a 256 -c (the Linux and macOS checks the README gives), and a changed file fails both', () => {
    for (const [cmd, args] of [['sha256sum', ['-c', 'SHA256SUMS']], ['shasum', ['-a', '256', '-c', 'SHA256SUMS']]] as const) {
      const ok = spawnSync(cmd, args, { cwd: out(1), encoding: 'utf8' });
      expect(ok.status, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout.trim().split('\n').sort(), cmd).toEqual(FILES.slice(0, 3).map((f) => `${f}: OK`).sort());
    }
    // The html's line is what openssl computes too (Windows' Get-FileHash is compared with it by eye).
    const openssl = execFileSync('openssl', ['dgst', '-sha256', '-r', FILES[0]], { cwd: out(1), encoding: 'utf8' }).split(' ')[0];
    expect(readFileSync(join(out(1), 'SHA256SUMS'), 'utf8')).toContain(`${openssl}  ${FILES[0]}\n`);
    execFileSync('sh', ['-c', `printf x >> ${JSON.stringify(FILES[2])}`], { cwd: out(2) });
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out(2) }).status).not.toBe(0);
    expect(spawnSync('shasum', ['-a', '256', '-c', 'SHA256SUMS'], { cwd: out(2) }).status).not.toBe(0);
  });

  it('packs the CLI with its licences and no dependency to fetch', () => {
    const listing = execFileSync('tar', ['tzf', FILES[1]], { cwd: out(1), encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual(['package/LICENSE', 'package/README.md', 'package/THIRD-PARTY-LICENSES.txt', 'package/cli.mjs', 'package/package.json']);
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', FILES[1], 'package/package.json'], { cwd: out(1), encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'certbench', version: VERSION, bin: { certbench: 'cli.mjs' } });
    expect(manifest.dependencies).toBeUndefined();
    // No clock in the tarball: gzip's MTIME is 0, each tar entry has npm's fixed 1985-10-26 time.
    const tgz = readFileSync(join(out(1), FILES[1]));
    expect(tgz.readUInt32LE(4)).toBe(0);
    const tar = gunzipSync(tgz);
    const mtimes = new Set<number>();
    for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
      const size = parseInt(tar.subarray(at + 124, at + 136).toString('latin1'), 8);
      mtimes.add(parseInt(tar.subarray(at + 136, at + 148).toString('latin1'), 8));
      at += 512 + Math.ceil(size / 512) * 512;
    }
    expect([...mtimes].map((t) => new Date(t * 1000).toISOString().slice(0, 10))).toEqual(['1985-10-26']);
    const licences = readFileSync(join(out(1), 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const name of ['pkijs', 'asn1js', 'yaml', 'svelte', 'idb-keyval']) expect(licences).toMatch(new RegExp(`^${name} \\S+ \\(`, 'm'));
  });

  it('installs offline from the tarball; certbench --version names this version and commit, and dump prints what openssl prints', () => {
    const dir = join(work, 'empty');
    execFileSync('mkdir', ['-p', dir]);
    const env = { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false' };
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(out(1), FILES[1])], { cwd: dir, env, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    const version = execFileSync('npx', ['--offline', 'certbench', '--version'], { cwd: dir, env, encoding: 'utf8' });
    // A fresh clone is clean: no -dirty marker.
    const date = new Date(Number(git('log', '-1', '--format=%ct', COMMIT)) * 1000).toISOString().replace('.000Z', 'Z');
    expect(version).toBe(`certbench ${VERSION} (commit ${COMMIT.slice(0, 12)}, built ${date})\n`);
    // More than the entry point: a command that parses a certificate, judged by openssl.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-subj', '/CN=air-gapped.example', '-days', '30', '-addext', 'subjectAltName=DNS:air-gapped.example'], { cwd: dir, stdio: 'ignore' });
    const dumped = execFileSync('npx', ['--offline', 'certbench', 'dump', 'c.pem'], { cwd: dir, env, encoding: 'utf8' });
    expect(dumped).toContain('DNS:air-gapped.example');
    expect(dumped).toBe(execFileSync('openssl', ['x509', '-in', 'c.pem', '-noout', '-text'], { cwd: dir, encoding: 'utf8' }));
  });
});
