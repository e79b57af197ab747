import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { fastBufferSource } from './scripts/vite-fast-buffer-source.ts';
import { thirdPartyLicences } from './scripts/vite-third-party-licences.ts';
import { buildInfoDefine } from './scripts/build-info.ts';

// The `certbench` CLI: the same src/core, bundled into one ES module for Node >= 20
// so `dist/cli.mjs` runs without the source tree.
export default defineConfig({
  define: buildInfoDefine(import.meta.dirname),
  plugins: [fastBufferSource(), thirdPartyLicences(import.meta.dirname, 'cli-THIRD-PARTY-LICENSES.txt')],
  build: {
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: false,
    minify: false,
    ssr: 'src/cli/main.ts',
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'cli.mjs', format: 'es', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true },
});
