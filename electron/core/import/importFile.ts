import { upsertTopics, type SourceTopic } from '../cache/topicQueries.ts';
import type { ChatImportResult, FileImportResult } from '../../../shared/importing.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { comparePositions } from '../../../shared/cursor.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import {
  findChatHoldingMessage,
  findChatIdByKey,
  findImportedTelegramChat,
  getChatRecord,
  getChatSummary,
  recordSourceTotals,
  setChatKind,
  upsertChats,
} from '../cache/chatQueries.ts';
import { inWriteTransaction } from '../cache/transactions.ts';
import { addCoverage } from '../cache/coverageQueries.ts';
import { insertMessages } from '../cache/messageQueries.ts';
import { createSenderResolver } from '../cache/senderQueries.ts';
import { upsertSource } from '../cache/sourceQueries.ts';
import { decodeTextChunks } from '../files/decodeTextChunks.ts';
import { IMPORT_SOURCE_ID } from '../sources/archive/createArchiveSource.ts';
import type { SourceChat } from '../sources/HistorySource.ts';
import type { SourceMessage } from '../model/SourceMessage.ts';
import type { ImportInput } from './findImportInputs.ts';
import { GROUP_SERVICE_ACTIONS } from './groupServiceActions.ts';
import type { MediaStore } from '../media/createMediaStore.ts';
import { mimeTypeOfName } from '../media/servableMimeType.ts';
import type { ImportMediaFiles } from './importMediaFiles.ts';
import { TelegramExportScanner } from './telegram/TelegramExportScanner.ts';
import { readTelegramHtmlChat } from './telegram-html/readTelegramHtmlChat.ts';
import { parseDiscordExport, toDiscordSourceChat, toDiscordSourceMessages } from './discord/toDiscordSourceMessages.ts';
import { toTelegramSourceChat, toTelegramSourceMessage } from './telegram/toTelegramSourceMessage.ts';
import { readWhatsAppMessages, type WhatsAppReadOptions } from './whatsapp/readWhatsAppMessages.ts';
import { toWhatsAppSourceMessage } from './whatsapp/toWhatsAppSourceMessage.ts';
import { computerTimeZone, wallClockInZone } from './whatsapp/wallClockInZone.ts';

export interface ImportFileOptions {
  /** Bytes read so far of this file (of `input.sizeBytes`), after each chunk. */
  onProgress?: (bytesRead: number) => void;
  /** Asked between chunks; true stops the import and rolls the file back. */
  isCancelled?: () => boolean;
  whatsapp?: WhatsAppReadOptions;
  /** The zone WhatsApp times are read in (IANA name); null or absent: this computer's. */
  whatsAppTimeZone?: string | null;
  /**
   * Where the export's media files are copied (content-addressed, so the export can be deleted afterwards).
   * Without one, messages keep their kind and size but no file.
   */
  mediaStore?: MediaStore;
}

const BATCH = 4096;

/**
 * Imports one export file in one transaction: a failure anywhere (a broken message on the last line, a
 * cancel, a killed process) leaves the database as it was before this file. Messages already stored (the
 * same file again, or an older export of the same chat) are recognised by their ids and not added twice.
 */
export function importFile(db: WritableDB, input: ImportInput, options: ImportFileOptions = {}): FileImportResult {
  const chats = inWriteTransaction(db, () => {
    upsertSource(db, { id: IMPORT_SOURCE_ID, kind: 'import', name: 'Imported' });
    const files = { store: options.mediaStore ?? null, media: input.mediaFiles, origin: `import: ${input.path}` };
    if (input.format === 'telegram-html' && input.html) return importTelegramHtml(db, { ...input, html: input.html }, options, files);
    if (input.format === 'discord') return importDiscord(db, input, options, files);
    return input.format === 'telegram' ? importTelegram(db, input, options, files) : importWhatsApp(db, input, options, files);
  });
  const computers = computerTimeZone();
  const zone = options.whatsAppTimeZone ?? computers;
  return { path: input.path, chats, timeZone: input.format === 'whatsapp' ? { zone, computers: zone === computers } : null };
}

/** Writes one chat's messages in batches and, at the end, the coverage they prove (the whole chat). */
/** Where an import's attachments go: each message names its file by a reference of `media` (in `localFile`). */
interface ImportFiles {
  store: MediaStore | null;
  media: ImportMediaFiles;
  origin: string;
}

class ChatWriter {
  private readonly pending: SourceMessage[] = [];
  private readonly attachments: Array<{ messageId: string; ref: string; mimeType: string }> = [];
  private readonly files: ImportFiles;
  private added = 0;
  private total = 0;
  private skipped = 0;
  private oldest: SourceMessage | null = null;
  private newest: SourceMessage | null = null;
  private openedChatId: number | null = null;
  private readonly chat: SourceChat;
  private readonly resolveSender: (message: SourceMessage) => number | null;
  private readonly db: WritableDB;

  /** A chat of another source this file was exported from (Scrollback's own export): added to, proving nothing. */
  private readonly into: number | null;
  /**
   * Forum topics the file names (their "created the topic" lines), and the topic of each message in one:
   * exports write no topic on a message, but every message of a topic replies to its first message or to
   * another message of the topic, and replies come after what they answer.
   */
  private readonly topics = new Map<string, SourceTopic>();
  private readonly topicOf = new Map<string, string>();

  constructor(db: WritableDB, chat: SourceChat, files: ImportFiles, into: number | null = null) {
    this.db = db;
    this.chat = chat;
    this.files = files;
    this.into = into;
    this.resolveSender = createSenderResolver(db, IMPORT_SOURCE_ID);
  }

  /**
   * The chat's local id, settled at its first message: the chat with this key, else (a Telegram export
   * without an id, or of another format) the imported chat of the same name holding that same message, so
   * an HTML and a JSON export of one chat make one chat.
   */
  get chatId(): number {
    this.openedChatId ??= this.open(null);
    return this.openedChatId;
  }

  private open(first: SourceMessage | null): number {
    if (this.into !== null) return this.into;
    if (first && this.chat.key.startsWith('telegram:')) {
      const same = findImportedTelegramChat(this.db, IMPORT_SOURCE_ID, this.chat, { id: first.id, date: first.date });
      if (same !== null) return same;
    }
    if (first && this.chat.key.startsWith('whatsapp:')) {
      // A WhatsApp file names no chat id: the same chat exported again holds its first message already; another
      // chat of the same name (two "Anna"s) does not, and becomes a chat of its own rather than merging.
      const same = findChatHoldingMessage(this.db, IMPORT_SOURCE_ID, this.chat.key, first.id);
      if (same !== null) return same;
      if (findChatIdByKey(this.db, IMPORT_SOURCE_ID, this.chat.key) !== null)
        return upsertChats(this.db, IMPORT_SOURCE_ID, [{ ...this.chat, key: `${this.chat.key}#${first.id}` }])[0]!;
    }
    return upsertChats(this.db, IMPORT_SOURCE_ID, [this.chat])[0]!;
  }

  add(added: SourceMessage): void {
    const message = this.withTopic(added);
    this.openedChatId ??= this.open(message);
    this.total++;
    if (!this.oldest || comparePositions(message, this.oldest) < 0) this.oldest = message;
    if (!this.newest || comparePositions(message, this.newest) > 0) this.newest = message;
    this.pending.push(withoutFileReference(message, this.attachments));
    if (this.pending.length >= BATCH) this.flush();
  }

  private withTopic(message: SourceMessage): SourceMessage {
    const service = message.service;
    if (service?.action === 'topicCreated') {
      this.topics.set(message.id, { id: message.id, title: service.title || 'Topic', createdDate: message.date });
      this.topicOf.set(message.id, message.id);
      return { ...message, topicId: message.id };
    }
    const topicId = message.topicId ?? (message.replyToId === null ? undefined : this.topicOf.get(message.replyToId));
    if (!topicId) return message;
    this.topicOf.set(message.id, topicId);
    const topic = this.topics.get(topicId);
    if (service?.action === 'topicEdited' && service.title && topic) topic.title = service.title;
    return { ...message, topicId };
  }

  /** A placeholder the exporter wrote for a message it could not export. */
  skip(): void {
    this.skipped++;
  }

  private flush(): void {
    this.added += insertMessages(this.db, this.chatId, this.resolveSender, this.pending);
    this.pending.length = 0;
    // Copied in the same transaction as the messages: a failed import records no file (the bytes already
    // copied are swept as unrecorded at the next start).
    for (const attachment of this.attachments) {
      if (!this.files.store) break;
      this.files.media.copy(
        this.files.store,
        attachment.ref,
        { chatId: this.chatId, messageId: attachment.messageId, variant: 'full', origin: this.files.origin },
        attachment.mimeType,
      );
    }
    this.attachments.length = 0;
  }

  finish(): ChatImportResult {
    this.flush();
    upsertTopics(this.db, this.chatId, [...this.topics.values()]);
    if (this.into !== null) {
      // The chat's own source says what is covered and how many there are; a file of what was cached proves neither.
      const chat = getChatSummary(this.db, this.chatId);
      return { chatId: this.chatId, name: chat.name, added: this.added, inFile: this.total, skipped: this.skipped };
    }
    if (this.oldest && this.newest) {
      addCoverage(this.db, this.chatId, { from: this.oldest, to: this.newest, reachesOldest: true });
    }
    const chat = getChatSummary(this.db, this.chatId);
    // The export was the whole chat as far as anyone can know: what is stored is its count.
    recordSourceTotals(this.db, this.chatId, { newestDate: this.newest?.date ?? null, messageCount: chat.cachedCount });
    return { chatId: this.chatId, name: chat.name, added: this.added, inFile: this.total, skipped: this.skipped };
  }
}

/** The message as stored (no file reference), the reference queued to copy its file. */
function withoutFileReference(message: SourceMessage, queue: Array<{ messageId: string; ref: string; mimeType: string }>): SourceMessage {
  const media = message.media;
  if (!media || !('localFile' in media) || !media.localFile) return message;
  const { localFile: ref, ...rest } = media;
  const mimeType = ('mimeType' in rest && rest.mimeType) || mimeTypeOfName(ref);
  queue.push({ messageId: message.id, ref, mimeType });
  return { ...message, media: { ...rest, mimeType } as typeof media };
}

function importTelegram(db: WritableDB, input: ImportInput, options: ImportFileOptions, files: ImportFiles): ChatImportResult[] {
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
    if (options.isCancelled?.()) throw cancelled(input);
    scanner.push(chunk.text, chunk.byteOffset);
    options.onProgress?.(chunk.byteEnd);
  }
  scanner.end();
  return mergeRepeatedChats(results);
}

/** An HTML export names its chat but gives no id: keyed by the name until a JSON export of it brings the id. */
function htmlChat(name: string): SourceChat {
  return { key: `telegram:html:name:${name}`, name, kind: 'group', messageCount: null, lastMessageDate: null };
}

function importTelegramHtml(
  db: WritableDB,
  input: ImportInput & { html: NonNullable<ImportInput['html']> },
  options: ImportFileOptions,
  files: ImportFiles,
): ChatImportResult[] {
  let writer: ChatWriter | null = null;
  const read = readTelegramHtmlChat(
    { pages: input.html.pages, root: input.html.root, chatNameHint: input.chatNameHint },
    (message, chatName) => {
      writer ??= new ChatWriter(db, htmlChat(chatName), files);
      writer.add(message);
    },
    { isCancelled: options.isCancelled, onBytes: (bytes) => options.onProgress?.(bytes) },
  );
  if (read.cancelled) throw cancelled(input);
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
  return [chat.finish()];
}

function importDiscord(db: WritableDB, input: ImportInput, options: ImportFileOptions, files: ImportFiles): ChatImportResult[] {
  const parts: string[] = [];
  for (const chunk of decodeTextChunks(input.source)) {
    if (options.isCancelled?.()) throw cancelled(input);
    parts.push(chunk.text);
    options.onProgress?.(chunk.byteEnd);
  }
  const exported = parseDiscordExport(parts.join(''), input.path);
  const writer = new ChatWriter(db, toDiscordSourceChat(exported, input.chatNameHint), files);
  // An export can list one message twice (seen in the wild): kept once.
  const seen = new Set<string>();
  exported.messages!.forEach((raw, index) => {
    for (const message of toDiscordSourceMessages(raw, `${input.path}, message ${index + 1}`, (name) => input.mediaFiles.find(name))) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      writer.add(message);
    }
  });
  return [writer.finish()];
}

function importWhatsApp(db: WritableDB, input: ImportInput, options: ImportFileOptions, files: ImportFiles): ChatImportResult[] {
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
  readWhatsAppMessages(
    input.source,
    (line) => {
      const index = seenAtTime.get(line.date) ?? 0;
      seenAtTime.set(line.date, index + 1);
      const message = toWhatsAppSourceMessage(line, index, findMedia);
      if (line.author !== null) authors.add(line.author);
      if (message.service && GROUP_SERVICE_ACTIONS.has(message.service.action)) isGroup = true;
      writer.add(message);
    },
    {
      ...(options.whatsAppTimeZone ? { toEpochMs: wallClockInZone(options.whatsAppTimeZone) } : {}),
      ...options.whatsapp,
      onBytes: (bytes) => {
        if (options.isCancelled?.()) throw cancelled(input);
        options.onProgress?.(bytes);
      },
    },
  );
  if (isGroup || authors.size > 2) setChatKind(db, writer.chatId, 'group');
  options.onProgress?.(input.sizeBytes);
  return [writer.finish()];
}

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

function cancelled(input: ImportInput): ScrollbackError {
  return new ScrollbackError('CANCELLED', `Import of ${input.path} cancelled; nothing from it was kept.`);
}
