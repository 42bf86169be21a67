import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { getChatRecord, setChatKind } from '../../cache/chatQueries.ts';
import { fileByteSource } from '../../files/ByteSource.ts';
import type { SourceChat } from '../../sources/HistorySource.ts';
import { cancelledImport, ChatWriter } from '../ChatWriter.ts';
import { examineFile } from '../examineFile.ts';
import type { ExaminedFile, ImportFormat, ImportInput } from '../ImportFormat.ts';
import { folderMediaFiles } from '../importMediaFiles.ts';
import { isMessageId } from './parseTelegramHtmlPages.ts';
import { readTelegramHtmlChat } from './readTelegramHtmlChat.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** Every page of a Telegram Desktop HTML export is titled "Exported Data" and opens with a page header. */
const isTelegramHtml = (file: ExaminedFile): boolean =>
  file.content === 'html' && /<title>Exported Data<\/title>|class="page_header"/.test(file.head);

/** A chat's page (not the account's lists or its front page): its history starts right after the header. */
const isChatPage = (file: ExaminedFile): boolean => isTelegramHtml(file) && /class="history"|page_body chat_page/.test(file.head);

/** The chat a page belongs to, as its header names it (`page_header` → `text bold`). */
function headerNameOf(file: ExaminedFile): string {
  const match = /class="page_header"[^]*?<div class="text bold">\s*([^<]*?)\s*<\/div>/.exec(file.head);
  return match ? match[1]! : '';
}

/** Bytes of a page read for its first message's id: past the header (≈1.5 KB) and the first blocks. */
const FIRST_ID_BYTES = 64 * 1024;

/**
 * Where a page sits in its chat, from its content: the id of its first message (a day separator's small
 * negative id is the exporter's, not a message's; a basic group's messages before it became a supergroup have
 * ids near −1,000,000,000 and come first). Null when none is in its first 64 KB.
 */
function firstMessageIdOf(path: string): number | null {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(FIRST_ID_BYTES);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    for (const match of text.matchAll(/<div class="message [^"]*" id="message(-?\d+)"/g)) {
      const id = Number(match[1]);
      if (isMessageId(id)) return id;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The number in a page's name ("messages7.html" 7, "messages.html" 1), for pages whose content cannot tell. */
function nameNumberOf(path: string): number {
  const match = /(\d+)\.html?$/i.exec(basename(path));
  return match ? Number(match[1]) : 1;
}

/**
 * The HTML chats of a folder, found by content whatever the pages are named: its chat pages grouped by the
 * chat their header names and put in history order by their first message (then the number in the name), or
 * each `chats/chat_NN/` of a whole-account export (`lists/chats.html` beside it), in folder order.
 */
function htmlChatInputs(folder: string): ImportInput[] {
  const byChat = new Map<string, string[]>();
  for (const name of readdirSync(folder).sort()) {
    if (!/\.html?$/i.test(name)) continue;
    const path = join(folder, name);
    if (!statSync(path).isFile()) continue;
    const file = examineFile(path);
    if (!isChatPage(file)) continue;
    const chat = headerNameOf(file);
    byChat.set(chat, [...(byChat.get(chat) ?? []), path]);
  }
  if (byChat.size > 0) {
    // A chat folder of a whole-account export links its media from the export's root ("../../chats/…").
    const accountRoot =
      basename(dirname(folder)) === 'chats' && existsSync(join(dirname(folder), '..', 'lists')) ? dirname(dirname(folder)) : folder;
    return [...byChat.values()].map((pages) => htmlInput(folder, inHistoryOrder(pages), accountRoot));
  }
  const chats = join(folder, 'chats');
  if (!existsSync(chats) || !statSync(chats).isDirectory()) return [];
  return readdirSync(chats)
    .filter((name) => /^chat_\d+$/.test(name))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
    .flatMap((name) => htmlChatInputs(join(chats, name)));
}

/**
 * Pages by the number in their names when each has its own (messages.html, messages2.html, …: nothing more is
 * read); renamed ones by their first message's id, read from each page.
 */
function inHistoryOrder(pages: string[]): string[] {
  const numbers = pages.map(nameNumberOf);
  if (new Set(numbers).size === pages.length)
    return pages
      .map((path, index) => ({ path, number: numbers[index]! }))
      .sort((a, b) => a.number - b.number)
      .map((page) => page.path);
  const keyed = pages.map((path, index) => ({ path, id: firstMessageIdOf(path), number: numbers[index]! }));
  // By first id where both pages have one; else by the number in the name.
  return keyed
    .sort((a, b) => (a.id !== null && b.id !== null && a.id !== b.id ? a.id - b.id : a.number - b.number))
    .map((page) => page.path);
}

function htmlInput(folder: string, pages: string[], root: string): ImportInput {
  return {
    format: telegramHtmlImportFormat,
    source: fileByteSource(pages[0]!),
    // A chat of one page is named by it (what the user chose); of several, by their folder.
    path: pages.length === 1 ? pages[0]! : folder,
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
  label: 'Telegram Desktop HTML exports (any of their pages, or their folder)',
  extensions: ['html'],
  recognise: (file) => (isTelegramHtml(file) ? 'sure' : null),
  nearMiss: (file) => (file.content === 'html' ? translator()('error.import.notTelegramHtml') : null),
  findInFolder: htmlChatInputs,
  // A page chosen on its own brings its whole chat: the pages beside it that its header names (by content).
  // The account's lists or front page bring every chat of the export.
  expand: (file) => {
    const folder = dirname(file.path);
    if (!isChatPage(file)) return htmlChatInputs(basename(folder) === 'lists' ? dirname(folder) : folder);
    const chat = htmlChatInputs(folder).find((input) => input.pages!.paths.includes(file.path));
    return [chat ?? htmlInput(folder, [file.path], folder)];
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
    // No chat is made of pages without a message (an empty chat's page, the account's lists): the result says so.
    if (writer === null)
      return {
        chats: [],
        timeZone: null,
        nothingImported: `a Telegram Desktop page${pages.paths.length > 1 ? 's' : ''} of “${read.chatName}” with no messages in ${pages.paths.length > 1 ? 'them' : 'it'}.`,
      };
    const chat: ChatWriter = writer;
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
