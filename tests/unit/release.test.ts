/**
 * `npm run release` (scripts/release.mjs), judged by the tools a reviewer uses: two releases of this
 * checkout built in different temporary folders are byte-identical (html, CLI tarball, licences,
 * SHA256SUMS); `sha256sum -c SHA256SUMS` passes; the tarball installs with npm in an empty folder
 * with no registry reachable, and its `certbench --version` names the commit git names.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const FILES = [`certbench-${VERSION}.html`, `certbench-${VERSION}.tgz`, 'THIRD-PARTY-LICENSES.txt', 'SHA256SUMS'];

describe('npm run release', () => {
  let work: string;
  const out = (n: number) => join(work, `machine-${n}`, 'release');

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'certbench-release-test-'));
    // The second "machine" has another folder, time zone, locale and umask: none may reach the output.
    execFileSync(process.execPath, ['scripts/release.mjs', '--out', out(1)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('sh', ['-c', 'umask 077 && exec "$0" scripts/release.mjs --out "$1"', process.execPath, out(2)], {
      cwd: root,
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes the html, the CLI tarball, the licences and SHA256SUMS, and two builds are byte-identical', () => {
    expect(readdirSync(out(1)).sort()).toEqual([...FILES].sort());
    for (const f of FILES) expect(readFileSync(join(out(1), f)).equals(readFileSync(join(out(2), f))), f).toBe(true);
  });

  it('passes sha256sum -c, and a changed file fails it', () => {
    const ok = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out(1), encoding: 'utf8' });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout.trim().split('\n').sort()).toEqual(FILES.slice(0, 3).map((f) => `${f}: OK`).sort());
    execFileSync('sh', ['-c', `printf x >> ${JSON.stringify(FILES[2])}`], { cwd: out(2) });
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out(2) }).status).not.toBe(0);
  });

  it('packs the CLI with its licences and no dependency to fetch', () => {
    const listing = execFileSync('tar', ['tzf', FILES[1]], { cwd: out(1), encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual(['package/LICENSE', 'package/README.md', 'package/THIRD-PARTY-LICENSES.txt', 'package/cli.mjs', 'package/package.json']);
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', FILES[1], 'package/package.json'], { cwd: out(1), encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'certbench', version: VERSION, bin: { certbench: 'cli.mjs' } });
    expect(manifest.dependencies).toBeUndefined();
    const licences = readFileSync(join(out(1), 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const name of ['pkijs', 'asn1js', 'yaml', 'svelte', 'idb-keyval']) expect(licences).toMatch(new RegExp(`^${name} \\S+ \\(`, 'm'));
  });

  it('installs offline from the tarball, and certbench --version names this version and commit', () => {
    const dir = join(work, 'empty');
    execFileSync('mkdir', ['-p', dir]);
    const env = { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false' };
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(out(1), FILES[1])], { cwd: dir, env, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    const version = execFileSync('npx', ['--offline', 'certbench', '--version'], { cwd: dir, env, encoding: 'utf8' });
    const head = git('rev-parse', 'HEAD').slice(0, 12);
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '' ? '-dirty' : '';
    const date = new Date(Number(git('log', '-1', '--format=%ct')) * 1000).toISOString().replace('.000Z', 'Z');
    expect(version).toBe(`certbench ${VERSION} (commit ${head}${dirty}, built ${date})\n`);
  });
});
