import path from 'node:path';
import type { ChatMessage } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { mediaFolderBeside } from '../media/mediaFolderBeside.ts';
import { createExportMediaCopier, type ExportedMediaPaths } from './createExportMediaCopier.ts';
import type { ExportProgress, ExportRequest, ExportResult } from '../../../shared/exporting.ts';
import { getChatRecord, getChatSummary } from '../cache/chatQueries.ts';
import { openCacheDatabase } from '../cache/openCacheDatabase.ts';
import { inReadSnapshot } from '../cache/transactions.ts';
import { AtomicFileWriter } from './AtomicFileWriter.ts';
import { exportFormatOf } from './exportFormats.ts';
import type { ExportWriter, TextSink } from './formats/ExportWriter.ts';
import { countExportScope, readExportMessages } from './readExportMessages.ts';
import { translator } from '../i18n/createTranslator.ts';

/** The writer of the request's format, with its options (a byte order mark, where its media were copied). */
export function createExportWriter(
  request: Pick<ExportRequest, 'format' | 'csvBom'>,
  out: TextSink,
  mediaPaths: (message: ChatMessage) => ExportedMediaPaths = () => ({}),
): ExportWriter {
  const format = exportFormatOf(request.format);
  return format.createWriter(out, { bom: format.offersBom && request.csvBom, mediaPaths });
}

/**
 * Writes one export from the cache (on a worker thread, with its own read connection): streamed in batches,
 * into a temporary file that replaces the target only when complete.
 */
export function runExportJob(
  job: { databasePath: string; request: ExportRequest; target: string },
  options: { onProgress?: (progress: ExportProgress) => void; isCancelled?: () => boolean } = {},
): ExportResult {
  // One pass in order over the chat: a large page cache would only hold pages never read again.
  const db = openCacheDatabase(job.databasePath, { readonly: true, pageCacheKiB: 8192 });
  try {
    const chat = getChatSummary(db, job.request.chatId);
    const total = countExportScope(db, job.request);
    const file = new AtomicFileWriter(job.target);
    const mediaMode = exportFormatOf(job.request.format).carriesMedia ? (job.request.media ?? 'none') : 'none';
    const media =
      mediaMode === 'none'
        ? null
        : createExportMediaCopier(db, {
            mediaFolder: mediaFolderBeside(job.databasePath),
            targetFolder: path.dirname(job.target),
            mode: mediaMode,
          });
    let written = 0;
    let lastReport = 0;
    let newest: ExportResult['newest'] = null;
    try {
      const writer = createExportWriter(job.request, (text) => file.write(text), media ? (message) => media.copy(message) : undefined);
      const record = getChatRecord(db, job.request.chatId);
      writer.begin(chat, { sourceId: record.sourceId, sourceKey: record.sourceKey });
      // One read transaction: the export is a consistent snapshot even while a sync or import writes.
      inReadSnapshot(db, () => {
        for (const message of readExportMessages(db, job.request, (position) => (newest = position))) {
          writer.message(message);
          written++;
          if (written % 1024 === 0) {
            if (options.isCancelled?.())
              throw new ScrollbackError('CANCELLED', translator()('error.export.cancelled', { file: job.target }));
            const now = Date.now();
            if (now - lastReport >= 100) {
              lastReport = now;
              options.onProgress?.({ written, total });
            }
          }
        }
      });
      writer.end();
      file.commit();
    } catch (error) {
      file.abort();
      media?.abort();
      throw error;
    }
    options.onProgress?.({ written, total });
    return { path: job.target, written, bytes: file.bytes + (media?.bytes ?? 0), newest: newest ?? job.request.after ?? null };
  } finally {
    db.close();
  }
}
