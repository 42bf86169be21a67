import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { getChatRecord, setChatKind } from '../../cache/chatQueries.ts';
import { fileByteSource } from '../../files/ByteSource.ts';
import type { SourceChat } from '../../sources/HistorySource.ts';
import { cancelledImport, ChatWriter } from '../ChatWriter.ts';
import { examineFile } from '../examineFile.ts';
import type { ExaminedFile, ImportFormat, ImportInput } from '../ImportFormat.ts';
import { folderMediaFiles } from '../importMediaFiles.ts';
import { readTelegramHtmlChat } from './readTelegramHtmlChat.ts';

/** Every page of a Telegram Desktop HTML export is titled "Exported Data" and opens with a page header. */
const isTelegramHtml = (file: ExaminedFile): boolean =>
  file.content === 'html' && /<title>Exported Data<\/title>|class="page_header"/.test(file.head);

/** Page number of a Telegram Desktop HTML page: messages.html (or a renamed index.html) is 1, messages7.html 7. */
function htmlPageNumber(name: string): number | null {
  if (/^(messages|index)\.html$/i.test(name)) return 1;
  const match = /^messages(\d+)\.html$/i.exec(name);
  return match ? Number(match[1]) : null;
}

/**
 * The HTML chats of a folder: its own pages (a single-chat export), or each `chats/chat_NN/` of a
 * whole-account export (`lists/chats.html` beside it), in folder order.
 */
function htmlChatInputs(folder: string): ImportInput[] {
  const pages = readdirSync(folder)
    .flatMap((name) => {
      const number = htmlPageNumber(name);
      return number === null ? [] : [{ number, path: join(folder, name) }];
    })
    .filter((page) => isTelegramHtml(examineFile(page.path)))
    .sort((a, b) => a.number - b.number)
    .map((page) => page.path);
  if (pages.length > 0) {
    // A chat folder of a whole-account export links its media from the export's root ("../../chats/…").
    const accountRoot =
      basename(dirname(folder)) === 'chats' && existsSync(join(dirname(folder), '..', 'lists')) ? dirname(dirname(folder)) : folder;
    return [htmlInput(folder, pages, accountRoot)];
  }
  const chats = join(folder, 'chats');
  if (!existsSync(chats) || !statSync(chats).isDirectory()) return [];
  return readdirSync(chats)
    .filter((name) => /^chat_\d+$/.test(name))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
    .flatMap((name) => htmlChatInputs(join(chats, name)));
}

function htmlInput(folder: string, pages: string[], root: string): ImportInput {
  return {
    format: telegramHtmlImportFormat,
    source: fileByteSource(pages[0]!),
    path: folder,
    chatNameHint: basename(folder),
    sizeBytes: pages.reduce((sum, page) => sum + statSync(page).size, 0),
    mediaFiles: folderMediaFiles(root),
    pages: { paths: pages, root },
  };
}

/** An HTML export names its chat but gives no id: keyed by the name until a JSON export of it brings the id. */
function htmlChat(name: string): SourceChat {
  return { key: `telegram:html:name:${name}`, name, kind: 'group', messageCount: null, lastMessageDate: null };
}

/** Telegram Desktop's HTML export: a chat's pages (messages.html, messages2.html, …), or a whole account's chats. */
export const telegramHtmlImportFormat: ImportFormat = {
  id: 'telegram-html',
  app: 'Telegram',
  label: 'Telegram Desktop HTML exports (messages*.html or their folder)',
  extensions: ['html'],
  recognise: (file) => (isTelegramHtml(file) ? 'sure' : null),
  nearMiss: (file) => (file.content === 'html' ? 'an HTML page, but not one of a Telegram Desktop export' : null),
  findInFolder: htmlChatInputs,
  // A page chosen on its own brings its whole chat (its folder's pages); a page under another name, itself.
  expand: (file) => {
    const chat = htmlChatInputs(dirname(file.path));
    return chat.length > 0 ? chat : [htmlInput(dirname(file.path), [file.path], dirname(file.path))];
  },
  read(input, { db, files }, options) {
    const pages = input.pages ?? { paths: [input.path], root: dirname(input.path) };
    let writer: ChatWriter | null = null;
    const read = readTelegramHtmlChat(
      { pages: pages.paths, root: pages.root, chatNameHint: input.chatNameHint },
      (message, chatName) => {
        writer ??= new ChatWriter(db, htmlChat(chatName), files);
        writer.add(message);
      },
      { isCancelled: options.isCancelled, onBytes: (bytes) => options.onProgress?.(bytes) },
    );
    if (read.cancelled) throw cancelledImport(input);
    const chat = writer ?? new ChatWriter(db, htmlChat(read.chatName), files);
    // The page says no kind: a chat that found its JSON twin keeps the twin's; otherwise judge by its senders.
    if (getChatRecord(db, chat.chatId).sourceKey.startsWith('telegram:html:'))
      setChatKind(
        db,
        chat.chatId,
        read.groupLines || read.senders.length > 2
          ? 'group'
          : read.senders.length === 1 && read.senders[0] === read.chatName
            ? 'channel'
            : 'private',
      );
    return { chats: [chat.finish()], timeZone: null };
  },
};
