import type { RefreshResult, RefreshService } from './createRefreshService.ts';

export interface KeepUpToDateDeps {
  refresh: RefreshService;
  /** Whether a chat's source pushes its changes (a listened-to Telegram account): then it is not polled while open. */
  pushesChanges(chatId: number): boolean;
  onResult(result: RefreshResult): void;
  onError(chatId: number | null, error: unknown): void;
  setTimer?(run: () => void, ms: number): { cancel(): void };
}

export interface KeepUpToDate {
  /** Refreshes every chat kept up to date now, then every `everyMs`; again `start` changes the period. */
  start(everyMs: number): void;
  /** Stops the passes over every chat (the open chat is still followed). */
  stopPasses(): void;
  /** The chat the window shows: polled every `pollMs` while its source does not push (null: none). */
  follow(chatId: number | null, pollMs: number): void;
  stop(): void;
}

const defaultTimer = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return { cancel: () => clearTimeout(timer) };
};

/**
 * The schedule of background refreshes: all chats kept up to date on start and every N minutes (one pass at
 * a time: a pass still running when the next is due is not doubled), and the open chat of a source that
 * does not push, every half minute or so. Each pass can be stopped at once (quit, a changed setting).
 */
export function createKeepUpToDate(deps: KeepUpToDateDeps): KeepUpToDate {
  const setTimer = deps.setTimer ?? defaultTimer;
  let pass: { controller: AbortController; timer: { cancel(): void } | null } | null = null;
  let followed: { chatId: number; timer: { cancel(): void } | null; controller: AbortController } | null = null;

  function schedulePass(everyMs: number, delay: number): void {
    const controller = new AbortController();
    pass = { controller, timer: null };
    const current = pass;
    current.timer = setTimer(() => {
      deps.refresh
        .refreshAll(controller.signal, deps.onResult)
        .catch((error: unknown) => controller.signal.aborted || deps.onError(null, error))
        .finally(() => {
          if (pass === current && !controller.signal.aborted) schedulePass(everyMs, everyMs);
        });
    }, delay);
  }

  function poll(chatId: number, pollMs: number): void {
    if (!followed || followed.chatId !== chatId) return;
    const current = followed;
    current.timer = setTimer(() => {
      const done = deps.pushesChanges(chatId)
        ? Promise.resolve()
        : deps.refresh.refresh(chatId, current.controller.signal).then(deps.onResult, (error: unknown) => {
            if (!current.controller.signal.aborted) deps.onError(chatId, error);
          });
      void done.finally(() => followed === current && poll(chatId, pollMs));
    }, pollMs);
  }

  const keep: KeepUpToDate = {
    start(everyMs) {
      keep.stopPasses();
      schedulePass(everyMs, 0);
    },
    stopPasses() {
      pass?.controller.abort();
      pass?.timer?.cancel();
      pass = null;
    },
    follow(chatId, pollMs) {
      if (followed?.chatId === chatId) return;
      followed?.controller.abort();
      followed?.timer?.cancel();
      followed = chatId === null ? null : { chatId, timer: null, controller: new AbortController() };
      if (chatId !== null) poll(chatId, pollMs);
    },
    stop() {
      keep.stopPasses();
      keep.follow(null, 0);
    },
  };
  return keep;
}
