import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { decodeCursor, encodeCursor, type HistoryCursor } from '../../../shared/cursor.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { HistoryAnchor } from '../../../shared/history.ts';
import type { ScrollbackCore } from '../../core/app/openScrollbackCore.ts';
import { boundedItems, messageForAssistant, visibleChat } from './assistantView.ts';
import { readDateArgument } from './readDateArgument.ts';
import { answerOrToolError } from './toolResult.ts';
import { readOnlyTool } from './readOnlyTool.ts';

/** A cursor this server gave out, or a tool error: a made-up one must not reach the history engine. */
function cursorArgument(name: string, value: string): HistoryCursor {
  if (decodeCursor(value) === null)
    throw new ScrollbackError('INVALID_INPUT', `${name} is not a cursor this server gave; pass olderCursor or newerCursor back unchanged.`);
  return value as HistoryCursor;
}

/**
 * Which page an assistant asked for: around a message or a date (with its context on both sides), before or
 * after a cursor, or the newest. At most one of them.
 */
function anchorOf(args: {
  aroundMessageId?: string | undefined;
  aroundDate?: string | undefined;
  before?: string | undefined;
  after?: string | undefined;
}): HistoryAnchor {
  const given = Object.entries(args).filter(([, value]) => value !== undefined);
  if (given.length > 1)
    throw new ScrollbackError(
      'INVALID_INPUT',
      `Give one of aroundMessageId, aroundDate, before and after, not ${given.map(([name]) => name).join(' and ')}.`,
    );
  if (args.aroundMessageId !== undefined) return { kind: 'aroundMessage', messageId: args.aroundMessageId };
  const date = readDateArgument('aroundDate', args.aroundDate);
  if (date !== null) return { kind: 'aroundDate', date };
  if (args.before !== undefined) return { kind: 'before', cursor: cursorArgument('before', args.before) };
  if (args.after !== undefined) return { kind: 'after', cursor: cursorArgument('after', args.after) };
  return { kind: 'latest' };
}

/** `get_messages`: a page of one chat, oldest first, around a message or a date, or paged with cursors. */
export function registerGetMessagesTool(server: McpServer, core: ScrollbackCore): void {
  server.registerTool(
    'get_messages',
    {
      title: 'Get messages',
      description:
        'A page of one chat, oldest first: around a message (aroundMessageId, e.g. a search hit, with the messages before and after it), around a date (aroundDate: YYYY-MM-DD or ISO timestamp), before/after a cursor from an earlier page, or the newest messages when none is given.',
      inputSchema: {
        chatId: z.number().int().positive(),
        aroundMessageId: z.string().min(1).max(200).optional(),
        aroundDate: z.string().max(40).optional(),
        before: z.string().max(200).optional(),
        after: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      },
      annotations: readOnlyTool('Get messages'),
    },
    ({ chatId, limit, ...anchorArgs }, { signal }) =>
      answerOrToolError(async () => {
        const chat = visibleChat(core, chatId);
        const page = await core.history.getHistoryPage({ chatId, anchor: anchorOf(anchorArgs), limit }, signal);
        const messages = page.messages.map((message) => messageForAssistant(chatId, message));
        // What is cut to keep the answer short is its newer end; newerCursor then continues right after what was kept.
        const { kept, leftOut } = boundedItems(messages);
        return {
          chat: { id: chat.id, name: chat.name },
          messages: kept,
          ...(leftOut > 0
            ? { leftOut: `${leftOut} newer messages of this page were left out to keep the answer short; page on with newerCursor` }
            : {}),
          anchorMessageId: page.anchorIndex === null ? null : (page.messages[page.anchorIndex]?.id ?? null),
          olderCursor: page.reachedOldest ? null : page.olderCursor,
          newerCursor: leftOut > 0 ? cursorAfter(core, chatId, kept.at(-1)?.id) : page.reachedNewest ? null : page.newerCursor,
          reachedFirstMessage: page.reachedOldest,
          reachedNewestMessage: page.reachedNewest && leftOut === 0,
          offline: page.offline
            ? `the chat's source could not be reached; this page is what is on this computer (${page.offlineReason?.message ?? 'no reason given'})`
            : null,
        };
      }),
  );
}

/** A cursor right after a stored message, to page on from where a cut answer stopped. */
function cursorAfter(core: ScrollbackCore, chatId: number, messageId: string | undefined): HistoryCursor | null {
  const position = messageId === undefined ? null : core.findMessagePosition(chatId, messageId);
  return position ? encodeCursor(position) : null;
}
