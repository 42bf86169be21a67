import { defineConfig } from 'vitest/config';
import LaneSequencer from './tests/support/lanes/LaneSequencer.ts';
import { testLanes, waitingFilesPerLane } from './tests/support/lanes/testLanes.ts';

const lanes = Object.values(testLanes);
/** Starts a Chromium of its own (the app's image page on Linux), so it takes the browser lane. */
const chromiumTestOutsideBrowser = 'tests/electron/chromiumImageBackend.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', chromiumTestOutsideBrowser],
          environment: 'node',
          provide: { testLane: 'node' },
          setupFiles: ['tests/support/lanes/waitForTestLane.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A poll waits for what must come, however busy the machine (vitest's default gives up after 1 s).
          expect: { poll: { timeout: 30_000 } },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts', chromiumTestOutsideBrowser],
          environment: 'node',
          // One Chromium at a time (the browser lane holds one file): the machine has two cores, and a window
          // test must not fight another for them.
          provide: { testLane: 'browser' },
          setupFiles: ['tests/support/lanes/waitForTestLane.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
    // Both projects run side by side, each in its lane (tests/support/lanes/testLanes.ts): the browser files one
    // after another from the start, the node files beside them (two at a time while no browser file runs or waits),
    // instead of all node files first and then the browser files alone. Vitest starts more workers than the lanes hold, so each lane's next file is already
    // started and waiting when one ends; the lanes, not the workers, decide how much runs at once. The time a file
    // waits for its lane counts as "setup" in vitest's closing summary.
    globalSetup: ['tests/support/lanes/startTestLaneKeeper.ts'],
    sequence: { sequencer: LaneSequencer },
    maxWorkers: lanes.reduce((sum, lane) => sum + lane.own, 0) + lanes.length * waitingFilesPerLane,
    reporters: ['default', './tests/support/summaryLineReporter.ts'],
  },
});
