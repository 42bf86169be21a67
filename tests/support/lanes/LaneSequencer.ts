import fs from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import type { TestLane } from './testLanes.ts';

/**
 * Orders the run's files so that both lanes (testLanes.ts) always have their next file started and waiting:
 * each lane's files in vitest's own order (known failures first, then longest first by the last run's
 * durations, or largest first on a fresh clone), and the lanes merged in proportion to their expected time, so
 * the workers free at any moment are taken by files of both lanes, not by a run of one lane's files that would
 * have to wait behind each other while the other lane starves.
 */
export default class LaneSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const lanes = new Map<TestLane, TestSpecification[]>();
    for (const file of sorted) {
      const lane = file.project.getProvidedContext().testLane;
      lanes.set(lane, [...(lanes.get(lane) ?? []), file]);
    }
    const queues = [...lanes.values()].map((laneFiles) => {
      const weights = this.expectedWeights(laneFiles);
      const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
      return { files: laneFiles, weights, total, next: 0, done: 0 };
    });
    const merged: TestSpecification[] = [];
    for (;;) {
      // The lane least far through its expected time gives the next file.
      const open = queues.filter((queue) => queue.next < queue.files.length);
      if (open.length === 0) return merged;
      const behind = open.reduce((least, queue) => (queue.done / queue.total < least.done / least.total ? queue : least));
      merged.push(behind.files[behind.next]!);
      behind.done += behind.weights[behind.next]!;
      behind.next++;
    }
  }

  /** Each file's expected share of its lane: its last duration when every file of the lane has one, else its size. */
  private expectedWeights(files: TestSpecification[]): number[] {
    const durations = files.map((file) => this.ctx.cache.getTestSpecificationResult(file)?.duration);
    if (durations.every((duration) => duration !== undefined && duration > 0)) return durations as number[];
    return files.map((file) => {
      try {
        return fs.statSync(file.moduleId).size;
      } catch {
        return 1;
      }
    });
  }
}
