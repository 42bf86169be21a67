import { encodeCursor } from '../../../shared/cursor.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { HistoryAnchor } from '../../../shared/history.ts';
import { MAX_PAGE_SIZE } from '../../../shared/history.ts';
import { parseDateInput } from '../../../shared/parseDateInput.ts';
import type { CliContext, ReadingCliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { formatMessageLine } from '../formatMessageLine.ts';
import { toJsonMessage } from '../../../shared/toJsonMessage.ts';
import type { ChatReader } from '../openArchiveReader.ts';

export interface HistoryOptions {
  before?: string;
  after?: string;
  around?: string;
  limit?: string;
  ndjson?: boolean;
}

export async function historyCommand(context: ReadingCliContext, chatArgument: string | undefined, options: HistoryOptions): Promise<void> {
  const given = (['before', 'after', 'around'] as const).filter((name) => options[name] !== undefined);
  if (given.length > 1)
    throw new CliUsageError(`Use only one of --before, --after and --around (got ${given.map((name) => `--${name}`).join(' and ')}).`);
  const limit = options.ndjson ? parseStreamLimit(options.limit) : parseLimit(options.limit);
  const { chat, reader } = await context.readChat(chatArgument);

  let anchor: HistoryAnchor = { kind: 'latest' };
  const id = options.before ?? options.after;
  if (options.around !== undefined) {
    const parsed = parseDateInput(options.around);
    if (!parsed.ok) throw new CliUsageError(`--around: ${parsed.message}`);
    anchor = { kind: 'aroundDate', date: parsed.date };
  } else if (id !== undefined) {
    const position = reader.findMessagePosition(chat.id, id);
    if (!position) {
      throw new ScrollbackError(
        'MESSAGE_NOT_FOUND',
        `Message ${id} of chat ${chat.id} is not in the cache; use an id printed by \`scrollback history\`.`,
      );
    }
    anchor = { kind: options.before !== undefined ? 'before' : 'after', cursor: encodeCursor(position) };
  }

  if (options.ndjson) {
    await streamHistory(context, reader, chat.id, anchor, limit);
    return;
  }
  const page = await reader.history.getHistoryPage({ chatId: chat.id, anchor, limit });
  if (context.json) {
    context.out(
      JSON.stringify(
        {
          chatId: chat.id,
          messages: page.messages.map(toJsonMessage),
          reachedOldest: page.reachedOldest,
          reachedNewest: page.reachedNewest,
          offline: page.offline,
        },
        null,
        2,
      ),
    );
    if (page.offlineReason) context.err(`Showing the cache: ${page.offlineReason.message}`);
    return;
  }
  if (page.reachedOldest) context.out('— beginning of this chat —');
  for (const message of page.messages) context.out(formatMessageLine(message));
  if (page.offlineReason) context.err(`Showing the cache: ${page.offlineReason.message}`);
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 50;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new CliUsageError(`--limit must be a whole number from 1 to ${MAX_PAGE_SIZE} (got “${value}”).`);
  return limit;
}

function parseStreamLimit(value: string | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliUsageError(`--limit must be a whole number of at least 1 (got “${value}”).`);
  return Number(value);
}

/**
 * `--ndjson`: one JSON message per line, as many as asked (no cap), page after page: from the newest (or
 * --before) back to the beginning, newest first; with --after forward to the newest, oldest first.
 * Memory stays flat whatever the count.
 */
async function streamHistory(context: CliContext, reader: ChatReader, chatId: number, first: HistoryAnchor, limit: number): Promise<void> {
  const forward = first.kind === 'after';
  let anchor = first;
  let written = 0;
  while (written < limit) {
    const page = await reader.history.getHistoryPage({ chatId, anchor, limit: Math.min(MAX_PAGE_SIZE, limit - written) });
    const messages = forward ? page.messages : [...page.messages].reverse();
    for (const message of messages.slice(0, limit - written)) context.out(JSON.stringify(toJsonMessage(message)));
    written += Math.min(messages.length, limit - written);
    if (page.offlineReason) context.err(`Showing the cache: ${page.offlineReason.message}`);
    const next = forward ? (page.reachedNewest ? null : page.newerCursor) : page.reachedOldest ? null : page.olderCursor;
    if (!next || messages.length === 0) return;
    anchor = { kind: forward ? 'after' : 'before', cursor: next };
  }
}
