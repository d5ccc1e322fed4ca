import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // 2-core machines: keep parallelism modest so socket tests do not starve.
    maxWorkers: 2,
    // A poll waits for something a real server, browser or file system does; on a busy 2-core machine
    // (CI runs the browser, crash and socket tests side by side) a step can take seconds, not one.
    expect: { poll: { timeout: 10_000 } },
  },
});
