import { encodeCursor } from '../../../shared/cursor.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { HistoryAnchor } from '../../../shared/history.ts';
import { MAX_PAGE_SIZE } from '../../../shared/history.ts';
import { parseDateInput } from '../../../shared/parseDateInput.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { formatMessageLine, toJsonMessage } from '../formatMessageLine.ts';
import { resolveChatArgument } from '../resolveChatArgument.ts';

export interface HistoryOptions {
  before?: string;
  after?: string;
  around?: string;
  limit?: string;
}

export async function historyCommand(context: CliContext, chatArgument: string | undefined, options: HistoryOptions): Promise<void> {
  const given = (['before', 'after', 'around'] as const).filter((name) => options[name] !== undefined);
  if (given.length > 1)
    throw new CliUsageError(`Use only one of --before, --after and --around (got ${given.map((name) => `--${name}`).join(' and ')}).`);
  const limit = parseLimit(options.limit);
  const core = context.core();
  const chat = resolveChatArgument(core, chatArgument);

  let anchor: HistoryAnchor = { kind: 'latest' };
  if (options.around !== undefined) {
    const parsed = parseDateInput(options.around);
    if (!parsed.ok) throw new CliUsageError(`--around: ${parsed.message}`);
    anchor = { kind: 'aroundDate', date: parsed.date };
  } else if (options.before !== undefined || options.after !== undefined) {
    const id = (options.before ?? options.after)!;
    const position = core.findMessagePosition(chat.id, id);
    if (!position) {
      throw new ScrollbackError(
        'MESSAGE_NOT_FOUND',
        `Message ${id} of chat ${chat.id} is not in the cache; use an id printed by \`scrollback history\`.`,
      );
    }
    anchor = { kind: options.before !== undefined ? 'before' : 'after', cursor: encodeCursor(position) };
  }

  const page = await core.history.getHistoryPage({ chatId: chat.id, anchor, limit });
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
