import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ChatImportResult } from '../../../../shared/importing.ts';
import { findChatIdByKey } from '../../cache/chatQueries.ts';
import { decodeTextChunks } from '../../files/decodeTextChunks.ts';
import { cancelledImport, ChatWriter } from '../ChatWriter.ts';
import { chatNameFromFileName, fileInput } from '../examineFile.ts';
import type { ExaminedFile, ImportFormat } from '../ImportFormat.ts';
import { TelegramExportScanner } from './TelegramExportScanner.ts';
import { toTelegramSourceChat, toTelegramSourceMessage } from './toTelegramSourceMessage.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** A Telethon dump: one JSON object a line, each a TL object named by its "_". */
function isTelethonDump(file: ExaminedFile): boolean {
  return file.content === 'json' && /^\{\s*"_"\s*:\s*"(Message|MessageService)"/.test(file.head.split('\n', 1)[0]!);
}

/**
 * Telegram Desktop's JSON export (`result.json`: one chat, or a whole account), and Scrollback's own JSON
 * export, which is written in the same format. Its shape is any JSON object, so it is the fallback for
 * JSON that a more particular format (DiscordChatExporter's) does not claim.
 */
export const telegramImportFormat: ImportFormat = {
  id: 'telegram',
  app: 'Telegram',
  label: 'Telegram Desktop JSON exports (result.json or its folder)',
  extensions: ['json'],
  recognise: (file) => (!isTelethonDump(file) && (file.content === 'json' || file.extension === 'json') ? 'maybe' : null),
  nearMiss: (file) => (isTelethonDump(file) ? translator()('error.import.telethonDump') : null),
  findInFolder(folder) {
    const result = join(folder, 'result.json');
    return existsSync(result) ? [fileInput(result, telegramImportFormat, basename(folder))] : [];
  },
  expand: (file) => [fileInput(file.path, telegramImportFormat, chatNameFromFileName(file.path))],
  read(input, { db, files }, options) {
    const results: ChatImportResult[] = [];
    let writer: ChatWriter | null = null;
    let ordinal = 0;
    const findMedia = (name: unknown) => input.mediaFiles.find(name);
    const scanner = new TelegramExportScanner(input.source.name, {
      chatStart(meta) {
        // Scrollback's own export of a chat this archive holds (from any source): its messages go back to it.
        const from =
          typeof meta.scrollback_source === 'string' && typeof meta.scrollback_key === 'string'
            ? findChatIdByKey(db, meta.scrollback_source, meta.scrollback_key)
            : null;
        writer = new ChatWriter(db, toTelegramSourceChat(meta, input.chatNameHint), files, from);
        ordinal = 0;
      },
      message(raw, byteOffset) {
        const message = toTelegramSourceMessage(raw, ++ordinal, () => `${input.source.name}, byte ${byteOffset()}`, findMedia);
        if (message) writer!.add(message);
        else writer!.skip();
      },
      chatEnd() {
        results.push(writer!.finish());
        writer = null;
      },
    });
    for (const chunk of decodeTextChunks(input.source)) {
      if (options.isCancelled?.()) throw cancelledImport(input);
      scanner.push(chunk.text, chunk.byteOffset);
      options.onProgress?.(chunk.byteEnd);
    }
    scanner.end();
    return { chats: mergeRepeatedChats(results), timeZone: null };
  },
};

/** A whole-account export can list one chat twice (in chats and left_chats): report it once. */
function mergeRepeatedChats(results: ChatImportResult[]): ChatImportResult[] {
  const byChat = new Map<number, ChatImportResult>();
  for (const result of results) {
    const seen = byChat.get(result.chatId);
    if (seen) {
      seen.added += result.added;
      seen.inFile += result.inFile;
      seen.skipped += result.skipped;
    } else byChat.set(result.chatId, { ...result });
  }
  return [...byChat.values()];
}
