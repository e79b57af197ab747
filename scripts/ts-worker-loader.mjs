// Lets a worker thread started from the TypeScript sources (vitest runs `certbench dump` in-process,
// and its worker threads are plain Node: vite's transform does not reach them) load src/**/*.ts:
// each file has its types stripped on load by the oxc transformer vite's bundler ships, nothing checked.
// The shipped CLI does not need this: dist/cli.mjs is one JavaScript file (src/cli/dump-pool.ts).
import { register } from 'node:module';

const hooks = `
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transformSync } from ${JSON.stringify(import.meta.resolve('rolldown/experimental'))};

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code, errors } = transformSync(file, await readFile(file, 'utf8'), { lang: 'ts', sourceType: 'module' });
  if (errors.length) throw new Error(file + ': ' + errors.map((e) => e.message).join('; '));
  return { format: 'module', source: code, shortCircuit: true };
}
`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
