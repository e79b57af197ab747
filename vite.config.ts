import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { singleFileChunks } from './scripts/vite-single-file-chunks.ts';
import { localeChunks } from './scripts/vite-locale-chunks.ts';
import { fastBufferSource } from './scripts/vite-fast-buffer-source.ts';
import { shakableStaticBlocks } from './scripts/vite-shakable-static-blocks.ts';
import { jsonDataModules } from './scripts/vite-json-data-modules.ts';
import { thirdPartyLicences } from './scripts/vite-third-party-licences.ts';
import { buildInfoDefine } from './scripts/build-info.ts';

// The app is opened from disk (file://): `npm run build` writes one HTML file holding every chunk
// compressed, loaded on demand, under a CSP that allows only the shipped scripts' hashes and no
// network access (scripts/vite-single-file-chunks.ts). `vite dev` serves index.html as usual.
export default defineConfig({
  base: './',
  define: buildInfoDefine(import.meta.dirname),
  plugins: [localeChunks(import.meta.dirname), svelte(), fastBufferSource(), shakableStaticBlocks(), jsonDataModules(import.meta.dirname), thirdPartyLicences(import.meta.dirname, 'THIRD-PARTY-LICENSES.txt'), singleFileChunks(import.meta.dirname)],
  build: {
    target: 'es2022',
    // One inlined file preloads nothing; Vite's preload helper would also read `document` in the worker.
    modulePreload: false,
    outDir: 'dist',
    emptyOutDir: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    rollupOptions: {
      input: { main: 'src/main.ts', worker: 'src/worker.ts' },
      // CommonJS-style chunks: the loader defines them as functions and runs them on first require.
      output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      onLog(level, log, handler) {
        // Vite passes import.meta.url to its import() preload helper, and CommonJS output has no
        // import.meta; with modulePreload off the helper never reads it. certbench's own code does
        // not use import.meta (the chunks also run as a classic worker script).
        if (log.code === 'EMPTY_IMPORT_META') return;
        handler(level, log);
      },
    },
  },
});
