import { afterAll, inject } from 'vitest';
import { enterTestLane } from './testLanes.ts';

// Setup file of every project: the test file starts its tests only once its lane has room, and gives its place
// back after its last hook (this afterAll is registered first, so it runs after the file's own ones).
const leave = await enterTestLane(inject('testLanePort'), inject('testLane'));
afterAll(leave);
