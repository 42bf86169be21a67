import { statSync } from 'node:fs';
import path from 'node:path';
import { fileByteSource } from '../../files/ByteSource.ts';
import { decodeTextChunks } from '../../files/decodeTextChunks.ts';
import type { SourceMessage, SourceSender } from '../../model/SourceMessage.ts';
import { GROUP_SERVICE_ACTIONS } from '../groupServiceActions.ts';
import type { ImportMediaFiles } from '../importMediaFiles.ts';
import { dateSeparatorDay, TelegramHtmlPageParser } from './TelegramHtmlPageParser.ts';
import { toTelegramHtmlSourceMessage } from './toTelegramHtmlSourceMessage.ts';

export interface TelegramHtmlChatRead {
  /** The chat's name, from the first page's header (the folder's name when it has none). */
  chatName: string;
  /** Names of the distinct senders seen (more than two make a group; only the chat's own name, a channel). */
  senders: string[];
  /** Someone joined, was added or removed, or a group was made: only a group has such lines. */
  groupLines: boolean;
  /** Stopped before the end because the import was cancelled. */
  cancelled: boolean;
}

export interface TelegramHtmlPages {
  /** In order: messages.html, messages2.html, … */
  pages: string[];
  /** The folder media paths resolve inside (the chat's, or a whole-account export's root). */
  root: string;
  chatNameHint: string;
  mediaFiles: ImportMediaFiles;
}

/**
 * Whether a block's id is a message's: the exporter numbers its own blocks (day separators, and lines it adds)
 * down from 0, while a basic group's messages from before it became a supergroup are numbered near
 * −1,000,000,000 (old id − 10⁹) and are real messages.
 */
export function isMessageId(id: number): boolean {
  return id > 0 || id <= -500_000_000;
}

/** Service lines held until a dated message comes, when nothing before them said a time (at most this many). */
const MAX_UNDATED = 10_000;

/**
 * Reads the pages of one HTML chat in order, streamed a chunk at a time, handing each message on as it
 * closes (with the chat's name and the bytes read of all the pages so far). A service line (the page gives
 * it no time) takes its neighbours' time, marked approximate: the message before it, or the start of its day
 * when it opens one, or, with neither, the next dated message (the page's own time when none follows), so
 * history order holds and nothing is dated 1970. Blocks the exporter numbers itself (ids from 0 down) are
 * not messages.
 */
export function parseTelegramHtmlPages(
  input: TelegramHtmlPages,
  onMessage: (message: SourceMessage, chatName: string, bytes: number) => void,
  options: { onBytes?: (bytes: number) => void; isCancelled?: () => boolean } = {},
): TelegramHtmlChatRead {
  const { pages, root } = input;
  let name: string | null = null;
  let previousSender: SourceSender | null = null;
  let lastDate = Number.NEGATIVE_INFINITY;
  let dayStart = Number.NEGATIVE_INFINITY;
  const senders = new Map<string, string>();
  let groupLines = false;
  let previousForward: string | null = null;
  let bytesBefore = 0;
  let bytesRead = 0;
  // Service lines before any time was said: handed on with the next dated message's time.
  const undated: Array<{ message: SourceMessage; chatName: string; bytes: number }> = [];
  const handUndated = (date: number): void => {
    for (const held of undated.splice(0)) {
      held.message.date = date;
      onMessage(held.message, held.chatName, held.bytes);
    }
  };
  for (const page of pages) {
    const pageFolder = path.dirname(page);
    const files = {
      find: (href: string) => {
        let decoded: string;
        try {
          decoded = decodeURIComponent(href.split(/[?#]/, 1)[0]!);
        } catch {
          return undefined;
        }
        return input.mediaFiles.find(path.relative(root, path.resolve(pageFolder, decoded)));
      },
    };
    const parser = new TelegramHtmlPageParser((block) => {
      const day = dateSeparatorDay(block);
      if (day !== null) {
        dayStart = day;
        return;
      }
      if (!isMessageId(block.id)) return;
      const message = toTelegramHtmlSourceMessage(block, previousSender, files, () => `${page}, message ${block.id}`);
      if (block.service) {
        message.dateApproximate = true;
        const known = Math.max(lastDate, dayStart);
        if (Number.isFinite(known)) message.date = known;
      } else {
        lastDate = message.date;
        handUndated(message.date);
      }
      // A joined block forwarded from the same source as the one before it omits the name too.
      if (message.forward && block.forward?.fromName === '' && block.joined && previousForward) message.forward.fromName = previousForward;
      if (!block.service) previousForward = message.forward?.fromName ?? null;
      if (message.service && GROUP_SERVICE_ACTIONS.has(message.service.action)) groupLines = true;
      if (!block.service) previousSender = message.sender;
      if (message.sender) senders.set(message.sender.key, message.sender.name);
      // The header (the chat's name) comes before the first message on the first page.
      name ??= parser.chatName;
      if (block.service && !Number.isFinite(Math.max(lastDate, dayStart))) {
        undated.push({ message, chatName: name || input.chatNameHint, bytes: bytesRead });
        if (undated.length >= MAX_UNDATED) handUndated(Math.floor(statSync(page).mtimeMs));
        return;
      }
      onMessage(message, name || input.chatNameHint, bytesRead);
    }, page);
    for (const chunk of decodeTextChunks(fileByteSource(page))) {
      if (options.isCancelled?.()) return { chatName: name || input.chatNameHint, senders: [], groupLines, cancelled: true };
      parser.write(chunk.text);
      bytesRead = bytesBefore + chunk.byteEnd;
      options.onBytes?.(bytesRead);
    }
    parser.end();
    name ??= parser.chatName;
    bytesBefore += statSync(page).size;
  }
  // Nothing dated followed: the last page's time (when it was exported) is the nearest there is.
  if (undated.length > 0) handUndated(Math.floor(statSync(pages.at(-1)!).mtimeMs));
  return { chatName: name || input.chatNameHint, senders: [...senders.values()], groupLines, cancelled: false };
}
