import type { ArchiveExportProgress, ArchiveExportRequest, ArchiveExportResult } from '../../../../shared/archiveExport.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { countMessagesMissingWholeFile, listMessagesMissingWholeFile, type HistoryPosition } from '../../cache/archiveExportQueries.ts';
import type { ReadableDB } from '../../cache/CacheDatabase.ts';
import { getChatSummary, listChatSummaries } from '../../cache/chatQueries.ts';
import type { MediaService } from '../../media/createMediaService.ts';
import { runCoreWorker, type CoreWorkerRun } from '../../workers/runCoreWorker.ts';
import { translator } from '../../i18n/createTranslator.ts';

const PAGE = 200;
/** A chat whose source fails this many fetches in a row is given up for this export (offline, logged out). */
const FAILURES_IN_A_ROW = 3;

export interface ArchiveExportService {
  /**
   * Fetches the media that are not on this computer first (`media: 'all'`: one file at a time, through each
   * chat's source at its pace, the window's requests first), then writes the folder on a worker thread.
   */
  exportArchive(
    request: ArchiveExportRequest,
    target: string,
    onProgress?: (progress: ArchiveExportProgress) => void,
  ): Promise<ArchiveExportResult>;
  /** Stops the running export: a fetch in flight is abandoned, and the folder is not written. */
  cancel(): boolean;
}

export function createArchiveExportService(deps: {
  databasePath: string;
  db: ReadableDB;
  media: Pick<MediaService, 'download'>;
  onFetchFailed?: (chatId: number, messageId: string, error: unknown) => void;
}): ArchiveExportService {
  let fetching: AbortController | null = null;
  let writing: CoreWorkerRun<ArchiveExportResult> | null = null;

  /** Fetches every whole file missing from the chats in scope, oldest first; failures are counted, not fatal. */
  async function fetchMissingMedia(
    request: ArchiveExportRequest,
    signal: AbortSignal,
    onProgress?: (progress: ArchiveExportProgress) => void,
  ) {
    const chats = request.chatIds === null ? listChatSummaries(deps.db) : request.chatIds.map((chatId) => getChatSummary(deps.db, chatId));
    for (const chat of chats) {
      // An imported chat has no source to fetch from: what it brought is all there is.
      if (chat.sourceKind === 'import') continue;
      let left = countMessagesMissingWholeFile(deps.db, chat.id);
      let fetched = 0;
      let failed = 0;
      let failuresInARow = 0;
      let after: HistoryPosition | null = null;
      while (left > 0 && failuresInARow < FAILURES_IN_A_ROW) {
        const page = listMessagesMissingWholeFile(deps.db, chat.id, after, PAGE);
        if (page.length === 0) break;
        for (const { messageId, position } of page) {
          after = position;
          if (signal.aborted) throw cancelledWhileFetching();
          try {
            await deps.media.download(chat.id, messageId, signal);
            fetched++;
            failuresInARow = 0;
          } catch (error) {
            if (signal.aborted) throw cancelledWhileFetching();
            failed++;
            failuresInARow++;
            deps.onFetchFailed?.(chat.id, messageId, error);
          }
          left--;
          onProgress?.({ phase: 'fetchingMedia', chatName: chat.name, fetched, failed, left: Math.max(0, left) });
          if (failuresInARow >= FAILURES_IN_A_ROW) break;
        }
      }
    }
  }

  return {
    async exportArchive(request, target, onProgress) {
      if (fetching || writing) throw new ScrollbackError('BUSY', translator()('error.archive.busy'));
      if (request.media === 'all') {
        const controller = new AbortController();
        fetching = controller;
        try {
          await fetchMissingMedia(request, controller.signal, onProgress);
        } finally {
          fetching = null;
        }
      }
      const run = runCoreWorker({ kind: 'exportArchive', databasePath: deps.databasePath, request, target }, onProgress);
      writing = run;
      try {
        return await run.result;
      } finally {
        writing = null;
      }
    },
    cancel() {
      if (fetching) {
        fetching.abort();
        return true;
      }
      if (!writing) return false;
      writing.cancel();
      return true;
    },
  };
}

function cancelledWhileFetching(): ScrollbackError {
  return new ScrollbackError('CANCELLED', translator()('error.archive.cancelledFetching'));
}
