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
 * Reads the pages of one HTML chat in order, streamed a chunk at a time, handing each message on as it
 * closes (with the chat's name and the bytes read of all the pages so far). A service line (the page gives
 * it no time) takes the time of the message before it, or the start of its day when it opens one, so
 * history order holds.
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
      const message = toTelegramHtmlSourceMessage(block, previousSender, files, () => `${page}, message ${block.id}`);
      if (block.service) message.date = Number.isFinite(lastDate) ? Math.max(lastDate, dayStart) : Math.max(0, dayStart);
      else lastDate = message.date;
      // A joined block forwarded from the same source as the one before it omits the name too.
      if (message.forward && block.forward?.fromName === '' && block.joined && previousForward) message.forward.fromName = previousForward;
      if (!block.service) previousForward = message.forward?.fromName ?? null;
      if (message.service && GROUP_SERVICE_ACTIONS.has(message.service.action)) groupLines = true;
      if (!block.service) previousSender = message.sender;
      if (message.sender) senders.set(message.sender.key, message.sender.name);
      // The header (the chat's name) comes before the first message on the first page.
      name ??= parser.chatName;
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
  return { chatName: name || input.chatNameHint, senders: [...senders.values()], groupLines, cancelled: false };
}
