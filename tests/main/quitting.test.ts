import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../electron/core/app/createEventHub.ts';
import { quitWithDeadline, type QuitSteps } from '../../electron/main/quitWithDeadline.ts';
import { trackRunningJobs } from '../../electron/main/trackRunningJobs.ts';

/** A clock the test moves: the deadline fires when the test says, never by wall time. */
function fakeClock() {
  const timers = new Map<number, { at: number; run: () => void }>();
  let now = 0;
  let next = 0;
  return {
    schedule(ms: number, run: () => void) {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return () => void timers.delete(id);
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.run();
      }
    },
    pending: () => timers.size,
  };
}

/** The app's side of quitting, recorded in order. */
function recordingSteps(overrides: Partial<QuitSteps>, clock: ReturnType<typeof fakeClock>) {
  const calls: string[] = [];
  const steps: QuitSteps = {
    stopJobs: async () => void calls.push('stopJobs'),
    closeCore: async () => void calls.push('closeCore'),
    releaseLock: () => void calls.push('releaseLock'),
    quit: () => void calls.push('quit'),
    exit: (code) => void calls.push(`exit ${code}`),
    schedule: clock.schedule,
    logger: {
      info: () => undefined,
      warn: (message) => void calls.push(`warn: ${message}`),
      error: (message) => void calls.push(`error: ${message}`),
    },
    ...overrides,
  };
  return { steps, calls };
}

describe('quitting', () => {
  it('ends within its deadline while a download does not stop: the lock is released, then the process exits', async () => {
    const clock = fakeClock();
    // A download whose source never answers: closing the core waits for ever.
    const { steps, calls } = recordingSteps({ closeCore: () => new Promise<void>(() => undefined) }, clock);
    void quitWithDeadline(steps, 5000);
    await expect.poll(() => clock.pending()).toBe(1);
    clock.advance(4999);
    expect(calls).toEqual(['stopJobs']);
    clock.advance(1);
    expect(calls).toEqual(['stopJobs', expect.stringMatching(/^warn: closing took longer than 5 s/), 'releaseLock', 'exit 0']);
  });

  it('waits for a running export to roll back before closing, then releases the lock and quits (the deadline is cancelled)', async () => {
    const clock = fakeClock();
    const events = createEventHub();
    const jobs = trackRunningJobs(events);
    const exportStatus = (state: 'running' | 'cancelled') =>
      events.emit({ kind: 'exportStatus', status: { state, progress: null, result: null, error: null, revision: 1 } });
    exportStatus('running');
    const { steps, calls } = recordingSteps({ stopJobs: () => jobs.whenStopped() }, clock);
    const quitting = quitWithDeadline(steps, 5000);
    // The export's worker is still rolling back: nothing is closed yet (every pending promise step has run).
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([]);
    exportStatus('cancelled');
    await quitting;
    expect(calls).toEqual(['closeCore', 'releaseLock', 'quit']);
    expect(clock.pending()).toBe(0);
  });

  it('a closing that fails is logged and the app still quits', async () => {
    const clock = fakeClock();
    const { steps, calls } = recordingSteps({ closeCore: () => Promise.reject(new Error('disk gone')) }, clock);
    await quitWithDeadline(steps, 5000);
    expect(calls).toEqual(['stopJobs', 'error: closing failed; quitting anyway', 'releaseLock', 'quit']);
  });
});
