import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { createKeepUpToDate } from '../../../electron/core/sync/createKeepUpToDate.ts';
import type { RefreshResult, RefreshService } from '../../../electron/core/sync/createRefreshService.ts';

const tempFolder = useTempFolder();

/** Timers run by hand: `tick()` fires what is due, in order, so the schedule is tested without waiting. */
function manualTimers() {
  let now = 0;
  const due: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  return {
    setTimer(run: () => void, ms: number) {
      const timer = { at: now + ms, run, cancelled: false };
      due.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = due.filter((timer) => !timer.cancelled && timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        now = next.at;
        next.cancelled = true;
        next.run();
        // Let the refresh promises settle before the next timer.
        for (let i = 0; i < 10; i++) await Promise.resolve();
      }
      now = until;
    },
  };
}

function fakeRefresh() {
  const calls: Array<{ kind: 'one' | 'all'; chatId?: number }> = [];
  const result = (chatId: number): RefreshResult => ({ chatId, added: 0, edited: 0, deleted: 0, recheckedFrom: null });
  const refresh: RefreshService = {
    async refresh(chatId) {
      calls.push({ kind: 'one', chatId });
      return result(chatId);
    },
    async refreshAll(_signal, onResult) {
      calls.push({ kind: 'all' });
      onResult?.(result(1));
      return [result(1)];
    },
  };
  return { refresh, calls };
}

describe('keep up to date: the schedule', () => {
  it('refreshes every chat at once and then every period; polls the open chat only while its source pushes nothing', async () => {
    const timers = manualTimers();
    const { refresh, calls } = fakeRefresh();
    const pushing = new Set<number>([7]);
    const results: RefreshResult[] = [];
    const keep = createKeepUpToDate({
      refresh,
      pushesChanges: (chatId) => pushing.has(chatId),
      onResult: (result) => results.push(result),
      onError: () => undefined,
      setTimer: timers.setTimer,
    });
    keep.start(15 * 60_000);
    await timers.advance(0);
    expect(calls).toEqual([{ kind: 'all' }]);
    await timers.advance(15 * 60_000);
    expect(calls.filter((call) => call.kind === 'all')).toHaveLength(2);

    // A chat of a polled source (RyzeAPI) is asked every 30 s while open; a listened-to one is not.
    keep.follow(3, 30_000);
    await timers.advance(90_000);
    expect(calls.filter((call) => call.kind === 'one' && call.chatId === 3)).toHaveLength(3);
    keep.follow(7, 30_000);
    await timers.advance(90_000);
    expect(calls.filter((call) => call.kind === 'one' && call.chatId === 7)).toHaveLength(0);
    expect(calls.filter((call) => call.kind === 'one' && call.chatId === 3)).toHaveLength(3);

    keep.stop();
    const before = calls.length;
    await timers.advance(60 * 60_000);
    expect(calls.length).toBe(before);
    expect(results.length).toBeGreaterThan(0);
  });
});

describe('keep up to date: the setting', () => {
  it('is the default until the user chooses, then kept across a restart; 0 stops the background passes', async () => {
    const folder = tempFolder();
    const open = () =>
      openScrollbackCore({ databasePath: path.join(folder, 'settings.db'), logger: silentLogger, keepUpToDateEveryMs: 60 * 60_000 });
    let core = open();
    expect(core.refreshSettings()).toEqual({ everyMinutes: 60 });
    expect(core.setRefreshSettings({ everyMinutes: 5 })).toEqual({ everyMinutes: 5 });
    await core.close();
    core = open();
    expect(core.refreshSettings()).toEqual({ everyMinutes: 5 });
    expect(core.setRefreshSettings({ everyMinutes: 0 })).toEqual({ everyMinutes: 0 });
    await core.close();
  });
});
