// `npm run release`: the files a person carries to an air-gapped machine, built reproducibly from
// the checked-out commit (SOURCE_DATE_EPOCH = the commit's time; two runs give the same bytes):
//   release/certbench-VERSION.html       the app, one file to open from disk
//   release/certbench-VERSION.tgz        the CLI as `npm pack` makes it, no dependencies to fetch
//   release/THIRD-PARTY-LICENSES.txt     every bundled package with its licence text
//   release/SHA256SUMS                   for `sha256sum -c SHA256SUMS`
// Builds in a temporary folder, so dist/ is left as it is. `--out DIR` writes elsewhere.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzip, ungzip } from 'pako';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// fileURLToPath, not .pathname: a checkout under "My Projects" would be "My%20Projects".
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const outArg = process.argv.indexOf('--out');
if (outArg > 0 && !process.argv[outArg + 1]) {
  process.stderr.write('usage: npm run release [-- --out DIR]\n');
  process.exit(2);
}
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : 'release');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const git = (...args) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return undefined;
  }
};
const epoch = process.env.SOURCE_DATE_EPOCH || git('log', '-1', '--format=%ct');
if (!epoch) {
  process.stderr.write('release: not a git checkout, so there is no commit time to build with: set SOURCE_DATE_EPOCH (seconds since 1970)\n');
  process.exit(1);
}
const env = { ...process.env, SOURCE_DATE_EPOCH: epoch };
// Changed tracked files go into the build (which then says "-dirty"), but no one can rebuild them from the commit.
const changed = git('status', '--porcelain', '--untracked-files=no');
if (changed) {
  process.stderr.write(`release: tracked files differ from the commit, so this release is marked -dirty and cannot be rebuilt from it:\n${changed}\nRelease from a clean checkout (a fresh clone) to publish.\n`);
}
const work = mkdtempSync(join(tmpdir(), 'certbench-release-'));
try {
  const dist = join(work, 'dist');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', dist], { env, stdio: 'inherit' });
  execFileSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn', '--outDir', dist], { env, stdio: 'inherit' });

  // The CLI is one self-contained file (vite.cli.config.ts bundles everything), so the package it
  // ships in lists no dependencies: `npm install ./certbench-VERSION.tgz` needs no registry.
  const stage = join(work, 'package');
  mkdirSync(stage);
  const licences = mergeLicences(readFileSync(join(dist, 'THIRD-PARTY-LICENSES.txt'), 'utf8'), readFileSync(join(dist, 'cli-THIRD-PARTY-LICENSES.txt'), 'utf8'));
  copyFileSync(join(dist, 'cli.mjs'), join(stage, 'cli.mjs'));
  copyFileSync('README.md', join(stage, 'README.md'));
  copyFileSync('LICENSE', join(stage, 'LICENSE'));
  writeFileSync(join(stage, 'THIRD-PARTY-LICENSES.txt'), readFileSync(join(dist, 'cli-THIRD-PARTY-LICENSES.txt')));
  const packed = {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    type: 'module',
    engines: pkg.engines,
    bin: { certbench: 'cli.mjs' },
    files: ['cli.mjs', 'README.md', 'LICENSE', 'THIRD-PARTY-LICENSES.txt'],
  };
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(packed, null, 2)}\n`);
  // npm pack keeps file modes, which the umask shaped: set them, so the tarball does not depend on it.
  for (const f of packed.files.concat('package.json')) chmodSync(join(stage, f), f === 'cli.mjs' ? 0o755 : 0o644);

  // Only an earlier release's files go (an old version's would sit beside this one's): --out may name a folder holding other things.
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (/^certbench-.+\.(html|tgz)$|^THIRD-PARTY-LICENSES\.txt$|^SHA256SUMS$/.test(f)) rmSync(join(out, f));
  const html = `certbench-${pkg.version}.html`;
  const tgz = `certbench-${pkg.version}.tgz`;
  copyFileSync(join(dist, 'index.html'), join(out, html));
  execFileSync('npm', ['pack', stage, '--pack-destination', out, '--silent', '--offline', '--ignore-scripts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  // npm's tar is fixed (mtimes 1985-10-26, modes set above) but its gzip is node:zlib's, whose bytes
  // have changed between Node releases: the same tar, gzipped again by pako (pinned; header MTIME 0).
  const tar = ungzip(readFileSync(join(out, tgz)));
  writeFileSync(join(out, tgz), gzip(tar, { level: 9 }));
  writeFileSync(join(out, 'THIRD-PARTY-LICENSES.txt'), licences);
  const sums = [html, tgz, 'THIRD-PARTY-LICENSES.txt'].map((f) => `${createHash('sha256').update(readFileSync(join(out, f))).digest('hex')}  ${f}\n`).join('');
  writeFileSync(join(out, 'SHA256SUMS'), sums);
  // npm's version decides the tar in the tarball: said here, for the release notes, so a rebuild can use the same.
  const npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
  process.stdout.write(`release of certbench ${pkg.version} (commit time ${new Date(Number(epoch) * 1000).toISOString()}; Node ${process.versions.node}, npm ${npmVersion}) in ${out}:\n${sums}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The app's and the CLI's lists as one, each package once (blocks as scripts/vite-third-party-licences.ts writes them). */
function mergeLicences(...texts) {
  const blocks = new Map();
  let head = '';
  for (const text of texts) {
    const parts = text.split(/^(?=={72}\n[^\n]+\n={72}\n)/m);
    head = parts[0];
    for (const block of parts.slice(1)) blocks.set(block.split('\n')[1], block);
  }
  // By code unit, not localeCompare: collation is ICU's, which differs between Node builds.
  return head + [...blocks.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => blocks.get(k)).join('');
}
