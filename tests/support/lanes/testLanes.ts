import net from 'node:net';

/**
 * The test run's lanes: how many files of each kind run their tests at once. Each lane has a core of its own
 * (`own`); while a lane has no file running or waiting, the others may borrow its core, up to their `most` (a
 * file that then comes to its lane still starts at once; the borrowing lane takes no new file beyond its own
 * until that lane is idle again). Browser files run one at a time, always (one Chromium: the machine has two
 * cores, and a window test must not fight another for them); node files run one at a time beside them, and two
 * at a time while no browser file runs or waits (in a run without any, all along). Vitest's own workers
 * (maxWorkers) are more than the lanes hold, so a file whose lane is busy is already started and waiting, and
 * the lane's next file begins the moment one ends.
 */
export const testLanes = { browser: { own: 1, most: 1 }, node: { own: 1, most: 2 } } as const;

export type TestLane = keyof typeof testLanes;

/** Files waiting in their lane, beside the ones running: enough that neither lane waits for a worker. */
export const waitingFilesPerLane = 2;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The lane a project's files run in (set per project in vitest.config.ts). */
    testLane: TestLane;
    /** The port on 127.0.0.1 of the run's lane keeper (started by the global setup). */
    testLanePort: number;
  }
}

export function isTestLane(name: string): name is TestLane {
  return Object.hasOwn(testLanes, name);
}

const laneNames = Object.keys(testLanes).filter(isTestLane);

/**
 * The lane keeper: a file asks for its lane by connecting and writing the lane's name and a newline; it is
 * answered "go" when its lane has room, first come first served. The file holds its place until its
 * connection closes, which also happens when its worker ends in any way, so a crashed file frees its lane.
 */
export async function startTestLaneKeeper(): Promise<{
  port: number;
  /** How many files of a lane run and wait now (for the keeper's own test). */
  count(lane: TestLane): { running: number; waiting: number };
  close(): Promise<void>;
}> {
  const running = new Map<TestLane, Set<net.Socket>>(laneNames.map((lane) => [lane, new Set()]));
  const waiting = new Map<TestLane, net.Socket[]>(laneNames.map((lane) => [lane, []]));

  const isIdle = (lane: TestLane) => running.get(lane)!.size === 0 && waiting.get(lane)!.length === 0;
  const capacity = (lane: TestLane) => {
    const spare = laneNames.filter((other) => other !== lane && isIdle(other)).reduce((sum, other) => sum + testLanes[other].own, 0);
    return Math.min(testLanes[lane].most, testLanes[lane].own + spare);
  };
  // One lane's coming and going changes what the others may hold, so every lane is looked at on every change.
  const admit = () => {
    for (const lane of laneNames) {
      const inLane = running.get(lane)!;
      const queue = waiting.get(lane)!;
      while (inLane.size < capacity(lane) && queue.length > 0) {
        const next = queue.shift()!;
        inLane.add(next);
        next.write('go\n');
      }
    }
  };

  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.add(socket);
    let lane: TestLane | null = null;
    let asked = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (lane) return;
      asked += chunk;
      const end = asked.indexOf('\n');
      if (end === -1) {
        // A name is a few bytes; anything longer is not one of ours.
        if (asked.length > 100) socket.destroy();
        return;
      }
      const name = asked.slice(0, end).trim();
      if (!isTestLane(name)) {
        socket.end(`no lane named "${name}" (lanes: ${laneNames.join(', ')})\n`);
        return;
      }
      lane = name;
      waiting.get(lane)!.push(socket);
      admit();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      connections.delete(socket);
      if (!lane) return;
      running.get(lane)!.delete(socket);
      const queue = waiting.get(lane)!;
      const place = queue.indexOf(socket);
      if (place !== -1) queue.splice(place, 1);
      admit();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test lane keeper has no TCP port.');
  return {
    port: address.port,
    count: (lane) => ({ running: running.get(lane)!.size, waiting: waiting.get(lane)!.length }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of connections) socket.destroy();
      }),
  };
}

/**
 * Waits until the lane has room for this file; the returned function gives the place back (closing the
 * connection, which the end of the process does too).
 */
export async function enterTestLane(port: number, lane: TestLane): Promise<() => void> {
  const socket = net.connect({ port, host: '127.0.0.1' });
  socket.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    let answer = '';
    const fail = (why: string) => {
      socket.destroy();
      reject(new Error(`This test file could not take its place in the "${lane}" lane: ${why}.`));
    };
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (!answer.includes('\n')) return;
      if (answer.startsWith('go\n')) resolve();
      else fail(answer.trim());
    });
    socket.once('error', (error) => fail(`the lane keeper on port ${port} cannot be reached (${error.message})`));
    socket.once('close', () => fail('the lane keeper closed the connection'));
    socket.write(`${lane}\n`);
  });
  socket.removeAllListeners('close');
  socket.removeAllListeners('error');
  // The keeper may go before this process does (the end of a run); nothing is left to give back then.
  socket.on('error', () => socket.destroy());
  socket.unref();
  return () => void socket.end();
}
