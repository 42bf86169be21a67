import type { TestProject } from 'vitest/node';
import { startTestLaneKeeper } from './testLanes.ts';

/** Global setup (once per run): the lane keeper every test file asks for its place (see testLanes.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The sequencer says how many files each lane has once it has sorted them (LaneSequencer), before any starts.
  const keeper = await startTestLaneKeeper(() => project.getProvidedContext().testLaneFiles ?? {});
  project.provide('testLanePort', keeper.port);
  return () => keeper.close();
}
