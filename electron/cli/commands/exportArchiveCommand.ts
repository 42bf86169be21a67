import { resolve } from 'node:path';
import {
  archiveExportFormats,
  archiveExportMediaModes,
  type ArchiveExportFormat,
  type ArchiveExportMediaMode,
  type ArchiveExportProgress,
} from '../../../shared/archiveExport.ts';
import { databaseOf } from '../../core/app/openScrollbackCore.ts';
import { createArchiveExportService } from '../../core/export/archive/createArchiveExportService.ts';
import type { Translate } from '../../../shared/i18n/locales.ts';
import { translator } from '../../core/i18n/createTranslator.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';

const isFormat = (value: string): value is ArchiveExportFormat => archiveExportFormats.some((format) => format === value);
const isMediaMode = (value: string): value is ArchiveExportMediaMode => archiveExportMediaModes.some((mode) => mode === value);

function progressLine(t: Translate, progress: ArchiveExportProgress): string {
  switch (progress.phase) {
    case 'fetchingMedia':
      return t('cli.exportAll.fetching', {
        chat: progress.chatName,
        fetched: progress.fetched,
        failed: progress.failed,
        left: progress.left,
      });
    case 'writing':
      return t('cli.exportAll.writing', {
        done: progress.chatsDone,
        chats: progress.chats,
        written: progress.written,
        total: progress.total,
      });
    case 'hashing':
      return t('cli.exportAll.hashing', { hashed: progress.hashed, files: progress.files });
  }
}

/**
 * `scrollback export --all --out DIR`: every chat of every source into one new folder in Telegram Desktop's
 * whole-account layout, with progress on stderr; Ctrl+C stops it and leaves no folder.
 */
export async function exportArchiveCommand(context: CliContext, options: { format?: string; out?: string; media?: string }): Promise<void> {
  const format = options.format ?? 'json';
  if (!isFormat(format)) throw new CliUsageError(`--format: with --all, “${format}” is not one of ${archiveExportFormats.join(', ')}.`);
  const media = options.media ?? 'local';
  if (!isMediaMode(media)) throw new CliUsageError(`--media: “${media}” is not one of ${archiveExportMediaModes.join(', ')}.`);
  if (!options.out) throw new CliUsageError('export --all: --out DIR is required (a new folder, or an empty one).');
  const t = translator();
  const core = context.core();
  const service = createArchiveExportService({
    databasePath: context.databasePath,
    db: databaseOf(core),
    media: core.media,
    onFetchFailed: (chatId, messageId, error) =>
      core.logger.warn(`archive export: the file of message ${messageId} in chat ${chatId} could not be fetched`, error),
  });
  const stop = () => service.cancel();
  process.once('SIGINT', stop);
  let last = 0;
  try {
    const result = await service.exportArchive({ chatIds: null, format, media }, resolve(options.out), (progress) => {
      if (Date.now() - last < 1000) return;
      last = Date.now();
      context.err(progressLine(t, progress));
    });
    if (context.json) context.out(JSON.stringify(result, null, 2));
    else {
      context.out(
        t('cli.exportAll.done', {
          path: result.path,
          chats: result.chats,
          messages: result.messages,
          files: result.files,
          bytes: result.bytes,
        }),
      );
      if (result.mediaLeftOut > 0) context.err(t('cli.exportAll.leftOut', { count: result.mediaLeftOut }));
    }
  } finally {
    process.removeListener('SIGINT', stop);
  }
}
