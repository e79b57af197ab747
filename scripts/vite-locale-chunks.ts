import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Each language but English as a chunk of its own in the one-file app, so that opening the file
 * compiles the texts of one language, not four; src/core/i18n/locale-chunks.ts says how the app
 * loads one. Build only: tests, `vite dev` and the CLI import every catalog as written.
 *
 * A catalog module of a language (LOCALE_MODULES) imported from anywhere outside that language's
 * own files resolves to a placeholder module whose exports are localeTexts(file, name): empty
 * objects. The language's chunk is a virtual module that imports the real catalog modules and
 * hands each to fillLocale, which copies their entries into the placeholders; LOCALE_CHUNKS in
 * locale-chunks.ts becomes one import() of that chunk per language.
 */
const LOCALE_MODULES: readonly ((locale: string) => string)[] = [
  (l) => `src/ui/i18n/messages/${l}/*.ts`,
  (l) => `src/core/messages/${l}/index.ts`,
  (l) => `src/core/explain/catalog.${l}.ts`,
  (l) => `src/workshop/labs.${l}.ts`,
];
const REGISTRY = 'src/core/i18n/locale-chunks.ts';
const STUB = '\0certbench-locale-stub:';
const CHUNK = '\0certbench-locale:';
const CHUNK_SPEC = 'certbench-locale:';

/** The language whose texts a chunk of the build carries (its module ids), or undefined for any other chunk. */
export function languageOfChunk(moduleIds: readonly string[]): string | undefined {
  const id = moduleIds.find((m) => m.startsWith(CHUNK));
  return id === undefined ? undefined : id.slice(CHUNK.length);
}

/** The languages with a catalog folder beside English's (src/ui/i18n/messages/<locale>/). */
function localesOf(root: string): string[] {
  return readdirSync(join(root, 'src/ui/i18n/messages'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'en')
    .map((d) => d.name)
    .sort();
}

/** The repository paths of one language's catalog modules, in a fixed order. */
function modulesOf(root: string, locale: string): string[] {
  return LOCALE_MODULES.flatMap((pattern) => {
    const path = pattern(locale);
    if (!path.endsWith('/*.ts')) return [path];
    const dir = path.slice(0, -'/*.ts'.length);
    return readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => `${dir}/${f}`);
  });
}

/** The names a catalog module exports: `export default` and `export const NAME`, the only forms catalogs use. */
export function exportNames(code: string): string[] {
  const names = [...code.matchAll(/^export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!);
  if (/^export\s+default\b/m.test(code)) names.push('default');
  if (/^export\s*(?:\{|\*)/m.test(code)) return [];
  return names;
}

/** A module's exports, evaluated here: TypeScript stripped, no import at run time (else undefined). */
async function evaluate(code: string): Promise<Record<string, unknown> | undefined> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } }).outputText;
  if (/^\s*import\s/m.test(js)) return undefined;
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)) as Record<string, unknown>;
}

const isTexts = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every((t) => typeof t === 'string');

/**
 * A language's messages without their keys: a catalog file of another language has exactly English's
 * keys (tests/unit/i18n-locales.test.ts), so its chunk carries only the texts, in English's key order,
 * and keyedLike(en, texts) puts the keys back when the chunk runs (a third of a language chunk's
 * compressed size was keys). A file that is not a flat object of texts with English's keys stays as written.
 */
export async function keylessMessages(code: string, englishCode: string, englishPath: string, registryPath: string): Promise<string | undefined> {
  const [mine, english] = [await evaluate(code), await evaluate(englishCode)];
  const only = (m: Record<string, unknown> | undefined) => (m && Object.keys(m).length === 1 ? Object.entries(m)[0] : undefined);
  const [name, texts] = only(mine) ?? [];
  const [englishName, reference] = only(english) ?? [];
  if (!isTexts(texts) || !isTexts(reference)) return undefined;
  const keys = Object.keys(reference);
  if (keys.length !== Object.keys(texts).length || !keys.every((k) => Object.hasOwn(texts, k))) return undefined;
  return [
    `import { ${englishName === 'default' ? 'default as en' : `${englishName} as en`} } from ${JSON.stringify(englishPath)};`,
    `import { keyedLike } from ${JSON.stringify(registryPath)};`,
    `${name === 'default' ? 'export default' : `export const ${name} =`} keyedLike(en, ${JSON.stringify(keys.map((k) => texts[k]))});`,
  ].join('\n');
}

export function localeChunks(root: string): Plugin {
  const slash = (p: string) => p.replace(/\\/g, '/');
  const base = slash(root).replace(/\/$/, '');
  const locales = localesOf(root);
  const owner = new Map<string, string>(); // absolute path of a catalog module → its language
  for (const l of locales) for (const m of modulesOf(root, l)) owner.set(`${base}/${m}`, l);
  // Where a language's own files are: an import from there reaches the real module, not its placeholder.
  const inLanguage = (file: string, l: string) => file.includes(`/${l}/`) || file.endsWith(`.${l}.ts`);

  return {
    name: 'certbench-locale-chunks',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.startsWith(CHUNK_SPEC)) return CHUNK + source.slice(CHUNK_SPEC.length);
      if (!importer || importer.startsWith(CHUNK) || importer.startsWith(STUB)) return null;
      if (!source.includes('.ts') || source.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const file = slash(resolved.id).split('?')[0]!;
      const l = owner.get(file);
      if (!l || inLanguage(slash(importer), l)) return resolved;
      return STUB + file;
    },
    load(id) {
      if (id.startsWith(STUB)) {
        const file = id.slice(STUB.length);
        const names = exportNames(readFileSync(file, 'utf8'));
        if (!names.length) this.error(`${file}: a catalog module must export default or const NAME (scripts/vite-locale-chunks.ts)`);
        const key = JSON.stringify(relative(base, file));
        return [
          `import { localeTexts } from ${JSON.stringify(`${base}/${REGISTRY}`)};`,
          ...names.map((n) => `${n === 'default' ? 'export default' : `export const ${n} =`} /* @__PURE__ */ localeTexts(${key}, ${JSON.stringify(n)});`),
        ].join('\n');
      }
      if (id.startsWith(CHUNK)) {
        const l = id.slice(CHUNK.length);
        const files = modulesOf(root, l);
        return [
          `import { fillLocale } from ${JSON.stringify(`${base}/${REGISTRY}`)};`,
          ...files.map((f, i) => `import * as m${i} from ${JSON.stringify(`${base}/${f}`)};`),
          ...files.map((f, i) => `fillLocale(${JSON.stringify(f)}, m${i});`),
        ].join('\n');
      }
      return null;
    },
    async transform(code, id) {
      const file = slash(id).split('?')[0]!;
      const leaf = /\/(src\/(?:ui\/i18n|core)\/messages)\/([a-z]+)\/([\w-]+\.ts)$/.exec(file);
      const labs = /\/src\/workshop\/labs\.([a-z]+)\.ts$/.exec(file);
      const englishPath =
        leaf && leaf[2] !== 'en' && locales.includes(leaf[2]!) && leaf[3] !== 'index.ts'
          ? `${base}/${leaf[1]}/en/${leaf[3]}`
          : labs && locales.includes(labs[1]!)
            ? `${base}/src/workshop/labs.en.ts`
            : undefined;
      if (englishPath) {
        const keyless = await keylessMessages(code, readFileSync(englishPath, 'utf8'), englishPath, `${base}/${REGISTRY}`);
        return keyless === undefined ? null : { code: keyless, map: null };
      }
      if (file !== `${base}/${REGISTRY}`) return null;
      const declaration = /export const LOCALE_CHUNKS: .*? = \{\};/;
      if (!declaration.test(code)) this.error(`${REGISTRY}: the declaration \`export const LOCALE_CHUNKS: … = {};\` was not found`);
      const chunks = locales.map((l) => `${JSON.stringify(l)}: () => import(${JSON.stringify(CHUNK_SPEC + l)})`).join(', ');
      return { code: code.replace(declaration, () => `export const LOCALE_CHUNKS = { ${chunks} };`), map: null };
    },
  };
}
