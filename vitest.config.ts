import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A poll waits for what must come, however busy the machine (vitest's default gives up after 1 s).
          expect: { poll: { timeout: 30_000 } },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: the machine has two cores and the figures must not fight each other.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
    // Vitest's default on a run is one worker fewer than the cores: on a two-core machine one file at a time.
    // Two workers run node files side by side (they wait on child processes, SQLite and fake servers as much
    // as on the CPU); browser files stay one at a time (fileParallelism above).
    maxWorkers: 2,
    reporters: ['default', './tests/support/summaryLineReporter.ts'],
  },
});
