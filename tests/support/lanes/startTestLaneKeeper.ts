import type { TestProject } from 'vitest/node';
import { startTestLaneKeeper } from './testLanes.ts';

/** Global setup (once per run): the lane keeper every test file asks for its place (see testLanes.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const keeper = await startTestLaneKeeper();
  project.provide('testLanePort', keeper.port);
  return () => keeper.close();
}
