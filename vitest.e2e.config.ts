import { defineConfig } from 'vitest/config';

// Real browsers on dist/index.html via file://. One file at a time: two cores, real browsers.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
