import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ScrollbackError } from '../../../shared/errors.ts';
import { fileByteSource, memoryByteSource, type ByteSource } from '../files/ByteSource.ts';
import { listZipEntries, readZipEntry } from '../files/readZipEntry.ts';
import { folderMediaFiles, zipMediaFiles, type ImportMediaFiles } from './importMediaFiles.ts';

export type ImportFormat = 'telegram' | 'telegram-html' | 'whatsapp' | 'discord';

/** A DiscordChatExporter file is one JSON document, parsed whole: larger ones should be split when exporting. */
const MAX_DISCORD_BYTES = 512 * 1024 * 1024;

/** One file to import: its format, its bytes and the name of the chat when the file itself does not say. */
export interface ImportInput {
  format: ImportFormat;
  source: ByteSource;
  /** The path the user gave (a file, a folder or a zip). */
  path: string;
  chatNameHint: string;
  sizeBytes: number;
  /** The media files the export brought (its folder's, or its zip's entries). */
  mediaFiles: ImportMediaFiles;
  /**
   * A Telegram Desktop HTML chat: its pages in order (messages.html, messages2.html, …), and the folder its
   * media paths are resolved inside (the chat's folder, or a whole-account export's root).
   */
  html?: { pages: string[]; root: string };
}

/**
 * What a path the user chose holds: a Telegram Desktop `result.json` or export folder, a WhatsApp `.txt`,
 * or the `.zip` WhatsApp shares (chat text plus media). Anything else is refused by name.
 */
export function findImportInputs(path: string): ImportInput[] {
  if (!existsSync(path)) throw new ScrollbackError('INVALID_INPUT', `${path}: no such file or folder.`);
  const stat = statSync(path);
  if (stat.isDirectory()) {
    const result = join(path, 'result.json');
    if (existsSync(result)) return [fileInput(result, 'telegram', basename(path))];
    const html = htmlChatInputs(path);
    if (html.length > 0) return html;
    const inside = readdirSync(path)
      .filter((name) => /\.(txt|zip|json)$/i.test(name))
      .sort()
      .flatMap((name) => findImportInputs(join(path, name)));
    if (inside.length === 0) throw new ScrollbackError('INVALID_INPUT', `${path}: the folder holds no result.json, .txt or .zip export.`);
    return inside;
  }
  const head = readHead(path);
  const sniffed = sniffFormat(head);
  if (sniffed === 'zip') return [zipInput(path)];
  // A page of a Telegram Desktop HTML export: the whole chat (its folder's pages) is imported.
  if (sniffed === 'telegram-html') return htmlChatInputs(dirname(path));
  if (sniffed === 'telethon')
    throw notSupported(path, 'a Telethon dump (one JSON object per line)', 'export the chat from Telegram Desktop as JSON or HTML instead');
  if (sniffed === 'discord') {
    if (statSync(path).size > MAX_DISCORD_BYTES)
      throw new ScrollbackError(
        'INVALID_FILE',
        `${path}: this DiscordChatExporter file is larger than 512 MB; export the channel again in parts (its --partition option) and import those.`,
      );
    return [fileInput(path, 'discord', chatNameFromFileName(path))];
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.json' || sniffed === 'json') return [fileInput(path, 'telegram', chatNameFromFileName(path))];
  if (extension === '.txt') return [fileInput(path, 'whatsapp', whatsAppChatName(path))];
  throw new ScrollbackError(
    'INVALID_FILE',
    `${path}: not an export Scrollback can read${sniffed === 'html' ? ' (an HTML page, but not one of a Telegram Desktop export)' : ''}. Choose a Telegram Desktop export (result.json, messages.html, or their folder), or a WhatsApp chat export (.txt or .zip).`,
  );
}

function notSupported(path: string, what: string, instead: string): ScrollbackError {
  return new ScrollbackError('INVALID_FILE', `${path}: this looks like ${what}, which Scrollback cannot import; ${instead}.`);
}

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
    .filter((page) => sniffFormat(readHead(page.path)) === 'telegram-html')
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
    format: 'telegram-html',
    source: fileByteSource(pages[0]!),
    path: folder,
    chatNameHint: basename(folder),
    sizeBytes: pages.reduce((sum, page) => sum + statSync(page).size, 0),
    mediaFiles: folderMediaFiles(root),
    html: { pages, root },
  };
}

function fileInput(path: string, format: ImportFormat, chatNameHint: string): ImportInput {
  return {
    format,
    source: fileByteSource(path),
    path,
    chatNameHint,
    sizeBytes: statSync(path).size,
    mediaFiles: folderMediaFiles(dirname(path)),
  };
}

function zipInput(path: string): ImportInput {
  const entries = listZipEntries(path);
  const chat =
    entries.find((entry) => /(^|\/)_chat\.txt$/i.test(entry.name)) ??
    entries.find((entry) => /whatsapp.*\.txt$/i.test(entry.name)) ??
    entries.find((entry) => /\.txt$/i.test(entry.name) && !entry.name.includes('/'));
  if (!chat) throw new ScrollbackError('INVALID_FILE', `${path}: the zip holds no chat text (.txt); it is not a WhatsApp export.`);
  const bytes = readZipEntry(path, chat);
  return {
    format: 'whatsapp',
    source: memoryByteSource(bytes, `${path} › ${chat.name}`),
    path,
    chatNameHint: chatNameFromFileName(path),
    sizeBytes: bytes.length,
    mediaFiles: zipMediaFiles(path, entries),
  };
}

/** The first 4 KB of a file, as text (enough to tell every format Scrollback knows). */
function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** What a file is by its first bytes, not its name. */
export function sniffFormat(head: Buffer): 'zip' | 'telegram-html' | 'html' | 'telethon' | 'discord' | 'json' | 'text' | null {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
  const text = head
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart();
  if (/^<!DOCTYPE html|^<html/i.test(text))
    return /<title>Exported Data<\/title>|class="page_header"/.test(text) ? 'telegram-html' : 'html';
  if (text.startsWith('{')) {
    const firstLine = text.split('\n', 1)[0]!;
    if (/^\{\s*"_"\s*:\s*"(Message|MessageService)"/.test(firstLine)) return 'telethon';
    if (/^\{\s*"guild"\s*:/.test(text)) return 'discord';
    return 'json';
  }
  return text.length > 0 && !text.includes('\u0000') ? 'text' : null;
}

/**
 * An iPhone names every chat's text `_chat.txt`: the chat is named by its folder ("WhatsApp Chat - Anna" →
 * "Anna") instead. Other files are named after the chat already.
 */
function whatsAppChatName(path: string): string {
  if (/^_chat\.txt$/i.test(basename(path)) && basename(dirname(path)) !== '') return chatNameFromFileName(dirname(path));
  return chatNameFromFileName(path);
}

/**
 * "WhatsApp Chat with Ana.txt", "WhatsApp-Chat mit Ana.zip", "WhatsApp Chat - Ana.zip" → "Ana". A " (2)"
 * a browser added to a second download is dropped, so a newer export lands in the same chat.
 */
export function chatNameFromFileName(path: string): string {
  const stem = basename(path)
    .replace(/\.(txt|zip|json)$/i, '')
    .replace(/ \(\d+\)$/, '');
  const match = /^WhatsApp[ -]Chat(?: with| mit| -|:)?\s+(.+)$/i.exec(stem);
  return (match ? match[1]! : stem).trim() || stem;
}
