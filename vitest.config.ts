import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { thirdPartyLicences } from './scripts/vite-third-party-licences.ts';

// Unit tests (src/core, src/kube, src/store, CLI) run in Node: pkijs ECDSA verification breaks
// under jsdom's cross-realm ArrayBuffers. Component tests run in jsdom.
export default defineConfig({
  // The licence list's virtual module is empty from source (the build fills it in).
  plugins: [svelte(), thirdPartyLicences(import.meta.dirname, 'THIRD-PARTY-LICENSES.txt')],
  resolve: { conditions: ['browser'] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 },
        resolve: { conditions: ['node'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.ts'],
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
