import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { fastBufferSource } from './scripts/vite-fast-buffer-source.ts';
import { shakableStaticBlocks } from './scripts/vite-shakable-static-blocks.ts';
import { jsonDataModules } from './scripts/vite-json-data-modules.ts';

// The app is opened from disk (file://): everything must be inlined into one HTML file,
// and a CSP meta tag pinned to the inlined script's hash forbids any network access.
export default defineConfig({
  base: './',
  plugins: [svelte(), fastBufferSource(), shakableStaticBlocks(), jsonDataModules(import.meta.dirname), viteSingleFile({ removeViteModuleLoader: true }), contentSecurityPolicy()],
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    // No modulepreload polyfill: it touches `document` at start-up, and the same bundle also runs as
    // Inspect's decode worker (src/ui/workers/same-bundle-worker.ts). One inlined file preloads nothing.
    modulePreload: false,
    outDir: 'dist',
    emptyOutDir: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
});
