import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { fastBufferSource } from './scripts/vite-fast-buffer-source.ts';

// The `certbench` CLI: the same src/core, bundled into one ES module for Node >= 20
// so `dist/cli.mjs` runs without the source tree.
export default defineConfig({
  plugins: [fastBufferSource()],
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
