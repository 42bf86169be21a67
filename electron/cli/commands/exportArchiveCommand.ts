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
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';

const isFormat = (value: string): value is ArchiveExportFormat => archiveExportFormats.some((format) => format === value);
const isMediaMode = (value: string): value is ArchiveExportMediaMode => archiveExportMediaModes.some((mode) => mode === value);

function progressLine(progress: ArchiveExportProgress): string {
  switch (progress.phase) {
    case 'fetchingMedia':
      return `fetching files not on this computer: ${progress.chatName}, ${progress.fetched.toLocaleString('en-US')} fetched${progress.failed > 0 ? `, ${progress.failed.toLocaleString('en-US')} failed` : ''}, ${progress.left.toLocaleString('en-US')} left`;
    case 'writing':
      return `writing: ${progress.chatsDone.toLocaleString('en-US')} of ${progress.chats.toLocaleString('en-US')} chats, ${progress.written.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} messages`;
    case 'hashing':
      return `writing manifest.sha256: ${progress.hashed.toLocaleString('en-US')} of ${progress.files.toLocaleString('en-US')} files`;
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
      context.err(progressLine(progress));
    });
    if (context.json) context.out(JSON.stringify(result, null, 2));
    else
      context.out(
        `${result.path}: ${result.chats.toLocaleString('en-US')} chats, ${result.messages.toLocaleString('en-US')} messages, ${result.files.toLocaleString('en-US')} files (${result.bytes.toLocaleString('en-US')} bytes), listed with their SHA-256 in manifest.sha256${result.mediaLeftOut > 0 ? `; ${result.mediaLeftOut.toLocaleString('en-US')} files not on this computer were left out` : ''}`,
      );
  } finally {
    process.removeListener('SIGINT', stop);
  }
}
