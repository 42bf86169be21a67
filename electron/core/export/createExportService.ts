import { ScrollbackError } from '../../../shared/errors.ts';
import type { ExportEstimate, ExportProgress, ExportRequest, ExportResult } from '../../../shared/exporting.ts';
import type { CacheDatabase } from '../cache/CacheDatabase.ts';
import { listCoverage } from '../cache/coverageQueries.ts';
import type { SyncService } from '../sync/createSyncService.ts';
import { runCoreWorker, type CoreWorkerRun } from '../workers/runCoreWorker.ts';
import { countExportScope } from './readExportMessages.ts';

/** Rough bytes per message in each format, measured on the demo archive, for the estimate shown first. */
const BYTES_PER_MESSAGE = { json: 420, html: 130, csv: 190, txt: 110, md: 120 } as const;

export interface ExportService {
  estimate(request: ExportRequest): ExportEstimate;
  /**
   * Fills the range from the source first when it is not completely cached (through the sync service:
   * same pacing, rate-limit waits and resumability), then writes on a worker thread.
   */
  exportChat(request: ExportRequest, target: string, onProgress?: (progress: ExportProgress | { downloading: true }) => void): Promise<ExportResult>;
  cancel(): boolean;
}

export function createExportService(deps: { databasePath: string; db: CacheDatabase; sync: SyncService }): ExportService {
  let active: CoreWorkerRun<ExportResult> | null = null;
  let downloading: number | null = null;

  function isCovered(request: ExportRequest): boolean {
    const ranges = listCoverage(deps.db, request.chatId);
    const from = request.from;
    const to = request.to;
    return ranges.some((range) => (from === null ? range.reachesOldest : range.reachesOldest || range.from.date <= from) && (to === null ? true : range.to.date >= to - 1));
  }

  return {
    estimate(request) {
      const messages = countExportScope(deps.db, request);
      return { messages, approxBytes: messages * BYTES_PER_MESSAGE[request.format], needsDownload: !isCovered(request) };
    },
    async exportChat(request, target, onProgress) {
      if (active || downloading !== null) throw new ScrollbackError('INVALID_INPUT', 'An export is already running; wait for it or cancel it first.');
      if (!isCovered(request)) {
        downloading = request.chatId;
        onProgress?.({ downloading: true });
        try {
          deps.sync.start({ chatId: request.chatId, from: request.from, to: request.to });
          const status = await deps.sync.settled(request.chatId);
          if (status.state === 'cancelled' || status.state === 'paused') throw new ScrollbackError('CANCELLED', 'Export cancelled while downloading the missing messages; what was downloaded stays cached.');
          if (status.state === 'failed') throw new ScrollbackError('SOURCE_UNAVAILABLE', `The missing messages could not be downloaded: ${status.error?.message ?? 'unknown error'}`);
        } finally {
          downloading = null;
        }
      }
      const run = runCoreWorker<ExportResult>({ kind: 'export', databasePath: deps.databasePath, request, target }, (progress) => onProgress?.(progress as ExportProgress));
      active = run;
      try {
        return await run.result;
      } finally {
        active = null;
      }
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
}
