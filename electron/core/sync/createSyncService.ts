import type { SyncStatus } from '../../../shared/sync.ts';
import { ScrollbackError, toErrorData } from '../../../shared/errors.ts';
import type { HistoryAnchor, HistoryPage } from '../../../shared/history.ts';
import type { HistoryEngine } from '../history/createHistoryEngine.ts';
import { inBackground } from '../sources/requestPriority.ts';
import { systemClock } from '../sources/createRequestLimiter.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface SyncServiceDeps {
  history: HistoryEngine;
  chatTotals(chatId: number): { cached: number; total: number | null };
  /** Pause between source requests, so a bulk download stays polite to the source (ms). */
  pacingMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Waits before retrying when the source is unreachable; past the last one the sync stops as failed. */
  outageRetryDelaysMs?: readonly number[];
  /** Hears every change of a sync's status (each stored page, each wait, the end), to push it to the window. */
  onChange?: (status: SyncStatus) => void;
}

export interface SyncService {
  start(request: { chatId: number; from: number | null; to: number | null }): SyncStatus;
  pause(chatId: number): SyncStatus;
  resume(chatId: number): SyncStatus;
  cancel(chatId: number): SyncStatus;
  status(chatId: number): SyncStatus;
  /** Resolves when the chat's sync stops (done, failed, cancelled or paused). */
  settled(chatId: number): Promise<SyncStatus>;
  /** Stops every running sync (on quit); what was stored stays, and starting again resumes. */
  stopAll(): Promise<void>;
}

const PAGE = 200;
const OUTAGE_RETRY_DELAYS_MS = [10_000, 30_000, 90_000];

interface Job {
  status: SyncStatus;
  controller: AbortController;
  settled: Promise<SyncStatus>;
}

/**
 * Downloads a chat, newest to oldest, through the history engine: cached runs are walked from the cache
 * (no request), gaps are fetched and stored with their coverage in one transaction each. Coverage is the
 * progress record, so a sync stopped at any moment (pause, cancel, crash) resumes exactly where it was by
 * starting again: nothing is fetched twice and nothing is skipped. One sync per chat; pages are paced, and a
 * rate limit is waited out (with the time shown) rather than retried blindly.
 */
export function createSyncService(deps: SyncServiceDeps): SyncService {
  const jobs = new Map<number, Job>();
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number, signal: AbortSignal) => systemClock.sleep(ms, signal));

  let revision = 0;
  const changed = (status: SyncStatus) => {
    status.revision = ++revision;
    deps.onChange?.({ ...status });
  };

  /** A fresh status of a chat's download, with the chat's counts as they are now. */
  function freshStatus(chatId: number, state: 'idle' | 'running', from: number | null, to: number | null): SyncStatus {
    const totals = deps.chatTotals(chatId);
    const status: SyncStatus = {
      chatId,
      state,
      from,
      to,
      fetched: 0,
      cached: totals.cached,
      total: totals.total,
      reachedDate: null,
      waitingUntil: null,
      waitingReason: null,
      error: null,
      revision,
    };
    return status;
  }

  function idle(chatId: number): SyncStatus {
    return freshStatus(chatId, 'idle', null, null);
  }

  async function run(job: Job): Promise<SyncStatus> {
    const { status, controller } = job;
    const signal = controller.signal;
    const before = deps.chatTotals(status.chatId).cached;
    let anchor: HistoryAnchor = status.to === null ? { kind: 'latest' } : { kind: 'aroundDate', date: status.to };
    let outages = 0;
    const waitThen = async (ms: number, reason: string) => {
      status.waitingUntil = now() + ms;
      status.waitingReason = reason;
      changed(status);
      await sleep(ms, signal);
      status.waitingUntil = null;
      status.waitingReason = null;
      changed(status);
    };
    try {
      for (;;) {
        signal.throwIfAborted();
        let page: HistoryPage;
        try {
          page = await deps.history.getHistoryPage({ chatId: status.chatId, anchor, limit: PAGE }, signal);
          // A page served from the cache because the source failed: the source's reason decides what next
          // (a rate limit is waited out for as long as the source said; an outage is retried; else stop).
          if (page.offline) {
            throw page.offlineReason
              ? ScrollbackError.fromData(page.offlineReason)
              : new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.sync.unreachable'));
          }
          outages = 0;
        } catch (error) {
          signal.throwIfAborted();
          if (error instanceof ScrollbackError && error.code === 'RATE_LIMITED' && error.retryAfterMs) {
            await waitThen(error.retryAfterMs, error.message);
            continue;
          }
          // An outage delays the download rather than ending it: wait longer each time, then give up.
          const delays = deps.outageRetryDelaysMs ?? OUTAGE_RETRY_DELAYS_MS;
          const delay = delays[outages];
          if (error instanceof ScrollbackError && error.code === 'SOURCE_UNAVAILABLE' && delay !== undefined) {
            outages++;
            await waitThen(delay, `${error.message} Trying again.`);
            continue;
          }
          throw error;
        }
        const totals = deps.chatTotals(status.chatId);
        status.cached = totals.cached;
        status.total = totals.total;
        status.fetched = totals.cached - before;
        const oldest = page.messages[0];
        if (oldest) status.reachedDate = oldest.date;
        const doneByDate = status.from !== null && oldest !== undefined && oldest.date < status.from;
        if (page.reachedOldest || doneByDate || !page.olderCursor) {
          status.state = 'done';
          return status;
        }
        changed(status);
        anchor = { kind: 'before', cursor: page.olderCursor };
        if (deps.pacingMs) await sleep(deps.pacingMs, signal);
        // A page served from the cache resolves without touching the event loop: yield, so the window's own
        // requests (and Pause) are answered between pages.
        else await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      if (signal.aborted) {
        status.state = signal.reason === 'pause' ? 'paused' : 'cancelled';
      } else {
        status.state = 'failed';
        status.error = toErrorData(error);
      }
      status.waitingUntil = null;
      status.waitingReason = null;
      return status;
    }
  }

  function launch(chatId: number, from: number | null, to: number | null): SyncStatus {
    const current = jobs.get(chatId);
    if (current?.status.state === 'running') return current.status;
    const status = freshStatus(chatId, 'running', from, to);
    const job: Job = { status, controller: new AbortController(), settled: Promise.resolve(status) };
    // A download is background work: each source sends the window's requests before its pages.
    job.settled = inBackground(() => run(job)).then((final) => {
      changed(final);
      return final;
    });
    jobs.set(chatId, job);
    changed(status);
    return status;
  }

  function stop(chatId: number, reason: 'pause' | 'cancel'): SyncStatus {
    const job = jobs.get(chatId);
    if (!job) return idle(chatId);
    if (job.status.state === 'running') job.controller.abort(reason);
    return job.status;
  }

  return {
    start: ({ chatId, from, to }) => launch(chatId, from, to),
    pause: (chatId) => stop(chatId, 'pause'),
    cancel: (chatId) => stop(chatId, 'cancel'),
    resume(chatId) {
      const job = jobs.get(chatId);
      // Coverage holds the progress: starting again continues from where the cache ends.
      return launch(chatId, job?.status.from ?? null, job?.status.to ?? null);
    },
    status: (chatId) => jobs.get(chatId)?.status ?? idle(chatId),
    async stopAll() {
      for (const job of jobs.values()) if (job.status.state === 'running') job.controller.abort('pause');
      await Promise.all([...jobs.values()].map((job) => job.settled));
    },
    settled: (chatId) => jobs.get(chatId)?.settled ?? Promise.resolve(idle(chatId)),
  };
}
