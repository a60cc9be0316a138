import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'compiler/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser and build tests start servers and Chromium: keep files in separate processes, two at
    // a time (2 cores).
    pool: 'forks',
    maxWorkers: 2,
  },
});
