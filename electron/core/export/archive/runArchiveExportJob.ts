import type { ArchiveExportProgress, ArchiveExportRequest, ArchiveExportResult } from '../../../../shared/archiveExport.ts';
import type { ChatMessage, ChatSummary } from '../../../../shared/domain.ts';
import { hasMediaFiles } from '../../../../shared/domain.ts';
import type { ExportRequest } from '../../../../shared/exporting.ts';
import type { ReadableDB } from '../../cache/CacheDatabase.ts';
import { getChatRecord, getChatSummary, listChatSummaries } from '../../cache/chatQueries.ts';
import { openCacheDatabase } from '../../cache/openCacheDatabase.ts';
import { inReadSnapshot } from '../../cache/transactions.ts';
import { mediaFolderBeside } from '../../media/mediaFolderBeside.ts';
import { createExportMediaCopier, type ExportedMediaPaths } from '../createExportMediaCopier.ts';
import { createJsonExportWriter } from '../formats/createJsonExportWriter.ts';
import { countExportScope, readExportMessages } from '../readExportMessages.ts';
import { ArchiveFolder, cancelled } from './ArchiveFolder.ts';
import { writeTelegramHtmlArchiveLists, createTelegramHtmlChatWriter, TELEGRAM_HTML_STYLE } from './createTelegramHtmlChatWriter.ts';

/** How often (in messages) the job asks whether it was cancelled and says how far it is. */
const CHECK_EVERY = 256;
const PROGRESS_EVERY_MS = 100;

/** "chat_001", as Telegram Desktop names a chat's folder in a whole-account export (at least three digits). */
export function chatFolderName(ordinal: number): string {
  return `chat_${String(ordinal).padStart(3, '0')}`;
}

/** The whole chat, every message (service lines too), as a single-chat export would read it. */
function wholeChat(chatId: number): ExportRequest {
  return { chatId, format: 'json', from: null, to: null, filter: null, includeService: true, csvBom: false };
}

/** The chats in scope, in the request's order (or the sidebar's); an id that is not in the archive fails in words. */
function chatsInScope(db: ReadableDB, request: ArchiveExportRequest): ChatSummary[] {
  if (request.chatIds === null) return listChatSummaries(db);
  return [...new Set(request.chatIds)].map((chatId) => getChatSummary(db, chatId));
}

/**
 * Writes every chat of the archive (or the chosen ones) into one folder in Telegram Desktop's whole-account
 * layout — `result.json` with `chats.list`, or `export_results.html`, `lists/chats.html` and
 * `chats/chat_NNN/messages*.html` — with each chat's media on this computer in `chats/chat_NNN/photos/…`
 * and a `manifest.sha256` of every file. Runs on a worker thread with its own read connection, inside one
 * read snapshot; the folder appears only when complete (see ArchiveFolder).
 */
export function runArchiveExportJob(
  job: { databasePath: string; request: ArchiveExportRequest; target: string },
  options: { onProgress?: (progress: ArchiveExportProgress) => void; isCancelled?: () => boolean } = {},
): ArchiveExportResult {
  const db = openCacheDatabase(job.databasePath, { readonly: true, pageCacheKiB: 8192 });
  const isCancelled = options.isCancelled ?? (() => false);
  try {
    return inReadSnapshot(db, () => {
      const chats = chatsInScope(db, job.request);
      const folder = new ArchiveFolder(job.target);
      try {
        const total = chats.reduce((sum, chat) => sum + countExportScope(db, wholeChat(chat.id)), 0);
        let written = 0;
        let chatsDone = 0;
        let mediaLeftOut = 0;
        let lastReport = 0;
        const report = (force: boolean) => {
          const now = Date.now();
          if (!force && now - lastReport < PROGRESS_EVERY_MS) return;
          lastReport = now;
          options.onProgress?.({ phase: 'writing', chatsDone, chats: chats.length, written, total });
        };
        const mode = job.request.media;
        const mediaFolder = mediaFolderBeside(job.databasePath);

        /** Each message of a chat, with where its media went (relative to the chat's folder), counting what was left out. */
        const eachMessage = (chat: ChatSummary, chatFolder: string, visit: (message: ChatMessage, files: ExportedMediaPaths) => void) => {
          const copier =
            mode === 'none'
              ? null
              : createExportMediaCopier(db, {
                  mediaFolder,
                  targetFolder: folder.pathOf(chatFolder),
                  mode: mode === 'thumbnails' ? 'thumbnails' : 'all',
                });
          for (const message of readExportMessages(db, wholeChat(chat.id))) {
            const files = copier ? copier.copy(message) : {};
            if (copier && hasMediaFiles(message.media) && message.media.kind !== 'webpage') {
              const wanted = mode === 'thumbnails' ? files.thumbnail : files.file;
              if (wanted === undefined) mediaLeftOut++;
            }
            visit(message, files);
            written++;
            if (written % CHECK_EVERY === 0) {
              if (isCancelled()) throw cancelled(job.target);
              report(false);
            }
          }
          chatsDone++;
          if (isCancelled()) throw cancelled(job.target);
          report(true);
        };

        if (job.request.format === 'json') {
          const result = folder.createTextFile('result.json');
          result.write(`{\n "about": ${JSON.stringify(ABOUT)},\n "chats": {\n  "about": ${JSON.stringify(CHATS_ABOUT)},\n  "list": [\n`);
          for (const [index, chat] of chats.entries()) {
            const chatFolder = `chats/${chatFolderName(index + 1)}`;
            let paths: ExportedMediaPaths = {};
            // The chat's media sit in its own folder; result.json names them from the export's root.
            const fromRoot = (relative: string | undefined) => (relative === undefined ? undefined : `${chatFolder}/${relative}`);
            const writer = createJsonExportWriter(result.write, () => ({
              file: fromRoot(paths.file),
              thumbnail: fromRoot(paths.thumbnail),
            }));
            if (index > 0) result.write(',\n');
            const record = getChatRecord(db, chat.id);
            writer.begin(chat, { sourceId: record.sourceId, sourceKey: record.sourceKey });
            eachMessage(chat, chatFolder, (message, files) => {
              paths = files;
              writer.message(message);
            });
            writer.end();
          }
          result.write('  ]\n }\n}\n');
          result.close();
        } else {
          const style = folder.createTextFile('css/style.css');
          style.write(TELEGRAM_HTML_STYLE);
          style.close();
          const listed: Array<{ chat: ChatSummary; folder: string; messages: number }> = [];
          for (const [index, chat] of chats.entries()) {
            const chatFolder = `chats/${chatFolderName(index + 1)}`;
            const writer = createTelegramHtmlChatWriter((page) => folder.createTextFile(`${chatFolder}/${page}`), chat);
            eachMessage(chat, chatFolder, (message, files) => writer.message(message, files));
            listed.push({ chat, folder: chatFolder, messages: writer.end() });
          }
          writeTelegramHtmlArchiveLists((path) => folder.createTextFile(path), listed);
        }

        report(true);
        const hashed = folder.writeManifest(isCancelled, (done, files) => options.onProgress?.({ phase: 'hashing', files, hashed: done }));
        folder.commit();
        return { path: job.target, chats: chats.length, messages: written, files: hashed.files, bytes: hashed.bytes, mediaLeftOut };
      } catch (error) {
        folder.abort();
        throw error;
      }
    });
  } finally {
    db.close();
  }
}

const ABOUT =
  'Exported by Scrollback: every chat of this archive in Telegram Desktop’s whole-account layout. manifest.sha256 lists every file’s SHA-256 (sha256sum -c manifest.sha256 checks them).';
const CHATS_ABOUT = 'This page lists all chats from this export.';
