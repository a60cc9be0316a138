import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'compiler/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for a page or a server to get somewhere; its default (1 s) is shorter than
    // a save takes on a loaded 2-core machine running two browser test files at once.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    // Browser and build tests start servers and Chromium: keep files in separate processes, two at
    // a time (2 cores).
    pool: 'forks',
    maxWorkers: 2,
  },
});
