import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SearchFilter, SearchTotal } from '../../../shared/search.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { DATE_OPERATORS, HAS_VALUES, IS_VALUES } from '../../../shared/searchQuery.ts';
import type { ScrollbackCore } from '../../core/app/openScrollbackCore.ts';
import { boundedItems, messageForAssistant, visibleChat } from './assistantView.ts';
import { readDateArgument } from './readDateArgument.ts';
import { answerOrToolError } from './toolResult.ts';
import { readOnlyTool } from './readOnlyTool.ts';

const QUERY_LANGUAGE = [
  'Words and "phrases" must all appear (case- and accent-insensitive, parts of words match); -word excludes;',
  "OR between terms; ( ) groups; from:person:ID (a person of list_people, in every source), from:NAME (a person's exact name, else part of a sender name); in:CHAT (part of a chat name);",
  `has:${HAS_VALUES.join('|')}; is:${IS_VALUES.join('|')}; ${DATE_OPERATORS.join(':/')}: YYYY-MM-DD (during: also YYYY-MM or YYYY).`,
  'This is literal matching, not semantic search.',
].join(' ');

/** `search_messages`: the query language over one chat or every chat an assistant may see, with totals that say what they count. */
export function registerSearchMessagesTool(server: McpServer, core: ScrollbackCore): void {
  server.registerTool(
    'search_messages',
    {
      title: 'Search messages',
      description: `Searches messages, newest first (or oldest first), in one chat or in every chat. ${QUERY_LANGUAGE} Pass nextCursor back as cursor for the next page. Parts of a chat not downloaded to this computer may be searched at the chat's source.`,
      inputSchema: {
        query: z.string().max(1_000),
        chatId: z.number().int().positive().optional(),
        from: z.string().max(40).optional(),
        to: z.string().max(40).optional(),
        oldestFirst: z.boolean().default(false),
        limit: z.number().int().min(1).max(50).default(20),
        cursor: z.string().max(2_000).optional(),
      },
      annotations: readOnlyTool('Search messages'),
    },
    ({ query, chatId, from, to, oldestFirst, limit, cursor }, { signal }) =>
      answerOrToolError(async () => {
        if (chatId !== undefined) visibleChat(core, chatId);
        const filter: SearchFilter = {
          chatId: chatId ?? null,
          from: readDateArgument('from', from),
          to: readDateArgument('to', to, true),
          query,
          sender: '',
          kinds: [],
        };
        if (filter.from !== null && filter.to !== null && filter.from >= filter.to)
          throw new ScrollbackError('INVALID_INPUT', '`from` must be before `to`.');
        const hidden = core.chatIdsHiddenFromAssistants();
        const page = await core.search.search(
          { ...filter, order: oldestFirst ? 'oldest' : 'newest', limit, cursor: cursor ?? null },
          signal,
        );
        const hits = page.hits
          .filter((hit) => !hidden.has(hit.message.chatId))
          .map((hit) => ({ chatId: hit.message.chatId, chatName: hit.chatName, ...messageForAssistant(hit.message.chatId, hit.message) }));
        const { kept, leftOut } = boundedItems(hits);
        return {
          hits: kept,
          ...(leftOut > 0
            ? { leftOut: `${leftOut} more hits of this page were left out to keep the answer short; narrow the search` }
            : {}),
          nextCursor: page.nextCursor,
          total: await visibleTotal(core, filter, hidden, signal),
          incomplete: page.incomplete ? 'part of the range could not be searched: its source could not be reached' : null,
        };
      }),
  );
}

/**
 * The total of matches as the assistant may know it: the archive's count minus that of the hidden chats (an
 * all-chats total would otherwise reveal them); the source's own count only where no hidden chat is in it.
 */
async function visibleTotal(core: ScrollbackCore, filter: SearchFilter, hidden: ReadonlySet<number>, signal: AbortSignal) {
  const total = await core.search.count(filter, signal);
  let onComputer = total.onComputer;
  const allChats = filter.chatId === null;
  if (allChats) for (const chatId of hidden) onComputer -= (await core.search.count({ ...filter, chatId }, signal)).onComputer;
  const atSource: SearchTotal['atSource'] = allChats && hidden.size > 0 ? null : total.atSource;
  return {
    onThisComputer: onComputer,
    onThisComputerCounts: `messages on this computer that match, in ${allChats ? 'every chat you may see' : 'this chat'}`,
    atSource: atSource && {
      count: atSource.count,
      counts: `${atSource.sourceName}'s own count of matches in ${atSource.scope === 'chat' ? 'the whole chat' : 'all its chats'} (about: it matches whole words)`,
    },
    notOnThisComputer: total.notDownloaded.map((span) => ({
      from: span.from === null ? 'the beginning' : new Date(span.from).toISOString(),
      to: new Date(span.to).toISOString(),
    })),
    notes: total.notes,
  };
}
