import {
  defaultBackupSettings,
  type BackupChatStatus,
  type BackupKind,
  type BackupMediaProgress,
  type BackupSettings,
  type BackupStatus,
  type BackupSummary,
} from '../../../shared/backup.ts';
import { ScrollbackError, toErrorData, type ErrorData } from '../../../shared/errors.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import {
  beginBackupPass,
  finishBackupPass,
  listBackupChatRows,
  listBackups,
  listMediaMissing,
  measureKeptMedia,
  readBackup,
  readCachedCount,
  recordBackupChatDone,
  recordBackupChatHistory,
  recordBackupChats,
  recordPassCounts,
  recordPassListed,
  writeBackupSettings,
  writeBackupState,
  type BackupChatRow,
  type BackupRecord,
} from '../cache/backupQueries.ts';
import { upsertChats } from '../cache/chatQueries.ts';
import { findStoredMedia, setStoredMediaPinned } from '../cache/mediaQueries.ts';
import type { MediaService } from '../media/createMediaService.ts';
import type { SourceChat } from '../model/SourceChat.ts';
import type { HistorySource } from '../sources/HistorySource.ts';
import { systemClock } from '../sources/createRequestLimiter.ts';
import { inBackground } from '../sources/requestPriority.ts';
import type { RefreshResult, RefreshService } from '../sync/createRefreshService.ts';
import type { SyncService } from '../sync/createSyncService.ts';
import { mediaKindsOf, mediaSizeOf, wantedByPolicy } from './backupMediaPolicy.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface BackupServiceDeps {
  db: WritableDB;
  sourceFor(sourceId: string): HistorySource;
  /** Whole histories: the per-chat download (resumes from the stored coverage, waits out flood waits). */
  sync: SyncService;
  /** Incremental passes: the refresh of a chat (the newest stretch, then the bounded re-check). */
  refresh: RefreshService;
  media: MediaService;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  setTimer?: (run: () => void, ms: number) => { cancel(): void };
  /** Hears every change of an account's backup (each chat, each wait, the end), to push it to the window. */
  onChange?(status: BackupStatus): void;
  /** The chat list of a source changed (a listing page stored new chats). */
  onChatsListed?(): void;
  /** Waits before retrying a listing or a refresh the source could not answer; past the last the chat (or pass) fails. */
  outageRetryDelaysMs?: readonly number[];
}

export interface BackupService {
  status(sourceId: string): BackupStatus;
  /** The account's chats in the backup, most recently active first; excluded ones listed and marked. */
  listChats(sourceId: string): BackupChatStatus[];
  /** Starts a pass now (or goes on with the one under way: paused, or killed midway). */
  start(sourceId: string): BackupStatus;
  pause(sourceId: string): BackupStatus;
  resume(sourceId: string): BackupStatus;
  /** Stops the pass under way; what was stored stays, and the next pass starts afresh (done chats are only refreshed). */
  cancel(sourceId: string): BackupStatus;
  setSettings(sourceId: string, settings: BackupSettings): BackupStatus;
  /** Resolves when the account's pass under way stops (done, failed, paused or cancelled). */
  settled(sourceId: string): Promise<BackupStatus>;
  /** Goes on with passes a kill interrupted and arms every account's schedule (the app, `backup --watch`). */
  startSchedules(): void;
  /** Stops every pass (on quit) without changing its stored state: the next start goes on from there. */
  stop(): Promise<void>;
}

const OUTAGE_RETRY_DELAYS_MS = [10_000, 30_000, 90_000];
const PAGE = 100;
const MINUTE = 60_000;
const STATUS_EVERY_MS = 250;
/** Chats of one page the estimate of unknown chats starts from (see statusOf). */
const PRIOR_CHATS = 10;

interface Pace {
  historyMs: number;
  requests: number;
  mediaMs: number;
  mediaBytes: number;
}

interface Job {
  sourceId: string;
  controller: AbortController | null;
  running: Promise<BackupStatus> | null;
  currentChatId: number | null;
  waiting: { until: number; reason: string } | null;
  timer: { cancel(): void } | null;
  pace: Pace;
  /** Media the source could not send in this process's passes (not asked again until the next pass). */
  skippedMedia: Set<string>;
}

const defaultTimer = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return { cancel: () => clearTimeout(timer) };
};

function backupKindOf(chat: SourceChat): BackupKind {
  if (chat.kind === 'channel') return 'channels';
  if (chat.kind === 'group') return 'groups';
  return chat.bot ? 'bots' : 'private';
}

function emptyCounts(startedAt: number): BackupSummary {
  return {
    startedAt,
    finishedAt: startedAt,
    chats: 0,
    failedChats: 0,
    newMessages: 0,
    edited: 0,
    deletedAtSource: 0,
    mediaFiles: 0,
    mediaBytes: 0,
  };
}

/** Failures of the whole account (not of one chat): the pass stops and says so. */
function stopsThePass(error: unknown): boolean {
  return (
    error instanceof ScrollbackError && ['AUTH_REQUIRED', 'DB_CORRUPT', 'DB_UNWRITABLE', 'DISK_FULL', 'DB_TOO_NEW'].includes(error.code)
  );
}

/** A chat's failure in words the Backup view shows ("you are no longer a member"), with its code. */
function chatFailure(error: ErrorData): ErrorData {
  if (/CHANNEL_PRIVATE|CHAT_FORBIDDEN|CHANNEL_INVALID|USER_BANNED_IN_CHANNEL/.test(error.message))
    return {
      code: 'FORBIDDEN',
      message: 'You are no longer a member of this chat (or it became private): Telegram shows its history only to members.',
    };
  return { code: error.code, message: error.message };
}

/**
 * Whole-account backups: one background job per account that lists every chat (a page at a time, each
 * page stored before the next), then takes the chats most recently active first and, for each, downloads
 * its whole history through the sync service (or, once it was stored whole, brings it up to date through the
 * refresh service), then its media by the policy. Everything goes through the account's request scheduler
 * as background work (the window's requests first, one in flight, flood waits kept). Progress lives in the
 * database (each chat's coverage, which chats a pass finished, where its listing stands), so a pass killed at
 * any point goes on where it was without fetching a stored page again. Passes repeat on a schedule.
 */
export function createBackupService(deps: BackupServiceDeps): BackupService {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number, signal: AbortSignal) => systemClock.sleep(ms, signal));
  const setTimer = deps.setTimer ?? defaultTimer;
  const jobs = new Map<string, Job>();
  const mediaFigures = new Map<number, BackupMediaProgress>();
  let revision = 0;
  let scheduling = false;

  function jobOf(sourceId: string): Job {
    let job = jobs.get(sourceId);
    if (!job) {
      job = {
        sourceId,
        controller: null,
        running: null,
        currentChatId: null,
        waiting: null,
        timer: null,
        pace: { historyMs: 0, requests: 0, mediaMs: 0, mediaBytes: 0 },
        skippedMedia: new Set(),
      };
      jobs.set(sourceId, job);
    }
    return job;
  }

  function recordOf(sourceId: string): BackupRecord {
    const record = readBackup(db, sourceId);
    if (record) return record;
    deps.sourceFor(sourceId); // throws SOURCE_NOT_FOUND for an unknown account
    writeBackupSettings(db, sourceId, defaultBackupSettings);
    const created = readBackup(db, sourceId);
    if (!created) throw new ScrollbackError('INTERNAL', translator()('error.backup.setup'));
    return created;
  }

  function isIncluded(settings: BackupSettings, row: Pick<BackupChatRow, 'chatId' | 'kind'>): boolean {
    return settings.kinds.includes(row.kind) && !settings.excludedChatIds.includes(row.chatId);
  }

  function mediaOf(chatId: number, settings: BackupSettings): BackupMediaProgress {
    let figures = mediaFigures.get(chatId);
    if (!figures) {
      const kept = measureKeptMedia(db, chatId);
      const missing = listMediaMissing(db, chatId, mediaKindsOf(settings.media)).filter((item) =>
        wantedByPolicy(settings.media, item.media),
      );
      figures = {
        stored: kept.files,
        bytesStored: kept.bytes,
        left: missing.length,
        bytesLeft: missing.reduce((sum, item) => sum + mediaSizeOf(item.media), 0),
      };
      mediaFigures.set(chatId, figures);
    }
    return figures;
  }

  /** Messages of a chat not on this computer yet; null while the source has not said its total. */
  function messagesLeftOf(row: BackupChatRow): number | null {
    if (row.oldestReached || row.historyAt !== null) return 0;
    return row.sourceCount === null ? null : Math.max(0, row.sourceCount - row.cachedCount);
  }

  function chatStateOf(row: BackupChatRow, record: BackupRecord, job: Job | undefined): BackupChatStatus['state'] {
    if (job?.currentChatId === row.chatId) return 'running';
    if (record.passStartedAt !== null && row.donePass === record.passStartedAt) return row.error ? 'failed' : 'done';
    if (record.state === 'running' || record.state === 'paused') return 'waiting';
    if (row.error) return 'failed';
    return row.backedUpAt !== null ? 'done' : 'waiting';
  }

  function chatStatuses(sourceId: string, record: BackupRecord): BackupChatStatus[] {
    const job = jobs.get(sourceId);
    return listBackupChatRows(db, sourceId).map((row) => ({
      chatId: row.chatId,
      name: row.name,
      kind: row.kind,
      state: chatStateOf(row, record, job),
      excluded: !isIncluded(record.settings, row),
      gone: row.gone,
      archived: row.archived,
      lastActivity: row.lastActivity,
      messagesStored: row.cachedCount,
      messagesLeft: messagesLeftOf(row),
      media: mediaOf(row.chatId, record.settings),
      error: row.error,
      backedUpAt: row.backedUpAt,
    }));
  }

  function statusOf(sourceId: string): BackupStatus {
    const record = recordOf(sourceId);
    const job = jobs.get(sourceId);
    const rows = listBackupChatRows(db, sourceId);
    const chats = chatStatuses(sourceId, record);
    const included = chats.filter((chat) => !chat.excluded);
    const count = (state: BackupChatStatus['state']) => included.filter((chat) => chat.state === state).length;
    const media: BackupMediaProgress = { stored: 0, left: 0, bytesStored: 0, bytesLeft: 0 };
    for (const chat of included) {
      media.stored += chat.media.stored;
      media.left += chat.media.left;
      media.bytesStored += chat.media.bytesStored;
      media.bytesLeft += chat.media.bytesLeft;
    }
    // Unknown totals (a private chat's, before its history is walked) are estimated from the chats known so
    // far: their mean for the messages left, and the mean of their requests (not of their sizes: most chats
    // take one request, a few take many) for the time left.
    // A listing's size hint (a channel's newest id) stands in for a total not known yet. The mean of the
    // requests is drawn towards one request a chat (as if PRIOR_CHATS more chats of one page were known),
    // so the first few chats, often long ones, do not make every unknown chat look long.
    const totalOf = (row: BackupChatRow) =>
      row.oldestReached ? row.cachedCount : (row.sourceCount ?? (row.sizeHint === null ? null : Math.max(row.sizeHint, row.cachedCount)));
    const known = rows.flatMap((row) => {
      const total = totalOf(row);
      return total === null ? [] : [total];
    });
    const meanTotal = known.length > 0 ? known.reduce((sum, total) => sum + total, 0) / known.length : null;
    const meanRequests =
      (known.reduce((sum, total) => sum + Math.max(1, Math.ceil(total / PAGE)), 0) + PRIOR_CHATS) / (known.length + PRIOR_CHATS);
    let messagesLeft: number | null = known.length > 0 || included.length === 0 ? 0 : null;
    let requestsLeft = 0;
    const pass = record.passStartedAt;
    const passOpen = record.state === 'running' || record.state === 'paused';
    for (const row of rows) {
      if (!isIncluded(record.settings, row)) continue;
      const done = passOpen ? row.donePass === pass || row.historyPass === pass : row.historyAt !== null;
      if (done) continue;
      const total = totalOf(row);
      const exactLeft = messagesLeftOf(row) ?? (total === null ? null : Math.max(0, total - row.cachedCount));
      const left = exactLeft ?? (meanTotal === null ? null : Math.max(0, meanTotal - row.cachedCount));
      if (messagesLeft !== null && left !== null) messagesLeft += left;
      // A chat stored whole before is refreshed (about a request); another takes a request per page left.
      requestsLeft += row.historyAt !== null ? 1 : exactLeft !== null ? Math.max(1, Math.ceil(exactLeft / PAGE)) : meanRequests;
    }
    const pace = job?.pace;
    const etaMessages =
      pace && pace.requests >= 3 && passOpen ? Math.round((pace.historyMs / pace.requests) * Math.round(requestsLeft)) : null;
    const etaMedia =
      pace && pace.mediaBytes > 0 && media.bytesLeft > 0 && passOpen
        ? Math.round((pace.mediaMs / pace.mediaBytes) * media.bytesLeft)
        : null;
    const syncWait = job?.currentChatId != null ? deps.sync.status(job.currentChatId) : null;
    const waiting =
      job?.waiting ?? (syncWait?.waitingUntil ? { until: syncWait.waitingUntil, reason: syncWait.waitingReason ?? '' } : null);
    return {
      sourceId,
      state: record.state,
      settings: record.settings,
      pass: record.passStartedAt === null ? null : record.lastSummary === null ? 'first' : 'incremental',
      chats: {
        total: chats.length,
        done: count('done'),
        running: count('running'),
        waiting: count('waiting'),
        failed: count('failed'),
        excluded: chats.length - included.length,
      },
      messages: {
        stored: included.reduce((sum, chat) => sum + chat.messagesStored, 0),
        left: messagesLeft === null ? null : Math.round(messagesLeft),
      },
      media,
      etaMs: { messages: etaMessages === null || requestsLeft === 0 ? null : etaMessages, media: etaMedia },
      currentChatId: job?.currentChatId ?? null,
      waitingUntil: waiting?.until ?? null,
      waitingReason: waiting?.reason ?? null,
      nextRunAt: record.nextRunAt,
      lastSummary: record.lastSummary,
      error: record.error,
      revision: ++revision,
    };
  }

  /**
   * Tells the listener, at most every `STATUS_EVERY_MS` per account (a status reads every chat's row): a
   * pass storing a chat every few milliseconds must not flood the window. Ends and settings are told at once.
   */
  const pendingStatus = new Map<string, ReturnType<typeof setTimeout>>();
  function changed(sourceId: string): void {
    if (!deps.onChange || pendingStatus.has(sourceId)) return;
    const timer = setTimeout(() => {
      pendingStatus.delete(sourceId);
      if (db.open) deps.onChange?.(statusOf(sourceId));
    }, STATUS_EVERY_MS);
    timer.unref?.();
    pendingStatus.set(sourceId, timer);
  }
  function changedNow(sourceId: string): void {
    clearTimeout(pendingStatus.get(sourceId));
    pendingStatus.delete(sourceId);
    deps.onChange?.(statusOf(sourceId));
  }

  /** Waits out what the source asked (a flood wait), said in the status, then goes on. */
  async function waitFor(job: Job, ms: number, reason: string, signal: AbortSignal): Promise<void> {
    job.waiting = { until: now() + ms, reason };
    changed(job.sourceId);
    try {
      await sleep(ms, signal);
    } finally {
      job.waiting = null;
    }
    changed(job.sourceId);
  }

  /** Runs `work` again after a flood wait or (a few times, waiting longer each time) an outage. */
  async function withRetries<T>(job: Job, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const delays = deps.outageRetryDelaysMs ?? OUTAGE_RETRY_DELAYS_MS;
    for (let outages = 0; ;) {
      signal.throwIfAborted();
      try {
        return await work();
      } catch (error) {
        signal.throwIfAborted();
        if (error instanceof ScrollbackError && error.code === 'RATE_LIMITED' && error.retryAfterMs) {
          await waitFor(job, error.retryAfterMs, error.message, signal);
          continue;
        }
        const delay = delays[outages];
        if (
          error instanceof ScrollbackError &&
          error.code === 'SOURCE_UNAVAILABLE' &&
          delay !== undefined &&
          !/refused/.test(error.message)
        ) {
          outages++;
          await waitFor(job, delay, `${error.message} Trying again.`, signal);
          continue;
        }
        throw error;
      }
    }
  }

  /** Reads the account's chat list a page at a time, each page stored with where the next starts. */
  async function listChats(job: Job, record: BackupRecord, pass: number, signal: AbortSignal): Promise<void> {
    const source = deps.sourceFor(job.sourceId);
    let cursor = record.listCursor;
    for (;;) {
      const page = await withRetries(job, signal, () =>
        inBackground(async () =>
          source.listChatPage
            ? source.listChatPage(cursor, { includeLeft: record.settings.includeLeft }, signal)
            : { chats: await source.listChats(signal), next: null },
        ),
      );
      const ids = upsertChats(db, job.sourceId, page.chats);
      const listed = page.chats.flatMap((chat, index) => {
        const chatId = ids[index];
        return chatId === undefined ? [] : [{ chat, chatId }];
      });
      const idOfKey = new Map(listed.map(({ chat, chatId }) => [chat.key, chatId]));
      recordBackupChats(
        db,
        job.sourceId,
        pass,
        listed.map(({ chat, chatId }) => ({
          chatId,
          kind: backupKindOf(chat),
          gone: chat.left ? 'left' : null,
          continuedBy: chat.migratedTo ? (idOfKey.get(chat.migratedTo) ?? null) : null,
          sizeHint: chat.sizeHint ?? null,
        })),
        page.next,
      );
      deps.onChatsListed?.();
      changed(job.sourceId);
      if (page.next === null) break;
      cursor = page.next;
    }
    recordPassListed(db, job.sourceId, pass);
  }

  /** The chat's whole history through the sync service (stored runs are walked from the cache, not fetched). */
  async function downloadWhole(chatId: number, signal: AbortSignal): Promise<void> {
    const onAbort = () => deps.sync.pause(chatId);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      deps.sync.start({ chatId, from: null, to: null });
      const final = await deps.sync.settled(chatId);
      signal.throwIfAborted();
      if (final.state === 'failed') throw ScrollbackError.fromData(final.error ?? { code: 'INTERNAL', message: 'The download failed.' });
      if (final.state !== 'done') throw new ScrollbackError('CANCELLED', translator()('error.backup.chatStopped'));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** The chat's media by the policy, newest first; each stored file is kept (never evicted). */
  async function downloadMedia(job: Job, chatId: number, settings: BackupSettings, counts: BackupSummary, signal: AbortSignal) {
    const missing = listMediaMissing(db, chatId, mediaKindsOf(settings.media)).filter((item) => wantedByPolicy(settings.media, item.media));
    for (const item of missing) {
      const key = `${chatId}/${item.messageId}`;
      if (job.skippedMedia.has(key)) continue;
      const startedAt = now();
      try {
        await withRetries(job, signal, () => inBackground(() => deps.media.download(chatId, item.messageId, signal)));
      } catch (error) {
        signal.throwIfAborted();
        if (stopsThePass(error)) throw error;
        // A file the source no longer has (or refuses) is skipped, not fatal to the chat.
        job.skippedMedia.add(key);
        continue;
      }
      setStoredMediaPinned(db, chatId, item.messageId, true);
      const size = findStoredMedia(db, chatId, item.messageId, 'full')?.size ?? mediaSizeOf(item.media);
      job.pace.mediaMs += now() - startedAt;
      job.pace.mediaBytes += size;
      counts.mediaFiles++;
      counts.mediaBytes += size;
      mediaFigures.delete(chatId);
      changed(job.sourceId);
    }
  }

  async function backUpChat(job: Job, row: BackupChatRow, record: BackupRecord, pass: number, counts: BackupSummary, signal: AbortSignal) {
    const chatId = row.chatId;
    if (row.historyPass !== pass) {
      if (row.gone !== null && row.historyAt !== null) {
        // Left or deleted at the source: what is here is kept as it is.
      } else if (row.historyAt === null) {
        const before = readCachedCount(db, chatId);
        const startedAt = now();
        await downloadWhole(chatId, signal);
        const stored = readCachedCount(db, chatId) - before;
        job.pace.historyMs += now() - startedAt;
        job.pace.requests += Math.max(1, Math.ceil(stored / PAGE));
        counts.newMessages += stored;
      } else {
        const startedAt = now();
        const result: RefreshResult = await withRetries(job, signal, () => deps.refresh.refresh(chatId, signal));
        job.pace.historyMs += now() - startedAt;
        job.pace.requests += 1;
        counts.newMessages += result.added;
        counts.edited += result.edited;
        counts.deletedAtSource += result.deleted;
      }
      recordBackupChatHistory(db, chatId, pass, now());
    }
    mediaFigures.delete(chatId);
    if (record.settings.media.length > 0) await downloadMedia(job, chatId, record.settings, counts, signal);
  }

  async function runPass(job: Job, signal: AbortSignal): Promise<void> {
    let record = recordOf(job.sourceId);
    const goesOn = (record.state === 'running' || record.state === 'paused') && record.passStartedAt !== null;
    const pass = goesOn && record.passStartedAt !== null ? record.passStartedAt : now();
    const counts = goesOn ? (record.passCounts ?? emptyCounts(pass)) : emptyCounts(pass);
    if (goesOn) writeBackupState(db, job.sourceId, 'running', { error: null });
    else beginBackupPass(db, job.sourceId, pass, counts);
    changed(job.sourceId);
    record = recordOf(job.sourceId);
    if (!record.passListed) await listChats(job, record, pass, signal);
    for (const row of listBackupChatRows(db, job.sourceId)) {
      signal.throwIfAborted();
      record = recordOf(job.sourceId);
      if (row.donePass === pass || !isIncluded(record.settings, row)) continue;
      job.currentChatId = row.chatId;
      changed(job.sourceId);
      let failure: ErrorData | null = null;
      try {
        await backUpChat(job, row, record, pass, counts, signal);
      } catch (error) {
        if (signal.aborted || stopsThePass(error)) throw error;
        failure = chatFailure(toErrorData(error));
      }
      recordBackupChatDone(db, row.chatId, pass, now(), failure);
      if (failure) counts.failedChats++;
      else counts.chats++;
      recordPassCounts(db, job.sourceId, counts);
      mediaFigures.delete(row.chatId);
      job.currentChatId = null;
      changed(job.sourceId);
    }
    const finishedAt = now();
    const every = recordOf(job.sourceId).settings.everyMinutes;
    finishBackupPass(db, job.sourceId, { ...counts, finishedAt }, every > 0 ? finishedAt + every * MINUTE : null);
  }

  function launch(sourceId: string): BackupStatus {
    const job = jobOf(sourceId);
    if (job.running) return statusOf(sourceId);
    recordOf(sourceId);
    job.timer?.cancel();
    job.timer = null;
    const controller = new AbortController();
    job.controller = controller;
    job.running = inBackground(() => runPass(job, controller.signal))
      .then(
        () => undefined,
        (error: unknown) => {
          if (controller.signal.aborted) {
            const reason: unknown = controller.signal.reason;
            if (reason === 'pause') writeBackupState(db, sourceId, 'paused');
            else if (reason === 'cancel') {
              const every = recordOf(sourceId).settings.everyMinutes;
              writeBackupState(db, sourceId, 'idle', { nextRunAt: every > 0 ? now() + every * MINUTE : null });
            }
            // 'stop' (quit): the stored state stays running, and the next start goes on from there.
          } else writeBackupState(db, sourceId, 'failed', { error: toErrorData(error) });
        },
      )
      .then(() => {
        job.running = null;
        job.controller = null;
        job.currentChatId = null;
        job.waiting = null;
        armSchedule(job);
        changedNow(sourceId);
        return statusOf(sourceId);
      });
    return statusOf(sourceId);
  }

  function armSchedule(job: Job): void {
    if (!scheduling || job.running) return;
    job.timer?.cancel();
    job.timer = null;
    const record = readBackup(db, job.sourceId);
    if (!record || record.nextRunAt === null || record.state === 'paused') return;
    job.timer = setTimer(
      () => {
        job.timer = null;
        launch(job.sourceId);
      },
      Math.max(0, record.nextRunAt - now()),
    );
  }

  function stopJob(sourceId: string, reason: 'pause' | 'cancel'): BackupStatus {
    const job = jobs.get(sourceId);
    if (job?.running) job.controller?.abort(reason);
    else if (reason === 'cancel' && readBackup(db, sourceId)?.state === 'paused') writeBackupState(db, sourceId, 'idle');
    return statusOf(sourceId);
  }

  return {
    status: statusOf,
    listChats: (sourceId) => chatStatuses(sourceId, recordOf(sourceId)),
    start: launch,
    resume: launch,
    pause: (sourceId) => stopJob(sourceId, 'pause'),
    cancel: (sourceId) => stopJob(sourceId, 'cancel'),
    setSettings(sourceId, settings) {
      recordOf(sourceId);
      writeBackupSettings(db, sourceId, settings);
      mediaFigures.clear();
      const record = recordOf(sourceId);
      // A changed schedule counts from the last pass's end.
      if (record.state === 'done' && record.lastSummary)
        writeBackupState(db, sourceId, 'done', {
          nextRunAt: settings.everyMinutes > 0 ? record.lastSummary.finishedAt + settings.everyMinutes * MINUTE : null,
        });
      armSchedule(jobOf(sourceId));
      changedNow(sourceId);
      return statusOf(sourceId);
    },
    settled: (sourceId) => jobs.get(sourceId)?.running ?? Promise.resolve(statusOf(sourceId)),
    startSchedules() {
      scheduling = true;
      for (const record of listBackups(db)) {
        if (record.state === 'running') launch(record.sourceId);
        else armSchedule(jobOf(record.sourceId));
      }
    },
    async stop() {
      scheduling = false;
      for (const job of jobs.values()) {
        job.timer?.cancel();
        job.timer = null;
        job.controller?.abort('stop');
      }
      await Promise.all([...jobs.values()].map((job) => job.running));
      for (const timer of pendingStatus.values()) clearTimeout(timer);
      pendingStatus.clear();
    },
  };
}
