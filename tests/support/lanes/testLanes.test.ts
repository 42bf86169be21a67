import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { enterTestLane, startTestLaneKeeper } from './testLanes.ts';

let keeper: Awaited<ReturnType<typeof startTestLaneKeeper>> | null = null;
afterEach(async () => {
  await keeper?.close();
  keeper = null;
});

describe('the test run’s lanes', () => {
  it('lets one browser file in at a time, the next when it leaves, while a node file runs beside it', async () => {
    keeper = await startTestLaneKeeper();
    const { port } = keeper;
    const admitted: string[] = [];
    const leaveFirst = await enterTestLane(port, 'browser');
    admitted.push('first browser');
    const second = enterTestLane(port, 'browser').then((leave) => {
      admitted.push('second browser');
      return leave;
    });
    // The keeper has read the second file's request and holds it back.
    await expect.poll(() => keeper!.count('browser')).toEqual({ running: 1, waiting: 1 });
    const leaveNode = await enterTestLane(port, 'node');
    admitted.push('node');
    expect(keeper.count('browser')).toEqual({ running: 1, waiting: 1 });
    admitted.push('first browser leaves');
    leaveFirst();
    const leaveSecond = await second;
    expect(admitted).toEqual(['first browser', 'node', 'first browser leaves', 'second browser']);
    leaveSecond();
    leaveNode();
    await expect
      .poll(() => [keeper!.count('browser'), keeper!.count('node')])
      .toEqual([
        { running: 0, waiting: 0 },
        { running: 0, waiting: 0 },
      ]);
  });

  it('runs two node files at once only while no browser file runs or waits; a browser file that comes starts at once', async () => {
    keeper = await startTestLaneKeeper();
    const { port } = keeper;
    const first = await enterTestLane(port, 'node');
    const second = await enterTestLane(port, 'node');
    expect(keeper.count('node')).toEqual({ running: 2, waiting: 0 });
    // A browser file does not wait for the core its lane lent.
    const browser = await enterTestLane(port, 'browser');
    expect(keeper.count('browser')).toEqual({ running: 1, waiting: 0 });
    first();
    second();
    await expect.poll(() => keeper!.count('node')).toEqual({ running: 0, waiting: 0 });
    // Beside a browser file, one node file at a time.
    const third = await enterTestLane(port, 'node');
    const fourth = enterTestLane(port, 'node');
    await expect.poll(() => keeper!.count('node')).toEqual({ running: 1, waiting: 1 });
    // Its end lends its core to the node lane again.
    browser();
    const leaveFourth = await fourth;
    expect(keeper.count('node')).toEqual({ running: 2, waiting: 0 });
    third();
    leaveFourth();
  });

  it('gives the place of a file whose process was killed to the next one', async () => {
    keeper = await startTestLaneKeeper();
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { enterTestLane } from ${JSON.stringify(new URL('./testLanes.ts', import.meta.url).href)};
         await enterTestLane(${keeper.port}, 'browser');
         process.stdout.write('in\\n');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    expect(line.toString()).toBe('in\n');
    const next = enterTestLane(keeper.port, 'browser');
    await expect.poll(() => keeper!.count('browser')).toEqual({ running: 1, waiting: 1 });
    child.kill('SIGKILL');
    const leave = await next;
    expect(keeper.count('browser')).toEqual({ running: 1, waiting: 0 });
    leave();
  });

  it('refuses a lane it does not have, in words', async () => {
    keeper = await startTestLaneKeeper();
    // @ts-expect-error: a name outside the lanes, as a mistyped config would send
    await expect(enterTestLane(keeper.port, 'gpu')).rejects.toThrow('no lane named "gpu" (lanes: browser, node)');
  });
});
