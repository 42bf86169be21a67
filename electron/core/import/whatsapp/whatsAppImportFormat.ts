import { basename, dirname } from 'node:path';
import { listZipEntries, zipEntryByteSource, type ZipEntry } from '../../files/readZipEntry.ts';
import { setChatKind } from '../../cache/chatQueries.ts';
import type { SourceChat } from '../../sources/HistorySource.ts';
import { cancelledImport, ChatWriter } from '../ChatWriter.ts';
import { chatNameFromFileName, fileInput } from '../examineFile.ts';
import { GROUP_SERVICE_ACTIONS } from '../groupServiceActions.ts';
import type { ExaminedFile, ImportFormat, ImportInput } from '../ImportFormat.ts';
import { zipMediaFiles } from '../importMediaFiles.ts';
import { dateShapeOf, parseWhatsAppHeader } from './parseWhatsAppHeader.ts';
import { readWhatsAppMessages } from './readWhatsAppMessages.ts';
import { toWhatsAppSourceMessage } from './toWhatsAppSourceMessage.ts';
import { chatNameFromLocalFileName, WhatsAppPhrases } from './WhatsAppPhrases.ts';
import { computerTimeZone, wallClockInZone } from './wallClockInZone.ts';

/** The chat's text inside a zip WhatsApp shared: `_chat.txt` (iPhone), "WhatsApp Chat with ….txt", or a lone .txt. */
function chatEntryOf(entries: ZipEntry[]): ZipEntry | undefined {
  return (
    entries.find((entry) => /(^|\/)_chat\.txt$/i.test(entry.name)) ??
    entries.find((entry) => /whatsapp.*\.txt$/i.test(entry.name)) ??
    entries.find((entry) => /\.txt$/i.test(entry.name) && !entry.name.includes('/'))
  );
}

function zipInput(path: string): ImportInput[] {
  const entries = listZipEntries(path);
  const chat = chatEntryOf(entries);
  if (!chat) return [];
  return [
    {
      format: whatsAppImportFormat,
      source: zipEntryByteSource(path, chat),
      path,
      chatNameHint: chatNameFromLocalFileName(chatNameFromFileName(path)),
      sizeBytes: chat.size,
      mediaFiles: zipMediaFiles(path, entries),
    },
  ];
}

/**
 * An iPhone names every chat's text `_chat.txt`: the chat is named by its folder ("WhatsApp Chat - Anna" →
 * "Anna") instead. Other files are named after the chat already.
 */
function whatsAppChatName(path: string): string {
  if (/^_chat\.txt$/i.test(basename(path)) && basename(dirname(path)) !== '')
    return chatNameFromLocalFileName(chatNameFromFileName(dirname(path)));
  return chatNameFromLocalFileName(chatNameFromFileName(path));
}

/** Text whose first line starts with a WhatsApp message's date and time. */
const startsLikeWhatsApp = (file: ExaminedFile): boolean =>
  file.content === 'text' && parseWhatsAppHeader(file.head.split('\n', 1)[0]!) !== null;

/**
 * WhatsApp's "Export chat": a `.txt`, or the `.zip` it shares (the text plus media). A `.txt` that does not
 * start like one is still read as one, so the error names the line that is not a WhatsApp message.
 */
export const whatsAppImportFormat: ImportFormat = {
  id: 'whatsapp',
  app: 'WhatsApp',
  label: 'WhatsApp chat exports (.txt or .zip)',
  extensions: ['txt', 'zip'],
  recognise(file) {
    if (file.content === 'zip') return chatEntryOf(listZipEntries(file.path)) ? 'sure' : null;
    if (startsLikeWhatsApp(file)) return 'sure';
    return file.extension === 'txt' ? 'maybe' : null;
  },
  nearMiss: (file) => (file.content === 'zip' ? 'a zip that holds no chat text (.txt), so not a WhatsApp export' : null),
  expand: (file) =>
    file.content === 'zip' ? zipInput(file.path) : [fileInput(file.path, whatsAppImportFormat, whatsAppChatName(file.path))],
  read(input, { db, files }, options) {
    const chat: SourceChat = {
      key: `whatsapp:${input.chatNameHint}`,
      name: input.chatNameHint,
      kind: 'private',
      messageCount: null,
      lastMessageDate: null,
    };
    const writer = new ChatWriter(db, chat, files);
    const seenAtTime = new Map<number, number>();
    const authors = new Set<string>();
    const findMedia = (name: string) => input.mediaFiles.find(name);
    let isGroup = false;
    const phrases = new WhatsAppPhrases();
    let iphone: boolean | null = null;
    readWhatsAppMessages(
      input.source,
      (line) => {
        const index = seenAtTime.get(line.date) ?? 0;
        seenAtTime.set(line.date, index + 1);
        iphone ??= line.iphone;
        const message = toWhatsAppSourceMessage(line, index, findMedia, phrases);
        if (line.author !== null) authors.add(line.author);
        if (message.service && GROUP_SERVICE_ACTIONS.has(message.service.action)) isGroup = true;
        writer.add(message);
      },
      {
        ...(options.whatsAppTimeZone ? { toEpochMs: wallClockInZone(options.whatsAppTimeZone) } : {}),
        ...options.whatsapp,
        onFirstHeader: (header) => phrases.noteDateShape(dateShapeOf(header)),
        onBytes: (bytes) => {
          if (options.isCancelled?.()) throw cancelledImport(input);
          options.onProgress?.(bytes);
        },
      },
    );
    if (isGroup || authors.size > 2) setChatKind(db, writer.chatId, 'group');
    options.onProgress?.(input.sizeBytes);
    const computers = computerTimeZone();
    const zone = options.whatsAppTimeZone ?? computers;
    return { chats: [writer.finish()], timeZone: { zone, computers: zone === computers }, readAs: describeReading(phrases, iphone) };
  },
};

/** "read as Dutch, iPhone": the language its phrases named and the phone its stamps are written by. */
function describeReading(phrases: WhatsAppPhrases, iphone: boolean | null): string {
  const phone = iphone ? 'iPhone' : 'Android';
  if (phrases.language) return `read as ${phrases.language.name}, ${phone}`;
  return `read as an ${phone} export; no WhatsApp wording in it tells its language`;
}
