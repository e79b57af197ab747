import type { Plugin } from 'vite';

/** Data modules (repository paths): constant tables that V8 would otherwise parse as object literals. */
export const JSON_DATA_MODULES = [
  'src/core/oid-names.generated.ts',
  'src/core/keymath/ec-curves.generated.ts',
  'src/core/explain/catalog.en.ts',
  'src/core/explain/catalog.de.ts',
  'src/core/explain/catalog.ja.ts',
  'src/core/explain/catalog.zh.ts',
];

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every(isJsonValue);
}

/**
 * Start-up of the one-file app is dominated by V8 parsing its script, and a large object literal
 * costs far more to parse than the same data as one string handed to JSON.parse. This evaluates
 * each listed module at build time (after TypeScript is stripped, so the .ts source stays the
 * checked source of truth) and re-emits every export as `JSON.parse("…")`. A module that imports
 * anything at run time, or exports a value JSON cannot carry exactly (a function, undefined, a Map,
 * -0…), fails the build, as does a listed module that is not in the bundle: each would silently cost
 * start-up time.
 */
export async function jsonModule(code: string): Promise<{ code: string } | { refused: string }> {
  if (/^\s*import\s/m.test(code)) return { refused: 'imports at run time' };
  const exports: Record<string, unknown> = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const lines: string[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (!isJsonValue(value)) return { refused: `export ${name} is not plain JSON data` };
    lines.push(`export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))});`);
  }
  return { code: lines.join('\n') };
}

export function jsonDataModules(root: string, modules: readonly string[] = JSON_DATA_MODULES): Plugin {
  const wanted = new Set(modules.map((m) => `${root.replace(/\\/g, '/').replace(/\/$/, '')}/${m}`));
  const seen = new Set<string>();
  return {
    name: 'certbench-json-data-modules',
    apply: 'build',
    async transform(code, id) {
      const file = id.replace(/\\/g, '/').split('?')[0]!;
      if (!wanted.has(file)) return null;
      const result = await jsonModule(code);
      if ('refused' in result) this.error(`${file}: ${result.refused}; it cannot become JSON.parse data (scripts/vite-json-data-modules.ts)`);
      seen.add(file);
      return { code: result.code, map: null };
    },
    buildEnd(error) {
      const missing = [...wanted].filter((f) => !seen.has(f));
      if (!error && missing.length) this.error(`listed as data modules but not in the bundle: ${missing.join(', ')}`);
    },
  };
}
