import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  text: string;
}

const VIRTUAL = 'virtual:certbench-licences';
const PLACEHOLDER = '__CERTBENCH_THIRD_PARTY_LICENCES__';
const RULE = '='.repeat(72);

/** The package a bundled module comes from: the path after its last node_modules/ (scoped or not). */
export function packageDirOf(id: string): string | undefined {
  const path = id.replace(/\\/g, '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = path.slice(at + '/node_modules/'.length).split('/');
  const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return path.slice(0, at + '/node_modules/'.length) + name;
}

function readPackage(dir: string): BundledPackage {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (!file || !pkg.license) throw new Error(`${pkg.name}: no licence file or no "license" in its package.json; certbench does not ship a package without its licence`);
  return { name: pkg.name, version: pkg.version, license: pkg.license, text: readFileSync(join(dir, file), 'utf8').trim() };
}

export function licencesText(packages: readonly BundledPackage[]): string {
  const head = 'certbench bundles the following packages; each is listed with its licence as the package ships it.\n';
  return [head, ...packages.map((p) => `${RULE}\n${p.name} ${p.version} (${p.license})\n${RULE}\n\n${p.text}\n`)].join('\n');
}

/**
 * Lists every third-party package the build bundled, read from the modules the bundler put in the
 * output (not from package.json, which names more than ships), with its licence text: written as
 * `fileName` beside the build, and given to the app as `virtual:certbench-licences` (its About
 * panel). A bundled package without a licence file fails the build.
 */
export function thirdPartyLicences(root: string, fileName: string): Plugin {
  let packages: BundledPackage[] = [];
  let building = false;
  let usedVirtual = false;
  return {
    name: 'certbench-third-party-licences',
    enforce: 'post',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      if (id !== VIRTUAL) return undefined;
      usedVirtual = true;
      return `\0${VIRTUAL}`;
    },
    // From source (vite dev, tests) nothing is bundled yet: the list is empty there.
    load: (id) => (id === `\0${VIRTUAL}` ? `export default ${building ? `JSON.parse(${JSON.stringify(PLACEHOLDER)})` : '[]'};` : undefined),
    generateBundle(_options, bundle) {
      const dirs = new Set<string>();
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        for (const [id, info] of Object.entries(out.modules)) {
          const dir = packageDirOf(id.replace(/^\0/, '').replace(/\?.*$/, ''));
          if (dir && info.renderedLength > 0) dirs.add(dir);
        }
      }
      packages = [...dirs].map(readPackage).sort((a, b) => a.name.localeCompare(b.name, 'en'));
      // The minifier may quote the placeholder with ", ' or `.
      const literal = new RegExp(`(["'\`])${PLACEHOLDER}\\1`, 'g');
      const data = JSON.stringify(JSON.stringify(packages));
      let filled = 0;
      for (const out of Object.values(bundle)) {
        if (out.type === 'chunk' && out.code.includes(PLACEHOLDER)) {
          out.code = out.code.replace(literal, () => (filled++, data));
          if (out.code.includes(PLACEHOLDER)) this.error(`${out.fileName}: the licence list's placeholder is written in a way this plugin does not replace`);
        }
      }
      if (building && usedVirtual && filled === 0) this.error('the app imports the licence list but the build output holds no placeholder to fill');
    },
    writeBundle(options) {
      const dir = options.dir ?? join(root, 'dist');
      if (!existsSync(dir)) return;
      writeFileSync(join(dir, fileName), licencesText(packages));
    },
  };
}
