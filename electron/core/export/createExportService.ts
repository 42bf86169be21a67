import { ScrollbackError } from '../../../shared/errors.ts';
import type { ExportEstimate, ExportProgress, ExportRecord, ExportRequest, ExportResult } from '../../../shared/exporting.ts';
import { basename, dirname, extname, join } from 'node:path';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { listCoverage } from '../cache/coverageQueries.ts';
import { getChatSummary } from '../cache/chatQueries.ts';
import { getExportRecord, insertExportRecord, listExportRecords } from '../cache/exportRecordQueries.ts';
import { writeWhenFree } from '../cache/transactions.ts';
import { splitByCoverage } from '../search/uncoveredSpans.ts';
import type { SyncService } from '../sync/createSyncService.ts';
import { runCoreWorker, type CoreWorkerRun } from '../workers/runCoreWorker.ts';
import { exportFormatOf } from './exportFormats.ts';
import { countExportScope } from './readExportMessages.ts';

/** One 100-message history page a second: Telegram's safe pace for bulk history (see the notes). */
const MESSAGES_PER_SECOND_AT_A_POLITE_PACE = 100;

export interface ExportService {
  estimate(request: ExportRequest): ExportEstimate;
  /**
   * Fills the range from the source first when it is not completely cached (through the sync service:
   * same pacing, rate-limit waits and resumability), then writes on a worker thread.
   */
  exportChat(
    request: ExportRequest,
    target: string,
    onProgress?: (progress: ExportProgress | { downloading: true }) => void,
  ): Promise<ExportResult>;
  cancel(): boolean;
  /** Finished exports of a chat, newest first. */
  listExports(chatId: number): ExportRecord[];
  /**
   * Exports again what an earlier export covered: `new` writes only the messages since then, to a new file
   * beside it; `merged` rewrites the file with everything (old and new), replacing it atomically.
   */
  exportAgain(
    exportId: number,
    mode: 'new' | 'merged',
    onProgress?: (progress: ExportProgress | { downloading: true }) => void,
  ): Promise<ExportResult>;
}

import { measureChatMedia } from '../cache/mediaQueries.ts';
import { translator } from '../i18n/createTranslator.ts';

export function createExportService(deps: { databasePath: string; db: WritableDB; sync: SyncService }): ExportService {
  let active: CoreWorkerRun<ExportResult> | null = null;
  let downloading: number | null = null;

  /** Whether the cache holds the whole range (a whole chat: from its first message to the newest cached). */
  function isCovered(request: ExportRequest): boolean {
    // A selection is of messages the window showed: on this computer by definition.
    if (request.messageIds) return true;
    const ranges = listCoverage(deps.db, request.chatId);
    const newest = ranges.at(-1);
    if (!newest) return false;
    const to = request.to === null ? newest.to.date : request.to - 1;
    return splitByCoverage(ranges, request.from ?? Number.MIN_SAFE_INTEGER, to).uncovered.length === 0;
  }

  const service: ExportService = {
    estimate(request) {
      const format = exportFormatOf(request.format);
      const messages = countExportScope(deps.db, request);
      const needsDownload = !isCovered(request);
      // Only a whole chat has a known size to compare with (the source's count); a range's is unknown.
      const chat = getChatSummary(deps.db, request.chatId);
      const missingMessages =
        needsDownload && request.from === null && request.to === null && chat.messageCount !== null
          ? Math.max(0, chat.messageCount - chat.cachedCount)
          : null;
      const mediaMode = format.carriesMedia ? (request.media ?? 'none') : 'none';
      const mediaBytes = measureChatMedia(
        deps.db,
        request.chatId,
        request.from,
        request.to,
        mediaMode === 'all' ? ['full', 'thumb'] : mediaMode === 'thumbnails' ? ['thumb'] : [],
      );
      return {
        messages,
        mediaBytes,
        approxBytes: (messages + (missingMessages ?? 0)) * format.bytesPerMessage + mediaBytes,
        needsDownload,
        missingMessages,
        approxDownloadSeconds: missingMessages === null ? null : Math.ceil(missingMessages / MESSAGES_PER_SECOND_AT_A_POLITE_PACE),
      };
    },
    async exportChat(request, target, onProgress) {
      // An unknown format fails here, before anything is downloaded.
      exportFormatOf(request.format);
      if (active || downloading !== null) throw new ScrollbackError('BUSY', translator()('error.export.busy'));
      if (!isCovered(request)) {
        downloading = request.chatId;
        onProgress?.({ downloading: true });
        try {
          deps.sync.start({ chatId: request.chatId, from: request.from, to: request.to });
          const status = await deps.sync.settled(request.chatId);
          if (status.state === 'cancelled' || status.state === 'paused')
            throw new ScrollbackError('CANCELLED', translator()('error.export.cancelledDownloading'));
          if (status.state === 'failed')
            throw new ScrollbackError(
              'SOURCE_UNAVAILABLE',
              translator()('error.export.downloadFailed', { reason: status.error?.message ?? translator()('common.unknownError') }),
            );
        } finally {
          downloading = null;
        }
      }
      const run = runCoreWorker({ kind: 'export', databasePath: deps.databasePath, request, target }, (progress) => onProgress?.(progress));
      active = run;
      try {
        const result = await run.result;
        // Another process may hold the write lock (an import): the record waits for it, off the event loop.
        await writeWhenFree(deps.db, () => insertExportRecord(deps.db, request, result));
        return result;
      } finally {
        active = null;
      }
    },
    listExports(chatId) {
      return listExportRecords(deps.db, chatId).map((stored) => stored.record);
    },
    exportAgain(exportId, mode, onProgress) {
      const stored = getExportRecord(deps.db, exportId);
      if (!stored) throw new ScrollbackError('NOT_FOUND', translator()('error.export.noEarlier', { id: String(exportId) }));
      const { request, record } = stored;
      if (mode === 'merged') return service.exportChat(request, record.target, onProgress);
      const extension = extname(record.target);
      const stamp = new Date().toISOString().slice(0, 16).replace(':', '-');
      const target = join(dirname(record.target), `${basename(record.target, extension)} (new since ${stamp})${extension}`);
      return service.exportChat({ ...request, after: stored.newest }, target, onProgress);
    },
    cancel() {
      if (downloading !== null) {
        deps.sync.cancel(downloading);
        return true;
      }
      if (!active) return false;
      active.cancel();
      return true;
    },
  };
  return service;
}
