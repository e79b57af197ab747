/**
 * What a build says about itself (scripts/build-info.ts → src/core/build-info.ts), on git
 * repositories made here and judged by git: the commit is git's HEAD, -dirty only when a tracked
 * file changed, the date is the commit's time unless SOURCE_DATE_EPOCH says otherwise (a malformed
 * one fails), and a tree outside git — or unpacked inside another project's checkout — says
 * "unknown" rather than borrowing a commit. And the bundled-licence list
 * (scripts/vite-third-party-licences.ts) from a bundle of modules in a node_modules made here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readBuildInfo } from '../../scripts/build-info.ts';
import { licencesText, packageDirOf, thirdPartyLicences } from '../../scripts/vite-third-party-licences.ts';
import { shortCommit, versionLine } from '../../src/core/build-info.ts';

let work: string;
const saved = { SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH, CERTBENCH_COMMIT: process.env.CERTBENCH_COMMIT, GIT_CEILING_DIRECTORIES: process.env.GIT_CEILING_DIRECTORIES };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

function project(dir: string, version = '1.2.3'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'certbench', version }));
  return dir;
}

function repo(dir: string, commitTime: number): string {
  project(dir);
  git(dir, 'init', '--quiet');
  git(dir, 'add', 'package.json');
  const stamp = `@${commitTime} +0000`;
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '--quiet', '-m', 'one'], {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp },
  });
  return dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'certbench-build-info-'));
  // git must not find a repository above the temporary folder (it would if TMPDIR were inside one).
  process.env.GIT_CEILING_DIRECTORIES = work;
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (k !== 'GIT_CEILING_DIRECTORIES') v === undefined ? delete process.env[k] : (process.env[k] = v);
});
afterAll(() => {
  saved.GIT_CEILING_DIRECTORIES === undefined ? delete process.env.GIT_CEILING_DIRECTORIES : (process.env.GIT_CEILING_DIRECTORIES = saved.GIT_CEILING_DIRECTORIES);
  rmSync(work, { recursive: true, force: true });
});

describe('build info', () => {
  it("names git's HEAD and the commit's time, and -dirty only when a tracked file changed", () => {
    delete process.env.SOURCE_DATE_EPOCH;
    delete process.env.CERTBENCH_COMMIT;
    const dir = repo(join(work, 'clean'), 1_700_000_000);
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(readBuildInfo(dir)).toEqual({ version: '1.2.3', commit: head, date: '2023-11-14T22:13:20Z' });
    writeFileSync(join(dir, 'untracked.txt'), 'x');
    expect(readBuildInfo(dir).commit).toBe(head);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'certbench', version: '1.2.4' }));
    expect(readBuildInfo(dir)).toEqual({ version: '1.2.4', commit: `${head}-dirty`, date: '2023-11-14T22:13:20Z' });
  });

  it('takes the date from SOURCE_DATE_EPOCH over the commit, and refuses a malformed one', () => {
    const dir = repo(join(work, 'epoch'), 1_700_000_000);
    process.env.SOURCE_DATE_EPOCH = '0';
    expect(readBuildInfo(dir).date).toBe('1970-01-01T00:00:00Z');
    process.env.SOURCE_DATE_EPOCH = '1733400000';
    expect(readBuildInfo(dir).date).toBe(new Date(1_733_400_000_000).toISOString().replace('.000Z', 'Z'));
    for (const bad of ['2024-12-05', '-1', '1.5', ' 17']) {
      process.env.SOURCE_DATE_EPOCH = bad;
      expect(() => readBuildInfo(dir), bad).toThrow(/SOURCE_DATE_EPOCH/);
    }
  });

  it('says "unknown" outside git, and inside another checkout does not take its commit', () => {
    delete process.env.SOURCE_DATE_EPOCH;
    delete process.env.CERTBENCH_COMMIT;
    const unpacked = project(join(work, 'unpacked'), '2.0.0');
    expect(readBuildInfo(unpacked)).toEqual({ version: '2.0.0', commit: 'unknown', date: 'unknown' });
    const outer = repo(join(work, 'outer'), 1_600_000_000);
    const nested = project(join(outer, 'vendor', 'certbench'), '2.0.0');
    expect(readBuildInfo(nested)).toEqual({ version: '2.0.0', commit: 'unknown', date: 'unknown' });
    // A packager that knows the commit of the tree it unpacked can say so, with the date beside it.
    process.env.CERTBENCH_COMMIT = 'a'.repeat(40);
    process.env.SOURCE_DATE_EPOCH = '1600000000';
    expect(readBuildInfo(unpacked)).toEqual({ version: '2.0.0', commit: 'a'.repeat(40), date: '2020-09-13T12:26:40Z' });
  });

  it('prints --version with the short commit, its -dirty marker, and "unknown" as it is', () => {
    const full = '0123456789abcdef0123456789abcdef01234567';
    expect(shortCommit(full)).toBe('0123456789ab');
    expect(shortCommit(`${full}-dirty`)).toBe('0123456789ab-dirty');
    expect(versionLine({ version: '0.1.0', commit: `${full}-dirty`, date: '2026-12-05T17:00:00Z' })).toBe('certbench 0.1.0 (commit 0123456789ab-dirty, built 2026-12-05T17:00:00Z)');
    expect(versionLine({ version: '0.1.0', commit: 'unknown', date: 'unknown' })).toBe('certbench 0.1.0 (commit unknown, built unknown)');
  });
});

describe('bundled licences', () => {
  function pkg(name: string, license: string | undefined, licenceFile: string | undefined) {
    const dir = join(work, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...(license ? { license } : {}) }));
    if (licenceFile) writeFileSync(join(dir, licenceFile), `${name} licence text\n`);
    return dir;
  }

  function generate(ids: Record<string, number>, code = 'export default JSON.parse("__CERTBENCH_THIRD_PARTY_LICENCES__");') {
    const plugin = thirdPartyLicences(work, 'LICENCES.txt');
    (plugin.configResolved as (c: { command: string }) => void)({ command: 'build' });
    const chunk = { type: 'chunk', fileName: 'main.js', code, modules: Object.fromEntries(Object.entries(ids).map(([id, renderedLength]) => [id, { renderedLength }])) };
    const context = {
      error: (m: string) => {
        throw new Error(m);
      },
    };
    (plugin.generateBundle as unknown as (this: typeof context, o: object, b: Record<string, typeof chunk>) => void).call(context, {}, { 'main.js': chunk });
    return chunk.code;
  }

  it('finds the package of a bundled module, scoped or not, nested or not', () => {
    expect(packageDirOf('/p/node_modules/pkijs/build/index.es.js')).toBe('/p/node_modules/pkijs');
    expect(packageDirOf('/p/node_modules/@noble/curves/esm/p256.js')).toBe('/p/node_modules/@noble/curves');
    expect(packageDirOf('/p/node_modules/pkijs/node_modules/asn1js/build/index.js')).toBe('/p/node_modules/pkijs/node_modules/asn1js');
    expect(packageDirOf('C:\\p\\node_modules\\yaml\\dist\\index.js')).toBe('C:/p/node_modules/yaml');
    expect(packageDirOf('/p/src/core/index.ts')).toBeUndefined();
  });

  it('lists each package that put code in the bundle with its licence text, sorted, and fills the app list', () => {
    const b = pkg('b-lib', 'MIT', 'LICENSE');
    const a = pkg('@scope/a-lib', 'ISC', 'LICENCE.md');
    const unused = pkg('tree-shaken', 'MIT', 'LICENSE');
    const code = generate({ [join(b, 'index.js')]: 10, [join(b, 'util.js')]: 5, [join(a, 'x.js')]: 3, [join(unused, 'index.js')]: 0, [join(work, 'src/app.ts')]: 99 });
    const filled = JSON.parse(JSON.parse(code.slice(code.indexOf('JSON.parse(') + 11, code.lastIndexOf(')')))) as { name: string; license: string; text: string }[];
    expect(filled).toEqual([
      { name: '@scope/a-lib', version: '1.0.0', license: 'ISC', text: '@scope/a-lib licence text' },
      { name: 'b-lib', version: '1.0.0', license: 'MIT', text: 'b-lib licence text' },
    ]);
    expect(licencesText(filled as never)).toContain('========================================================================\n@scope/a-lib 1.0.0 (ISC)\n');
  });

  it('fails the build for a bundled package without a licence file or licence field', () => {
    const nofile = pkg('no-licence-file', 'MIT', undefined);
    expect(() => generate({ [join(nofile, 'index.js')]: 1 })).toThrow(/no-licence-file: no licence file/);
    const nofield = pkg('no-licence-field', undefined, 'LICENSE');
    expect(() => generate({ [join(nofield, 'index.js')]: 1 })).toThrow(/no-licence-field: no licence file or no "license"/);
  });
});
