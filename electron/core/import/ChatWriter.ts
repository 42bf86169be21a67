import { upsertTopics, type SourceTopic } from '../cache/topicQueries.ts';
import type { ChatImportResult } from '../../../shared/importing.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { comparePositions } from '../../../shared/cursor.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import {
  findChatHoldingMessage,
  findChatIdByKey,
  findImportedTelegramChat,
  getChatSummary,
  recordSourceTotals,
  upsertChats,
} from '../cache/chatQueries.ts';
import { addCoverage } from '../cache/coverageQueries.ts';
import { insertMessages } from '../cache/messageQueries.ts';
import { createSenderResolver } from '../cache/senderQueries.ts';
import { IMPORT_SOURCE_ID } from '../sources/archive/createArchiveSource.ts';
import type { SourceChat } from '../sources/HistorySource.ts';
import type { SourceMessage } from '../model/SourceMessage.ts';
import { mimeTypeOfName } from '../media/servableMimeType.ts';
import type { ImportFiles, ImportInput } from './ImportFormat.ts';
import { translator } from '../i18n/createTranslator.ts';

const BATCH = 4096;
/** Characters of text a batch may hold: a file of long messages is written in smaller batches (bounded memory). */
const BATCH_CHARS = 8_000_000;

/**
 * Writes one chat's messages in batches, every format's the same way, and at the end the coverage they
 * prove (the whole chat).
 */
export class ChatWriter {
  private readonly pending: SourceMessage[] = [];
  private pendingChars = 0;
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
    this.pendingChars += message.text.length;
    if (this.pending.length >= BATCH || this.pendingChars >= BATCH_CHARS) this.flush();
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
    this.pendingChars = 0;
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
  return { ...message, media: { ...rest, mimeType } };
}

/** The error a cancelled import ends with (its transaction rolls the file back). */
export function cancelledImport(input: ImportInput): ScrollbackError {
  return new ScrollbackError('CANCELLED', translator()('error.import.cancelled', { path: input.path }));
}
